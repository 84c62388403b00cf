// guestfsd-console: the client of the gRPC debug console (guestfsd --grpc).
// It knows no action: the daemon's List and its argument conversion do.
//
//   guestfsd-console ADDR list [WORD]
//   guestfsd-console [--json] ADDR call ACTION [NAME=VALUE | NAME:=JSON | NAME@=FILE]...
//   guestfsd-console ADDR upload LOCAL ACTION [NAME=VALUE...]
//   guestfsd-console ADDR download LOCAL ACTION [NAME=VALUE...]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>

#include "proto/grpc/console.grpc.pb.h"

namespace {

namespace pb = ::guestfsd::console::v1;
using google::protobuf::Value;

constexpr size_t kUploadMessage = 64 * 1024;

int usage() {
  std::fprintf(
      stderr,
      "usage: guestfsd-console ADDR list [WORD]\n"
      "       guestfsd-console [--json] ADDR call ACTION [NAME=VALUE | NAME:=JSON | NAME@=FILE]...\n"
      "       guestfsd-console ADDR upload LOCAL ACTION [NAME=VALUE...]\n"
      "       guestfsd-console ADDR download LOCAL ACTION [NAME=VALUE...]\n"
      "ADDR is [HOST:]PORT (HOST defaults to 127.0.0.1) or unix:PATH, as given to\n"
      "guestfsd --grpc. NAME=VALUE sends VALUE as text (the daemon converts it to the\n"
      "argument's type; a list is space-separated words); NAME:=JSON sends a JSON value\n"
      "(a list [\"a b\",\"c\"], null, true, 42); NAME@=FILE sends the bytes of FILE as a\n"
      "BufferIn argument. LOCAL '-' is stdin / stdout. Results print one value a line\n"
      "(struct fields as sorted \"name: value\" lines), or as JSON with --json.\n");
  return 2;
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

int list(pb::Console::Stub& stub, const std::string& word) {
  grpc::ClientContext ctx;
  pb::ListReply reply;
  const grpc::Status st = stub.List(&ctx, pb::ListRequest(), &reply);
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

int call(pb::Console::Stub& stub, const pb::CallRequest& req, bool json) {
  grpc::ClientContext ctx;
  pb::CallReply reply;
  const grpc::Status st = stub.Call(&ctx, req, &reply);
  if (!st.ok()) return failed(req.action(), st);
  print_result(reply, json);
  return 0;
}

int upload(pb::Console::Stub& stub, const std::string& local, const pb::CallRequest& req) {
  std::string data;
  if (!read_local(local, data)) {
    std::fprintf(stderr, "guestfsd-console: cannot read %s\n", local.c_str());
    return 1;
  }
  grpc::ClientContext ctx;
  pb::CallReply reply;
  auto writer = stub.Upload(&ctx, &reply);
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

int download(pb::Console::Stub& stub, const std::string& local, const pb::CallRequest& req) {
  std::unique_ptr<std::ofstream> file;
  if (local != "-") {
    file = std::make_unique<std::ofstream>(local, std::ios::binary | std::ios::trunc);
    if (!*file) {
      std::fprintf(stderr, "guestfsd-console: cannot write %s\n", local.c_str());
      return 1;
    }
  }
  grpc::ClientContext ctx;
  auto reader = stub.Download(&ctx, req);
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
  const bool json = !args.empty() && args[0] == "--json";
  if (json) args.erase(args.begin());
  if (args.size() < 2) return usage();
  const std::string& command = args[1];

  grpc::ChannelArguments channel_args;
  channel_args.SetMaxReceiveMessageSize(-1);
  auto channel = grpc::CreateCustomChannel(channel_address(args[0]),
                                           grpc::InsecureChannelCredentials(), channel_args);
  auto stub = pb::Console::NewStub(channel);

  if (command == "list") {
    if (args.size() > 3) return usage();
    return list(*stub, args.size() == 3 ? args[2] : "");
  }
  const bool file = command == "upload" || command == "download";
  if (command != "call" && !file) return usage();
  const size_t action_at = file ? 3 : 2;
  if (args.size() <= action_at) return usage();
  pb::CallRequest req;
  req.set_action(args[action_at]);
  if (!parse_args({args.begin() + static_cast<long>(action_at) + 1, args.end()}, req)) return 2;
  if (command == "call") return call(*stub, req, json);
  if (command == "upload") return upload(*stub, args[2], req);
  return download(*stub, args[2], req);
}
