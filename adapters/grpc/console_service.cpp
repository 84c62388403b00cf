#include "adapters/grpc/console_service.hpp"

#include <cerrno>
#include <memory>
#include <string>
#include <utility>

#include "adapters/grpc/value_codec.hpp"
#include "proto/errnos.hpp"
#include "proto/protocol.hpp"
#include "proto/text_codec.hpp"
#include "proto/xdr.hpp"

namespace gfsd::adapters::grpc_console {

namespace {

// Progress messages are a feature of the XDR stream; the console has none.
class NoProgress final : public ports::Progress {
 public:
  void report(uint64_t, uint64_t) override {}
};

grpc::StatusCode code_for(int errnum) {
  switch (errnum) {
    case ENOENT: return grpc::StatusCode::NOT_FOUND;
    case EEXIST: return grpc::StatusCode::ALREADY_EXISTS;
    case EINVAL:
    case ERANGE:
    case ENAMETOOLONG: return grpc::StatusCode::INVALID_ARGUMENT;
    case EPERM:
    case EACCES:
    case EROFS: return grpc::StatusCode::PERMISSION_DENIED;
    case ENOTSUP: return grpc::StatusCode::UNIMPLEMENTED;
    case ECANCELED: return grpc::StatusCode::CANCELLED;
    case ENOSPC:
    case EDQUOT:
    case ENOMEM:
    case EMSGSIZE: return grpc::StatusCode::RESOURCE_EXHAUSTED;
    case ENOTDIR:
    case EISDIR:
    case ENOTEMPTY:
    case EBUSY:
    case EXDEV: return grpc::StatusCode::FAILED_PRECONDITION;
    default: return grpc::StatusCode::UNKNOWN;
  }
}

// Names an action that this RPC can run, or says which RPC to use instead.
Result<const proto::ActionInfo*> lookup(const std::string& name, const char* rpc) {
  const proto::ActionInfo* a = proto::find_action(name);
  if (!a) return fail_with(EINVAL, "no action '" + name + "' (see List)");
  const char* want = a->has(proto::kFileIn) ? "Upload" : a->has(proto::kFileOut) ? "Download" : "Call";
  if (std::string(want) != rpc)
    return fail_with(EINVAL, name + " is run with " + want + ", not " + rpc);
  return a;
}

void describe_args(const proto::ArgInfo* args, int n, bool optional,
                   google::protobuf::RepeatedPtrField<pb::Arg>& out) {
  for (int i = 0; i < n; ++i) {
    pb::Arg* arg = out.Add();
    arg->set_name(args[i].name);
    arg->set_type(std::string(optional ? "O" : "") + proto::arg_kind_name(args[i].kind));
  }
}

}  // namespace

grpc::Status to_status(const Error& e) {
  const char* name = e.errnum != 0 ? proto::errno_to_name(e.errnum) : "";
  std::string message = name[0] != '\0' ? std::string(name) + ": " + e.message : e.message;
  return grpc::Status(code_for(e.errnum), std::move(message));
}

ConsoleService::ConsoleService(const proto::Dispatcher& dispatcher, CtxFactory make_ctx,
                               ports::Log& log, const TokenGate* gate)
    : dispatcher_(dispatcher), make_ctx_(std::move(make_ctx)), log_(log), gate_(gate) {}

grpc::Status ConsoleService::admit(const grpc::ServerContext& context, const char* rpc) const {
  return gate_ ? gate_->admit(context, rpc) : grpc::Status::OK;
}

grpc::Status ConsoleService::List(grpc::ServerContext* context, const pb::ListRequest*,
                                  pb::ListReply* reply) {
  if (auto refused = admit(*context, "List"); !refused.ok()) return refused;
  static constexpr std::pair<proto::ActionFlag, const char*> kFlags[] = {
      {proto::kFileIn, "FileIn"},         {proto::kFileOut, "FileOut"},
      {proto::kProgress, "Progress"},     {proto::kCancellable, "Cancellable"},
      {proto::kDeprecated, "Deprecated"}, {proto::kInternal, "Internal"},
  };
  for (int i = 0; i < proto::kNumActionList; ++i) {
    const proto::ActionInfo& a = proto::kActionList[i];
    pb::Action* out = reply->add_actions();
    out->set_name(a.name);
    out->set_proc(a.proc);
    out->set_signature(proto::signature(a));
    out->set_implemented(dispatcher_.implemented(a.proc));
    describe_args(a.args, a.nargs, false, *out->mutable_args());
    describe_args(a.optargs, a.noptargs, true, *out->mutable_optargs());
    std::string ret = proto::ret_kind_name(a.ret);
    if (a.ret_struct >= 0) ret += std::string("(") + proto::kStructs[a.ret_struct].name + ")";
    out->set_ret(ret);
    out->set_optgroup(a.optgroup);
    for (const auto& [flag, name] : kFlags)
      if (a.has(flag)) out->add_flags(name);
  }
  return grpc::Status::OK;
}

grpc::Status ConsoleService::Call(grpc::ServerContext* context, const pb::CallRequest* request,
                                  pb::CallReply* reply) {
  if (auto refused = admit(*context, "Call"); !refused.ok()) return refused;
  auto action = lookup(request->action(), "Call");
  if (!action) return to_status(action.error());
  return run(**action, *request, nullptr, nullptr, *reply);
}

grpc::Status ConsoleService::Upload(grpc::ServerContext* context,
                                    grpc::ServerReader<pb::UploadRequest>* reader,
                                    pb::CallReply* reply) {
  if (auto refused = admit(*context, "Upload"); !refused.ok()) return refused;
  pb::UploadRequest first;
  if (!reader->Read(&first) || first.part_case() != pb::UploadRequest::kCall)
    return to_status(Error{EINVAL, "Upload: the first message must carry the call"});
  auto action = lookup(first.call().action(), "Upload");
  if (!action) return to_status(action.error());
  GrpcUpload upload(*context, *reader);
  return run(**action, first.call(), &upload, nullptr, *reply);
}

grpc::Status ConsoleService::Download(grpc::ServerContext* context,
                                      const pb::CallRequest* request,
                                      grpc::ServerWriter<pb::DownloadReply>* writer) {
  if (auto refused = admit(*context, "Download"); !refused.ok()) return refused;
  auto action = lookup(request->action(), "Download");
  if (!action) return to_status(action.error());
  GrpcDownload download(*writer);
  pb::CallReply unused;  // FileOut actions return nothing but their data
  return run(**action, *request, nullptr, &download, unused);
}

grpc::Status ConsoleService::run(const proto::ActionInfo& action, const pb::CallRequest& request,
                                 GrpcUpload* upload, GrpcDownload* download,
                                 pb::CallReply& reply) {
  const std::string name = action.name;
  // The XDR session ends the daemon after this reply; a console call could
  // only leave the flag for the session to trip over later.
  if (name == "internal_exit")
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "internal_exit is not available over the gRPC console");
  auto args = encode_args(action, request);
  if (!args) return to_status(args.error());
  if (log_.verbose()) log_.debug("guestfsd: <= " + name + " (gRPC console)");

  NoProgress progress;
  domain::Ctx ctx = make_ctx_(progress);
  ctx.upload = upload;
  ctx.download = download;
  const size_t cap = proto::kMessageMax - proto::kHeaderSize;
  std::unique_ptr<char[]> body(new char[cap]);
  proto::XdrEncoder out(body.get(), cap);
  Result<void> r = dispatcher_.call(ctx, action.proc, args->optargs_bitmask, args->xdr.data(),
                                    args->xdr.size(), out);
  if (download && r && !download->started())
    r = fail("internal error: " + name + " sent no file data");
  if (download && r && !download->finished())
    r = fail("internal error: " + name + " did not finish its file data");
  if (log_.verbose()) log_.debug("guestfsd: => " + name + " (gRPC console) " + (r ? "ok" : "error"));
  if (!r) {
    log_.error("guestfsd: error: " + r.error().message);
    return to_status(r.error());
  }
  if (download) return grpc::Status::OK;
  auto decoded = decode_reply(action, body.get(), out.size(), reply);
  if (!decoded) return to_status(decoded.error());
  return grpc::Status::OK;
}

}  // namespace gfsd::adapters::grpc_console
