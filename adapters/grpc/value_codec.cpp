#include "adapters/grpc/value_codec.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "proto/arg_text.hpp"
#include "proto/protocol.hpp"
#include "proto/xdr.hpp"

namespace gfsd::adapters::grpc_console {

namespace {

using google::protobuf::Value;

// Integers a double carries exactly.
constexpr double kExactDouble = 9007199254740992.0;  // 2^53

tl::unexpected<Error> bad(const proto::ArgInfo& a, const std::string& what) {
  return fail_with(EINVAL, std::string(a.name) + ": " + what);
}

const char* value_kind(const Value& v) {
  switch (v.kind_case()) {
    case Value::kNullValue: return "null";
    case Value::kNumberValue: return "a number";
    case Value::kStringValue: return "a string";
    case Value::kBoolValue: return "a bool";
    case Value::kStructValue: return "a struct";
    case Value::kListValue: return "a list";
    default: return "nothing";
  }
}

// Int/Int64: a number a double holds exactly, or text (proto/arg_text.hpp).
Result<int64_t> to_int(const proto::ArgInfo& a, const Value& v) {
  if (v.kind_case() == Value::kNumberValue) {
    const proto::IntRange r = proto::int_arg_range(a.kind);
    const double d = v.number_value();
    if (d != std::floor(d) || std::fabs(d) > kExactDouble || d < static_cast<double>(r.lo) ||
        d > static_cast<double>(r.hi))
      return bad(a, "is not an integer in range (give large integers as strings)");
    return static_cast<int64_t>(d);
  }
  if (v.kind_case() != Value::kStringValue)
    return bad(a, std::string("expects an integer, not ") + value_kind(v));
  return proto::int_arg_from_text(a, v.string_value());
}

Result<bool> to_bool(const proto::ArgInfo& a, const Value& v) {
  if (v.kind_case() == Value::kBoolValue) return v.bool_value();
  if (v.kind_case() == Value::kNumberValue && (v.number_value() == 0 || v.number_value() == 1))
    return v.number_value() == 1;
  if (v.kind_case() == Value::kStringValue) return proto::bool_arg_from_text(a, v.string_value());
  return bad(a, std::string("expects a bool, not ") + value_kind(v));
}

Result<std::vector<std::string>> to_list(const proto::ArgInfo& a, const Value& v) {
  if (v.kind_case() == Value::kStringValue) return proto::list_arg_from_text(v.string_value());
  std::vector<std::string> out;
  if (v.kind_case() != Value::kListValue)
    return bad(a, std::string("expects a list of strings, not ") + value_kind(v));
  for (const Value& item : v.list_value().values()) {
    if (item.kind_case() != Value::kStringValue)
      return bad(a, std::string("list items must be strings, not ") + value_kind(item));
    out.push_back(item.string_value());
  }
  return out;
}

Result<void> put_value(const proto::ArgInfo& a, const Value& v, proto::XdrEncoder& out) {
  switch (a.kind) {
    case proto::ArgKind::Int:
    case proto::ArgKind::Int64: {
      auto n = to_int(a, v);
      if (!n) return forward(n.error());
      proto::put_int_arg(a, *n, out);
      return {};
    }
    case proto::ArgKind::Bool: {
      auto b = to_bool(a, v);
      if (!b) return forward(b.error());
      out.put(*b);
      return {};
    }
    case proto::ArgKind::OptString:
      if (v.kind_case() == Value::kNullValue) {
        out.put(std::optional<std::string>());
        return {};
      }
      if (v.kind_case() != Value::kStringValue)
        return bad(a, std::string("expects a string or null, not ") + value_kind(v));
      out.put(std::optional<std::string>(v.string_value()));
      return {};
    default:
      break;
  }
  if (proto::is_list_arg(a.kind)) {
    auto l = to_list(a, v);
    if (!l) return forward(l.error());
    out.put(*l);
    return {};
  }
  if (v.kind_case() != Value::kStringValue)
    return bad(a, std::string("expects a string, not ") + value_kind(v));
  out.put(v.string_value());
  return {};
}

const proto::ArgInfo* find_arg(const proto::ActionInfo& action, const std::string& name) {
  for (int i = 0; i < action.nargs; ++i)
    if (name == action.args[i].name) return &action.args[i];
  for (int i = 0; i < action.noptargs; ++i)
    if (name == action.optargs[i].name) return &action.optargs[i];
  return nullptr;
}

Result<void> check_names(const proto::ActionInfo& action, const pb::CallRequest& call) {
  const std::string who = action.name;
  for (const auto& [name, value] : call.args().fields()) {
    const proto::ArgInfo* a = find_arg(action, name);
    if (!a) return fail_with(EINVAL, who + ": no argument '" + name + "'");
    if (proto::is_file_arg(a->kind))
      return fail_with(EINVAL, who + ": '" + name + "' is a file argument: its data is the stream");
  }
  for (const auto& [name, bytes] : call.buffers()) {
    const proto::ArgInfo* a = find_arg(action, name);
    if (!a || a->kind != proto::ArgKind::BufferIn)
      return fail_with(EINVAL, who + ": no BufferIn argument '" + name + "'");
    if (call.args().fields().count(name))
      return fail_with(EINVAL, who + ": '" + name + "' given both as an argument and a buffer");
  }
  return {};
}

Result<void> put_arg(const proto::ArgInfo& a, const pb::CallRequest& call, bool optional,
                     proto::XdrEncoder& out) {
  const auto& buffers = call.buffers();
  if (auto b = buffers.find(a.name); b != buffers.end()) {
    out.put_bytes(b->second);
    return {};
  }
  const auto& fields = call.args().fields();
  const auto f = fields.find(a.name);
  if (f != fields.end()) return put_value(a, f->second, out);
  if (!optional) return fail_with(EINVAL, std::string("missing argument '") + a.name + "'");
  proto::put_unset_optarg(a, out);
  return {};
}

// ---- replies ---------------------------------------------------------------------

void set_int(Value& v, int64_t n) {
  if (std::fabs(static_cast<double>(n)) <= kExactDouble)
    v.set_number_value(static_cast<double>(n));
  else
    v.set_string_value(std::to_string(n));
}

void set_uint(Value& v, uint64_t n) {
  if (static_cast<double>(n) <= kExactDouble)
    v.set_number_value(static_cast<double>(n));
  else
    v.set_string_value(std::to_string(n));
}

bool get_field(proto::FieldKind kind, proto::XdrDecoder& in, Value& v) {
  std::string s;
  switch (kind) {
    case proto::FieldKind::String:
      if (!in.get(s)) return false;
      break;
    case proto::FieldKind::Buffer:
      if (!in.get_bytes(s)) return false;
      break;
    case proto::FieldKind::Uuid:
      if (!in.get_fixed(s, 32)) return false;
      break;
    case proto::FieldKind::Int32: {
      int32_t n;
      if (!in.get(n)) return false;
      set_int(v, n);
      return true;
    }
    case proto::FieldKind::UInt32: {
      uint32_t n;
      if (!in.get(n)) return false;
      set_uint(v, n);
      return true;
    }
    case proto::FieldKind::Int64: {
      int64_t n;
      if (!in.get(n)) return false;
      set_int(v, n);
      return true;
    }
    case proto::FieldKind::UInt64: {
      uint64_t n;
      if (!in.get(n)) return false;
      set_uint(v, n);
      return true;
    }
    case proto::FieldKind::Float: {
      float f;
      if (!in.get(f)) return false;
      v.set_number_value(f);
      return true;
    }
    case proto::FieldKind::Char: {
      char c;
      if (!in.get_char(c)) return false;
      s.assign(1, c);
      break;
    }
  }
  v.set_string_value(readable_text(s));
  return true;
}

bool get_struct(const proto::StructInfo& st, proto::XdrDecoder& in, Value& v) {
  auto& fields = *v.mutable_struct_value()->mutable_fields();
  for (int i = 0; i < st.nfields; ++i)
    if (!get_field(st.fields[i].kind, in, fields[st.fields[i].name])) return false;
  return true;
}

size_t utf8_sequence(const unsigned char* p, size_t n) {
  const unsigned char c = p[0];
  size_t len;
  uint32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2;
    cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    cp = c & 0x0f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((p[i] & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3f);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
      (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return len;
}

}  // namespace

std::string readable_text(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  while (i < bytes.size()) {
    const size_t k = utf8_sequence(p + i, bytes.size() - i);
    if (k == 0) {
      char esc[5];
      std::snprintf(esc, sizeof esc, "\\x%02x", p[i]);
      out += esc;
      ++i;
      continue;
    }
    out.append(bytes.data() + i, k);
    i += k;
  }
  return out;
}

Result<EncodedArgs> encode_args(const proto::ActionInfo& action, const pb::CallRequest& call) {
  GFSD_TRY(check_names(action, call));
  const size_t cap = proto::kMessageMax - proto::kHeaderSize;
  std::unique_ptr<char[]> buf(new char[cap]);
  EncodedArgs r;
  {
    proto::XdrEncoder out(buf.get(), cap);
    for (int i = 0; i < action.nargs; ++i) {
      if (proto::is_file_arg(action.args[i].kind)) continue;
      GFSD_TRY(put_arg(action.args[i], call, false, out));
    }
    for (int i = 0; i < action.noptargs; ++i) {
      const proto::ArgInfo& a = action.optargs[i];
      if (call.args().fields().count(a.name) || call.buffers().count(a.name))
        r.optargs_bitmask |= uint64_t{1} << i;
      GFSD_TRY(put_arg(a, call, true, out));
    }
    if (!out.ok()) return fail_with(EMSGSIZE, "arguments too large");
    r.xdr.assign(buf.get(), out.size());
  }
  return r;
}

Result<void> decode_reply(const proto::ActionInfo& action, const char* body, size_t len,
                          pb::CallReply& reply) {
  proto::XdrDecoder in(body, len);
  Value& v = *reply.mutable_result();
  bool ok = true;
  switch (action.ret) {
    case proto::RetKind::Err:
      v.set_null_value(google::protobuf::NULL_VALUE);
      break;
    case proto::RetKind::Int: {
      int32_t n = 0;
      ok = in.get(n);
      set_int(v, n);
      break;
    }
    case proto::RetKind::Int64: {
      int64_t n = 0;
      ok = in.get(n);
      set_int(v, n);
      break;
    }
    case proto::RetKind::Bool: {
      bool b = false;
      ok = in.get(b);
      v.set_bool_value(b);
      break;
    }
    case proto::RetKind::String: {
      std::string s;
      ok = in.get(s);
      v.set_string_value(readable_text(s));
      break;
    }
    case proto::RetKind::Buffer:
      reply.clear_result();
      ok = in.get_bytes(*reply.mutable_buffer());
      break;
    case proto::RetKind::StringList: {
      std::vector<std::string> list;
      ok = in.get(list);
      auto& values = *v.mutable_list_value();
      for (const auto& s : list) values.add_values()->set_string_value(readable_text(s));
      break;
    }
    case proto::RetKind::Hashtable: {
      std::vector<std::pair<std::string, std::string>> kv;
      ok = in.get(kv);
      auto& fields = *v.mutable_struct_value()->mutable_fields();
      for (const auto& [key, value] : kv) fields[readable_text(key)].set_string_value(readable_text(value));
      break;
    }
    case proto::RetKind::Struct:
      ok = get_struct(proto::kStructs[action.ret_struct], in, v);
      break;
    case proto::RetKind::StructList: {
      uint32_t n = 0;
      ok = in.get(n) && n <= in.remaining();
      auto& values = *v.mutable_list_value();
      for (uint32_t i = 0; ok && i < n; ++i)
        ok = get_struct(proto::kStructs[action.ret_struct], in, *values.add_values());
      break;
    }
  }
  if (!ok || !in.at_end())
    return fail_with(EPROTO, std::string(action.name) + ": malformed reply body");
  return {};
}

}  // namespace gfsd::adapters::grpc_console
