#!/usr/bin/env python3
"""Generates the C++ side of the action table from proto/actions.tsv.

One source of truth: actions.tsv (every daemon procedure: number, signature,
optional arguments, flags) and structs.tsv (the return structs). From them
this script writes, into the build directory:

  api.hpp            types the domain sees: structs, optarg structs, Handlers
  actions.def        X-macro list GFSD_ACTION(proc, name, tier)
  table.cpp          kActions[]: names, flags, arg/return descriptors, thunks
  codec_structs.cpp  XDR encode/decode of the return structs
  codec_N.cpp        one generated thunk per action (decode, check, call, encode)
  errnos.cpp         errno <-> wire name
  implemented.cpp    handler_present(): which slots a Handlers table fills
  struct_samples.hpp test support: each struct filled with recognisable values

Python standard library only. Usage: gen_actions.py ACTIONS STRUCTS ERRNOS OUTDIR
"""

import os
import re
import sys

CODEC_SPLIT = 6

# --- parsing -----------------------------------------------------------------


class Arg:
    def __init__(self, kind, sub, name):
        self.kind = kind  # String, StringList, Int, Int64, Bool, OptString, BufferIn
        self.sub = sub  # for String/StringList: Pathname, Device, ...
        self.name = name


class Action:
    pass


def parse_args(text):
    text = text.strip()
    assert text.startswith("(") and text.endswith(")"), text
    inner = text[1:-1].strip()
    if not inner:
        return []
    out = []
    for part in inner.split(","):
        part = part.strip()
        m = re.fullmatch(r"(\w+)(?:\((\w+)\))?\s+(\w+)", part)
        assert m, part
        out.append(Arg(m.group(1), m.group(2), m.group(3)))
    return out


def parse_ret(text):
    text = text.strip()
    if text == "RErr":
        return ("RErr", None, None, None)
    m = re.fullmatch(r"(RInt|RInt64|RBool|RBufferOut)\s+(\w+)", text)
    if m:
        return (m.group(1), None, None, m.group(2))
    m = re.fullmatch(r"(RString|RStringList)\((\w+), (\w+)\)", text)
    if m:
        return (m.group(1), m.group(2), None, m.group(3))
    m = re.fullmatch(r"(RStruct|RStructList)\((\w+), (\w+)\)", text)
    if m:
        return (m.group(1), m.group(3), None, m.group(2))
    m = re.fullmatch(r"RHashtable\((\w+), (\w+), (\w+)\)", text)
    if m:
        return ("RHashtable", m.group(1), m.group(2), m.group(3))
    raise ValueError(text)


def parse_optargs(text):
    if text.strip() in ("", "-"):
        return []
    out = []
    for part in text.split(","):
        kind, name = part.split()
        out.append((kind, name))
    return out


def load_actions(path):
    actions = []
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if not line.strip():
                continue
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            a = Action()
            a.name = row["name"]
            a.proc = int(row["proc_nr"])
            ret, args = row["style"].split(" <- ")
            a.ret = parse_ret(ret)
            a.args = parse_args(args)
            a.optargs = parse_optargs(row["optional_args"])
            a.deprecated = row["deprecated"] == "yes"
            a.optgroup = "" if row["optgroup"] == "-" else row["optgroup"]
            a.visibility = row["visibility"]
            a.file_in = row["file_transfer"] == "FileIn"
            a.file_out = row["file_transfer"] == "FileOut"
            a.progress = row["progress"] == "yes"
            a.cancellable = row["cancellable"] == "yes"
            a.tier = row["tier"]
            a.style = row["style"]
            actions.append(a)
    return actions


def load_structs(path):
    structs = []
    with open(path) as f:
        f.readline()
        for line in f:
            if not line.strip():
                continue
            name, fields = line.rstrip("\n").split("\t")
            fl = []
            for fld in fields.split(","):
                fname, ftype = fld.strip().split(":")
                fl.append((fname, ftype))
            structs.append((name, fl))
    return structs


# --- C++ spelling ------------------------------------------------------------


def pascal(name):
    return "".join(p.capitalize() for p in name.split("_"))


FIELD_CXX = {
    "String": "std::string", "Buffer": "std::string", "UUID": "std::string",
    "Int32": "int32_t", "UInt32": "uint32_t", "Int64": "int64_t",
    "Bytes": "int64_t", "UInt64": "uint64_t", "OptPercent": "float",
    "Char": "char",
}
FIELD_KIND = {
    "String": "String", "Buffer": "Buffer", "UUID": "Uuid", "Int32": "Int32",
    "UInt32": "UInt32", "Int64": "Int64", "Bytes": "Int64", "UInt64": "UInt64",
    "OptPercent": "Float", "Char": "Char",
}

OPT_CXX = {"OBool": "bool", "OInt": "int32_t", "OInt64": "int64_t",
           "OString": "std::string", "OStringList": "std::vector<std::string>"}


def wire_var_type(arg):
    """Type the XDR decoder fills for an argument."""
    return {
        "String": "std::string", "BufferIn": "std::string",
        "StringList": "std::vector<std::string>", "Int": "int32_t",
        "Int64": "int64_t", "Bool": "bool",
        "OptString": "std::optional<std::string>",
    }[arg.kind]


def param_type(arg):
    """Type of the argument as the domain function receives it."""
    if arg.kind == "String" and arg.sub in ("Mountable", "Mountable_or_Path"):
        return "const Mountable&"
    if arg.kind == "String" and arg.sub == "Dev_or_Path":
        return "const DevOrPath&"
    if arg.kind in ("Int", "Int64", "Bool"):
        return wire_var_type(arg)
    return "const " + wire_var_type(arg) + "&"


def visible_args(a):
    return [x for x in a.args if not (x.kind == "String" and x.sub in ("FileIn", "FileOut"))]


def ret_cxx(a):
    kind = a.ret[0]
    return {
        "RErr": "void", "RInt": "int32_t", "RInt64": "int64_t", "RBool": "bool",
        "RString": "std::string", "RBufferOut": "std::string",
        "RStringList": "std::vector<std::string>", "RHashtable": "Hashtable",
        "RStruct": pascal(a.ret[1]) if kind == "RStruct" else None,
        "RStructList": "std::vector<%s>" % pascal(a.ret[1]) if kind == "RStructList" else None,
    }[kind]


def handler_sig(a):
    """Return type and parameter types of an action's Handlers slot."""
    params = ["domain::Ctx&"] + [param_type(x) for x in visible_args(a)]
    if a.optargs:
        params.append("const opt::%s&" % a.name)
    return "Result<%s>" % ret_cxx(a), ", ".join(params)


# --- writers -------------------------------------------------------------------

HEADER = "// Generated by proto/gen/gen_actions.py from proto/actions.tsv. Do not edit.\n"


def write(outdir, name, text):
    path = os.path.join(outdir, name)
    old = None
    if os.path.exists(path):
        with open(path) as f:
            old = f.read()
    if old != text:  # keep mtimes stable so unchanged outputs do not rebuild
        with open(path, "w") as f:
            f.write(text)


def gen_api(actions, structs):
    o = [HEADER, "#pragma once\n\n#include <cstdint>\n#include <optional>\n#include <string>\n",
         "#include <utility>\n#include <vector>\n\n#include \"ports/result.hpp\"\n\n",
         "namespace gfsd::domain { struct Ctx; }\n\nnamespace gfsd::api {\n\n",
         "inline constexpr int kMaxProcNr = %d;\n" % max(a.proc for a in actions),
         "inline constexpr int kNumActions = %d;\n\n" % len(actions),
         "// A Mountable argument: a device, a btrfs subvolume of one, or (Mountable_or_Path) a path.\n",
         "enum class MountableType : int32_t { Device = 0, Btrfsvol = 1, Path = 2 };\n",
         "struct Mountable {\n  MountableType type = MountableType::Device;\n",
         "  std::string device;  // device name, or the path for Path\n",
         "  std::string volume;  // subvolume for Btrfsvol\n};\n\n",
         "// A Dev_or_Path argument, after the stock rule decided which it is.\n",
         "struct DevOrPath {\n  bool is_device = false;\n  std::string name;\n};\n\n",
         "// RHashtable results: key/value pairs in the order they go on the wire.\n",
         "using Hashtable = std::vector<std::pair<std::string, std::string>>;\n\n"]
    for name, fields in structs:
        o.append("struct %s {\n" % pascal(name))
        for fname, ftype in fields:
            init = "" if FIELD_CXX[ftype] == "std::string" else " = 0"
            o.append("  %s %s%s;\n" % (FIELD_CXX[ftype], fname, init))
        o.append("  bool operator==(const %s&) const = default;\n};\n" % pascal(name))
    o.append("\n// Optional arguments: an unset bit in the request arrives as nullopt.\nnamespace opt {\n")
    for a in actions:
        if a.optargs:
            o.append("struct %s {\n" % a.name)
            for kind, name in a.optargs:
                o.append("  std::optional<%s> %s;\n" % (OPT_CXX[kind], name))
            o.append("};\n")
    o.append("}  // namespace opt\n\n")
    o.append("// One typed slot per action. An empty slot answers ENOTSUP.\nstruct Handlers {\n")
    for a in actions:
        r, p = handler_sig(a)
        o.append("  %s (*%s)(%s) = nullptr;\n" % (r, a.name, p))
    o.append("};\n\n}  // namespace gfsd::api\n")
    return "".join(o)


def gen_optgroups(actions):
    """The optional feature groups of the optgroup column, each with a test that
    every action of the group has a handler: a group with an empty slot is never
    reported available (domain/internal/features.cpp)."""
    groups = {}
    for a in actions:
        if a.optgroup:
            groups.setdefault(a.optgroup, []).append(a.name)
    o = [HEADER, "#pragma once\n\n#include \"api.hpp\"\n\nnamespace gfsd::api {\n\n",
         "// Optional feature groups (the optgroup column), sorted by name.\n",
         "struct OptGroup {\n  const char* name;\n  int num_actions;\n",
         "  // Whether every action of the group has a handler in h.\n",
         "  bool (*complete)(const Handlers& h);\n};\n\n",
         "inline constexpr OptGroup kOptGroups[] = {\n"]
    for g in sorted(groups):
        names = groups[g]
        cond = " && ".join("h.%s" % n for n in names)
        o.append("    {\"%s\", %d, [](const Handlers& h) { return bool(%s); }},\n"
                 % (g, len(names), cond))
    o.append("};\n\n}  // namespace gfsd::api\n")
    return "".join(o)


def gen_stub_handlers(actions):
    """For tests: a Handlers table whose every slot answers ENOTSUP "stub
    handler", so that a test can reach every procedure past the feature-group
    check (a group is available only when all its slots are filled)."""
    o = [HEADER, "#pragma once\n\n#include <cerrno>\n\n#include \"api.hpp\"\n\n",
         "namespace gfsd::api {\n\n",
         "inline Handlers stub_handlers() {\n  Handlers h;\n"]
    for a in actions:
        r, p = handler_sig(a)
        o.append("  h.%s = [](%s) -> %s { return fail_with(ENOTSUP, \"stub handler\"); };\n"
                 % (a.name, p, r))
    o.append("  return h;\n}\n\n}  // namespace gfsd::api\n")
    return "".join(o)


def gen_def(actions):
    o = [HEADER, "// GFSD_ACTION(proc_nr, name, tier)\n"]
    for a in actions:
        o.append("GFSD_ACTION(%d, %s, %s)\n" % (a.proc, a.name, a.tier))
    return "".join(o)


def gen_structs_codec(structs):
    o = [HEADER, '#include "proto/codec_support.hpp"\n\nnamespace gfsd::proto {\n\n']
    for name, fields in structs:
        t = "api::" + pascal(name)
        o.append("bool put(XdrEncoder& e, const %s& v) {\n  return true" % t)
        for fname, ftype in fields:
            if ftype == "UUID":
                o.append("\n      && e.put_fixed(v.%s, 32)" % fname)
            elif ftype == "Char":
                o.append("\n      && e.put_char(v.%s)" % fname)
            else:
                o.append("\n      && e.put(v.%s)" % fname)
        o.append(";\n}\n\n")
        o.append("bool get(XdrDecoder& d, %s& v) {\n  return true" % t)
        for fname, ftype in fields:
            if ftype == "UUID":
                o.append("\n      && d.get_fixed(v.%s, 32)" % fname)
            elif ftype == "Char":
                o.append("\n      && d.get_char(v.%s)" % fname)
            elif ftype == "Buffer":
                o.append("\n      && d.get_bytes(v.%s)" % fname)
            else:
                o.append("\n      && d.get(v.%s)" % fname)
        o.append(";\n}\n\n")
    o.append("}  // namespace gfsd::proto\n")
    return "".join(o)


def gen_structs_decl(structs):
    o = [HEADER, "#pragma once\n\n#include \"api.hpp\"\n\nnamespace gfsd::proto {\n\nclass XdrEncoder;\nclass XdrDecoder;\n\n"]
    for name, _ in structs:
        t = "api::" + pascal(name)
        o.append("bool put(XdrEncoder& e, const %s& v);\nbool get(XdrDecoder& d, %s& v);\n" % (t, t))
    o.append("\n}  // namespace gfsd::proto\n")
    return "".join(o)


CHECK_FN = {
    "Pathname": "check_pathname", "Device": "check_device",
    "Mountable": "check_mountable", "Mountable_or_Path": "check_mountable_or_path",
    "Dev_or_Path": "check_dev_or_path",
}


def gen_thunk(a):
    stub = '"%s_stub"' % a.name
    o = ["static Result<void> thunk_%s(Call& c) {\n" % a.name]
    vargs = visible_args(a)
    # 1. decode everything on the wire, optargs included
    for x in vargs:
        o.append("  %s w_%s{};\n" % (wire_var_type(x), x.name))
    if a.optargs:
        o.append("  api::opt::%s opts;\n" % a.name)
    conds = []
    for x in vargs:
        if x.kind == "BufferIn":
            conds.append("c.in.get_bytes(w_%s)" % x.name)
        else:
            conds.append("c.in.get(w_%s)" % x.name)
    for i, (kind, name) in enumerate(a.optargs):
        conds.append("get_opt(c.in, c.optargs_bitmask, %d, opts.%s)" % (i, name))
    conds.append("c.in.at_end()")
    o.append("  if (!(%s))\n    return decode_failed();\n" % "\n        && ".join(conds))
    # 2. an empty slot is an honest ENOTSUP, after the arguments decoded
    o.append("  if (c.handlers.%s == nullptr) return not_supported(\"%s\");\n" % (a.name, a.name))
    # 3. argument checks in declaration order, as the stock stubs do
    call_args = []
    need_root = False
    for x in vargs:
        if x.kind == "String" and x.sub in ("Mountable", "Mountable_or_Path"):
            o.append("  api::Mountable a_%s;\n" % x.name)
            o.append("  GFSD_TRY(domain::%s(c.ctx, %s, w_%s, a_%s));\n" % (CHECK_FN[x.sub], stub, x.name, x.name))
            call_args.append("a_" + x.name)
        elif x.kind == "String" and x.sub == "Dev_or_Path":
            o.append("  api::DevOrPath a_%s;\n" % x.name)
            o.append("  GFSD_TRY(domain::check_dev_or_path(c.ctx, %s, w_%s, a_%s));\n" % (stub, x.name, x.name))
            call_args.append("a_" + x.name)
        elif x.kind == "String" and x.sub in ("Pathname", "Device"):
            o.append("  GFSD_TRY(domain::%s(c.ctx, %s, w_%s));\n" % (CHECK_FN[x.sub], stub, x.name))
            need_root = need_root or x.sub == "Pathname"
            call_args.append("w_" + x.name)
        elif x.kind == "StringList" and x.sub == "Filename":
            o.append("  GFSD_TRY(domain::check_filenames(c.ctx, %s, w_%s));\n" % (stub, x.name))
            call_args.append("w_" + x.name)
        elif x.kind == "StringList" and x.sub == "Device":
            o.append("  GFSD_TRY(domain::check_devices(c.ctx, %s, w_%s));\n" % (stub, x.name))
            call_args.append("w_" + x.name)
        else:
            call_args.append("w_" + x.name)
    if need_root:
        o.append("  GFSD_TRY(domain::check_root_mounted(c.ctx, %s));\n" % stub)
    if a.optargs:
        call_args.append("opts")
    # 4. call and encode
    o.append("  auto r = c.handlers.%s(%s);\n" % (a.name, ", ".join(["c.ctx"] + call_args)))
    o.append("  if (!r) return forward(r.error());\n")
    kind = a.ret[0]
    if kind == "RErr":
        pass
    elif kind == "RBufferOut":
        o.append("  c.out.put_bytes(*r);\n")
    elif kind in ("RString", "RStringList") and a.ret[1] in ("RDevice", "RMountable"):
        fn = "reverse_device" if a.ret[1] == "RDevice" else "reverse_mountable"
        if kind == "RString":
            o.append("  domain::%s(c.ctx, *r);\n" % fn)
        else:
            o.append("  for (auto& s : *r) domain::%s(c.ctx, s);\n" % fn)
        o.append("  c.out.put(*r);\n")
    elif kind == "RHashtable":
        for idx, t in ((0, a.ret[1]), (1, a.ret[2])):
            if t in ("RDevice", "RMountable"):
                fn = "reverse_device" if t == "RDevice" else "reverse_mountable"
                o.append("  for (auto& kv : *r) domain::%s(c.ctx, kv.%s);\n" % (fn, "first" if idx == 0 else "second"))
        o.append("  c.out.put(*r);\n")
    else:
        o.append("  put(c.out, *r);\n")
    o.append("  return {};\n}\n\n")
    return "".join(o)


def gen_codec_part(actions, part):
    o = [HEADER, '#include "proto/codec_support.hpp"\n#include "domain/core/arg_checks.hpp"\n',
         '#include "domain/ctx.hpp"\n\nnamespace gfsd::proto {\n\n']
    mine = [a for i, a in enumerate(actions) if i % CODEC_SPLIT == part]
    for a in mine:
        o.append(gen_thunk(a))
    o.append("void register_thunks_%d(Thunk* table) {\n" % part)
    for a in mine:
        o.append("  table[%d] = &thunk_%s;\n" % (a.proc, a.name))
    o.append("}\n\n}  // namespace gfsd::proto\n")
    return "".join(o)


ARGKIND = {
    ("String", "Pathname"): "Pathname", ("String", "Device"): "Device",
    ("String", "Mountable"): "Mountable", ("String", "Mountable_or_Path"): "MountableOrPath",
    ("String", "Dev_or_Path"): "DevOrPath", ("String", "PlainString"): "String",
    ("String", "Key"): "Key", ("String", "GUID"): "Guid", ("String", "FileIn"): "FileIn",
    ("String", "FileOut"): "FileOut", ("String", "Filename"): "String",
    ("StringList", "PlainString"): "StringList", ("StringList", "Device"): "DeviceList",
    ("StringList", "Filename"): "FilenameList", ("Int", None): "Int",
    ("Int64", None): "Int64", ("Bool", None): "Bool", ("OptString", None): "OptString",
    ("BufferIn", None): "BufferIn",
}
OPTKIND = {"OBool": "Bool", "OInt": "Int", "OInt64": "Int64", "OString": "String",
           "OStringList": "StringList"}
RETKIND = {"RErr": "Err", "RInt": "Int", "RInt64": "Int64", "RBool": "Bool",
           "RString": "String", "RStringList": "StringList", "RHashtable": "Hashtable",
           "RStruct": "Struct", "RStructList": "StructList", "RBufferOut": "Buffer"}


def gen_table(actions, structs):
    sidx = {name: i for i, (name, _) in enumerate(structs)}
    o = [HEADER, '#include "proto/action_table.hpp"\n\nnamespace gfsd::proto {\n\n', "namespace {\n\n"]
    for name, fields in structs:
        o.append("constexpr FieldInfo kFields_%s[] = {\n" % name)
        for fname, ftype in fields:
            o.append('  {"%s", FieldKind::%s},\n' % (fname, FIELD_KIND[ftype]))
        o.append("};\n")
    for a in actions:
        if a.args:
            o.append("constexpr ArgInfo kArgs_%s[] = {\n" % a.name)
            for x in a.args:
                o.append('  {"%s", ArgKind::%s},\n' % (x.name, ARGKIND[(x.kind, x.sub)]))
            o.append("};\n")
        if a.optargs:
            o.append("constexpr ArgInfo kOpts_%s[] = {\n" % a.name)
            for kind, name in a.optargs:
                o.append('  {"%s", ArgKind::%s},\n' % (name, OPTKIND[kind]))
            o.append("};\n")
    o.append("\n}  // namespace\n\n")
    o.append("const StructInfo kStructs[] = {\n")
    for name, fields in structs:
        o.append('  {"%s", kFields_%s, %d},\n' % (name, name, len(fields)))
    o.append("};\nconst int kNumStructs = %d;\n\n" % len(structs))
    o.append("const ActionInfo kActionList[] = {\n")
    for a in actions:
        flags = []
        for cond, f in ((a.file_in, "kFileIn"), (a.file_out, "kFileOut"), (a.progress, "kProgress"),
                        (a.cancellable, "kCancellable"), (a.deprecated, "kDeprecated"),
                        (a.visibility != "public", "kInternal")):
            if cond:
                flags.append(f)
        flagexpr = " | ".join(flags) if flags else "0"
        kind = a.ret[0]
        rsub = -1
        if kind in ("RStruct", "RStructList"):
            rsub = sidx[a.ret[1]]
        o.append('  {%d, "%s", "%s", %s, %s, %d, %s, %d, RetKind::%s, %d, Tier::%s},\n' % (
            a.proc, a.name, a.optgroup, flagexpr,
            "kArgs_" + a.name if a.args else "nullptr", len(a.args),
            "kOpts_" + a.name if a.optargs else "nullptr", len(a.optargs),
            RETKIND[kind], rsub, a.tier))
    o.append("};\nconst int kNumActionList = %d;\n\n}  // namespace gfsd::proto\n" % len(actions))
    return "".join(o)


def gen_thunk_registry():
    o = [HEADER, '#include "proto/codec_support.hpp"\n\nnamespace gfsd::proto {\n\n']
    for i in range(CODEC_SPLIT):
        o.append("void register_thunks_%d(Thunk* table);\n" % i)
    o.append("\nvoid register_all_thunks(Thunk* table) {\n")
    for i in range(CODEC_SPLIT):
        o.append("  register_thunks_%d(table);\n" % i)
    o.append("}\n\n}  // namespace gfsd::proto\n")
    return "".join(o)


def gen_struct_samples(structs):
    """Test support: every struct with distinct, recognisable field values."""
    o = [HEADER, "#pragma once\n\n#include \"api.hpp\"\n\n",
         "// GFSD_STRUCT(wire_name, CxxType) for each return struct.\n#define GFSD_STRUCTS(X) \\\n"]
    o.append(" \\\n".join("  X(%s, %s)" % (n, pascal(n)) for n, _ in structs))
    o.append("\n\nnamespace gfsd::proto::samples {\n\n")
    for name, fields in structs:
        o.append("inline api::%s make_%s() {\n  api::%s v;\n" % (pascal(name), name, pascal(name)))
        for i, (fname, ftype) in enumerate(fields):
            if ftype in ("String", "Buffer"):
                o.append('  v.%s = "%s";\n' % (fname, fname))
            elif ftype == "UUID":
                o.append('  v.%s = std::string(32, \'%s\');\n' % (fname, "abcdefghijklmnopqrstuvwxyz"[i % 26]))
            elif ftype == "Char":
                o.append("  v.%s = '%s';\n" % (fname, "abcdefghijklmnopqrstuvwxyz"[i % 26]))
            elif ftype == "OptPercent":
                o.append("  v.%s = %d.5f;\n" % (fname, i))
            elif ftype in ("Int32", "Int64", "Bytes"):
                o.append("  v.%s = -%d;\n" % (fname, i + 1))
            else:
                o.append("  v.%s = %d;\n" % (fname, i + 1000))
        o.append("  return v;\n}\n")
    o.append("\n}  // namespace gfsd::proto::samples\n")
    return "".join(o)


def gen_implemented(actions):
    o = [HEADER, '#include "api.hpp"\n\nnamespace gfsd::proto {\n\n',
         "bool handler_present(const api::Handlers& h, int proc) {\n  switch (proc) {\n"]
    for a in actions:
        o.append("    case %d: return h.%s != nullptr;\n" % (a.proc, a.name))
    o.append("    default: return false;\n  }\n}\n\n}  // namespace gfsd::proto\n")
    return "".join(o)


def gen_errnos(names):
    o = [HEADER, "#include <cerrno>\n#include <cstring>\n\n#include \"proto/errnos.hpp\"\n\n",
         "namespace gfsd::proto {\n\nnamespace {\nstruct ErrnoName { int num; const char* name; };\n",
         "constexpr ErrnoName kErrnos[] = {\n"]
    for n in names:
        if n == "EZZZ":
            continue
        o.append("#ifdef %s\n  {%s, \"%s\"},\n#endif\n" % (n, n, n))
    o.append("};\n}  // namespace\n\n")
    o.append("const char* errno_to_name(int e) {\n  if (e <= 0) return \"\";\n"
             "  for (const auto& x : kErrnos)\n    if (x.num == e) return x.name;\n"
             "  return \"EINVAL\";  // as stock: unknown numbers travel as EINVAL\n}\n\n")
    o.append("int name_to_errno(const std::string& name) {\n"
             "  for (const auto& x : kErrnos)\n    if (name == x.name) return x.num;\n"
             "  return name.empty() ? 0 : EINVAL;\n}\n\n}  // namespace gfsd::proto\n")
    return "".join(o)


def main():
    actions_path, structs_path, errnos_path, outdir = sys.argv[1:5]
    actions = load_actions(actions_path)
    structs = load_structs(structs_path)
    with open(errnos_path) as f:
        errnos = [l.strip() for l in f if l.strip()]
    procs = [a.proc for a in actions]
    assert len(set(procs)) == len(procs), "duplicate procedure numbers"
    os.makedirs(outdir, exist_ok=True)
    write(outdir, "api.hpp", gen_api(actions, structs))
    write(outdir, "actions.def", gen_def(actions))
    write(outdir, "stub_handlers.hpp", gen_stub_handlers(actions))
    write(outdir, "optgroups.hpp", gen_optgroups(actions))
    write(outdir, "structs_codec.hpp", gen_structs_decl(structs))
    write(outdir, "codec_structs.cpp", gen_structs_codec(structs))
    write(outdir, "table.cpp", gen_table(actions, structs))
    write(outdir, "thunks.cpp", gen_thunk_registry())
    write(outdir, "errnos.cpp", gen_errnos(errnos))
    write(outdir, "implemented.cpp", gen_implemented(actions))
    write(outdir, "struct_samples.hpp", gen_struct_samples(structs))
    for i in range(CODEC_SPLIT):
        write(outdir, "codec_%d.cpp" % i, gen_codec_part(actions, i))


if __name__ == "__main__":
    main()
