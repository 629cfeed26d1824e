"""Runs argument lists through awscli's own command-line driver and prints the parameters it would
send, captured before any request is made (botocore's before-parameter-build event; the handler
raises to stop there, so no credentials or network are used).

stdin: a JSON list of argument lists (without the leading "aws").
stdout: a JSON list, one entry per command: {"params": {...}} or {"error": "<what the CLI printed>"}.
Used by crates/core/tests/cli_command.rs.
"""
import contextlib
import io
import json
import os
import sys

os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "fake-secret")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from awscli.clidriver import create_clidriver  # noqa: E402


class Captured(Exception):
    pass


def main():
    commands = json.load(sys.stdin)
    driver = create_clidriver()
    captured = {}

    def capture(params, **kwargs):
        captured["params"] = json.loads(json.dumps(params))
        raise Captured()

    driver.session.register("before-parameter-build.connect.SendChatIntegrationEvent", capture)
    results = []
    for args in commands:
        captured.clear()
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                driver.main(args)
            except SystemExit:
                pass
        if "params" in captured:
            results.append({"params": captured["params"]})
        else:
            results.append({"error": err.getvalue()})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
