#!/usr/bin/env python3
"""Trunk post_build step (release only, run by post_build.py): trims wasm-bindgen's JS loader in the staging directory.

Trunk's own JS minifier (minify-js 0.5) rejects the loader's `export default` and ships it as is,
indentation and comments included. This drops what only a reader needs: leading indentation,
whole-line `//` comments and blank lines (about 0.75 KB of the page's gzip transfer). Line breaks
stay, so automatic semicolon insertion reads the code as before. The file's sub-resource integrity
hash in index.html is recomputed, so the browser's check still holds.

A file with a line this cannot judge safely (a template literal or block comment that spans
lines) is left untouched.
"""

import base64
import hashlib
import os
import pathlib
import re
import sys


def trim(text):
    """The trimmed text, or None when a line might sit inside a multi-line literal or comment."""
    out = []
    for line in text.splitlines():
        if line.count("`") % 2 or "/*" in line or "*/" in line:
            return None
        line = line.strip()
        if line and not line.startswith("//"):
            out.append(line)
    return "\n".join(out) + "\n"


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main():
    if os.environ.get("TRUNK_PROFILE") != "release":
        return 0
    stage = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    html_path = stage / "index.html"
    html = html_path.read_text(encoding="utf-8")
    for js in stage.glob("*.js"):
        trimmed = trim(js.read_text(encoding="utf-8"))
        if trimmed is None:
            print(f"trim_js: {js.name} left as is", file=sys.stderr)
            continue
        old, new = sri(js.read_bytes()), sri(trimmed.encode("utf-8"))
        js.write_text(trimmed, encoding="utf-8")
        html = html.replace(old, new)
    html_path.write_text(html, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
