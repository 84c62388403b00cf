// guestfsd-call: one call to a listening daemon, arguments and results as
// text, driven by the action table (so every action works without code here).
//
//   guestfsd-call SOCKET ACTION [ARG...] [OPTARG:VALUE...]
//   guestfsd-call --list
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "domain/register.hpp"
#include "integration/test_client.hpp"
#include "proto/action_table.hpp"
#include "proto/codec_support.hpp"
#include "proto/text_codec.hpp"

namespace {

using namespace gfsd;

int usage() {
  std::fprintf(stderr,
               "usage: guestfsd-call SOCKET ACTION [ARG...] [OPTARG:VALUE...]\n"
               "       guestfsd-call --list\n"
               "Lists are one argument of space-separated words; '~' is a NULL OptString;\n"
               "FileIn/FileOut arguments are local file names ('-' = stdin/stdout).\n");
  return 2;
}

int list_actions() {
  api::Handlers h;
  domain::register_all(h);
  int implemented = 0;
  for (int i = 0; i < proto::kNumActionList; ++i) {
    const auto& a = proto::kActionList[i];
    const bool have = proto::handler_present(h, a.proc);
    implemented += have;
    std::printf("%c %3d %s\n", have ? '*' : ' ', a.proc, proto::signature(a).c_str());
  }
  std::printf("(* = implemented by this build: %d of %d)\n", implemented, proto::kNumActionList);
  return 0;
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

bool write_local(const std::string& name, const std::string& data) {
  if (name == "-") return std::fwrite(data.data(), 1, data.size(), stdout) == data.size();
  std::ofstream f(name, std::ios::binary);
  return static_cast<bool>(f.write(data.data(), static_cast<std::streamsize>(data.size())));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--list") return list_actions();
  if (argc < 3) return usage();
  const std::string socket = argv[1];
  const proto::ActionInfo* action = proto::find_action(argv[2]);
  if (!action) {
    std::fprintf(stderr, "guestfsd-call: no action '%s' (see --list)\n", argv[2]);
    return 2;
  }

  // Positional arguments in declaration order; file arguments are local names.
  proto::TextCall call;
  std::string file_name;
  int next = 3;
  for (int i = 0; i < action->nargs; ++i, ++next) {
    if (next >= argc) {
      std::fprintf(stderr, "guestfsd-call: %s\n", proto::signature(*action).c_str());
      return 2;
    }
    const auto kind = action->args[i].kind;
    if (kind == proto::ArgKind::FileIn || kind == proto::ArgKind::FileOut)
      file_name = argv[next];
    else
      call.args.emplace_back(argv[next]);
  }
  for (; next < argc; ++next) {
    const std::string opt = argv[next];
    const auto colon = opt.find(':');
    if (colon == std::string::npos) return usage();
    call.optargs.emplace_back(opt.substr(0, colon), opt.substr(colon + 1));
  }

  std::string args(proto::kMessageMax, '\0');
  proto::XdrEncoder enc(args.data(), args.size());
  auto mask = proto::encode_args(*action, call, enc);
  if (!mask) {
    std::fprintf(stderr, "guestfsd-call: %s\n", mask.error().message.c_str());
    return 2;
  }
  args.resize(enc.size());
  const test::ArgsFn raw = [&](proto::XdrEncoder& e) {
    if (!args.empty()) e.put_fixed(args, args.size());
  };

  auto client = test::TestClient::connect_unix(socket, 2000);
  std::string why;
  if (!client || !client->read_launch(&why)) {
    std::fprintf(stderr, "guestfsd-call: cannot talk to a daemon at %s %s\n", socket.c_str(),
                 why.c_str());
    return 1;
  }

  test::Reply reply;
  std::string downloaded;
  if (action->has(proto::kFileIn)) {
    std::string data;
    if (!read_local(file_name, data)) {
      std::fprintf(stderr, "guestfsd-call: cannot read %s\n", file_name.c_str());
      return 1;
    }
    test::UploadOptions o;
    o.optargs = *mask;
    o.progress_hint = data.size();
    reply = client->upload(action->name, raw, data, o).reply;
  } else if (action->has(proto::kFileOut)) {
    test::DownloadOptions o;
    o.optargs = *mask;
    auto d = client->download(action->name, raw, o);
    reply = d.reply;
    downloaded = d.data;
    if (reply.ok && !d.ended) {
      std::fprintf(stderr, "%s: file transfer cancelled by the daemon\n", action->name);
      return 1;
    }
  } else {
    reply = client->call(action->name, raw, *mask);
  }

  if (!reply.problem.empty()) {
    std::fprintf(stderr, "guestfsd-call: %s\n", reply.problem.c_str());
    return 1;
  }
  if (!reply.ok) {
    std::fprintf(stderr, "%s: %s%s%s\n", action->name, reply.message.c_str(),
                 reply.err.empty() ? "" : "  [", reply.err.empty() ? "" : (reply.err + "]").c_str());
    return 1;
  }
  if (action->has(proto::kFileOut)) return write_local(file_name, downloaded) ? 0 : 1;
  proto::XdrDecoder dec(reply.body.data(), reply.body.size());
  auto text = proto::render_ret(*action, dec);
  if (!text) {
    std::fprintf(stderr, "guestfsd-call: %s\n", text.error().message.c_str());
    return 1;
  }
  std::fwrite(text->data(), 1, text->size(), stdout);
  return 0;
}
