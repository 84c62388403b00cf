// Extended attributes. The l* actions act on a final symlink itself, the
// others on what it points to.
#include <algorithm>
#include <string>
#include <vector>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// XATTR_SIZE_MAX: the largest value Linux stores.
constexpr int32_t kXattrSizeMax = 65536;

// NTFS (ntfs-3g) shows compressed file data under this name: not an attribute.
bool hidden_xattr(const std::string& name) { return name == "user.WofCompressedData"; }

// All visible attributes of one file, sorted by name. Listing errors come back
// as-is so that the callers can word (or ignore) them; a value that cannot be
// read is always an error.
Result<std::vector<api::Xattr>> read_xattrs(Ctx& ctx, const std::string& path,
                                            const std::vector<std::string>& names, bool follow) {
  std::vector<api::Xattr> out;
  for (const auto& n : names) {
    if (hidden_xattr(n)) continue;
    auto value = ctx.fs.get_xattr(path, n, follow);
    if (!value) return fail_errno(value.error().errnum, "getxattr: " + n);
    out.push_back({n, std::move(*value)});
  }
  std::sort(out.begin(), out.end(),
            [](const api::Xattr& a, const api::Xattr& b) { return a.attrname < b.attrname; });
  return out;
}

Result<std::vector<api::Xattr>> all_xattrs(Ctx& ctx, const std::string& path, bool follow) {
  auto names = ctx.fs.list_xattr_names(path, follow);
  if (!names) return fail_errno(names.error().errnum, "listxattr: " + path);
  return read_xattrs(ctx, path, *names, follow);
}

Result<std::string> one_xattr(Ctx& ctx, const std::string& path, const std::string& name,
                              bool follow) {
  auto value = ctx.fs.get_xattr(path, name, follow);
  if (!value) return fail_errno(value.error().errnum, "getxattr");
  return value;
}

// vallen, not the string, says how much is stored: shorter keeps a prefix;
// longer reads past the string in the original (its terminating NUL first),
// here NULs. A negative vallen reaches setxattr(2) as a huge size: any size
// over the limit fails there the same way (E2BIG).
Result<void> set_one(Ctx& ctx, const std::string& xattr, const std::string& val, int32_t vallen,
                     const std::string& path, bool follow) {
  if (vallen > kXattrSizeMax) return fail("extended attribute is too large");
  std::string value;
  if (vallen < 0) {
    value.assign(static_cast<size_t>(kXattrSizeMax) + 1, '\0');
  } else {
    value = val.substr(0, static_cast<size_t>(vallen));
    value.resize(static_cast<size_t>(vallen), '\0');
  }
  auto r = ctx.fs.set_xattr(path, xattr, value, follow);
  if (!r) return fail_errno(r.error().errnum, "setxattr");
  return {};
}

Result<void> remove_one(Ctx& ctx, const std::string& xattr, const std::string& path,
                        bool follow) {
  auto r = ctx.fs.remove_xattr(path, xattr, follow);
  if (!r) return fail_errno(r.error().errnum, "removexattr");
  return {};
}

}  // namespace

Result<std::vector<api::Xattr>> getxattrs(Ctx& ctx, const std::string& path) {
  return all_xattrs(ctx, path, true);
}

Result<std::vector<api::Xattr>> lgetxattrs(Ctx& ctx, const std::string& path) {
  return all_xattrs(ctx, path, false);
}

Result<std::string> getxattr(Ctx& ctx, const std::string& path, const std::string& name) {
  return one_xattr(ctx, path, name, true);
}

Result<std::string> lgetxattr(Ctx& ctx, const std::string& path, const std::string& name) {
  return one_xattr(ctx, path, name, false);
}

Result<void> setxattr(Ctx& ctx, const std::string& xattr, const std::string& val, int32_t vallen,
                      const std::string& path) {
  return set_one(ctx, xattr, val, vallen, path, true);
}

Result<void> lsetxattr(Ctx& ctx, const std::string& xattr, const std::string& val,
                       int32_t vallen, const std::string& path) {
  return set_one(ctx, xattr, val, vallen, path, false);
}

Result<void> removexattr(Ctx& ctx, const std::string& xattr, const std::string& path) {
  return remove_one(ctx, xattr, path, true);
}

Result<void> lremovexattr(Ctx& ctx, const std::string& xattr, const std::string& path) {
  return remove_one(ctx, xattr, path, false);
}

// Per name: a marker {"", "<count>\0"} (value empty if the name could not be
// listed), then its <count> attributes sorted by name. Never follows.
Result<std::vector<api::Xattr>> internal_lxattrlist(Ctx& ctx, const std::string& path,
                                                    const std::vector<std::string>& names) {
  std::vector<api::Xattr> out;
  for (const auto& name : names) {
    const std::string entry = files::join_path(path, name);
    const size_t marker = out.size();
    out.push_back({});
    auto attr_names = ctx.fs.list_xattr_names(entry, false);
    if (!attr_names) continue;  // not fatal: the marker says so
    auto attrs = read_xattrs(ctx, entry, *attr_names, false);
    if (!attrs) return forward(attrs.error());
    out[marker].attrval = std::to_string(attrs->size());
    out[marker].attrval.push_back('\0');
    for (auto& a : *attrs) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace gfsd::domain
