// Looking at the mounted guest filesystem (through ctx.fs, so every path is
// resolved inside the sysroot as the original's chroot did).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// Type tests; a path that cannot be examined is not a file/dir/link.
bool guest_is_file(Ctx& ctx, const std::string& path, bool follow = false);
bool guest_is_dir(Ctx& ctx, const std::string& path, bool follow = false);
bool guest_is_symlink(Ctx& ctx, const std::string& path);

// A regular file (symlinks followed) of at most 2 * 1048 * 1024 bytes.
bool is_small_file(Ctx& ctx, const std::string& path);

// The lines of a small file, or nullopt (logged) if it is not one. Split at
// every '\n' as the original did, unlike split_lines: a file that is empty or
// ends with '\n' has an empty last line ("" -> {""}, "a\n" -> {"a", ""}).
// parse_suse_release, for one, takes an empty file for a product with an
// empty name because of it.
std::optional<std::vector<std::string>> read_small_file(Ctx& ctx, const std::string& path);

// The whole content of a file.
Result<std::string> read_whole_file(Ctx& ctx, const std::string& path);

// case_sensitive_path, then the type test; false when the path cannot be resolved.
bool is_file_nocase(Ctx& ctx, const std::string& path);
bool is_dir_nocase(Ctx& ctx, const std::string& path);

}  // namespace gfsd::domain::inspect
