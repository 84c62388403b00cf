// File-content and tree actions added after the first file batch
// (register_file_content puts them in the table).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// copy_attributes.cpp
Result<void> copy_attributes(Ctx& ctx, const std::string& src, const std::string& dest,
                             const api::opt::copy_attributes& opts);

// head_tail.cpp
Result<std::vector<std::string>> head(Ctx& ctx, const std::string& path);
Result<std::vector<std::string>> head_n(Ctx& ctx, int32_t nrlines, const std::string& path);
Result<std::vector<std::string>> tail(Ctx& ctx, const std::string& path);
Result<std::vector<std::string>> tail_n(Ctx& ctx, int32_t nrlines, const std::string& path);

// word_count.cpp
Result<int32_t> wc_l(Ctx& ctx, const std::string& path);
Result<int32_t> wc_w(Ctx& ctx, const std::string& path);
Result<int32_t> wc_c(Ctx& ctx, const std::string& path);

// copy_move.cpp
Result<void> cp(Ctx& ctx, const std::string& src, const std::string& dest);
Result<void> cp_a(Ctx& ctx, const std::string& src, const std::string& dest);
Result<void> cp_r(Ctx& ctx, const std::string& src, const std::string& dest);
Result<void> mv(Ctx& ctx, const std::string& src, const std::string& dest);
Result<int64_t> du(Ctx& ctx, const std::string& path);

// checksums.cpp
Result<std::string> checksum(Ctx& ctx, const std::string& csumtype, const std::string& path);
Result<std::string> checksum_device(Ctx& ctx, const std::string& csumtype,
                                    const std::string& device);
Result<void> checksums_out(Ctx& ctx, const std::string& csumtype, const std::string& directory);

// file_type.cpp
Result<std::string> file(Ctx& ctx, const api::DevOrPath& path);

// text_dumps.cpp
Result<std::string> hexdump(Ctx& ctx, const std::string& path);
Result<std::vector<std::string>> strings(Ctx& ctx, const std::string& path);
Result<std::vector<std::string>> strings_e(Ctx& ctx, const std::string& encoding,
                                           const std::string& path);

// tar_archives.cpp
Result<void> tar_in(Ctx& ctx, const std::string& directory, const api::opt::tar_in& opts);
Result<void> tar_out(Ctx& ctx, const std::string& directory, const api::opt::tar_out& opts);
Result<void> tgz_in(Ctx& ctx, const std::string& directory);
Result<void> tgz_out(Ctx& ctx, const std::string& directory);
Result<void> txz_in(Ctx& ctx, const std::string& directory);
Result<void> txz_out(Ctx& ctx, const std::string& directory);

// base64_find.cpp
Result<void> base64_in(Ctx& ctx, const std::string& filename);
Result<void> base64_out(Ctx& ctx, const std::string& filename);
Result<void> find0(Ctx& ctx, const std::string& directory);

// fill.cpp
Result<void> fill(Ctx& ctx, int32_t c, int32_t len, const std::string& path);
Result<void> fill_pattern(Ctx& ctx, const std::string& pattern, int32_t len,
                          const std::string& path);
Result<void> fill_dir(Ctx& ctx, const std::string& dir, int32_t n);
Result<void> fallocate(Ctx& ctx, const std::string& path, int32_t len);
Result<void> fallocate64(Ctx& ctx, const std::string& path, int64_t len);

// glob_expand.cpp
Result<std::vector<std::string>> glob_expand(Ctx& ctx, const std::string& pattern,
                                             const api::opt::glob_expand& opts);

}  // namespace gfsd::domain
