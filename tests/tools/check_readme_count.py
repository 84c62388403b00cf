#!/usr/bin/env python3
"""The README's "implemented: N of 492" must be what this tree implements: the
length of tests/unit/implemented-actions.txt, which the unit test
Registration.* checks against the handlers the build registers.

    tests/tools/check_readme_count.py [REPO_ROOT]
"""
import os
import re
import sys


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..")
    with open(os.path.join(root, "tests", "unit", "implemented-actions.txt")) as f:
        names = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    with open(os.path.join(root, "README.md")) as f:
        readme = f.read()
    claims = re.findall(r"implemented: (\d+) of (\d+)", readme)
    if not claims:
        print("README.md states no 'implemented: N of M' count")
        return 1
    bad = [c for c in claims if int(c[0]) != len(names)]
    if bad:
        print("README.md says implemented: %s, the build registers %d actions "
              "(tests/unit/implemented-actions.txt)" % (", ".join("%s of %s" % c for c in bad), len(names)))
        return 1
    print("README count matches: %d implemented" % len(names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
