// guestfsd-console: the client of the gRPC debug console (guestfsd --grpc).
// It knows no action: the daemon's List and its argument conversion do.
//
//   guestfsd-console [OPTIONS] ADDR list [WORD]
//   guestfsd-console [OPTIONS] ADDR call ACTION [NAME=VALUE | NAME:=JSON | NAME@=FILE]...
//   guestfsd-console [OPTIONS] ADDR upload LOCAL ACTION [NAME=VALUE...]
//   guestfsd-console [OPTIONS] ADDR download LOCAL ACTION [NAME=VALUE...]
// OPTIONS: --json, --token-file PATH (a TCP console's token; see usage()).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>

#include "adapters/grpc/console_token.hpp"
#include "proto/grpc/console.grpc.pb.h"

namespace {

namespace pb = ::guestfsd::console::v1;
using google::protobuf::Value;

constexpr size_t kUploadMessage = 64 * 1024;
constexpr const char* kTokenFileVariable = "GUESTFSD_CONSOLE_TOKEN_FILE";

// The stub, and the token every call of a TCP console carries (empty for
// a Unix socket).
struct Console {
  std::unique_ptr<pb::Console::Stub> stub;
  std::string token;

  void authorize(grpc::ClientContext& ctx) const {
    if (!token.empty())
      ctx.AddMetadata(gfsd::adapters::kTokenMetadata,
                      std::string(gfsd::adapters::kTokenScheme) + token);
  }
};

int usage() {
  std::fprintf(
      stderr,
      "usage: guestfsd-console [OPTIONS] ADDR list [WORD]\n"
      "       guestfsd-console [OPTIONS] ADDR call ACTION [NAME=VALUE | NAME:=JSON | NAME@=FILE]...\n"
      "       guestfsd-console [OPTIONS] ADDR upload LOCAL ACTION [NAME=VALUE...]\n"
      "       guestfsd-console [OPTIONS] ADDR download LOCAL ACTION [NAME=VALUE...]\n"
      "OPTIONS: --json (print results as JSON), --token-file PATH.\n"
      "ADDR is unix:PATH or [HOST:]PORT (HOST defaults to 127.0.0.1), as given to\n"
      "guestfsd --grpc. A TCP console wants the token the daemon wrote to its token file:\n"
      "--token-file PATH, else $GUESTFSD_CONSOLE_TOKEN_FILE, else the daemon's default\n"
      "($XDG_RUNTIME_DIR/guestfsd-console-PORT.token, for root /run/guestfsd-console-PORT.token).\n"
      "NAME=VALUE sends VALUE as text (the daemon converts it to the\n"
      "argument's type; a list is space-separated words); NAME:=JSON sends a JSON value\n"
      "(a list [\"a b\",\"c\"], null, true, 42); NAME@=FILE sends the bytes of FILE as a\n"
      "BufferIn argument. LOCAL '-' is stdin / stdout. Results print one value a line\n"
      "(struct fields as sorted \"name: value\" lines), or as JSON with --json.\n");
  return 2;
}

// The token of the TCP console at address, from the file named by option,
// the environment or the daemon's default rule. Without it the call goes out
// bare and the daemon says UNAUTHENTICATED.
std::string read_token(const std::string& address, std::string file) {
  if (file.empty()) {
    const char* env = std::getenv(kTokenFileVariable);
    if (env && env[0]) file = env;
  }
  if (file.empty()) {
    auto fallback = gfsd::adapters::default_token_file(address.substr(address.rfind(':') + 1));
    if (!fallback) {
      std::fprintf(stderr, "guestfsd-console: %s (--token-file); calling without a token\n",
                   fallback.error().message.c_str());
      return "";
    }
    file = *fallback;
  }
  std::ifstream f(file);
  std::string token;
  if (!f || !(f >> token)) {
    std::fprintf(stderr, "guestfsd-console: cannot read the console token from %s: %s; "
                 "calling without it\n", file.c_str(), std::strerror(errno));
    return "";
  }
  return token;
}

std::string channel_address(const std::string& arg) {
  if (arg.rfind("unix:", 0) == 0 || arg.find(':') != std::string::npos) {
    if (arg.front() == ':') return "127.0.0.1" + arg;
    return arg;
  }
  return "127.0.0.1:" + arg;
}

bool read_local(const std::string& name, std::string& out) {
  if (name == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::ifstream f(name, std::ios::binary);
  if (!f) return false;
  out.assign(std::istreambuf_iterator<char>(f), {});
  return true;
}

// NAME=VALUE, NAME:=JSON and NAME@=FILE into the request.
bool parse_args(const std::vector<std::string>& words, pb::CallRequest& req) {
  auto& fields = *req.mutable_args()->mutable_fields();
  for (const std::string& w : words) {
    const auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "guestfsd-console: '%s' is not NAME=VALUE\n", w.c_str());
      return false;
    }
    const std::string value = w.substr(eq + 1);
    const char mark = w[eq - 1];
    if (mark == ':' || mark == '@') {
      const std::string name = w.substr(0, eq - 1);
      if (mark == '@') {
        if (!read_local(value, (*req.mutable_buffers())[name])) {
          std::fprintf(stderr, "guestfsd-console: cannot read %s\n", value.c_str());
          return false;
        }
        continue;
      }
      const auto st = google::protobuf::util::JsonStringToMessage(value, &fields[name]);
      if (!st.ok()) {
        std::fprintf(stderr, "guestfsd-console: %s: not JSON: %s\n", name.c_str(),
                     std::string(st.message()).c_str());
        return false;
      }
      continue;
    }
    fields[w.substr(0, eq)].set_string_value(value);
  }
  return true;
}

int failed(const std::string& action, const grpc::Status& st) {
  std::fprintf(stderr, "%s: %s\n", action.c_str(), st.error_message().c_str());
  return 1;
}

int list(const Console& console, const std::string& word) {
  grpc::ClientContext ctx;
  console.authorize(ctx);
  pb::ListReply reply;
  const grpc::Status st = console.stub->List(&ctx, pb::ListRequest(), &reply);
  if (!st.ok()) return failed("list", st);
  int shown = 0, implemented = 0;
  for (const pb::Action& a : reply.actions()) {
    implemented += a.implemented();
    if (!word.empty() && a.signature().find(word) == std::string::npos) continue;
    ++shown;
    std::printf("%c %3d %s\n", a.implemented() ? '*' : ' ', a.proc(), a.signature().c_str());
  }
  std::printf("(%d shown; * = implemented: %d of %d)\n", shown, implemented, reply.actions_size());
  return 0;
}

std::string scalar_text(const Value& v) {
  switch (v.kind_case()) {
    case Value::kStringValue: return v.string_value();
    case Value::kBoolValue: return v.bool_value() ? "true" : "false";
    case Value::kNumberValue: {
      char buf[64];
      const double d = v.number_value();
      if (d == static_cast<double>(static_cast<int64_t>(d)))
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
      else
        std::snprintf(buf, sizeof buf, "%g", d);
      return buf;
    }
    default: return "";
  }
}

// "name: value" lines; a Struct has no order, so the names are sorted.
void print_struct(const google::protobuf::Struct& st, const char* indent) {
  std::map<std::string, const Value*> fields;
  for (const auto& [name, value] : st.fields()) fields[name] = &value;
  for (const auto& [name, value] : fields)
    std::printf("%s%s: %s\n", indent, name.c_str(), scalar_text(*value).c_str());
}

// Like guestfsd-call: one value per line, structs as "name: value" lines.
void print_text(const Value& v) {
  switch (v.kind_case()) {
    case Value::kNullValue:
    case Value::KIND_NOT_SET:
      return;
    case Value::kStructValue:
      print_struct(v.struct_value(), "");
      return;
    case Value::kListValue: {
      int i = 0;
      for (const Value& item : v.list_value().values()) {
        if (item.kind_case() != Value::kStructValue) {
          std::printf("%s\n", scalar_text(item).c_str());
          continue;
        }
        std::printf("[%d] = {\n", i++);
        print_struct(item.struct_value(), "  ");
        std::printf("}\n");
      }
      return;
    }
    default:
      std::printf("%s\n", scalar_text(v).c_str());
  }
}

void print_result(const pb::CallReply& reply, bool json) {
  if (!reply.buffer().empty() || !reply.has_result()) {
    std::fwrite(reply.buffer().data(), 1, reply.buffer().size(), stdout);
    return;
  }
  if (!json) return print_text(reply.result());
  std::string out;
  google::protobuf::util::JsonPrintOptions o;
  o.add_whitespace = true;
  (void)google::protobuf::util::MessageToJsonString(reply.result(), &out, o);
  std::printf("%s", out.c_str());
  if (out.empty() || out.back() != '\n') std::printf("\n");
}

int call(const Console& console, const pb::CallRequest& req, bool json) {
  grpc::ClientContext ctx;
  console.authorize(ctx);
  pb::CallReply reply;
  const grpc::Status st = console.stub->Call(&ctx, req, &reply);
  if (!st.ok()) return failed(req.action(), st);
  print_result(reply, json);
  return 0;
}

int upload(const Console& console, const std::string& local, const pb::CallRequest& req) {
  std::string data;
  if (!read_local(local, data)) {
    std::fprintf(stderr, "guestfsd-console: cannot read %s\n", local.c_str());
    return 1;
  }
  grpc::ClientContext ctx;
  console.authorize(ctx);
  pb::CallReply reply;
  auto writer = console.stub->Upload(&ctx, &reply);
  pb::UploadRequest msg;
  *msg.mutable_call() = req;
  bool open = writer->Write(msg);
  for (size_t at = 0; open && at < data.size(); at += kUploadMessage) {
    msg.set_data(data.substr(at, kUploadMessage));
    open = writer->Write(msg);
  }
  if (open) writer->WritesDone();
  const grpc::Status st = writer->Finish();
  if (!st.ok()) return failed(req.action(), st);
  return 0;
}

int download(const Console& console, const std::string& local, const pb::CallRequest& req) {
  std::unique_ptr<std::ofstream> file;
  if (local != "-") {
    file = std::make_unique<std::ofstream>(local, std::ios::binary | std::ios::trunc);
    if (!*file) {
      std::fprintf(stderr, "guestfsd-console: cannot write %s\n", local.c_str());
      return 1;
    }
  }
  grpc::ClientContext ctx;
  console.authorize(ctx);
  auto reader = console.stub->Download(&ctx, req);
  pb::DownloadReply msg;
  bool written = true;
  while (reader->Read(&msg)) {
    if (file)
      written = written && file->write(msg.data().data(), static_cast<std::streamsize>(msg.data().size()));
    else
      written = written && std::fwrite(msg.data().data(), 1, msg.data().size(), stdout) == msg.data().size();
  }
  const grpc::Status st = reader->Finish();
  if (!st.ok()) return failed(req.action(), st);
  if (!written || (file && !file->flush())) {
    std::fprintf(stderr, "guestfsd-console: cannot write %s\n", local.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool json = false;
  std::string token_file;
  while (!args.empty() && args[0].rfind("--", 0) == 0) {
    if (args[0] == "--json") {
      json = true;
      args.erase(args.begin());
    } else if (args[0] == "--token-file" && args.size() > 1) {
      token_file = args[1];
      args.erase(args.begin(), args.begin() + 2);
    } else {
      return usage();
    }
  }
  if (args.size() < 2) return usage();
  const std::string& command = args[1];
  const std::string address = channel_address(args[0]);
  Console console;
  if (address.rfind("unix:", 0) != 0) console.token = read_token(address, token_file);

  grpc::ChannelArguments channel_args;
  channel_args.SetMaxReceiveMessageSize(-1);
  auto channel =
      grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), channel_args);
  console.stub = pb::Console::NewStub(channel);

  if (command == "list") {
    if (args.size() > 3) return usage();
    return list(console, args.size() == 3 ? args[2] : "");
  }
  const bool file = command == "upload" || command == "download";
  if (command != "call" && !file) return usage();
  const size_t action_at = file ? 3 : 2;
  if (args.size() <= action_at) return usage();
  pb::CallRequest req;
  req.set_action(args[action_at]);
  if (!parse_args({args.begin() + static_cast<long>(action_at) + 1, args.end()}, req)) return 2;
  if (command == "call") return call(console, req, json);
  if (command == "upload") return upload(console, args[2], req);
  return download(console, args[2], req);
}
