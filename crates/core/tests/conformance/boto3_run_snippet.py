"""Runs Python SDK snippets (chat_event_core::snippets) against real boto3, offline.

Reads a JSON array of {"request": {...}, "snippet": "..."} on stdin. Each snippet is executed as
written, with `boto3.client` handing it a real connect client whose calls are answered by
botocore's Stubber: boto3 validates the parameters against the bundled service model, and the
Stubber checks that they equal `request` exactly. Writes a JSON array of
{"ok": bool, "printed": "...", "error": "..."}.
"""

import contextlib
import io
import json
import sys

import boto3
import botocore.session
from botocore.stub import Stubber


def run(case):
    client = botocore.session.get_session().create_client(
        "connect", region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="fake"
    )
    stubber = Stubber(client)
    stubber.add_response(
        "send_chat_integration_event",
        {"InitialContactId": "c-1", "NewChatCreated": True},
        expected_params=case["request"],
    )
    boto3.client = lambda *args, **kwargs: client
    printed = io.StringIO()
    try:
        with stubber, contextlib.redirect_stdout(printed):
            exec(compile(case["snippet"], "<snippet>", "exec"), {"__name__": "__main__"})
        stubber.assert_no_pending_responses()
        return {"ok": True, "printed": printed.getvalue(), "error": ""}
    except Exception as e:  # reported back to the Rust test, which shows it
        return {"ok": False, "printed": printed.getvalue(), "error": f"{type(e).__name__}: {e}"}


def main():
    cases = json.load(sys.stdin)
    json.dump([run(case) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
