// Faults over a real socket: peers that vanish in the middle of a file
// transfer, cancels in both directions, malformed frames and a full disk.
// Each must end in a clear error reply or a clean close, the daemon must
// serve the next request or client, and nothing may stay behind: the
// daemon's descriptors (/proc/<pid>/fd), its mounts (/proc/<pid>/mountinfo)
// and the files in its sysroot are compared with a snapshot taken before.
// The replies themselves are checked in protocol_test.cpp and
// file_transfer_test.cpp; where the original daemon can be run, what the
// client sees is compared with it.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "integration/fixture.hpp"
#include "proto/action_table.hpp"
#include "proto/frame.hpp"

namespace gfsd::test {
namespace {

namespace fs = std::filesystem;

const char kBitmaskMessage[] =
    "header optargs_bitmask field must be passed as 0 for calls that don't take optional "
    "arguments";

// What the daemon holds that a fault could leak.
struct Resources {
  std::multiset<std::string> fds;  // what each descriptor names, socket inodes left out
  std::string mounts;              // /proc/<pid>/mountinfo
  std::set<std::string> files;     // every path under the sysroot

  std::string describe() const {
    std::ostringstream o;
    o << "fds:";
    for (const auto& f : fds) o << " " << f;
    o << "\nfiles:";
    for (const auto& f : files) o << " " << f;
    o << "\nmounts:\n" << mounts;
    return o.str();
  }
};

// "socket:[123]" -> "socket:": a new client has a new socket inode.
std::string without_inode(const std::string& link) {
  const size_t bracket = link.find(":[");
  return bracket == std::string::npos ? link : link.substr(0, bracket + 1);
}

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  std::ostringstream o;
  o << f.rdbuf();
  return o.str();
}

Resources snapshot(const DaemonProcess& d) {
  Resources r;
  const std::string proc = "/proc/" + std::to_string(d.pid());
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(proc + "/fd", ec))
    r.fds.insert(without_inode(fs::read_symlink(e.path(), ec).string()));
  r.mounts = slurp(proc + "/mountinfo");
  const std::string root = d.host_path("");
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec))
    r.files.insert(it->path().string().substr(root.size()));
  return r;
}

std::string chunk_frame(const std::string& data, bool cancel = false) {
  std::string buf(proto::kMaxChunkSize + 16, '\0');
  buf.resize(proto::encode_chunk(buf.data(), cancel, data.data(), data.size()));
  return buf;
}

bool write_host_file(const std::string& path, size_t size) {
  std::ofstream f(path, std::ios::binary);
  const std::string block(1 << 16, 'd');
  for (size_t done = 0; done < size; done += block.size())
    f.write(block.data(), static_cast<std::streamsize>(std::min(block.size(), size - done)));
  return static_cast<bool>(f);
}

// The reply as the library would see it, for comparisons with the original.
std::string seen(const Reply& r) {
  if (!r.problem.empty()) return "PROBLEM " + r.problem;
  if (r.ok) return "OK";
  return "ERROR errno=" + r.err + " message=" + r.message;
}

std::string seen(const UploadResult& u) {
  return seen(u.reply) + (u.daemon_cancelled ? " (daemon cancelled)" : "");
}

class Fault : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    ASSERT_TRUE(s_.start());
    // One of everything first, so that whatever the daemon opens once and
    // keeps (the mount table, say) is in the snapshot already.
    ASSERT_REPLY_OK(c().call("ping_daemon"));
    ASSERT_REPLY_OK(c().call("touch", str_arg("/warm")));
    ASSERT_REPLY_OK(c().upload("upload", str_arg("/warm"), std::string(20000, 'w')).reply);
    ASSERT_REPLY_OK(c().download("download", str_arg("/warm")).reply);
    ASSERT_REPLY_OK(c().call("rm", str_arg("/warm")));
    before_ = snapshot(s_.daemon());
  }

  TestClient& c() { return s_.client(); }

  // A new client gets served, and the daemon holds what it held before.
  // `files` are the sysroot entries the test expects to exist now.
  void expect_clean(const std::set<std::string>& files = {}) {
    ASSERT_TRUE(s_.reconnect());
    ASSERT_REPLY_OK(c().call("ping_daemon"));
    Resources now = snapshot(s_.daemon());
    for (const auto& f : files) EXPECT_EQ(now.files.erase(f), 1u) << f << " is missing";
    EXPECT_EQ(now.fds, before_.fds) << "before:\n" << before_.describe() << "\nnow:\n" << now.describe();
    EXPECT_EQ(now.mounts, before_.mounts);
    EXPECT_EQ(now.files, before_.files) << "files left behind:\n" << now.describe();
  }

  // Sends an upload request for `path` and the first `chunks` data chunks.
  void start_upload(const std::string& path, int chunks, uint64_t optargs = 0) {
    proto::Header h;
    h.proc = proto::find_action("upload")->proc;
    h.serial = c().next_serial();
    h.optargs_bitmask = optargs;
    ASSERT_TRUE(c().send_frame(h, encode_args(str_arg(path))));
    for (int i = 0; i < chunks; ++i) {
      const std::string f = chunk_frame(std::string(proto::kMaxChunkSize, 'u'));
      ASSERT_TRUE(c().send_raw(f.data(), f.size()));
    }
  }

  Served s_;
  Resources before_;
};

TEST_F(Fault, ClientGoneRightAfterTheUploadRequest) {
  start_upload("/up", 0);
  s_.disconnect();
  // The file was opened (and truncated) before the stream ended, as stock does.
  expect_clean({"/up"});
}

TEST_F(Fault, ClientGoneInTheMiddleOfAnUpload) {
  start_upload("/up", 3);
  s_.disconnect();
  expect_clean({"/up"});
  // The next client uploads the same file completely.
  const std::string data(50000, 'n');
  ASSERT_REPLY_OK(c().upload("upload", str_arg("/up"), data).reply);
  DownloadResult d = c().download("download", str_arg("/up"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.data == data);
}

TEST_F(Fault, ClientGoneInTheMiddleOfAChunk) {
  start_upload("/up", 1);
  const std::string f = chunk_frame(std::string(proto::kMaxChunkSize, 'h'));
  ASSERT_TRUE(c().send_raw(f.data(), f.size() / 2));
  s_.disconnect();
  expect_clean({"/up"});
}

TEST_F(Fault, ClientGoneWhileTheDaemonDrainsACancelledUpload) {
  // The daemon cancels (no such directory) and drains; the peer vanishes then.
  start_upload("/nodir/up", 2);
  s_.disconnect();
  expect_clean();
}

TEST_F(Fault, ClientGoneInTheMiddleOfADownload) {
  ASSERT_TRUE(write_host_file(s_.daemon().host_path("/big"), 8 << 20));
  DownloadOptions o;
  const int fd = c().fd();
  o.on_chunk = [fd](size_t i) {
    if (i == 2) shutdown(fd, SHUT_RDWR);
  };
  DownloadResult d = c().download("download", str_arg("/big"), o);
  EXPECT_TRUE(d.reply.ok) << describe(d.reply);  // the reply came, then the stream broke off
  EXPECT_FALSE(d.ended);
  s_.disconnect();
  expect_clean({"/big"});
}

TEST_F(Fault, ClientGoneBeforeReadingTheDownloadReply) {
  ASSERT_TRUE(write_host_file(s_.daemon().host_path("/big"), 8 << 20));
  proto::Header h;
  h.proc = proto::find_action("download")->proc;
  h.serial = c().next_serial();
  ASSERT_TRUE(c().send_frame(h, encode_args(str_arg("/big"))));
  s_.disconnect();
  expect_clean({"/big"});
}

TEST_F(Fault, CancelsInBothDirectionsLeaveNothingOpen) {
  ASSERT_TRUE(write_host_file(s_.daemon().host_path("/big"), 4 << 20));
  UploadOptions first;
  first.cancel_after = 0;  // the cancel chunk is the first chunk
  UploadResult u = c().upload("upload", str_arg("/u0"), std::string(30000, 'x'), first);
  EXPECT_EQ(seen(u.reply), "ERROR errno= message=file upload cancelled");
  UploadOptions later;
  later.cancel_after = 2;
  u = c().upload("upload", str_arg("/u2"), std::string(100000, 'x'), later);
  EXPECT_EQ(seen(u.reply), "ERROR errno= message=file upload cancelled");
  u = c().upload("upload", str_arg("/nodir/u"), std::string(100000, 'x'));
  EXPECT_TRUE(u.daemon_cancelled);
  EXPECT_EQ(seen(u.reply), "ERROR errno=ENOENT message=/nodir/u: No such file or directory");
  for (int after : {0, 3}) {
    DownloadOptions o;
    o.cancel_after = after;
    DownloadResult d = c().download("download", str_arg("/big"), o);
    ASSERT_REPLY_OK(d.reply);
    EXPECT_TRUE(d.cancel_chunk) << "cancel after " << after;
  }
  EXPECT_REPLY_OK(c().call("ping_daemon"));
  expect_clean({"/big", "/u0", "/u2"});
}

TEST_F(Fault, ProtocolFaultsLeaveNothingOpen) {
  const int32_t ping = proto::find_action("ping_daemon")->proc;
  // Each of these ends the connection: the peer is out of step.
  ASSERT_TRUE(c().send_word(proto::kMessageMax + 1));
  EXPECT_TRUE(c().wait_eof(10000)) << "oversized length word";
  ASSERT_TRUE(s_.reconnect());
  const unsigned char tiny[] = {0, 0, 0, 8, 0x20, 0x00, 0xf5, 0xf5, 0, 0, 0, 4};
  ASSERT_TRUE(c().send_raw(tiny, sizeof tiny));
  EXPECT_TRUE(c().wait_eof(10000)) << "frame shorter than a header";
  ASSERT_TRUE(s_.reconnect());
  ASSERT_TRUE(c().send_word(1000));
  ASSERT_TRUE(c().send_raw("\x20\x00\xf5\xf5", 4));
  s_.disconnect();  // truncated frame
  ASSERT_TRUE(s_.reconnect());

  // These get an error reply and the connection goes on.
  proto::Header h;
  h.proc = ping;
  h.prog = 0x20001234;
  h.serial = c().next_serial();
  EXPECT_FALSE(c().call_raw(h, "").ok);
  h = {};
  h.proc = ping;
  h.vers = 3;
  h.serial = c().next_serial();
  EXPECT_FALSE(c().call_raw(h, "").ok);
  EXPECT_FALSE(c().call_proc(9999).ok);
  EXPECT_FALSE(c().call("ping_daemon", {}, 0xdeadbeef).ok);
  EXPECT_FALSE(c().call("is_file", [](proto::XdrEncoder& e) {
                    e.put(std::string("/"));
                    e.put(false);
                  }, ~uint64_t{0}).ok);
  EXPECT_FALSE(c().call("touch", [](proto::XdrEncoder& e) { e.put(uint32_t{1000}); }).ok);
  EXPECT_REPLY_OK(c().call("ping_daemon"));
  expect_clean();
}

// The upload's stream must be drained even when the header is what is wrong.
TEST_F(Fault, GarbageOptargsBitmaskOnAnUploadDrainsTheStream) {
  UploadOptions o;
  o.optargs = 0xff;
  UploadResult u = c().upload("upload", str_arg("/bits"), std::string(50000, 'b'), o);
  EXPECT_EQ(seen(u), std::string("ERROR errno= message=") + kBitmaskMessage + " (daemon cancelled)");
  Reply r = c().call("echo_daemon", strs_arg({"in", "step"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "in step");
  expect_clean();
}

// A tmpfs of 256 KiB as the sysroot: an upload of 1 MiB runs out of space.
class DiskFull : public ::testing::Test {
 protected:
  static DaemonOptions small_root(const char* binary) {
    DaemonOptions o;
    o.binary = binary;
    o.sysroot_size = "256k";
    return o;
  }
};

TEST_F(DiskFull, UploadFailsCleanlyAndTheNextOneWorks) {
  GFSD_REQUIRE_NAMESPACES();
  Served s(small_root(our_daemon()));
  ASSERT_TRUE(s.start());
  ASSERT_REPLY_OK(s.client().call("ping_daemon"));
  ASSERT_REPLY_OK(s.client().upload("upload", str_arg("/warm"), "w").reply);
  ASSERT_REPLY_OK(s.client().call("rm", str_arg("/warm")));
  const Resources before = snapshot(s.daemon());

  UploadResult u = s.client().upload("upload", str_arg("/big"), std::string(1 << 20, 'f'));
  EXPECT_EQ(seen(u), "ERROR errno= message=write error: /big (daemon cancelled)");
  // The partial file stays, as with stock; removing it frees the space.
  ASSERT_REPLY_OK(s.client().call("rm", str_arg("/big")));
  const std::string small(100000, 's');
  ASSERT_REPLY_OK(s.client().upload("upload", str_arg("/small"), small).reply);
  DownloadResult d = s.client().download("download", str_arg("/small"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.data == small);
  ASSERT_REPLY_OK(s.client().call("rm", str_arg("/small")));

  const Resources now = snapshot(s.daemon());
  EXPECT_EQ(now.fds, before.fds) << now.describe();
  EXPECT_EQ(now.mounts, before.mounts);
  EXPECT_EQ(now.files, before.files) << now.describe();
}

// What the client sees, against the original daemon: a full disk, a bitmask
// on an upload, and the frames that make both daemons close the connection.
TEST_F(DiskFull, SameAsTheOriginal) {
  GFSD_REQUIRE_NAMESPACES();
  GFSD_REQUIRE_ORIGINAL();
  auto run = [](const char* binary) {
    std::vector<std::string> out;
    {
      Served s(small_root(binary));
      if (!s.start()) return std::vector<std::string>{"could not start " + std::string(binary)};
      TestClient& c = s.client();
      out.push_back(seen(c.upload("upload", str_arg("/big"), std::string(1 << 20, 'f'))));
      out.push_back(seen(c.call("rm", str_arg("/big"))));
      UploadOptions o;
      o.optargs = 1;
      out.push_back(seen(c.upload("upload", str_arg("/bits"), std::string(30000, 'b'), o)));
      out.push_back(seen(c.call("ping_daemon")));
      c.send_word(proto::kMessageMax + 1);
      out.push_back(c.wait_eof(10000) ? "closed" : "still open");
    }
    {
      Served s(small_root(binary));
      if (!s.start()) return std::vector<std::string>{"could not start " + std::string(binary)};
      const unsigned char tiny[] = {0, 0, 0, 8, 0x20, 0x00, 0xf5, 0xf5, 0, 0, 0, 4};
      s.client().send_raw(tiny, sizeof tiny);
      out.push_back(s.client().wait_eof(10000) ? "closed" : "still open");
    }
    return out;
  };
  const auto want = run(kOriginalDaemon);
  const auto got = run(our_daemon());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << "step " << i;
}

}  // namespace
}  // namespace gfsd::test
