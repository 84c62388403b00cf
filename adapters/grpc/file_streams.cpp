#include "adapters/grpc/file_streams.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace gfsd::adapters::grpc_console {

namespace {

// Download data goes out in messages of this size (the XDR session's chunks
// are 8 KiB; a gRPC message costs more, so send fewer and larger ones).
constexpr size_t kDownloadMessage = 64 * 1024;

}  // namespace

Result<size_t> GrpcUpload::read(char* buf, size_t n) {
  while (pos_ >= msg_.data().size()) {
    if (ended_) return size_t{0};
    msg_.Clear();
    pos_ = 0;
    if (!reader_.Read(&msg_)) {
      if (context_.IsCancelled()) return fail_with(ECANCELED, "file upload cancelled");
      ended_ = true;
      return size_t{0};
    }
    if (msg_.part_case() != pb::UploadRequest::kData) {
      msg_.Clear();
      return fail_with(EPROTO, "malformed file chunk: only the first message carries the call");
    }
    received_ += msg_.data().size();
  }
  const size_t k = std::min(n, msg_.data().size() - pos_);
  std::memcpy(buf, msg_.data().data() + pos_, k);
  pos_ += k;
  return k;
}

Result<void> GrpcDownload::start() {
  if (started_) return fail("internal error: file transfer started twice");
  started_ = true;
  msg_.mutable_data()->reserve(kDownloadMessage);
  return {};
}

Result<void> GrpcDownload::flush() {
  if (msg_.data().empty()) return {};
  if (!writer_.Write(msg_)) broken_ = true;
  msg_.mutable_data()->clear();
  if (broken_) return fail_with(ECANCELED, "file transfer cancelled");
  return {};
}

Result<void> GrpcDownload::write(const char* data, size_t n) {
  if (!started_ || finished_) return fail("internal error: download not in progress");
  if (broken_) return fail_with(ECANCELED, "file transfer cancelled");
  std::string& buf = *msg_.mutable_data();
  while (n > 0) {
    const size_t k = std::min(n, kDownloadMessage - buf.size());
    buf.append(data, k);
    data += k;
    n -= k;
    if (buf.size() == kDownloadMessage) GFSD_TRY(flush());
  }
  return {};
}

Result<void> GrpcDownload::finish() {
  if (!started_ || finished_) return fail("internal error: download not in progress");
  if (broken_) return fail_with(ECANCELED, "file transfer cancelled");
  GFSD_TRY(flush());
  finished_ = true;
  return {};
}

}  // namespace gfsd::adapters::grpc_console
