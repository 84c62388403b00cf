// A program's stdin fed from the FileIn stream (tar_in, base64_in,
// ntfsclone_in). Whether the program read the stream to its end tells a write
// error (it stopped reading early) from the program's own failure, as the
// original's receive_file did.
#pragma once

#include <cstddef>

#include "domain/ctx.hpp"
#include "ports/process_runner.hpp"

namespace gfsd::domain {

class UploadFeed {
 public:
  explicit UploadFeed(Ctx& ctx) : ctx_(ctx) {}
  UploadFeed(const UploadFeed&) = delete;
  UploadFeed& operator=(const UploadFeed&) = delete;

  // For RunOptions::stdin_source; valid while this object lives.
  ports::RunOptions::Source source() {
    return [this](char* buf, size_t n) -> Result<size_t> {
      auto got = ctx_.upload->read(buf, n);
      if (got && *got == 0) at_end_ = true;
      return got;
    };
  }
  // The program took everything the library sent.
  bool at_end() const { return at_end_; }

 private:
  Ctx& ctx_;
  bool at_end_ = false;
};

}  // namespace gfsd::domain
