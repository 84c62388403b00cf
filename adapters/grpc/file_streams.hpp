// FileIn / FileOut data of a gRPC call, as the domain sees it through
// ports::UploadStream and ports::DownloadStream: the client-streamed
// messages of Upload, the server-streamed messages of Download.
#pragma once

#include <cstddef>
#include <string>

#include <grpcpp/server_context.h>
#include <grpcpp/support/sync_stream.h>

#include "ports/file_transfer.hpp"
#include "proto/grpc/console.grpc.pb.h"  // also the protobuf serialisation traits

namespace gfsd::adapters::grpc_console {

namespace pb = ::guestfsd::console::v1;

class GrpcUpload final : public ports::UploadStream {
 public:
  GrpcUpload(grpc::ServerContext& context, grpc::ServerReader<pb::UploadRequest>& reader)
      : context_(context), reader_(reader) {}

  Result<size_t> read(char* buf, size_t n) override;
  uint64_t received() const { return received_; }

 private:
  grpc::ServerContext& context_;
  grpc::ServerReader<pb::UploadRequest>& reader_;
  pb::UploadRequest msg_;
  size_t pos_ = 0;  // unread part of msg_.data()
  bool ended_ = false;
  uint64_t received_ = 0;
};

class GrpcDownload final : public ports::DownloadStream {
 public:
  explicit GrpcDownload(grpc::ServerWriter<pb::DownloadReply>& writer) : writer_(writer) {}

  Result<void> start() override;
  Result<void> write(const char* data, size_t n) override;
  Result<void> finish() override;

  bool started() const { return started_; }
  bool finished() const { return finished_; }

 private:
  Result<void> flush();

  grpc::ServerWriter<pb::DownloadReply>& writer_;
  pb::DownloadReply msg_;
  bool started_ = false;
  bool finished_ = false;
  bool broken_ = false;
};

}  // namespace gfsd::adapters::grpc_console
