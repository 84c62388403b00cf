// Request/reply rules of the main loop and the dispatcher, seen from a client:
// error replies for bad headers, bitmasks and arguments, and which malformed
// input ends a connection.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api.hpp"
#include "domain/register.hpp"
#include "integration/fixture.hpp"
#include "proto/action_table.hpp"
#include "proto/dispatcher.hpp"
#include "proto/frame.hpp"

namespace gfsd::test {
namespace {

using proto::ArgKind;

void expect_error(const Reply& r, const std::string& err, const std::string& message) {
  ASSERT_TRUE(r.problem.empty()) << r.problem;
  EXPECT_FALSE(r.ok) << "expected an error reply";
  EXPECT_EQ(r.err, err);
  EXPECT_EQ(r.message, message);
}

class Protocol : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    ASSERT_TRUE(s_.start());
  }
  TestClient& c() { return s_.client(); }
  void expect_alive() { EXPECT_REPLY_OK(c().call("ping_daemon")); }

  Served s_;
};

TEST_F(Protocol, EchoDaemonJoinsWordsWithSpaces) {
  Reply r = c().call("echo_daemon", strs_arg({"a", "", "b c", "d"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "a  b c d");
  r = c().call("echo_daemon", strs_arg({}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "");
}

TEST_F(Protocol, SerialsAreEchoed) {
  for (int i = 0; i < 5; ++i) {
    Reply r = c().call("ping_daemon");
    ASSERT_REPLY_OK(r);
    EXPECT_EQ(r.hdr.serial, 0x123400u + static_cast<uint32_t>(i));
    EXPECT_EQ(r.hdr.progress_hint, 0u);
    EXPECT_EQ(r.hdr.optargs_bitmask, 0u);
  }
}

TEST_F(Protocol, UnavailableOptgroupAnswersFeatureNotAvailable) {
  // Find a group this daemon reports as missing here (1 = not available).
  const proto::ActionInfo* victim = nullptr;
  for (int i = 0; i < proto::kNumActionList && !victim; ++i) {
    const proto::ActionInfo& a = proto::kActionList[i];
    if (a.optgroup[0] == '\0' || a.has(proto::kFileIn) || a.has(proto::kFileOut)) continue;
    Reply f = c().call("internal_feature_available", str_arg(a.optgroup));
    ASSERT_REPLY_OK(f);
    if (as_int(f) == 1) victim = &a;
  }
  if (!victim) GTEST_SKIP() << "every feature group is available on this machine";
  // The group is checked before the arguments are even decoded.
  Reply r = c().call_proc(victim->proc);
  expect_error(r, "ENOTSUP",
               std::string("feature '") + victim->optgroup +
                   "' is not available in this\nbuild of libguestfs.  Read 'AVAILABILITY' in "
                   "the guestfs(3) man page for\nhow to check for the availability of features.");
  expect_alive();
}

TEST_F(Protocol, UnknownProcedureNumbers) {
  for (int32_t proc : {4, 9999, 0, -1}) {
    Reply r = c().call_proc(proc);
    expect_error(r, "",
                 "dispatch_incoming_message: unknown procedure number " + std::to_string(proc) +
                     ", set LIBGUESTFS_PATH to point to the matching libguestfs appliance "
                     "directory");
  }
  expect_alive();
}

TEST_F(Protocol, WrongProgramIsAnErrorReply) {
  proto::Header h;
  h.prog = 0x20001234;
  h.proc = proto::find_action("ping_daemon")->proc;
  h.serial = c().next_serial();
  expect_error(c().call_raw(h, ""), "", "wrong program (" + std::to_string(0x20001234) + ")");
  expect_alive();
}

TEST_F(Protocol, WrongVersionIsAnErrorReply) {
  proto::Header h;
  h.vers = 3;
  h.proc = proto::find_action("ping_daemon")->proc;
  h.serial = c().next_serial();
  expect_error(c().call_raw(h, ""), "", "wrong protocol version (3)");
  expect_alive();
}

TEST_F(Protocol, ReplyDirectionIsAnErrorReply) {
  proto::Header h;
  h.direction = proto::Direction::Reply;
  h.proc = proto::find_action("ping_daemon")->proc;
  h.serial = c().next_serial();
  expect_error(c().call_raw(h, ""), "", "unexpected message direction (1)");
  expect_alive();
}

TEST_F(Protocol, OptargsBitmaskOnCallWithoutOptargs) {
  expect_error(c().call("ping_daemon", {}, 1), "",
               "header optargs_bitmask field must be passed as 0 for calls that don't take "
               "optional arguments");
  // is_symlink has no optargs in 1.48 (unlike is_file and is_dir).
  expect_error(c().call("is_symlink", str_arg("/"), 1), "",
               "header optargs_bitmask field must be passed as 0 for calls that don't take "
               "optional arguments");
  expect_alive();
}

TEST_F(Protocol, UnknownOptargBit) {
  const std::string msg =
      "unknown option in optional arguments bitmask (this can happen if a program is compiled "
      "against a newer version of libguestfs, then run against an older version of the daemon)";
  auto is_file_args = [](proto::XdrEncoder& e) {
    e.put(std::string("/"));
    e.put(false);
  };
  expect_error(c().call("is_file", is_file_args, 2), "", msg);
  expect_error(c().call("is_file", is_file_args, uint64_t{1} << 63), "", msg);
  expect_alive();
}

TEST_F(Protocol, TruncatedArgsFailToDecode) {
  const std::string msg = "daemon failed to decode procedure arguments";
  // A list that claims 5 strings and carries none.
  expect_error(c().call("echo_daemon", [](proto::XdrEncoder& e) { e.put(uint32_t{5}); }), "", msg);
  // No args at all for an action that takes a string.
  expect_error(c().call("touch"), "", msg);
  // A string length running past the frame.
  expect_error(c().call("touch", [](proto::XdrEncoder& e) { e.put(uint32_t{100}); }), "", msg);
  expect_alive();
}

// Stricter than the original on purpose (it decodes with libtirpc, which
// ignores trailing bytes, reads any non-zero bool as true and lets a NUL cut
// a string short, so "/etc/passwd\0x" would act on /etc/passwd). The library
// never sends any of these; a peer that does gets an error, not a guess.
TEST_F(Protocol, StrictArgumentDecoding) {
  const std::string msg = "daemon failed to decode procedure arguments";
  const int32_t ping = proto::find_action("ping_daemon")->proc;
  proto::Header h;
  h.proc = ping;
  h.serial = c().next_serial();
  expect_error(c().call_raw(h, std::string(8, '\x55')), "", msg);
  h.proc = proto::find_action("echo_daemon")->proc;
  h.serial = c().next_serial();
  expect_error(c().call_raw(h, encode_args(strs_arg({"a"})) + "junk"), "", msg);
  expect_error(c().call("is_file",
                        [](proto::XdrEncoder& e) {
                          e.put(std::string("/"));
                          e.put(uint32_t{2});
                        },
                        1),
               "", msg);
  expect_error(c().call("echo_daemon", strs_arg({std::string("a\0b", 3), "c"})), "", msg);
  expect_alive();
}

TEST_F(Protocol, BareCancelBetweenRequestsIsIgnored) {
  ASSERT_TRUE(c().send_word(proto::kCancelFlag));
  ASSERT_TRUE(c().send_word(proto::kCancelFlag));
  expect_alive();
  Reply r = c().call("echo_daemon", strs_arg({"still", "here"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "still here");
}

TEST_F(Protocol, OversizedLengthDropsConnectionThenNextClientIsServed) {
  ASSERT_TRUE(c().send_word(proto::kMessageMax + 1));
  EXPECT_TRUE(c().wait_eof(10000)) << "daemon kept the connection";
  ASSERT_TRUE(s_.reconnect());
  expect_alive();
}

TEST_F(Protocol, TruncatedFrameThenDisconnectThenNextClientIsServed) {
  const char partial[] = {0, 0, 0, 100, 0x20, 0, 0, 0x5c};  // promises 100 bytes, sends 4
  ASSERT_TRUE(c().send_raw(partial, sizeof partial));
  s_.disconnect();
  ASSERT_TRUE(s_.reconnect());
  expect_alive();
}

TEST_F(Protocol, UndecodableHeaderDropsConnection) {
  // A frame shorter than the 40-byte header cannot be a request.
  const unsigned char tiny[] = {0, 0, 0, 8, 0x20, 0x00, 0xf5, 0xf5, 0, 0, 0, 4};
  ASSERT_TRUE(c().send_raw(tiny, sizeof tiny));
  EXPECT_TRUE(c().wait_eof(10000)) << "daemon kept the connection";
  ASSERT_TRUE(s_.reconnect());
  expect_alive();
}

TEST(ProtocolNoRoot, PathnameNeedsRootMounted) {
  GFSD_REQUIRE_NAMESPACES();
  DaemonOptions o;
  o.mount_sysroot = false;
  Served s(o);
  ASSERT_TRUE(s.start());
  expect_error(s.client().call("touch", str_arg("/x")), "",
               "touch_stub: you must call 'mount' first to mount the root filesystem");
  // A relative path is reported before the missing root.
  expect_error(s.client().call("touch", str_arg("x")), "",
               "touch_stub: path must start with a / character");
}

TEST(ProtocolVerbose, LogsRequestAndTiming) {
  GFSD_REQUIRE_NAMESPACES();
  DaemonOptions o;
  o.verbose = true;
  Served s(o);
  ASSERT_TRUE(s.start());
  EXPECT_REPLY_OK(s.client().call("ping_daemon"));
  const std::string in = "guestfsd: <= ping_daemon (0x5c) request length 40 bytes";
  const std::string out = "guestfsd: => ping_daemon (0x5c) took 0.00 secs";
  // The timing line is written after the reply: give it a moment.
  std::string err;
  for (int i = 0; i < 200; ++i) {
    err = s.daemon().stderr_text();
    if (err.find(out) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(err.find(in + "\n"), std::string::npos) << err;
  EXPECT_NE(err.find(out + "\n"), std::string::npos) << err;
}

TEST(ProtocolVerbose, ErrorsAreLoggedEvenWhenQuiet) {
  GFSD_REQUIRE_NAMESPACES();
  Served s;
  ASSERT_TRUE(s.start());
  Reply r = s.client().call("touch", str_arg("rel"));
  ASSERT_FALSE(r.ok);
  std::string err;
  for (int i = 0; i < 200; ++i) {
    err = s.daemon().stderr_text();
    if (err.find("guestfsd: error: ") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(err.find("guestfsd: error: " + r.message), std::string::npos) << err;
  EXPECT_EQ(err.find("guestfsd: <= "), std::string::npos) << "request lines without -v: " << err;
}

}  // namespace
}  // namespace gfsd::test
