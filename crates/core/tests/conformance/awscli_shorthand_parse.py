"""Parses shorthand inputs with awscli's own ShorthandParser and prints the value or the error.

stdin: a JSON list of strings. stdout: a JSON list, one entry per input:
  {"value": ...}                                        on success
  {"error": "syntax", "expected", "received", "index", "message"}
  {"error": "duplicateKey", "key", "index", "message"}
Used by crates/core/tests/cli_shorthand.rs to check the Rust port against the real parser.
"""
import json
import sys

from awscli import shorthand


def run(text):
    parser = shorthand.ShorthandParser()
    try:
        return {"value": parser.parse(text)}
    except shorthand.ShorthandParseSyntaxError as e:
        return {"error": "syntax", "expected": e.expected, "received": e.actual,
                "index": e.index, "message": str(e)}
    except shorthand.DuplicateKeyInObjectError as e:
        return {"error": "duplicateKey", "key": e.key, "index": e.index, "message": str(e)}


def main():
    inputs = json.load(sys.stdin)
    json.dump([run(text) for text in inputs], sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
