// Writes the seed inputs of the fuzz targets: valid encodings made with the
// project's own encoders, one per situation worth starting from.
//   fuzz_make_seeds OUTDIR   ->  OUTDIR/{frame,session,args}/...
// The stored corpora (tests/fuzz/corpus/) are these seeds plus what the
// fuzzers found, minimized with -merge=1 (README.md).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "proto/action_table.hpp"
#include "proto/frame.hpp"
#include "proto/protocol.hpp"
#include "proto/text_codec.hpp"
#include "proto/xdr.hpp"

namespace {

using namespace gfsd;
using proto::ArgKind;

std::string be32(uint32_t v) {
  char b[4];
  proto::put_be32(b, v);
  return std::string(b, 4);
}

std::string encode(const proto::ActionInfo& a, const proto::TextCall& call, uint64_t* mask) {
  std::string buf(1 << 16, '\0');
  proto::XdrEncoder e(buf.data(), buf.size());
  auto m = proto::encode_args(a, call, e);
  if (!m) {
    std::fprintf(stderr, "%s: %s\n", a.name, m.error().message.c_str());
    std::exit(1);
  }
  if (mask) *mask = *m;
  buf.resize(e.size());
  return buf;
}

std::string header(int32_t proc, uint32_t serial, uint64_t optargs = 0, uint64_t hint = 0,
                   uint32_t prog = proto::kProgram, uint32_t vers = proto::kProtocolVersion,
                   proto::Direction dir = proto::Direction::Call) {
  proto::Header h;
  h.prog = prog;
  h.vers = vers;
  h.proc = proc;
  h.direction = dir;
  h.serial = serial;
  h.progress_hint = hint;
  h.optargs_bitmask = optargs;
  char buf[proto::kHeaderSize];
  proto::XdrEncoder e(buf, sizeof buf);
  proto::put_header(e, h);
  return std::string(buf, sizeof buf);
}

std::string frame(const std::string& payload) {
  return be32(static_cast<uint32_t>(payload.size())) + payload;
}

// A request made from text arguments (proto/text_codec.hpp).
std::string request(const char* name, std::vector<std::string> args = {},
                    std::vector<std::pair<std::string, std::string>> optargs = {},
                    uint64_t hint = 0) {
  static uint32_t serial = 0x123400;
  const proto::ActionInfo* a = proto::find_action(name);
  if (!a) {
    std::fprintf(stderr, "no action %s\n", name);
    std::exit(1);
  }
  proto::TextCall call{std::move(args), std::move(optargs)};
  uint64_t mask = 0;
  const std::string body = encode(*a, call, &mask);
  return frame(header(a->proc, serial++, mask, hint) + body);
}

std::string chunk(const std::string& data, uint32_t cancel = 0) {
  std::string c = be32(cancel) + be32(static_cast<uint32_t>(data.size())) + data;
  c.resize((c.size() + 3) & ~size_t{3}, '\0');
  return frame(c);
}

std::string chunks(size_t total, size_t piece = proto::kMaxChunkSize) {
  std::string out;
  for (size_t done = 0; done < total; done += piece)
    out += chunk(std::string(std::min(piece, total - done), 'u'));
  return out;
}

const std::string kEnd = chunk("");
const std::string kCancelChunk = chunk("", 1);
const std::string kCancelWord = be32(proto::kCancelFlag);

void write(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::string control(uint8_t c) { return std::string(1, static_cast<char>(c)); }

void frame_seeds(const std::filesystem::path& dir) {
  const int32_t ping = proto::find_action("ping_daemon")->proc;
  write(dir, "ping", control(0) + request("ping_daemon"));
  write(dir, "ping-bytewise", control(1) + request("ping_daemon") + kCancelWord +
                                  request("echo_daemon", {"a b"}));
  write(dir, "upload", control(0) + request("upload", {"/f"}) + chunks(100) + kEnd +
                           request("ping_daemon"));
  write(dir, "upload-cancel", control(3) + request("upload", {"/f"}) + kCancelWord +
                                  chunk("abc") + kCancelChunk);
  write(dir, "upload-malformed", control(0) + request("upload", {"/f"}) + frame(be32(7)) +
                                     frame(be32(0) + be32(100)) + kEnd);
  write(dir, "wrong-program", control(0) + frame(header(ping, 1, 0, 0, 0x20001234)) +
                                  frame(header(ping, 2, 0, 0, proto::kProgram, 3)) +
                                  frame(header(ping, 3, 0, 0, proto::kProgram, 4,
                                               proto::Direction::Reply)));
  write(dir, "unknown-proc", control(0) + frame(header(9999, 1)) + frame(header(-1, 2)));
  write(dir, "too-long", control(0) + be32(proto::kMessageMax + 1));
  write(dir, "truncated", control(0) + be32(100) + header(ping, 1));
  write(dir, "short-frame", control(0) + frame(be32(proto::kProgram)));
}

void session_seeds(const std::filesystem::path& dir) {
  // Control byte: see README.md (0x08 peer pipelines, 0x30|k<<6 write budget).
  write(dir, "upload", control(0) + request("upload", {"/f"}, {}, 20000) + chunks(20000) + kEnd +
                           request("filesize", {"/f"}));
  write(dir, "upload-small-chunks", control(2) + request("upload", {"/f"}) + chunks(3000, 333) + kEnd);
  write(dir, "upload-disk-full", control(0) + request("upload", {"/full9000"}) + chunks(30000) + kEnd +
                                     request("ping_daemon"));
  write(dir, "upload-cancelled", control(0) + request("upload", {"/f"}) + chunks(9000) +
                                     kCancelChunk + request("ping_daemon"));
  write(dir, "upload-missing", control(0) + request("upload", {"/missing/f"}) + chunks(100) + kEnd);
  write(dir, "upload-bad-arg", control(0) + request("upload", {"rel"}) + chunks(100) + kEnd);
  write(dir, "upload-device", control(0) + request("upload", {"/dev/sda"}) + chunks(100) + kEnd);
  write(dir, "upload-cut", control(0) + request("upload", {"/f"}) + chunks(9000));
  write(dir, "download", control(0) + request("download", {"/dl/f20000"}) + request("ping_daemon"));
  write(dir, "download-cancelled", control(0) + request("download", {"/dl/f200000"}) + kCancelWord +
                                       request("ping_daemon"));
  write(dir, "download-peer-gone", control(0x30 | (2 << 6)) + request("download", {"/dl/f200000"}));
  write(dir, "download-pipelined", control(8) + request("download", {"/dl/f20000"}) +
                                       request("ping_daemon"));
  write(dir, "download-missing", control(0) + request("download", {"/missing"}));
  write(dir, "ls0", control(0) + request("ls0", {"/dir"}));
  write(dir, "actions", control(0) + request("echo_daemon", {"a b"}) +
                            request("is_file", {"/f"}, {{"followsymlinks", "true"}}) +
                            request("statns", {"/f"}) + request("readdir", {"/dir"}) +
                            request("pread", {"/f", "10", "0"}) +
                            request("internal_write", {"/f", "data"}) +
                            request("internal_lstatnslist", {"/dir", "a link"}) +
                            request("getxattrs", {"/f"}) + request("ll", {"/"}));
  write(dir, "exit", control(0) + request("internal_exit") + request("ping_daemon"));
}

std::string sample(ArgKind k) {
  switch (k) {
    case ArgKind::Pathname: return "/dir/file20";
    case ArgKind::DevOrPath: case ArgKind::MountableOrPath: return "/dev/sda1";
    case ArgKind::Device: case ArgKind::Mountable: case ArgKind::DeviceList: return "/dev/sda1";
    case ArgKind::Guid: return "01234567-89AB-CDEF-0123-456789ABCDEF";
    case ArgKind::StringList: case ArgKind::FilenameList: return "a b";
    case ArgKind::Int: case ArgKind::Int64: return "1";
    case ArgKind::Bool: return "true";
    default: return "s";
  }
}

void args_seeds(const std::filesystem::path& dir) {
  for (int i = 0; i < proto::kNumActionList; ++i) {
    const proto::ActionInfo& a = proto::kActionList[i];
    proto::TextCall call;
    for (int j = 0; j < a.nargs; ++j)
      if (a.args[j].kind != ArgKind::FileIn && a.args[j].kind != ArgKind::FileOut)
        call.args.push_back(sample(a.args[j].kind));
    for (int j = 0; j < a.noptargs; ++j) call.optargs.push_back({a.optargs[j].name, sample(a.optargs[j].kind)});
    uint64_t mask = 0;
    const std::string body = encode(a, call, &mask);
    std::string seed(2, '\0');
    seed[0] = static_cast<char>(i >> 8);
    seed[1] = static_cast<char>(i & 0xff);
    if (a.noptargs > 0) seed += static_cast<char>(mask & 0xff);
    write(dir, a.name, seed + body);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds OUTDIR\n");
    return 2;
  }
  const std::filesystem::path out(argv[1]);
  frame_seeds(out / "frame");
  session_seeds(out / "session");
  args_seeds(out / "args");
  return 0;
}
