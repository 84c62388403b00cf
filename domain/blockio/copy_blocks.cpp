#include "domain/blockio/copy_blocks.hpp"

#include <algorithm>
#include <memory>

namespace gfsd::domain {

namespace {

// Large blocks: one read and one write per 2 MiB instead of the original's 8 KiB.
constexpr size_t kBlock = 2 * 1024 * 1024;
// The original's unit (BUFSIZ): the smallest all-zero run that is left as a hole.
constexpr size_t kZeroGrain = 8192;

bool all_zero(const char* p, size_t n) {
  return std::all_of(p, p + n, [](char c) { return c == '\0'; });
}

using FileResult = Result<std::unique_ptr<ports::File>>;

FileResult open_source(Ctx& ctx, const CopyRequest& req) {
  if (req.src_is_device) return ctx.devices.open(req.src, ports::OpenFor::Read);
  return ctx.fs.open(req.src, ports::OpenFor::Read, 0);
}

FileResult open_dest(Ctx& ctx, const CopyRequest& req) {
  if (req.dest_is_device) return ctx.devices.open(req.dest, ports::OpenFor::WriteExisting);
  const auto how = req.append ? ports::OpenFor::WriteAppend : ports::OpenFor::WriteTruncate;
  return ctx.fs.open(req.dest, how, 0666);
}

// One copy between two open ends; every error is worded as the original's.
class Copier {
 public:
  Copier(Ctx& ctx, const CopyRequest& req, ports::File& in, ports::File& out, int64_t dest_pos)
      : ctx_(ctx), req_(req), in_(in), out_(out), dest_pos_(dest_pos) {}

  Result<void> run() {
    // With a size, progress counts the bytes; without, it only pulses (position 0 of 1).
    const bool sized = req_.size.has_value();
    const int64_t total = req_.size.value_or(0);
    int64_t left = total;
    auto buf = std::make_unique<char[]>(kBlock);
    while (!sized || left > 0) {
      const size_t want = sized ? static_cast<size_t>(std::min<int64_t>(left, kBlock)) : kBlock;
      auto r = in_.read(buf.get(), want);
      if (!r) return fail_errno(r.error().errnum, "read: " + req_.src);
      if (*r == 0) {
        if (!sized) break;
        return fail(req_.src + ": input too short");
      }
      GFSD_TRY(put(buf.get(), *r));
      if (sized) {
        left -= static_cast<int64_t>(*r);
        ctx_.progress.report(static_cast<uint64_t>(total - left), static_cast<uint64_t>(total));
      } else {
        ctx_.progress.report(0, 1);
      }
    }
    if (!sized) ctx_.progress.report(1, 1);
    return {};
  }

  // Where the copy ended in the destination, and whether its tail was
  // skipped (so the file may still be shorter than that).
  int64_t dest_end() const { return dest_pos_; }
  bool ends_in_hole() const { return ends_in_hole_; }

 private:
  // Writes n bytes, or, with sparse, seeks over the all-zero grains. In append
  // mode every write goes to the end whatever the position, so a skipped run
  // would be lost: there all bytes are written.
  Result<void> put(const char* p, size_t n) {
    if (!req_.sparse || req_.append) return write(p, n);
    while (n > 0) {
      // The longest run of grains that are all zero, or all not.
      const bool zero = all_zero(p, std::min(n, kZeroGrain));
      size_t run = 0;
      while (run < n) {
        const size_t g = std::min(n - run, kZeroGrain);
        if (all_zero(p + run, g) != zero) break;
        run += g;
      }
      if (zero) {
        GFSD_TRY(skip(run));
      } else {
        GFSD_TRY(write(p, run));
      }
      p += run;
      n -= run;
    }
    return {};
  }

  Result<void> write(const char* p, size_t n) {
    auto w = out_.write(p, n);
    if (!w) return fail_errno(w.error().errnum, req_.dest + ": write");
    dest_pos_ += static_cast<int64_t>(n);
    ends_in_hole_ = false;
    return {};
  }

  Result<void> skip(size_t n) {
    auto s = out_.seek(dest_pos_ + static_cast<int64_t>(n));
    if (!s) return fail_errno(s.error().errnum, req_.dest + ": seek (because of sparse flag)");
    dest_pos_ += static_cast<int64_t>(n);
    ends_in_hole_ = true;
    return {};
  }

  Ctx& ctx_;
  const CopyRequest& req_;
  ports::File& in_;
  ports::File& out_;
  int64_t dest_pos_;
  bool ends_in_hole_ = false;
};

// A file whose last blocks were skipped ends where its last write did:
// extend it to where the copy ended (the hole stays a hole).
Result<void> extend_to(Ctx& ctx, const std::string& path, int64_t end) {
  auto st = ctx.fs.stat(path, true);
  if (!st) return forward(st.error());
  if (st->size >= end) return {};
  return ctx.fs.truncate(path, end);  // names the failing step
}

}  // namespace

Result<void> copy_blocks(Ctx& ctx, const CopyRequest& req) {
  if (req.srcoffset && *req.srcoffset < 0) return fail("srcoffset is negative");
  if (req.destoffset && *req.destoffset < 0) return fail("destoffset is negative");
  if (req.size && *req.size < 0) return fail("size is negative");
  const int64_t srcoffset = req.srcoffset.value_or(0);
  const int64_t destoffset = req.destoffset.value_or(0);

  auto in = open_source(ctx, req);
  if (!in) return fail_errno(in.error().errnum, req.src);
  if (srcoffset > 0) {
    auto s = (*in)->seek(srcoffset);
    if (!s) return fail_errno(s.error().errnum, "lseek: " + req.src);
  }
  auto out = open_dest(ctx, req);
  if (!out) return fail_errno(out.error().errnum, req.dest);

  // From here on a failure closes both ends (their errors do not matter
  // then) and, for copy_file_to_file, removes the destination.
  auto abandon = [&](tl::unexpected<Error> e) -> Result<void> {
    (void)(*in)->close();
    (void)(*out)->close();
    if (req.unlink_dest_on_failure) (void)ctx.fs.unlink(req.dest);
    return e;
  };
  if (destoffset > 0) {
    auto s = (*out)->seek(destoffset);
    if (!s) return abandon(fail_errno(s.error().errnum, "lseek: " + req.dest));
  }

  Copier copier(ctx, req, **in, **out, destoffset);
  auto copied = copier.run();
  if (!copied) return abandon(forward(copied.error()));

  auto ci = (*in)->close();
  if (!ci) {
    (void)(*out)->close();
    if (req.unlink_dest_on_failure) (void)ctx.fs.unlink(req.dest);
    return fail_errno(ci.error().errnum, "close: " + req.src);
  }
  auto co = (*out)->close();
  if (!co) {
    if (req.unlink_dest_on_failure) (void)ctx.fs.unlink(req.dest);
    return fail_errno(co.error().errnum, "close: " + req.dest);
  }
  if (copier.ends_in_hole() && !req.dest_is_device)
    return extend_to(ctx, req.dest, copier.dest_end());
  return {};
}

}  // namespace gfsd::domain
