// Extended attributes of guest paths (PosixFilesystem, continued).
#include <cerrno>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/xattr.h>
#include <linux/limits.h>

#include "adapters/posix/posix_filesystem.hpp"
#include "adapters/posix/sysroot_paths.hpp"

namespace gfsd::adapters {

using namespace sysroot;

namespace {

// A path the l*xattr calls can use: the parent reached through its descriptor.
// For a whole target the (non-symlink) entry is reached through the magic link,
// which only the following variants traverse.
std::string xattr_path(const Target& t) {
  return t.whole ? proc_fd(t.fd.get()) : proc_fd(t.fd.get()) + "/" + t.name;
}

// The entry an xattr call acts on: what the path leads to (follow: reached
// through the magic link, always whole) or the path's own last component.
bool locate_xattr(const std::string& root, const std::string& path, bool follow, Target& t) {
  if (!follow) return locate(root, path, true, t);
  t.whole = true;
  t.fd = UniqueFd(resolve(root, path, O_PATH));
  return static_cast<bool>(t.fd);
}

// The kernel rejects a bad name, and a set's oversized value, before it
// looks the path up; checking first keeps those errors ahead of ENOENT.
bool xattr_args_ok(const std::string& name, size_t value_size = 0) {
  if (name.empty() || name.size() > XATTR_NAME_MAX) {
    errno = ERANGE;
    return false;
  }
  if (value_size > XATTR_SIZE_MAX) {
    errno = E2BIG;
    return false;
  }
  return true;
}

// Names (or values) come in one buffer; ERANGE means it grew between the calls.
template <class Call>
bool read_sized(Call call, std::string& out) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    const ssize_t need = call(nullptr, 0);
    if (need < 0) return false;
    std::string buf(static_cast<size_t>(need), '\0');
    const ssize_t got = need == 0 ? 0 : call(buf.data(), buf.size());
    if (got >= 0) {
      buf.resize(static_cast<size_t>(got));
      out = std::move(buf);
      return true;
    }
    if (errno != ERANGE) return false;
  }
  errno = ERANGE;
  return false;
}

std::vector<std::string> split_names(const std::string& buf) {
  std::vector<std::string> names;
  size_t pos = 0;
  while (pos < buf.size()) {
    const size_t nul = buf.find('\0', pos);
    const size_t end = nul == std::string::npos ? buf.size() : nul;
    if (end > pos) names.push_back(buf.substr(pos, end - pos));
    pos = end + 1;
  }
  return names;
}

}  // namespace

Result<std::vector<std::string>> PosixFilesystem::list_xattr_names(const std::string& path,
                                                                   bool follow) {
  Target t;
  if (!locate_xattr(root_, path, follow, t)) return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const bool whole = t.whole;
  std::string buf;
  const bool ok = read_sized(
      [&](char* b, size_t n) {
        return whole ? ::listxattr(p.c_str(), b, n) : ::llistxattr(p.c_str(), b, n);
      },
      buf);
  if (!ok) return fail_errno(errno, path);
  return split_names(buf);
}

Result<std::string> PosixFilesystem::get_xattr(const std::string& path, const std::string& name,
                                               bool follow) {
  Target t;
  if (!xattr_args_ok(name) || !locate_xattr(root_, path, follow, t))
    return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const bool whole = t.whole;
  std::string value;
  const bool ok = read_sized(
      [&](char* b, size_t n) {
        return whole ? ::getxattr(p.c_str(), name.c_str(), b, n)
                     : ::lgetxattr(p.c_str(), name.c_str(), b, n);
      },
      value);
  if (!ok) return fail_errno(errno, path);
  return value;
}

Result<void> PosixFilesystem::set_xattr(const std::string& path, const std::string& name,
                                        const std::string& value, bool follow) {
  Target t;
  if (!xattr_args_ok(name, value.size()) || !locate_xattr(root_, path, follow, t))
    return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const int r = t.whole ? ::setxattr(p.c_str(), name.c_str(), value.data(), value.size(), 0)
                        : ::lsetxattr(p.c_str(), name.c_str(), value.data(), value.size(), 0);
  if (r < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::remove_xattr(const std::string& path, const std::string& name,
                                           bool follow) {
  Target t;
  if (!xattr_args_ok(name) || !locate_xattr(root_, path, follow, t))
    return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const int r = t.whole ? ::removexattr(p.c_str(), name.c_str())
                        : ::lremovexattr(p.c_str(), name.c_str());
  if (r < 0) return fail_errno(errno, path);
  return {};
}

Result<std::vector<ports::XattrEntry>> PosixFilesystem::list_xattrs(const std::string& path) {
  auto names = list_xattr_names(path, false);
  if (!names) return forward(names.error());
  std::vector<ports::XattrEntry> out;
  for (auto& n : *names) {
    auto value = get_xattr(path, n, false);
    if (!value) return forward(value.error());
    out.push_back({std::move(n), std::move(*value)});
  }
  return out;
}

}  // namespace gfsd::adapters
