#!/usr/bin/env python3
"""Confinement rule: in domain/, only domain/core/host_path.cpp (the two
host-name helpers) and domain/core/sysroot_mounts.cpp (the one mount filter)
may read the sysroot's name. Any other use could join it to a guest path, and
a raw "sysroot + path" follows the guest's symlinks on the appliance.
Testing for live mode (config.sysroot.empty()) is fine.

    tests/tools/check_sysroot_joins.py [DOMAIN_DIR]
"""
import os
import re
import sys

ALLOWED = {os.path.join("core", "host_path.cpp"), os.path.join("core", "sysroot_mounts.cpp")}
USE = re.compile(r'config\.sysroot(?!\.empty\(\))|"/sysroot')
DEFAULT = '  std::string sysroot = "/sysroot";'  # ctx.hpp: the setting itself


def code_of(line):
    """The line without a trailing // comment (none of our strings hold //)."""
    i = line.find("//")
    return line if i < 0 else line[:i]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "domain")
    bad = []
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith((".cpp", ".hpp")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if rel in ALLOWED:
                continue
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if line.startswith(DEFAULT):
                        continue
                    if USE.search(code_of(line)):
                        bad.append("domain/%s:%d: %s" % (rel, n, line.strip()))
    if bad:
        print("The sysroot's name is used outside domain/core/host_path.cpp and sysroot_mounts.cpp:")
        print("\n".join(bad))
        print("Use resolved_host_path() for a name a tool opens, host_name_for_message() for a message.")
        return 1
    print("no sysroot joins outside the helpers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
