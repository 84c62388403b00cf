// The RPCs of the console service: the action table as data, and one
// generic Call / Upload / Download that encode readable arguments, run the
// dispatcher and render the reply.
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>
#include <grpcpp/support/sync_stream.h>

#include "adapters/grpc/file_streams.hpp"
#include "adapters/grpc/grpc_console.hpp"
#include "adapters/grpc/token_gate.hpp"
#include "proto/grpc/console.grpc.pb.h"

namespace gfsd::adapters::grpc_console {

namespace pb = ::guestfsd::console::v1;

class ConsoleService final : public pb::Console::Service {
 public:
  // gate: the token check of a TCP console; nullptr when the connection
  // itself was checked (a Unix socket's peer uid).
  ConsoleService(const proto::Dispatcher& dispatcher, CtxFactory make_ctx, ports::Log& log,
                 const TokenGate* gate);

  grpc::Status List(grpc::ServerContext* context, const pb::ListRequest* request,
                    pb::ListReply* reply) override;
  grpc::Status Call(grpc::ServerContext* context, const pb::CallRequest* request,
                    pb::CallReply* reply) override;
  grpc::Status Upload(grpc::ServerContext* context,
                      grpc::ServerReader<pb::UploadRequest>* reader,
                      pb::CallReply* reply) override;
  grpc::Status Download(grpc::ServerContext* context, const pb::CallRequest* request,
                        grpc::ServerWriter<pb::DownloadReply>* writer) override;

 private:
  grpc::Status admit(const grpc::ServerContext& context, const char* rpc) const;
  grpc::Status run(const proto::ActionInfo& action, const pb::CallRequest& request,
                   GrpcUpload* upload, GrpcDownload* download,
                   pb::CallReply& reply);

  const proto::Dispatcher& dispatcher_;
  CtxFactory make_ctx_;
  ports::Log& log_;
  const TokenGate* gate_;
};

// "ENOENT: message" (the message alone without errno), with a matching code.
grpc::Status to_status(const Error& e);

}  // namespace gfsd::adapters::grpc_console
