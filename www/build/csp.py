#!/usr/bin/env python3
"""Trunk post_build hook: a Content-Security-Policy meta tag in every page of the site.

The site is static, so the policy travels in the page (`<meta http-equiv>`); `frame-ancestors`
cannot, and the README gives it as a header for hosts that can send one. Scripts come only from
the site itself, plus the inline scripts the build writes (Trunk's loader), each allowed by its
SHA-256 hash, computed here from the final text, so that no `'unsafe-inline'` is needed. The same
goes for inline style blocks (the example article's). Anything else, an injected inline script
above all, is refused by the browser.

Runs after trim_js.py (both from post_build.py), on the staged pages, in every profile: a development build gets the
same policy, so a violation shows while one works, not first in production.
"""

import base64
import hashlib
import os
import pathlib
import re
import sys

# What the pages need, and nothing else: the wasm is compiled from a fetched module
# ('wasm-unsafe-eval'), the app fetches only its own files, the example article frames the
# playground from the same site, and the favicon is a data: URL.
POLICY = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; "
    "img-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)

# Inline elements whose text the browser runs or applies. A `<script type="application/json">` is
# data, which a policy does not govern.
INLINE = re.compile(r"<(script|style)((?:\s[^>]*)?)>(.*?)</\1\s*>", re.S | re.I)
EXECUTABLE_TYPE = re.compile(r"""\stype\s*=\s*["']?(module|text/javascript)\b""", re.I)
HAS_SRC = re.compile(r"\ssrc\s*=", re.I)
CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy_for(html):
    """The policy for a page, with a hash for each inline script and style block in it."""
    scripts, styles = [], []
    for tag, attrs, body in INLINE.findall(html):
        if tag.lower() == "style":
            styles.append(sha256(body))
        elif not HAS_SRC.search(attrs) and (not re.search(r"\stype\s*=", attrs, re.I) or EXECUTABLE_TYPE.search(attrs)):
            scripts.append(sha256(body))
    join = lambda hashes: "".join(" " + h for h in sorted(set(hashes)))
    return POLICY.format(scripts=join(scripts), styles=join(styles))


def with_policy(html):
    """The page with its policy as the first thing after its charset, so that it covers every
    script and style that follows. A page without a charset tag is an error of the build."""
    if "Content-Security-Policy" in html:
        raise SystemExit("csp: the page already has a Content-Security-Policy")
    match = CHARSET.search(html)
    if not match:
        raise SystemExit("csp: no <meta charset> to put the policy after")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html[: match.end()] + tag + html[match.end() :]


def main():
    stage = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    for page in sorted(stage.glob("*.html")):
        page.write_text(with_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
