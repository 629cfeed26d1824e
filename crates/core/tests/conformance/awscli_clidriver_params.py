"""Runs argument lists through awscli's own command-line driver and prints the parameters it would
send, captured before any request is made (botocore's before-parameter-build event; the handler
raises to stop there, so no credentials or network are used).

stdin: a JSON list of argument lists (without the leading "aws").
stdout: a JSON list, one entry per command: {"params": {...}} or {"error": "<what the CLI printed>"}.
Used by crates/core/tests/cli_command.rs.
"""
import json
import sys

from clidriver_run import Driver


def main():
    commands = json.load(sys.stdin)
    driver = Driver()
    results = []
    for args in commands:
        params, _, err = driver.run(args)
        results.append({"params": params} if params is not None else {"error": err})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
