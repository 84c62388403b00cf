// The gRPC debug console (guestfsd --grpc): the real daemon serves the XDR
// channel and the console side by side; every action goes through the one
// dispatcher. Every test runs on both transports: a Unix socket, and TCP
// (--grpc-allow-tcp) with the token the daemon writes. Who is refused is in
// grpc_console_access_test.cpp. Built only with GUESTFSD_GRPC.
#include <gtest/gtest.h>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "integration/fixture.hpp"
#include "integration/grpc_console_support.hpp"
#include "proto/action_table.hpp"
#include "proto/frame.hpp"
#include "proto/protocol.hpp"
#include "proto/grpc/console.grpc.pb.h"
#include "proto/text_codec.hpp"

namespace gfsd::test {
namespace {

namespace pb = ::guestfsd::console::v1;
using google::protobuf::Value;

std::string random_bytes(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& ch : s) ch = static_cast<char>(gen());
  return s;
}

pb::CallRequest request(const std::string& action,
                        std::initializer_list<std::pair<const char*, Value>> args = {}) {
  pb::CallRequest r;
  r.set_action(action);
  for (const auto& [name, value] : args) (*r.mutable_args()->mutable_fields())[name] = value;
  return r;
}

Value str(const std::string& s) {
  Value v;
  v.set_string_value(s);
  return v;
}

Value num(double n) {
  Value v;
  v.set_number_value(n);
  return v;
}

Value strs(const std::vector<std::string>& items) {
  Value v;
  for (const auto& s : items) v.mutable_list_value()->add_values()->set_string_value(s);
  return v;
}

enum class Transport { Unix, Tcp };

class GrpcConsoleTest : public ::testing::TestWithParam<Transport> {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    s_ = std::make_unique<Served>(options());
    ASSERT_TRUE(s_->start());
    auto address = wait_for_console(s_->daemon());
    ASSERT_TRUE(address) << s_->daemon().stderr_text();
    address_ = *address;
    if (tcp()) {
      token_ = token_in(token_file());
      ASSERT_EQ(token_.size(), 64u) << s_->daemon().stderr_text();
    }
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    channel_ = grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args);
    stub_ = pb::Console::NewStub(channel_);
  }

  bool tcp() const { return GetParam() == Transport::Tcp; }
  std::string token_file() const { return dir_.path() + "/console.token"; }

  DaemonOptions options() const {
    DaemonOptions o;
    if (tcp())  // a free port on 127.0.0.1
      o.extra_args = {"--grpc", "0", "--grpc-allow-tcp", "--grpc-token-file", token_file()};
    else
      o.extra_args = {"--grpc", "unix:" + dir_.path() + "/console.sock"};
    return o;
  }

  // What every call of a TCP console must carry.
  void authorize(grpc::ClientContext& ctx) const {
    if (tcp()) ctx.AddMetadata("authorization", "Bearer " + token_);
  }

  grpc::Status call(const pb::CallRequest& req, pb::CallReply* reply = nullptr,
                    int deadline_ms = 30000) {
    grpc::ClientContext ctx;
    authorize(ctx);
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(deadline_ms));
    pb::CallReply unused;
    return stub_->Call(&ctx, req, reply ? reply : &unused);
  }

  grpc::Status upload(const pb::CallRequest& req, const std::string& data, size_t piece) {
    grpc::ClientContext ctx;
    authorize(ctx);
    pb::CallReply reply;
    auto writer = stub_->Upload(&ctx, &reply);
    pb::UploadRequest msg;
    *msg.mutable_call() = req;
    bool open = writer->Write(msg);
    for (size_t at = 0; open && at < data.size(); at += piece) {
      msg.set_data(data.substr(at, piece));
      open = writer->Write(msg);
    }
    if (open) writer->WritesDone();
    return writer->Finish();
  }

  grpc::Status download(const pb::CallRequest& req, std::string& data) {
    grpc::ClientContext ctx;
    authorize(ctx);
    auto reader = stub_->Download(&ctx, req);
    pb::DownloadReply msg;
    data.clear();
    while (reader->Read(&msg)) data += msg.data();
    return reader->Finish();
  }

  TempDir dir_;  // the console's socket or token file
  std::unique_ptr<Served> s_;
  std::string address_;
  std::string token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<pb::Console::Stub> stub_;
};

TEST_P(GrpcConsoleTest, ListsEveryActionOfTheTableWithItsSignature) {
  grpc::ClientContext ctx;
  authorize(ctx);
  pb::ListReply reply;
  ASSERT_TRUE(stub_->List(&ctx, pb::ListRequest(), &reply).ok());
  ASSERT_EQ(reply.actions_size(), proto::kNumActionList);
  EXPECT_EQ(reply.actions_size(), 492);
  int implemented = 0;
  for (const pb::Action& a : reply.actions()) {
    const proto::ActionInfo* info = proto::find_action(a.name());
    ASSERT_NE(info, nullptr) << a.name();
    EXPECT_EQ(a.proc(), info->proc);
    EXPECT_EQ(a.signature(), proto::signature(*info));
    EXPECT_EQ(a.args_size(), info->nargs);
    EXPECT_EQ(a.optargs_size(), info->noptargs);
    implemented += a.implemented();
  }
  EXPECT_GT(implemented, 0);
  for (const pb::Action& a : reply.actions()) {
    if (a.name() == "ping_daemon") {
      EXPECT_TRUE(a.implemented());
    }
    if (a.name() == "is_file") {
      EXPECT_EQ(a.signature(), "RBool is_file (String(Pathname) path) [OBool followsymlinks]");
      ASSERT_EQ(a.args_size(), 1);
      EXPECT_EQ(a.args(0).name(), "path");
      EXPECT_EQ(a.args(0).type(), "String(Pathname)");
      ASSERT_EQ(a.optargs_size(), 1);
      EXPECT_EQ(a.optargs(0).type(), "OBool");
      EXPECT_EQ(a.ret(), "RBool");
    }
    if (a.name() == "upload") {
      ASSERT_GE(a.flags_size(), 1);
      EXPECT_EQ(a.flags(0), "FileIn");
    }
    if (a.name() == "statns") {
      EXPECT_EQ(a.ret(), "RStruct(statns)");
    }
  }
}

TEST_P(GrpcConsoleTest, PingDaemon) {
  pb::CallReply reply;
  const grpc::Status st = call(request("ping_daemon"), &reply);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(reply.result().kind_case(), Value::kNullValue);
}

TEST_P(GrpcConsoleTest, WriteThenReadBack) {
  const std::string content = "hello\nworld\n";
  ASSERT_TRUE(call(request("internal_write", {{"path", str("/hello")}, {"content", str(content)}})).ok());
  EXPECT_EQ(slurp(s_->daemon().host_path("/hello")), content);

  pb::CallReply size;
  ASSERT_TRUE(call(request("filesize", {{"file", str("/hello")}}), &size).ok());
  EXPECT_EQ(size.result().number_value(), 12);

  std::string data;
  const grpc::Status st = download(request("download", {{"remotefilename", str("/hello")}}), data);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(data, content);

  pb::CallReply part;  // RBufferOut comes as bytes; Int64 may be a string
  ASSERT_TRUE(call(request("pread", {{"path", str("/hello")}, {"count", num(5)}, {"offset", str("6")}}),
                   &part).ok());
  EXPECT_EQ(part.buffer(), "world");
}

TEST_P(GrpcConsoleTest, BinaryUploadDownloadAndBuffers) {
  const std::string data = random_bytes(300 * 1024 + 17, 7);
  grpc::Status st = upload(request("upload", {{"remotefilename", str("/blob")}}), data, 50000);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(slurp(s_->daemon().host_path("/blob")), data);
  std::string back;
  st = download(request("download", {{"remotefilename", str("/blob")}}), back);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(back.size(), data.size());
  EXPECT_TRUE(back == data);

  pb::CallRequest w = request("internal_write", {{"path", str("/bin")}});
  (*w.mutable_buffers())["content"] = std::string("\0\xff\x80 bytes", 9);
  ASSERT_TRUE(call(w).ok());
  EXPECT_EQ(slurp(s_->daemon().host_path("/bin")), std::string("\0\xff\x80 bytes", 9));
}

TEST_P(GrpcConsoleTest, ListsStructsAndOptionalArguments) {
  pb::CallReply echo;  // list items keep their spaces
  ASSERT_TRUE(call(request("echo_daemon", {{"words", strs({"a b", "c"})}}), &echo).ok());
  EXPECT_EQ(echo.result().string_value(), "a b c");

  ASSERT_TRUE(call(request("mkdir_p", {{"path", str("/d/e")}})).ok());
  pb::CallReply isfile;
  Value yes;
  yes.set_bool_value(true);
  ASSERT_TRUE(call(request("is_dir", {{"path", str("/d/e")}, {"followsymlinks", yes}}), &isfile).ok());
  EXPECT_TRUE(isfile.result().bool_value());

  pb::CallReply st;
  ASSERT_TRUE(call(request("statns", {{"path", str("/d")}}), &st).ok());
  const auto& fields = st.result().struct_value().fields();
  ASSERT_TRUE(fields.count("st_mode"));
  EXPECT_EQ(static_cast<int>(fields.at("st_mode").number_value()) & 0170000, 0040000);

  pb::CallReply entries;
  ASSERT_TRUE(call(request("readdir", {{"dir", str("/d")}}), &entries).ok());
  std::vector<std::string> names;
  for (const Value& e : entries.result().list_value().values())
    names.push_back(e.struct_value().fields().at("name").string_value());
  EXPECT_NE(std::find(names.begin(), names.end(), "e"), names.end());
}

TEST_P(GrpcConsoleTest, ErrorsCarryTheErrnoAndTheXdrMessage) {
  // The same failing call over the XDR channel, for the expected text.
  const Reply xdr = s_->client().call("filesize", str_arg("/missing"));
  ASSERT_TRUE(xdr.problem.empty());
  ASSERT_FALSE(xdr.ok);
  ASSERT_EQ(xdr.err, "ENOENT");

  const grpc::Status st = call(request("filesize", {{"file", str("/missing")}}));
  EXPECT_EQ(st.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(st.error_message(), "ENOENT: " + xdr.message);
  EXPECT_EQ(st.error_message(), "ENOENT: /missing: No such file or directory");

  std::string data;
  const grpc::Status down = download(request("download", {{"remotefilename", str("/missing")}}), data);
  EXPECT_EQ(down.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(data.empty());
}

TEST_P(GrpcConsoleTest, BadRequestsAreInvalidArguments) {
  struct Case {
    pb::CallRequest req;
    std::string message;
  };
  const std::vector<Case> cases = {
      {request("no_such_action"), "EINVAL: no action 'no_such_action' (see List)"},
      {request("filesize"), "EINVAL: missing argument 'file'"},
      {request("filesize", {{"file", str("/x")}, {"bogus", str("1")}}),
       "EINVAL: filesize: no argument 'bogus'"},
      {request("umask", {{"mask", str("eighteen")}}), "EINVAL: mask: 'eighteen' is not a valid integer"},
      {request("umask", {{"mask", num(1.5)}}),
       "EINVAL: mask: is not an integer in range (give large integers as strings)"},
      {request("filesize", {{"file", num(1)}}), "EINVAL: file: expects a string, not a number"},
      {request("upload", {{"remotefilename", str("/x")}}), "EINVAL: upload is run with Upload, not Call"},
  };
  for (const Case& c : cases) {
    const grpc::Status st = call(c.req);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.message;
    EXPECT_EQ(st.error_message(), c.message);
  }
  const grpc::Status exit = call(request("internal_exit"));
  EXPECT_EQ(exit.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(s_->daemon().running());
}

// While an XDR upload waits for its chunks, the action holds the dispatcher:
// a console call waits for it to end, then runs.
TEST_P(GrpcConsoleTest, OneActionAtATimeWithTheXdrSession) {
  TestClient& c = s_->client();
  proto::Header h;
  h.proc = proto::find_action("upload")->proc;
  h.serial = c.next_serial();
  ASSERT_TRUE(c.send_frame(h, encode_args(str_arg("/held"))));
  // encode_chunk's buffer holds any chunk (proto/frame.hpp), not just this one.
  std::vector<char> buf(proto::kMaxChunkSize + 16);
  char* chunk = buf.data();
  ASSERT_TRUE(c.send_raw(chunk, proto::encode_chunk(chunk, false, "abc", 3)));
  const std::string held = s_->daemon().host_path("/held");
  for (int i = 0; i < 500 && !std::filesystem::exists(held); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(std::filesystem::exists(held));

  EXPECT_EQ(call(request("ping_daemon"), nullptr, 500).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);

  ASSERT_TRUE(c.send_raw(chunk, proto::encode_chunk(chunk, false, nullptr, 0)));
  ASSERT_REPLY_OK(c.read_reply(h.proc, h.serial));
  const grpc::Status st = call(request("ping_daemon"));
  EXPECT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(slurp(held), "abc");
}

// What grpcurl does first: ask the reflection service for the services. A
// Unix socket answers it; on TCP only the console's own methods, which
// check the token, are served.
TEST_P(GrpcConsoleTest, ReflectionListsTheServiceOnAUnixSocketOnly) {
  grpc::GenericStub generic(channel_);
  grpc::CompletionQueue cq;
  grpc::ClientContext ctx;
  authorize(ctx);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto stream =
      generic.PrepareCall(&ctx, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  // Every operation completes, successfully or not; only Finish says why.
  auto step = [&](void* tag) {
    void* got = nullptr;
    bool ok = false;
    return cq.Next(&got, &ok) && got == tag && ok;
  };
  int tags[5];
  stream->StartCall(&tags[0]);
  ASSERT_TRUE(step(&tags[0]));
  const char list_services[] = {0x3a, 0x00};  // ServerReflectionRequest{list_services: ""}
  grpc::Slice slice(list_services, sizeof list_services);
  grpc::ByteBuffer out(&slice, 1);
  stream->Write(out, &tags[1]);
  step(&tags[1]);
  grpc::ByteBuffer in;
  stream->Read(&in, &tags[2]);
  const bool answered = step(&tags[2]);
  std::string bytes;
  std::vector<grpc::Slice> slices;
  if (answered && in.Dump(&slices).ok())
    for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  stream->WritesDone(&tags[3]);
  step(&tags[3]);
  grpc::Status st;
  stream->Finish(&st, &tags[4]);
  ASSERT_TRUE(step(&tags[4]));
  if (tcp()) {
    EXPECT_FALSE(answered);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::UNIMPLEMENTED) << st.error_message();
    return;
  }
  EXPECT_TRUE(answered);
  EXPECT_NE(bytes.find("guestfsd.console.v1.Console"), std::string::npos);
  EXPECT_TRUE(st.ok()) << st.error_message();
}

#ifdef GUESTFSD_CONSOLE_BINARY
struct ConsoleRun {
  int status;
  std::string out;
};

ConsoleRun run_console(const std::string& args) {
  const std::string cmd = std::string(GUESTFSD_CONSOLE_BINARY) + " " + args + " 2>&1";
  ConsoleRun r{-1, {}};
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  r.status = pclose(p);
  return r;
}

// The console client, as the README shows it: ADDR is unix:PATH, or for
// TCP the port (or HOST:PORT) and the token file.
TEST_P(GrpcConsoleTest, ConsoleClientSession) {
  const std::string port = address_.substr(address_.rfind(':') + 1);
  const std::string token = tcp() ? "--token-file " + token_file() + " " : "";
  const std::string at = token + address_;
  ConsoleRun r = run_console(token + (tcp() ? port : address_) + " list");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("*  92 RErr ping_daemon ()"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("of 492)"), std::string::npos) << r.out;

  r = run_console(at + " call ping_daemon");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "");

  r = run_console(at + " call internal_write path=/c 'content=hi there'");
  EXPECT_EQ(r.status, 0) << r.out;
  r = run_console(at + " download - download remotefilename=/c");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "hi there");
  r = run_console(at + " call echo_daemon 'words:=[\"a b\",\"c\"]'");
  EXPECT_EQ(r.out, "a b c\n");
  r = run_console(at + " call filesize file=/c");
  EXPECT_EQ(r.out, "8\n");
  r = run_console(at + " call statns path=/c");
  EXPECT_NE(r.out.find("\nst_size: 8\n"), std::string::npos) << r.out;
  r = run_console("--json " + at + " call statns path=/c");
  EXPECT_NE(r.out.find("\"st_size\": 8"), std::string::npos) << r.out;

  r = run_console(at + " call filesize file=/missing");
  EXPECT_NE(r.status, 0);
  EXPECT_EQ(r.out, "filesize: ENOENT: /missing: No such file or directory\n");
}
#endif

INSTANTIATE_TEST_SUITE_P(Transports, GrpcConsoleTest,
                         ::testing::Values(Transport::Unix, Transport::Tcp),
                         [](const ::testing::TestParamInfo<Transport>& param) {
                           return param.param == Transport::Unix ? "Unix" : "Tcp";
                         });

}  // namespace
}  // namespace gfsd::test
