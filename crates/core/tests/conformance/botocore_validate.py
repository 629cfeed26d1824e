"""Runs botocore's own client-side validator (ParamValidator) on SendChatIntegrationEvent requests.

Reads a JSON array of requests on stdin and writes a JSON array with one entry per request:
{"rejected": bool, "paths": [...], "report": "..."}. `paths` are the member paths botocore
reports, written the way chat-event-core writes them: "Missing required parameter in Event: "Type""
becomes "Event.Type", "Unknown parameter in input: "Foo"" becomes "Foo", map keys stay
"NewSessionDetails.Attributes (key: k)". The whole request (a non-object) is "".

Uses the connect service model bundled with botocore: no network, no credentials.
"""

import json
import sys

import botocore
import botocore.session
from botocore.validate import ParamValidator


def our_path(error):
    reason, name, extra = error
    name = name[1:] if name.startswith(".") else name
    if reason == "missing required field":
        child = extra["required_name"]
    elif reason == "unknown field":
        child = extra["unknown_param"]
    else:
        return name
    return f"{name}.{child}" if name else child


def main():
    requests = json.load(sys.stdin)
    model = botocore.session.get_session().get_service_model("connect")
    shape = model.operation_model("SendChatIntegrationEvent").input_shape
    validator = ParamValidator()
    results = []
    for request in requests:
        report = validator.validate(request, shape)
        errors = list(report._errors)
        results.append(
            {
                "rejected": report.has_errors(),
                "paths": [our_path(e) for e in errors],
                "report": report.generate_report() if errors else "",
            }
        )
    json.dump({"botocore": botocore.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
