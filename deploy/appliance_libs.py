#!/usr/bin/env python3
"""Lists the shared libraries a daemon binary needs that the libguestfs appliance lacks.

The appliance is built by supermin from the Debian packages named in supermin.d
(files whose name starts with "packages"), copied from the host together with
their dependencies. A library owned by one of those packages (or by something
they depend on) is already there; anything else must travel in daemon.tar.gz.

usage: appliance_libs.py BINARY SUPERMIN_D   -> one library path per line
"""
import os
import re
import subprocess
import sys


def appliance_packages(supermin_d):
    names = set()
    for entry in sorted(os.listdir(supermin_d)):
        if entry.startswith("packages"):
            with open(os.path.join(supermin_d, entry)) as f:
                names.update(line.strip() for line in f if line.strip())
    return names


def installed_depends():
    """Package name -> names it depends on (first alternative), for all installed packages."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\n"],
        capture_output=True, text=True, check=True).stdout
    graph = {}
    for line in out.splitlines():
        pkg, _, deps = line.partition("\t")
        names = graph.setdefault(pkg, [])
        for clause in deps.split(","):
            first = clause.split("|")[0].strip()
            if first:
                names.append(re.split(r"[\s(:]", first, maxsplit=1)[0])
    return graph


def closure(roots):
    graph = installed_depends()
    seen, todo = set(), list(roots)
    while todo:
        pkg = todo.pop()
        if pkg in seen:
            continue
        seen.add(pkg)
        todo.extend(d for d in graph.get(pkg, []) if d not in seen)
    return seen


def owner(path):
    """The package owning path; Debian 12 may list it under /lib or /usr/lib."""
    candidates = {path, os.path.realpath(path)}
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.add(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for p in candidates:
        r = subprocess.run(["dpkg-query", "-S", p], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":", 1)[0].strip()
    return None


def needed_libraries(binary):
    out = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    libs = []
    for line in out.splitlines():
        m = re.search(r"=>\s+(/\S+)", line)
        if m:
            libs.append(m.group(1))
    return libs


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, supermin_d = sys.argv[1:]
    present = closure(appliance_packages(supermin_d))
    for lib in needed_libraries(binary):
        pkg = owner(lib)
        if pkg is None or pkg.split(":")[0] not in present:
            print(lib)


if __name__ == "__main__":
    main()
