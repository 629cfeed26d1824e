#!/usr/bin/env python3
"""Trunk's post_build hook: the steps that rewrite the staged pages, one after the other.

Trunk starts all the hooks of one stage at once, so two hooks that both rewrite index.html race
(and the loser's changes are lost: a stale integrity hash, a missing policy). Hence one hook, in
this order: trim the JS loader and fix its integrity hash (trim_js.py), then write each page's
Content-Security-Policy from the final text (csp.py).
"""

import sys

import csp
import trim_js

if __name__ == "__main__":
    sys.exit(trim_js.main() or csp.main())
