"""Runs argument lists through awscli's own command-line driver, each with a fresh driver (global
options such as --debug change the session), and reports how each ends: the parameters it would
send (captured at botocore's before-parameter-build event, whose handler raises, so nothing is
sent), what it printed instead of sending (a skeleton, the version), or its error message.

stdin: a JSON list of argument lists (without the leading "aws").
stdout: a JSON list: {"params": {...}} | {"printed": "<first line of stdout>"} |
{"error": "<message>", "rc": <exit code>}, where the message is what the CLI wrote to stderr
without its usage text and argparse's "<program>: error: " prefix. Used by
crates/core/tests/cli_command.rs.
"""
import json
import os
import re
import sys

from clidriver_run import Driver

USAGE_LINES = (
    "usage: ",
    "aws [options] <command>",
    "To see help text, you can run:",
    "  aws help",
    "  aws <command> help",
    "  aws <command> <subcommand> help",
    "Note: AWS CLI version 2",
)
# What --debug logs: "2026-12-03 08:20:40,216 - MainThread - awscli.clidriver - DEBUG - ...".
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ - ")


def outcome(args):
    driver = Driver()
    params, out, err = driver.run(args)
    if params is not None:
        return {"params": params}
    lines = [
        line
        for line in err.splitlines()
        if line.strip() and not line.startswith(USAGE_LINES) and not LOG_LINE.match(line)
    ]
    if lines:
        lines[0] = re.sub(r"^\S+: error: ", "", lines[0])
        return {"error": "\n".join(lines), "rc": driver.rc}
    return {"printed": out.split("\n", 1)[0]}


def main():
    commands = json.load(sys.stdin)
    # The help page goes to the terminal through a pager process, past sys.stdout: the file
    # descriptor itself points elsewhere while the CLI runs.
    results = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    json.dump([outcome(args) for args in commands], results, ensure_ascii=False)
    results.flush()


if __name__ == "__main__":
    main()
