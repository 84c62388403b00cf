// Extended attributes, never following a final symlink.
#include <algorithm>
#include <string>
#include <vector>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// NTFS (ntfs-3g) shows compressed file data under this name: not an attribute.
bool hidden_xattr(const std::string& name) { return name == "user.WofCompressedData"; }

// All visible attributes of one file, sorted by name. Listing errors come back
// as-is so that the callers can word (or ignore) them; a value that cannot be
// read is always an error.
Result<std::vector<api::Xattr>> read_xattrs(Ctx& ctx, const std::string& path,
                                            const std::vector<std::string>& names) {
  std::vector<api::Xattr> out;
  for (const auto& n : names) {
    if (hidden_xattr(n)) continue;
    auto value = ctx.fs.get_xattr(path, n);
    if (!value) return fail_errno(value.error().errnum, "getxattr: " + n);
    out.push_back({n, std::move(*value)});
  }
  std::sort(out.begin(), out.end(),
            [](const api::Xattr& a, const api::Xattr& b) { return a.attrname < b.attrname; });
  return out;
}

}  // namespace

Result<std::vector<api::Xattr>> lgetxattrs(Ctx& ctx, const std::string& path) {
  auto names = ctx.fs.list_xattr_names(path);
  if (!names) return fail_errno(names.error().errnum, "listxattr: " + path);
  return read_xattrs(ctx, path, *names);
}

// Per name: a marker {"", "<count>\0"} (value empty if the name could not be
// listed), then its <count> attributes sorted by name.
Result<std::vector<api::Xattr>> internal_lxattrlist(Ctx& ctx, const std::string& path,
                                                    const std::vector<std::string>& names) {
  std::vector<api::Xattr> out;
  for (const auto& name : names) {
    const std::string entry = files::join_path(path, name);
    const size_t marker = out.size();
    out.push_back({});
    auto attr_names = ctx.fs.list_xattr_names(entry);
    if (!attr_names) continue;  // not fatal: the marker says so
    auto attrs = read_xattrs(ctx, entry, *attr_names);
    if (!attrs) return forward(attrs.error());
    out[marker].attrval = std::to_string(attrs->size());
    out[marker].attrval.push_back('\0');
    for (auto& a : *attrs) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace gfsd::domain
