#include "proto/text_codec.hpp"

#include <cerrno>

#include "proto/arg_text.hpp"

namespace gfsd::proto {

namespace {

Result<void> encode_one(const ArgInfo& a, const std::string& v, XdrEncoder& out) {
  switch (a.kind) {
    case ArgKind::Int:
    case ArgKind::Int64: {
      auto n = int_arg_from_text(a, v);
      if (!n) return forward(n.error());
      put_int_arg(a, *n, out);
      return {};
    }
    case ArgKind::Bool: {
      auto b = bool_arg_from_text(a, v);
      if (!b) return forward(b.error());
      out.put(*b);
      return {};
    }
    case ArgKind::OptString:
      if (v == "~")
        out.put(std::optional<std::string>());
      else
        out.put(std::optional<std::string>(v));
      return {};
    default:
      if (is_list_arg(a.kind))
        out.put(list_arg_from_text(v));
      else
        out.put(v);
      return {};
  }
}

}  // namespace

bool field_to_text(FieldKind kind, XdrDecoder& in, std::string& out) {
  std::string s;
  switch (kind) {
    case FieldKind::String: if (!in.get(s)) return false; out += s; break;
    case FieldKind::Buffer: if (!in.get_bytes(s)) return false; out += s; break;
    case FieldKind::Uuid: if (!in.get_fixed(s, 32)) return false; out += s; break;
    case FieldKind::Int32: { int32_t v; if (!in.get(v)) return false; out += std::to_string(v); break; }
    case FieldKind::UInt32: { uint32_t v; if (!in.get(v)) return false; out += std::to_string(v); break; }
    case FieldKind::Int64: { int64_t v; if (!in.get(v)) return false; out += std::to_string(v); break; }
    case FieldKind::UInt64: { uint64_t v; if (!in.get(v)) return false; out += std::to_string(v); break; }
    case FieldKind::Float: { float v; if (!in.get(v)) return false; out += std::to_string(v); break; }
    case FieldKind::Char: { char v; if (!in.get_char(v)) return false; out += v; break; }
  }
  return true;
}

namespace {

bool render_struct(const StructInfo& st, XdrDecoder& in, const std::string& indent, std::string& out) {
  for (int i = 0; i < st.nfields; ++i) {
    out += indent + st.fields[i].name + ": ";
    if (!field_to_text(st.fields[i].kind, in, out)) return false;
    out += '\n';
  }
  return true;
}

}  // namespace

const char* arg_kind_name(ArgKind k) {
  switch (k) {
    case ArgKind::Pathname: return "String(Pathname)";
    case ArgKind::Device: return "String(Device)";
    case ArgKind::Mountable: return "String(Mountable)";
    case ArgKind::MountableOrPath: return "String(Mountable_or_Path)";
    case ArgKind::DevOrPath: return "String(Dev_or_Path)";
    case ArgKind::String: return "String";
    case ArgKind::Key: return "String(Key)";
    case ArgKind::Guid: return "String(GUID)";
    case ArgKind::FileIn: return "FileIn";
    case ArgKind::FileOut: return "FileOut";
    case ArgKind::StringList: return "StringList";
    case ArgKind::DeviceList: return "StringList(Device)";
    case ArgKind::FilenameList: return "StringList(Filename)";
    case ArgKind::Int: return "Int";
    case ArgKind::Int64: return "Int64";
    case ArgKind::Bool: return "Bool";
    case ArgKind::OptString: return "OptString";
    case ArgKind::BufferIn: return "BufferIn";
  }
  return "?";
}

const char* ret_kind_name(RetKind k) {
  switch (k) {
    case RetKind::Err: return "RErr";
    case RetKind::Int: return "RInt";
    case RetKind::Int64: return "RInt64";
    case RetKind::Bool: return "RBool";
    case RetKind::String: return "RString";
    case RetKind::StringList: return "RStringList";
    case RetKind::Hashtable: return "RHashtable";
    case RetKind::Struct: return "RStruct";
    case RetKind::StructList: return "RStructList";
    case RetKind::Buffer: return "RBufferOut";
  }
  return "?";
}

int wire_arg_count(const ActionInfo& action) {
  int n = 0;
  for (int i = 0; i < action.nargs; ++i)
    if (!is_file_arg(action.args[i].kind)) ++n;
  return n;
}

Result<uint64_t> encode_args(const ActionInfo& action, const TextCall& call, XdrEncoder& out) {
  if (static_cast<int>(call.args.size()) != wire_arg_count(action))
    return fail_with(EINVAL, std::string(action.name) + ": expects " +
                                 std::to_string(wire_arg_count(action)) + " argument(s), got " +
                                 std::to_string(call.args.size()));
  size_t next = 0;
  for (int i = 0; i < action.nargs; ++i) {
    if (is_file_arg(action.args[i].kind)) continue;
    GFSD_TRY(encode_one(action.args[i], call.args[next++], out));
  }
  uint64_t mask = 0;
  for (const auto& [name, value] : call.optargs) {
    int bit = -1;
    for (int i = 0; i < action.noptargs; ++i)
      if (name == action.optargs[i].name) bit = i;
    if (bit < 0) return fail_with(EINVAL, std::string(action.name) + ": no optional argument '" + name + "'");
    mask |= uint64_t{1} << bit;
  }
  for (int i = 0; i < action.noptargs; ++i) {
    const std::string* value = nullptr;
    for (const auto& [name, v] : call.optargs)
      if (name == action.optargs[i].name) value = &v;
    if (value)
      GFSD_TRY(encode_one(action.optargs[i], *value, out));
    else
      put_unset_optarg(action.optargs[i], out);
  }
  if (!out.ok()) return fail_with(EMSGSIZE, "arguments too large");
  return mask;
}

Result<std::string> render_ret(const ActionInfo& action, XdrDecoder& in) {
  std::string out;
  bool ok = true;
  switch (action.ret) {
    case RetKind::Err: break;
    case RetKind::Int: { int32_t v; ok = in.get(v); out = std::to_string(v) + "\n"; break; }
    case RetKind::Int64: { int64_t v; ok = in.get(v); out = std::to_string(v) + "\n"; break; }
    case RetKind::Bool: { bool v; ok = in.get(v); out = v ? "true\n" : "false\n"; break; }
    case RetKind::String: { ok = in.get(out); out += "\n"; break; }
    case RetKind::Buffer: { ok = in.get_bytes(out); break; }
    case RetKind::StringList: {
      std::vector<std::string> v;
      ok = in.get(v);
      for (const auto& s : v) out += s + "\n";
      break;
    }
    case RetKind::Hashtable: {
      std::vector<std::pair<std::string, std::string>> kv;
      ok = in.get(kv);
      for (const auto& [k, v] : kv) out += k + ": " + v + "\n";
      break;
    }
    case RetKind::Struct:
      ok = render_struct(kStructs[action.ret_struct], in, "", out);
      break;
    case RetKind::StructList: {
      uint32_t n = 0;
      ok = in.get(n);
      for (uint32_t i = 0; ok && i < n; ++i) {
        out += "[" + std::to_string(i) + "] = {\n";
        ok = render_struct(kStructs[action.ret_struct], in, "  ", out);
        out += "}\n";
      }
      break;
    }
  }
  if (!ok || !in.at_end()) return fail_with(EPROTO, std::string(action.name) + ": malformed reply body");
  return out;
}

std::string signature(const ActionInfo& action) {
  std::string s = ret_kind_name(action.ret);
  if (action.ret_struct >= 0) s += std::string("(") + kStructs[action.ret_struct].name + ")";
  s += " " + std::string(action.name) + " (";
  for (int i = 0; i < action.nargs; ++i) {
    if (i) s += ", ";
    s += std::string(arg_kind_name(action.args[i].kind)) + " " + action.args[i].name;
  }
  s += ")";
  if (action.noptargs > 0) {
    s += " [";
    for (int i = 0; i < action.noptargs; ++i) {
      if (i) s += ", ";
      s += std::string("O") + arg_kind_name(action.optargs[i].kind) + " " + action.optargs[i].name;
    }
    s += "]";
  }
  return s;
}

}  // namespace gfsd::proto
