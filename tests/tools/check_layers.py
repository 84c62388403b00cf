#!/usr/bin/env python3
"""Fails when a source file includes across a layer the wrong way.

The build gives every layer only its own include root (CMakeLists.txt, "layers"),
so most wrong includes do not compile; this check also catches what an include
path cannot: relative includes ("../"), includes from a directory the file
happens to sit in, a grpc adapter reaching into domain/ beyond the dispatcher's
call context, one adapter including another, and ports headers (compiled only
inside other layers' files).

  check_layers.py SOURCE_DIR     check the tree; print each violation, exit 1 if any
  check_layers.py --self-test    plant one violation of each kind in a scratch tree
                                 and check that each is reported (and a clean tree is not)
"""
import os
import re
import sys
import tempfile

LAYER_DIRS = ("ports", "domain", "proto", "adapters", "app")
# Adapters over libraries loaded on first use (CMakeLists.txt: GFSD_LAZY_ADAPTERS).
LAZY_ADAPTERS = ("augeas", "hivex", "rpm", "acl", "capabilities", "selinux", "journal",
                 "yara", "tsk")
SOURCE_SUFFIXES = (".hpp", ".h", ".cpp", ".cc")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

# Generated into build/gen by proto/gen/gen_actions.py, found without a directory.
GENERATED_API = {"api.hpp", "optgroups.hpp"}
GENERATED_CODEC = {"structs_codec.hpp", "struct_samples.hpp", "actions.def"}


def allowed(src: str, inc: str) -> bool:
    """Whether the file src (repository-relative) may include inc (as written)."""
    parts = src.split("/")
    layer = parts[0]
    top = inc.split("/")[0]
    if layer == "ports":
        return top == "ports"
    if layer == "domain":
        return top in ("ports", "domain") or inc in GENERATED_API
    if layer == "proto":
        return top in ("ports", "domain", "proto") or inc in GENERATED_API | GENERATED_CODEC
    if layer == "adapters":
        own = "adapters/" + parts[1] + "/"
        if inc.startswith(own) or top == "ports":
            return True
        # The gRPC console drives the protocol layer: it sees proto (and the
        # protobuf code generated from proto/grpc/), and of the domain only the
        # call context the dispatcher takes; of the other adapters only the
        # Unix socket helpers it shares with --listen.
        # The lazily loaded libraries share the loader.
        if parts[1] in LAZY_ADAPTERS and inc == "adapters/posix/lazy_library.hpp":
            return True
        if parts[1] == "grpc":
            return (top == "proto" or inc == "domain/ctx.hpp" or
                    inc == "adapters/transport/unix_socket.hpp")
        return False
    if layer == "app":
        return top in LAYER_DIRS
    return True


def violations_in(root: str):
    for layer in LAYER_DIRS:
        base = os.path.join(root, layer)
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                src = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as f:
                    for lineno, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        quote, inc = m.group(1) == '"', m.group(2)
                        ours = quote or inc.split("/")[0] in LAYER_DIRS
                        if not ours:
                            continue  # a system or library header
                        close = '"' if quote else ">"
                        where = f"{src}:{lineno}: #include {m.group(1)}{inc}{close}"
                        if ".." in inc.split("/") or inc.startswith("./"):
                            yield f"{where}: relative include; name the file from its layer"
                        elif quote and "/" not in inc and inc not in GENERATED_API | GENERATED_CODEC:
                            yield f"{where}: include a file by its layer path (e.g. \"{layer}/...\")"
                        elif not allowed(src, inc):
                            yield f"{where}: {src.split('/')[0]} may not include this (see STYLE.md, layers)"


def check(root: str) -> int:
    found = list(violations_in(root))
    for v in found:
        print(v)
    if found:
        print(f"check_layers: {len(found)} include(s) cross a layer the wrong way")
        return 1
    print("check_layers: every include stays within its layer's rules")
    return 0


def self_test() -> int:
    clean = {
        "ports/result.hpp": "#include <string>\n",
        "ports/system.hpp": '#include "ports/result.hpp"\n',
        "domain/ctx.hpp": '#include "ports/system.hpp"\n#include "api.hpp"\n',
        "domain/files/rm.cpp": '#include "domain/ctx.hpp"\n#include <vector>\n',
        "proto/dispatcher.hpp": '#include "domain/ctx.hpp"\n#include "structs_codec.hpp"\n',
        "adapters/posix/fs.cpp": '#include "adapters/posix/fs.hpp"\n#include "ports/system.hpp"\n',
        "adapters/grpc/console.cpp": '#include "proto/dispatcher.hpp"\n#include "domain/ctx.hpp"\n',
        "app/wiring.cpp": '#include "adapters/posix/fs.hpp"\n#include "proto/dispatcher.hpp"\n',
    }
    planted = {
        "domain/files/bad1.cpp": '#include "adapters/posix/fs.hpp"\n',
        "domain/files/bad2.cpp": '#include "../../adapters/posix/fs.hpp"\n',
        "domain/files/bad3.cpp": '#include "proto/dispatcher.hpp"\n',
        "domain/files/bad4.cpp": '#include <app/wiring.hpp>\n',
        "domain/files/bad5.cpp": '#include "structs_codec.hpp"\n',
        "ports/bad6.hpp": '#include "domain/ctx.hpp"\n',
        "adapters/posix/bad7.cpp": '#include "proto/dispatcher.hpp"\n',
        "adapters/posix/bad8.cpp": '#include "adapters/grpc/console.hpp"\n',
        "adapters/grpc/bad9.cpp": '#include "domain/files/rm.hpp"\n',
        "proto/bad10.cpp": '#include "adapters/posix/fs.hpp"\n',
        "proto/bad11.cpp": '  #  include "app/wiring.hpp"\n',
        "domain/files/bad12.cpp": '#include "sibling.hpp"\n',
    }
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        def write(files):
            for rel, text in files.items():
                path = os.path.join(tmp, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)

        write(clean)
        found = list(violations_in(tmp))
        if found:
            print("self-test: the clean tree was reported:\n  " + "\n  ".join(found))
            failures += 1
        write(planted)
        found = list(violations_in(tmp))
        for rel in planted:
            if not any(v.startswith(rel + ":") for v in found):
                print(f"self-test: planted violation {rel} was not reported")
                failures += 1
        if len(found) != len(planted):
            print(f"self-test: {len(found)} reports for {len(planted)} planted violations:")
            print("  " + "\n  ".join(found))
            failures += 1
    print("check_layers self-test: " + ("FAILED" if failures else f"all {len(planted)} planted violations reported"))
    return 1 if failures else 0


def main(argv) -> int:
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    if len(argv) == 2 and os.path.isdir(argv[1]):
        return check(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
