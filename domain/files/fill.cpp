// fill, fill_pattern, fill_dir, fallocate, fallocate64: writing made-up content.
#include <algorithm>
#include <cstdio>

#include "domain/files/content_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kBufSize = 8192;  // BUFSIZ: the original's write size

// Opens for writing like O_WRONLY|O_CREAT: an existing file keeps what lies
// beyond the part written.
Result<std::unique_ptr<ports::File>> open_for_overwrite(Ctx& ctx, const std::string& path) {
  const bool exists = static_cast<bool>(ctx.fs.stat(path, true));
  auto f = ctx.fs.open(path, exists ? ports::OpenFor::WriteExisting : ports::OpenFor::WriteTruncate,
                       0666);
  if (!f) return fail_errno(f.error().errnum, "open: " + path);
  return f;
}

// Writes len bytes, taking each block from next(size), with progress.
template <class Next>
Result<void> write_blocks(Ctx& ctx, ports::File& f, const std::string& path, size_t len,
                          size_t block, Next next) {
  size_t done = 0;
  while (done < len) {
    const size_t n = std::min(block, len - done);
    auto w = f.write(next(n), n);
    if (!w) {
      (void)f.close();
      return fail_errno(w.error().errnum, "write: " + path);
    }
    done += n;
    ctx.progress.report(done, len);
  }
  auto c = f.close();
  if (!c) return fail_errno(c.error().errnum, "close: " + path);
  return {};
}

}  // namespace

Result<void> fill(Ctx& ctx, int32_t c, int32_t len, const std::string& path) {
  if (c < 0 || c > 255) return fail(std::to_string(c) + ": byte number must be in range 0..255");
  if (len < 0) return fail(std::to_string(len) + ": length is < 0");
  auto f = open_for_overwrite(ctx, path);
  if (!f) return forward(f.error());
  const std::string buf(kBufSize, static_cast<char>(c));
  return write_blocks(ctx, **f, path, static_cast<size_t>(len), kBufSize,
                      [&](size_t) { return buf.data(); });
}

Result<void> fill_pattern(Ctx& ctx, const std::string& pattern, int32_t len,
                          const std::string& path) {
  // The original saw the pattern as a C string.
  const std::string pat = pattern.substr(0, pattern.find('\0'));
  if (pat.empty()) return fail("pattern string must be non-empty");
  if (len < 0) return fail(std::to_string(len) + ": length is < 0");
  auto f = open_for_overwrite(ctx, path);
  if (!f) return forward(f.error());
  // Whole copies of the pattern per write, about kBufSize bytes: the original
  // wrote one copy per write(2) ("XXX very inefficient"), so a 1-byte pattern
  // took one system call and one progress report per byte (found by fuzzing:
  // 128 MiB of "s" ran for minutes). Every block starts at the pattern's first
  // byte, so the file's bytes are the same.
  std::string block;
  const size_t copies = std::max<size_t>(1, kBufSize / pat.size());
  block.reserve(copies * pat.size());
  for (size_t i = 0; i < copies; ++i) block += pat;
  return write_blocks(ctx, **f, path, static_cast<size_t>(len), block.size(),
                      [&](size_t) { return block.data(); });
}

// n empty files 00000000, 00000001, ... in dir.
Result<void> fill_dir(Ctx& ctx, const std::string& dir, int32_t n) {
  for (int32_t i = 0; i < n; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "%08d", i);
    const std::string path = dir + "/" + name;
    const bool exists = static_cast<bool>(ctx.fs.stat(path, true));
    auto f = ctx.fs.open(path, exists ? ports::OpenFor::WriteExisting : ports::OpenFor::WriteTruncate,
                         0666);
    if (!f) return fail_errno(f.error().errnum, "create: " + path);
    auto c = (*f)->close();
    if (!c) return fail_errno(c.error().errnum, "close: " + path);
  }
  return {};
}

// A file of len zero bytes, all of them allocated.
Result<void> fallocate64(Ctx& ctx, const std::string& path, int64_t len) {
  auto f = ctx.fs.open(path, ports::OpenFor::WriteTruncate, 0666);
  if (!f) return fail_errno(f.error().errnum, "open: " + path);
  const std::string zeros(kBufSize, '\0');
  for (int64_t done = 0; done < len;) {
    const size_t n = static_cast<size_t>(std::min<int64_t>(kBufSize, len - done));
    auto w = (*f)->write(zeros.data(), n);
    if (!w) {
      (void)(*f)->close();
      return fail_errno(w.error().errnum, path);  // as posix_fallocate's failure
    }
    done += static_cast<int64_t>(n);
  }
  auto c = (*f)->close();
  if (!c) return fail_errno(c.error().errnum, "close: " + path);
  return {};
}

Result<void> fallocate(Ctx& ctx, const std::string& path, int32_t len) {
  if (len < 0) return fail("length < 0");
  return fallocate64(ctx, path, len);
}

}  // namespace gfsd::domain
