// ln_s / ln_sf. The original runs `ln -s[f] -- <target> <sysroot><linkname>`
// and, on failure, replies "ln -s[f]: <target>: <linkname>: <ln's stderr>"
// (no errno). Here the steps of GNU ln (coreutils 9) are taken through the
// port, inside the sysroot, and its diagnostics are written the way ln writes
// them: they name the host path (<sysroot><linkname>), as ln saw it.
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>

#include "domain/core/host_path.hpp"
#include "domain/core/coreutils_quote.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// The last name in a path, any trailing slashes kept ("/a/b/" -> "b/", "/" -> "").
std::string last_component(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && s[i] == '/') ++i;
  size_t base = i;
  bool after_slash = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '/') {
      after_slash = true;
    } else if (after_slash) {
      base = i;
      after_slash = false;
    }
  }
  return s.substr(base);
}

// Trailing slashes dropped, but "/" stays "/".
std::string without_trailing_slashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// dir joined with name as ln does it: dir's trailing slashes dropped unless it
// is the root, one '/' between. name has no leading slash.
std::string name_in_dir(const std::string& dir, const std::string& name) {
  const std::string dir_last = last_component(dir);
  const size_t kept = dir.size() - dir_last.size() +
                      (dir_last.empty() ? 0 : without_trailing_slashes(dir_last).size());
  return dir.substr(0, kept) + (dir_last.empty() ? "" : "/") + name;
}

std::string parent_of(const std::string& path) {
  const std::string p = without_trailing_slashes(path);
  const size_t slash = p.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : p.substr(0, slash);
}

// One run of ln: what it creates (the guest path, and the host name it prints)
// and, when it fails, its message.
class LnSymlink {
 public:
  LnSymlink(Ctx& ctx, const std::string& target, bool force)
      : ctx_(ctx), target_(target), force_(force) {}

  // Empty on success, else ln's stderr.
  std::string run(const std::string& linkname) {
    const std::string host = host_name_for_message(ctx_, linkname);
    const int first = try_create(linkname);
    if (first == 0) return "";
    // An existing directory (a symlink to one included) receives the link.
    if (first == EEXIST || first == ENOTDIR || first == EINVAL) {
      auto st = ctx_.fs.stat(linkname, true);
      if (st && files::has_type(st->mode, files::kTypeDirectory)) {
        const std::string base = without_trailing_slashes(last_component(target_));
        // A target of only slashes leaves no name to create: the kernel says ENOENT.
        if (base.empty()) return failed(name_in_dir(host, base), ENOENT);
        return link_at(name_in_dir(linkname, base), name_in_dir(host, base), std::nullopt);
      }
    }
    return link_at(linkname, host, first);
  }

 private:
  // 0 or the errno of making the symlink as asked.
  int try_create(const std::string& guest, bool replace = false) {
    auto r = ctx_.fs.symlink(target_, guest, replace);
    return r ? 0 : r.error().errnum;
  }

  // ln's do_link: attempt (unless already made), then with -f check the
  // destination and replace it; errno of an earlier attempt in `tried`.
  std::string link_at(const std::string& guest, const std::string& shown,
                      std::optional<int> tried) {
    int err = tried ? *tried : try_create(guest);
    if (err == 0) return "";
    bool replace = force_;
    if (replace) {
      auto dest = ctx_.fs.stat(guest, false);
      if (!dest) {
        const int e = dest.error().errnum;
        if (e != ENOENT) return "ln: failed to access " + coreutils_quote(shown) + ": " + reason(e);
        replace = false;
      } else if (files::has_type(dest->mode, files::kTypeDirectory)) {
        return "ln: " + coreutils_quote_if_needed(shown) + ": cannot overwrite directory";
      } else if (same_file(*dest, guest)) {
        return "ln: " + coreutils_quote(target_) + " and " + coreutils_quote(shown) +
               " are the same file";
      }
    }
    if (replace && err == EEXIST) err = try_create(guest, true);
    if (err == 0) return "";
    return failed(shown, err);
  }

  std::string failed(const std::string& shown, int err) const {
    std::string msg = "ln: failed to create symbolic link " + coreutils_quote(shown);
    if (err == ENAMETOOLONG || target_.empty()) msg += " -> " + coreutils_quote(target_);
    return msg + ": " + reason(err);
  }

  // ln refuses to replace the file the new link would point to. It looks the
  // target up from its own working directory, "/" on the host: that is the
  // guest only in live mode.
  bool same_file(const ports::FileStat& dest, const std::string& guest) {
    if (!ctx_.config.sysroot.empty()) return false;
    const std::string source = target_.starts_with("/") ? target_ : "/" + target_;
    auto src = ctx_.fs.stat(source, true);
    if (!src || src->dev != dest.dev || src->ino != dest.ino) return false;
    if (src->nlink == 1) return true;
    // More links: the same only if it is the same name in the same directory.
    if (without_trailing_slashes(last_component(source)) !=
        without_trailing_slashes(last_component(guest)))
      return false;
    auto a = ctx_.fs.stat(parent_of(source), true);
    auto b = ctx_.fs.stat(parent_of(guest), true);
    return a && b && a->dev == b->dev && a->ino == b->ino;
  }

  static std::string reason(int e) { return std::strerror(e); }

  Ctx& ctx_;
  const std::string& target_;
  bool force_;
};

Result<void> symlink_as_ln(Ctx& ctx, const std::string& target, const std::string& linkname,
                           bool force) {
  LnSymlink ln(ctx, target, force);
  const std::string err = ln.run(linkname);
  if (err.empty()) return {};
  return fail(std::string(force ? "ln -sf" : "ln -s") + ": " + target + ": " + linkname + ": " +
              err);
}

}  // namespace

Result<void> ln_s(Ctx& ctx, const std::string& target, const std::string& linkname) {
  return symlink_as_ln(ctx, target, linkname, false);
}

Result<void> ln_sf(Ctx& ctx, const std::string& target, const std::string& linkname) {
  return symlink_as_ln(ctx, target, linkname, true);
}

}  // namespace gfsd::domain
