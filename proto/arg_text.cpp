#include "proto/arg_text.hpp"

#include <cerrno>
#include <string_view>
#include <strings.h>

#include "domain/core/text.hpp"

namespace gfsd::proto {

bool is_file_arg(ArgKind k) { return k == ArgKind::FileIn || k == ArgKind::FileOut; }

bool is_list_arg(ArgKind k) {
  return k == ArgKind::StringList || k == ArgKind::DeviceList || k == ArgKind::FilenameList;
}

IntRange int_arg_range(ArgKind k) {
  if (k == ArgKind::Int) return {INT32_MIN, INT32_MAX};
  return {INT64_MIN, INT64_MAX};
}

Result<int64_t> int_arg_from_text(const ArgInfo& a, const std::string& text) {
  const IntRange r = int_arg_range(a.kind);
  const auto n = domain::whole_integer(text, 0, r.lo, r.hi);
  if (!n) return fail_with(EINVAL, std::string(a.name) + ": '" + text + "' is not a valid integer");
  return *n;
}

Result<bool> bool_arg_from_text(const ArgInfo& a, const std::string& text) {
  for (const char* t : {"1", "true", "yes", "on", "y", "t"})
    if (strcasecmp(text.c_str(), t) == 0) return true;
  for (const char* f : {"0", "false", "no", "off", "n", "f"})
    if (strcasecmp(text.c_str(), f) == 0) return false;
  return fail_with(EINVAL, std::string(a.name) + ": '" + text + "' is not a boolean");
}

std::vector<std::string> list_arg_from_text(const std::string& text) {
  const std::string_view blanks = domain::kCBlanks;
  std::vector<std::string> words;
  size_t pos = text.find_first_not_of(blanks);
  while (pos != std::string::npos) {
    const size_t end = text.find_first_of(blanks, pos);
    words.push_back(text.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
    pos = text.find_first_not_of(blanks, end);
  }
  return words;
}

void put_int_arg(const ArgInfo& a, int64_t value, XdrEncoder& out) {
  if (a.kind == ArgKind::Int)
    out.put(static_cast<int32_t>(value));
  else
    out.put(value);
}

void put_unset_optarg(const ArgInfo& a, XdrEncoder& out) {
  switch (a.kind) {
    case ArgKind::Int: out.put(int32_t{0}); break;
    case ArgKind::Int64: out.put(int64_t{0}); break;
    case ArgKind::Bool: out.put(false); break;
    case ArgKind::StringList: out.put(std::vector<std::string>{}); break;
    default: out.put(std::string()); break;
  }
}

}  // namespace gfsd::proto
