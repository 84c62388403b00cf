// The session's state machine, byte for byte, over a scripted channel.
#include "proto/session.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "support/mock_ports.hpp"
#include "proto/frame.hpp"

namespace gfsd::proto {
namespace {

using testing::HasSubstr;
using testing::Return;

// The library's side, prepared in advance: `input` is what it sends, and
// `output` collects what the daemon writes.
class ScriptedChannel final : public ports::Channel {
 public:
  std::string input;
  std::string output;
  size_t pos = 0;
  size_t piece = SIZE_MAX;  // the most one read returns
  size_t reads = 0, writes = 0;

  Result<size_t> read(void* buf, size_t n) override {
    ++reads;
    const size_t k = std::min({n, piece, input.size() - pos});
    std::memcpy(buf, input.data() + pos, k);
    pos += k;
    return k;
  }
  Result<void> write_all(const void* buf, size_t n) override {
    ++writes;
    output.append(static_cast<const char*>(buf), n);
    return {};
  }
  // The library never pipelines: the only thing it sends out of turn is a
  // CANCEL word, so only that is "readable" while the daemon is busy.
  bool readable(int) override {
    return input.size() - pos >= 4 && get_be32(input.data() + pos) == kCancelFlag;
  }
};

class FakeClock final : public ports::Clock {
 public:
  int64_t now = 1'000'000;
  int64_t now_us() override { return now; }
};

std::string be32(uint32_t v) {
  char b[4];
  put_be32(b, v);
  return std::string(b, 4);
}

std::string be64(uint64_t v) { return be32(static_cast<uint32_t>(v >> 32)) + be32(static_cast<uint32_t>(v)); }

std::string xdr_string(const std::string& s) {
  std::string out = be32(static_cast<uint32_t>(s.size())) + s;
  out.resize((out.size() + 3) & ~size_t{3}, '\0');
  return out;
}

std::string header(uint32_t proc, uint32_t serial, uint32_t direction, uint32_t status,
                   uint64_t optargs = 0, uint64_t hint = 0, uint32_t prog = kProgram,
                   uint32_t vers = kProtocolVersion) {
  return be32(prog) + be32(vers) + be32(proc) + be32(direction) + be32(serial) + be64(hint) +
         be64(optargs) + be32(status);
}

std::string frame(const std::string& payload) {
  return be32(static_cast<uint32_t>(payload.size())) + payload;
}

std::string request(const char* name, uint32_t serial, const std::string& args = "",
                    uint64_t optargs = 0) {
  return frame(header(static_cast<uint32_t>(find_action(name)->proc), serial, 0, 0, optargs) + args);
}

std::string ok_reply(const char* name, uint32_t serial, const std::string& body = "") {
  return frame(header(static_cast<uint32_t>(find_action(name)->proc), serial, 1, 0) + body);
}

std::string error_reply(uint32_t proc, uint32_t serial, const std::string& err,
                        const std::string& msg) {
  return frame(header(proc, serial, 1, 1) + xdr_string(err) + xdr_string(msg));
}

std::string chunk(const std::string& data, uint32_t cancel = 0) {
  return frame(be32(cancel) + xdr_string(data));
}

const std::string kLaunch = be32(kLaunchFlag);

// Handlers the tests plug in; captureless, so they reach state via statics.
struct Script {
  static inline std::string uploaded;
  static inline std::string upload_error;
  static inline std::string to_download;
  static inline bool fail_after_start = false;
  static inline bool slow_upload = false;  // each read takes a second
  static inline FakeClock* clock = nullptr;
};

Result<void> h_upload(domain::Ctx& ctx, const api::DevOrPath& path) {
  Script::uploaded.clear();
  if (path.name == "/fail-early") return fail_errno(ENOENT, path.name);
  char buf[3000];
  for (;;) {
    auto n = ctx.upload->read(buf, sizeof buf);
    if (!n) {
      Script::upload_error = n.error().message;
      return forward(n.error());
    }
    if (*n == 0) return {};
    Script::uploaded.append(buf, *n);
    if (Script::slow_upload) Script::clock->now += 1'000'000;
  }
}

Result<void> h_download(domain::Ctx& ctx, const api::DevOrPath& path) {
  if (path.name == "/missing") return fail_errno(ENOENT, path.name);
  GFSD_TRY(ctx.download->start());
  GFSD_TRY(ctx.download->write(Script::to_download.data(), Script::to_download.size()));
  if (Script::fail_after_start) return fail("read error");
  return ctx.download->finish();
}

Result<void> h_ping(domain::Ctx&) { return {}; }

Result<std::string> h_echo(domain::Ctx&, const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

Result<int64_t> h_filesize(domain::Ctx& ctx, const std::string&) {
  // A long operation: reports progress as the fake clock advances.
  auto& clock = *Script::clock;
  for (int step = 0; step <= 10; ++step) {
    ctx.progress.report(static_cast<uint64_t>(step) * 10, 100);
    clock.now += 500'000;  // 0.5 s per step
  }
  return 1;
}

class SessionTest : public testing::Test {
 protected:
  SessionTest() {
    handlers.upload = &h_upload;
    handlers.download = &h_download;
    handlers.ping_daemon = &h_ping;
    handlers.echo_daemon = &h_echo;
    ON_CALL(ports.host, program_exists).WillByDefault(Return(true));
    ON_CALL(ports.host, kernel_has_filesystem).WillByDefault(Return(true));
    ON_CALL(ports.host, path_exists).WillByDefault(Return(true));
    // Pathname checks need something mounted at the sysroot.
    ON_CALL(ports.mounts, list())
        .WillByDefault(Return(Result<std::vector<ports::MountEntry>>(
            std::vector<ports::MountEntry>{{"tmpfs", "/sysroot", "tmpfs"}})));
    ON_CALL(ports.devices, kind).WillByDefault(Return(ports::DeviceKind::Missing));
    Script::clock = &clock;
    Script::fail_after_start = false;
    Script::slow_upload = false;
  }

  Session::End run() {
    Dispatcher dispatcher(handlers);
    Session session(channel, dispatcher, clock, ports.log);
    domain::Ctx ctx{ports.config, ports.fs, ports.runner, ports.mounts, ports.devices, ports.log,
                    ports.host, session, ports.state};
    return session.run(ctx);
  }

  api::Handlers handlers;
  mocks::MockPorts ports;
  ScriptedChannel channel;
  FakeClock clock;
};

TEST_F(SessionTest, SendsTheLaunchWordFirstAndEndsAtEof) {
  EXPECT_EQ(run(), Session::End::Eof);
  EXPECT_EQ(channel.output, kLaunch);
}

TEST_F(SessionTest, PingMatchesTheLibraryBytes) {
  // The request as the library sends it (spec/protocol.md 1.5).
  channel.input = be32(0x28) + header(0x5c, 0x123400, 0, 0);
  EXPECT_EQ(run(), Session::End::Eof);
  EXPECT_EQ(channel.output, kLaunch + be32(0x28) + header(0x5c, 0x123400, 1, 0));
}

TEST_F(SessionTest, ReturnValueIsEncodedAfterTheHeader) {
  channel.input = request("echo_daemon", 7, be32(2) + xdr_string("hello") + xdr_string("world"));
  run();
  EXPECT_EQ(channel.output, kLaunch + ok_reply("echo_daemon", 7, xdr_string("hello world")));
}

TEST_F(SessionTest, ErrorsCarryTheErrnoNameAndMessage) {
  channel.input = request("download", 9, xdr_string("/missing"));
  run();
  EXPECT_EQ(channel.output, kLaunch + error_reply(67, 9, "ENOENT", "/missing: No such file or directory"));
}

TEST_F(SessionTest, UnimplementedActionAnswersEnotsup) {
  channel.input = request("sync", 3);
  run();
  EXPECT_EQ(channel.output, kLaunch + error_reply(2, 3, "ENOTSUP", "sync: not supported by this daemon"));
}

TEST_F(SessionTest, UnknownProcedureNumber) {
  channel.input = frame(header(4, 5, 0, 0));
  run();
  EXPECT_EQ(channel.output,
            kLaunch + error_reply(4, 5, "",
                                  "dispatch_incoming_message: unknown procedure number 4, set "
                                  "LIBGUESTFS_PATH to point to the matching libguestfs appliance "
                                  "directory"));
}

TEST_F(SessionTest, WrongProgramAndVersionAreRepliedToAndServingGoesOn) {
  channel.input = frame(header(92, 1, 0, 0, 0, 0, 0x12345678)) +
                  frame(header(92, 2, 0, 0, 0, 0, kProgram, 3)) + request("ping_daemon", 3);
  EXPECT_EQ(run(), Session::End::Eof);
  EXPECT_EQ(channel.output, kLaunch + error_reply(92, 1, "", "wrong program (305419896)") +
                                error_reply(92, 2, "", "wrong protocol version (3)") +
                                ok_reply("ping_daemon", 3));
}

TEST_F(SessionTest, WrongDirectionAndStatus) {
  channel.input = frame(header(92, 1, 1, 0)) + frame(header(92, 2, 0, 1));
  run();
  EXPECT_EQ(channel.output, kLaunch + error_reply(92, 1, "", "unexpected message direction (1)") +
                                error_reply(92, 2, "", "unexpected message status (1)"));
}

TEST_F(SessionTest, StrayCancelWordBetweenRequestsIsIgnored) {
  channel.input = be32(kCancelFlag) + request("ping_daemon", 1);
  run();
  EXPECT_EQ(channel.output, kLaunch + ok_reply("ping_daemon", 1));
}

TEST_F(SessionTest, OversizedLengthWordEndsTheSession) {
  channel.input = be32(kMessageMax + 1) + request("ping_daemon", 1);
  EXPECT_EQ(run(), Session::End::ProtocolError);
  EXPECT_EQ(channel.output, kLaunch);
}

TEST_F(SessionTest, TruncatedFrameEndsTheSession) {
  channel.input = be32(100) + std::string(10, 'x');
  EXPECT_EQ(run(), Session::End::ProtocolError);
}

TEST_F(SessionTest, FrameShorterThanAHeaderEndsTheSession) {
  channel.input = frame("short");
  EXPECT_EQ(run(), Session::End::ProtocolError);
}

TEST_F(SessionTest, OptargsBitmaskRules) {
  channel.input = request("ping_daemon", 1, "", 1) +
                  request("is_file", 2, xdr_string("/x") + be32(0), 2);
  handlers.is_file = [](domain::Ctx&, const std::string&, const api::opt::is_file&) -> Result<bool> {
    return true;
  };
  run();
  EXPECT_EQ(channel.output,
            kLaunch +
                error_reply(92, 1, "",
                            "header optargs_bitmask field must be passed as 0 for calls that "
                            "don't take optional arguments") +
                error_reply(37, 2, "",
                            "unknown option in optional arguments bitmask (this can happen if a "
                            "program is compiled against a newer version of libguestfs, then run "
                            "against an older version of the daemon)"));
}

TEST_F(SessionTest, OptargsArriveOnlyWhenTheirBitIsSet) {
  static std::optional<bool> seen;
  handlers.is_file = [](domain::Ctx&, const std::string&, const api::opt::is_file& o) -> Result<bool> {
    seen = o.followsymlinks;
    return true;
  };
  channel.input = request("is_file", 1, xdr_string("/x") + be32(1), 0);
  run();
  EXPECT_FALSE(seen.has_value());  // value on the wire, bit clear: ignored
  channel.input = request("is_file", 2, xdr_string("/x") + be32(1), 1);
  channel.pos = 0;
  run();
  EXPECT_EQ(seen, std::optional<bool>(true));
}

TEST_F(SessionTest, UndecodableArguments) {
  channel.input = request("echo_daemon", 1, be32(5));  // says 5 strings, has none
  run();
  EXPECT_EQ(channel.output,
            kLaunch + error_reply(195, 1, "", "daemon failed to decode procedure arguments"));
}

TEST_F(SessionTest, UploadReceivesEveryChunk) {
  const std::string data(20000, 'u');
  channel.input = request("upload", 1, xdr_string("/f")) + chunk(data.substr(0, 8192)) +
                  chunk(data.substr(8192, 8192)) + chunk(data.substr(16384)) + chunk("") +
                  request("ping_daemon", 2);
  run();
  EXPECT_EQ(Script::uploaded, data);
  EXPECT_EQ(channel.output, kLaunch + ok_reply("upload", 1) + ok_reply("ping_daemon", 2));
}

TEST_F(SessionTest, UploadThatFailsEarlyCancelsDrainsAndReplies) {
  channel.input = request("upload", 1, xdr_string("/fail-early")) + chunk("abc") + chunk("def") +
                  chunk("") + request("ping_daemon", 2);
  run();
  EXPECT_EQ(channel.output, kLaunch + be32(kCancelFlag) +
                                error_reply(66, 1, "ENOENT", "/fail-early: No such file or directory") +
                                ok_reply("ping_daemon", 2));
}

TEST_F(SessionTest, UploadWithBadBitmaskStillDrainsTheStream) {
  channel.input = request("upload", 1, xdr_string("/f"), 1) + chunk("abc") + chunk("") +
                  request("ping_daemon", 2);
  run();
  EXPECT_THAT(channel.output, HasSubstr(be32(kCancelFlag)));
  EXPECT_THAT(channel.output, HasSubstr(ok_reply("ping_daemon", 2)));
}

TEST_F(SessionTest, UploadCancelledByTheLibrary) {
  channel.input = request("upload", 1, xdr_string("/f")) + chunk("abc") + chunk("", 1) +
                  request("ping_daemon", 2);
  run();
  EXPECT_EQ(Script::upload_error, "file upload cancelled");
  EXPECT_EQ(channel.output,
            kLaunch + error_reply(66, 1, "ECANCELED", "file upload cancelled") +
                ok_reply("ping_daemon", 2));
}

TEST_F(SessionTest, UploadChunkWithBadCancelValueFailsTheUploadOnly) {
  channel.input = request("upload", 1, xdr_string("/f")) + chunk("abc", 7) + chunk("def") +
                  chunk("") + request("ping_daemon", 2);
  EXPECT_EQ(run(), Session::End::Eof);
  EXPECT_EQ(Script::upload_error, "malformed file chunk");
  EXPECT_EQ(channel.output, kLaunch + be32(kCancelFlag) +
                                error_reply(66, 1, "EPROTO", "malformed file chunk") +
                                ok_reply("ping_daemon", 2));
}

TEST_F(SessionTest, UploadChunkTooLongToDelimitEndsTheSession) {
  channel.input = request("upload", 1, xdr_string("/f")) + be32(kMessageMax + 1);
  EXPECT_EQ(run(), Session::End::ProtocolError);
}

TEST_F(SessionTest, UploadReportsProgressAgainstTheHint) {
  const std::string data(8192, 'p');
  std::string in = frame(header(66, 1, 0, 0, 0, 3 * 8192) + xdr_string("/f"));
  for (int i = 0; i < 3; ++i) in += chunk(data);
  channel.input = in + chunk("");
  Script::slow_upload = true;  // three 1 s reads per chunk: chunks at t = 0, 3, 6 s
  run();
  char at2[28], at3[28];
  encode_progress(at2, 66, 1, 2 * 8192, 3 * 8192);
  encode_progress(at3, 66, 1, 3 * 8192, 3 * 8192);
  // The first chunk is inside the 2 s initial delay; the others are not.
  EXPECT_EQ(channel.output,
            kLaunch + std::string(at2, 28) + std::string(at3, 28) + ok_reply("upload", 1));
}

TEST_F(SessionTest, DownloadSendsReplyThenChunksThenEnd) {
  Script::to_download = std::string(20000, 'd');
  channel.input = request("download", 1, xdr_string("/f")) + request("ping_daemon", 2);
  run();
  const std::string& d = Script::to_download;
  EXPECT_EQ(channel.output, kLaunch + ok_reply("download", 1) + chunk(d.substr(0, 8192)) +
                                chunk(d.substr(8192, 8192)) + chunk(d.substr(16384)) + chunk("") +
                                ok_reply("ping_daemon", 2));
}

TEST_F(SessionTest, OneReadPerRequestAndOneWritePerReply) {
  channel.input = request("ping_daemon", 1);
  run();
  EXPECT_EQ(channel.output, kLaunch + ok_reply("ping_daemon", 1));
  EXPECT_EQ(channel.reads, 2u);   // the whole frame, then the end of the stream
  EXPECT_EQ(channel.writes, 2u);  // the launch word, then the reply
}

TEST_F(SessionTest, DownloadSendsSixteenChunksPerWrite) {
  Script::to_download = std::string(40 * 8192 + 100, 'd');
  channel.input = request("download", 1, xdr_string("/f"));
  run();
  const std::string& d = Script::to_download;
  std::string expect = kLaunch + ok_reply("download", 1);
  for (size_t off = 0; off < d.size(); off += 8192) expect += chunk(d.substr(off, 8192));
  expect += chunk("");
  EXPECT_EQ(channel.output, expect);
  // launch word, reply, 16 + 16 chunks, then 8 chunks + the short one + the end chunk
  EXPECT_EQ(channel.writes, 5u);
}

TEST_F(SessionTest, UploadFillsTheCallersBufferFromEveryChunkThatHasArrived) {
  handlers.upload = [](domain::Ctx& ctx, const api::DevOrPath&) -> Result<void> {
    Script::uploaded.clear();
    std::string buf(64 * 1024, '\0');
    for (;;) {
      auto n = ctx.upload->read(buf.data(), buf.size());
      if (!n) return forward(n.error());
      if (*n == 0) return {};
      Script::upload_error += std::to_string(*n) + " ";  // the size of each read
      Script::uploaded.append(buf.data(), *n);
    }
  };
  Script::upload_error.clear();
  const std::string data(5 * 8192 + 7, 'u');
  channel.input = request("upload", 1, xdr_string("/f"));
  for (size_t off = 0; off < data.size(); off += 8192) channel.input += chunk(data.substr(off, 8192));
  channel.input += chunk("");
  run();
  EXPECT_EQ(Script::uploaded, data);
  EXPECT_EQ(Script::upload_error, std::to_string(data.size()) + " ");  // one read for all six
}

TEST_F(SessionTest, ABytePerReadChangesNothingOnTheWire) {
  // Uploads, downloads and calls cut into one-byte reads give the same bytes
  // as when everything arrives at once.
  Script::to_download = std::string(3 * 8192 + 5, 'x');
  const std::string up(2 * 8192 + 3, 'y');
  channel.input = request("upload", 1, xdr_string("/f")) + chunk(up.substr(0, 8192)) +
                  chunk(up.substr(8192, 8192)) + chunk(up.substr(16384)) + chunk("") +
                  request("download", 2, xdr_string("/f")) + request("ping_daemon", 3);
  channel.piece = 1;
  run();
  EXPECT_EQ(Script::uploaded, up);
  const std::string& d = Script::to_download;
  EXPECT_EQ(channel.output, kLaunch + ok_reply("upload", 1) + ok_reply("download", 2) +
                                chunk(d.substr(0, 8192)) + chunk(d.substr(8192, 8192)) +
                                chunk(d.substr(16384, 8192)) + chunk(d.substr(24576)) + chunk("") +
                                ok_reply("ping_daemon", 3));
}

TEST_F(SessionTest, DownloadCancelledByTheLibrary) {
  Script::to_download = std::string(20000, 'd');
  // The library's CANCEL is already waiting when the first chunk is due.
  channel.input = request("download", 1, xdr_string("/f")) + be32(kCancelFlag) +
                  request("ping_daemon", 2);
  run();
  EXPECT_EQ(channel.output,
            kLaunch + ok_reply("download", 1) + chunk("", 1) + ok_reply("ping_daemon", 2));
}

TEST_F(SessionTest, DownloadErrorAfterTheReplyCancelsTheStream) {
  Script::to_download = "abc";
  Script::fail_after_start = true;
  channel.input = request("download", 1, xdr_string("/f"));
  run();
  EXPECT_EQ(channel.output, kLaunch + ok_reply("download", 1) + chunk("", 1));
}

TEST_F(SessionTest, ProgressIsRateLimitedAndFinishesAtTotal) {
  handlers.filesize = &h_filesize;
  channel.input = request("filesize", 0x42, xdr_string("/f"));
  run();
  // Reports at t = 0, 0.5, ... 5.0 s after the request; the first may go at
  // 2 s, then at most one per 333 ms, and the final 100/100 always.
  std::string expect = kLaunch;
  for (uint64_t pos : {40u, 50u, 60u, 70u, 80u, 90u, 100u}) {
    char b[28];
    encode_progress(b, 218 /* filesize */, 0x42, pos, 100);
    expect += std::string(b, 28);
  }
  expect += ok_reply("filesize", 0x42, be64(1));
  EXPECT_EQ(channel.output, expect);
}

TEST_F(SessionTest, InternalExitRepliesThenEnds) {
  handlers.internal_exit = [](domain::Ctx& ctx) -> Result<void> {
    ctx.state.exit_requested = true;
    return {};
  };
  channel.input = request("internal_exit", 1) + request("ping_daemon", 2);
  EXPECT_EQ(run(), Session::End::ExitRequested);
  EXPECT_EQ(channel.output, kLaunch + ok_reply("internal_exit", 1));
}

TEST_F(SessionTest, VerboseModeLogsEachRequest) {
  ON_CALL(ports.log, verbose()).WillByDefault(Return(true));
  EXPECT_CALL(ports.log, debug("guestfsd: <= ping_daemon (0x5c) request length 40 bytes"));
  EXPECT_CALL(ports.log, debug("guestfsd: => ping_daemon (0x5c) took 0.00 secs"));
  channel.input = request("ping_daemon", 1);
  run();
}

TEST_F(SessionTest, ErrorsAreEchoedToStderr) {
  EXPECT_CALL(ports.log, error("guestfsd: error: sync: not supported by this daemon"));
  channel.input = request("sync", 1);
  run();
}

TEST_F(SessionTest, LongErrorMessagesAreCut) {
  handlers.echo_daemon = [](domain::Ctx&, const std::vector<std::string>&) -> Result<std::string> {
    return fail(std::string(70000, 'e'));
  };
  channel.input = request("echo_daemon", 1, be32(0));
  run();
  EXPECT_EQ(channel.output, kLaunch + error_reply(195, 1, "", std::string(kErrorLen, 'e')));
}

TEST_F(SessionTest, ReplyTooBigBecomesAnError) {
  handlers.echo_daemon = [](domain::Ctx&, const std::vector<std::string>&) -> Result<std::string> {
    return std::string(kMessageMax, 'x');
  };
  channel.input = request("echo_daemon", 1, be32(0));
  run();
  EXPECT_EQ(channel.output, kLaunch + error_reply(195, 1, "", kReplyTooBig));
}

}  // namespace
}  // namespace gfsd::proto
