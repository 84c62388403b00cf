// FileIn and FileOut streams (protocol.md §1.9, §1.10): chunking, both
// directions of cancel, and progress messages, against a tmpfs /sysroot.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

#include "integration/fixture.hpp"
#include "proto/action_table.hpp"
#include "proto/frame.hpp"

namespace gfsd::test {
namespace {

std::string random_bytes(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& ch : s) ch = static_cast<char>(gen());
  return s;
}

// FNV-1a: enough to compare two payloads in a failure message.
uint64_t checksum(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
  return h;
}

ArgsFn write_args(const std::string& path, const std::string& content) {
  return [path, content](proto::XdrEncoder& e) {
    e.put(path);
    e.put_bytes(content);
  };
}

class FileTransfer : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    ASSERT_TRUE(s_.start());
  }
  TestClient& c() { return s_.client(); }

  Served s_;
};

TEST_F(FileTransfer, InternalWriteThenDownload) {
  const std::string content = "hello\nworld\n";
  ASSERT_REPLY_OK(c().call("internal_write", write_args("/hello", content)));
  DownloadResult d = c().download("download", str_arg("/hello"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.ended);
  EXPECT_EQ(d.chunks, 1u);
  EXPECT_EQ(d.data, content);
}

TEST_F(FileTransfer, DownloadOfEmptyFileIsJustTheEndChunk) {
  ASSERT_REPLY_OK(c().call("internal_write", write_args("/empty", "")));
  DownloadResult d = c().download("download", str_arg("/empty"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.ended);
  EXPECT_EQ(d.chunks, 0u);
}

TEST_F(FileTransfer, UploadThenDownloadRoundTrip) {
  const std::string data = random_bytes(100 * 1024 + 123, 1);  // not a multiple of 8192
  UploadOptions o;
  o.progress_hint = data.size();
  UploadResult u = c().upload("upload", str_arg("/blob"), data, o);
  ASSERT_REPLY_OK(u.reply);
  EXPECT_FALSE(u.daemon_cancelled);
  EXPECT_EQ(u.chunks_sent, (data.size() + 8191) / 8192);
  Reply sz = c().call("filesize", str_arg("/blob"));
  ASSERT_REPLY_OK(sz);
  EXPECT_EQ(as_int64(sz), static_cast<int64_t>(data.size()));
  DownloadResult d = c().download("download", str_arg("/blob"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.ended);
  EXPECT_EQ(d.data.size(), data.size());
  EXPECT_EQ(checksum(d.data), checksum(data));
}

TEST_F(FileTransfer, UploadInSmallUnevenChunks) {
  const std::string data = random_bytes(10000, 2);
  UploadOptions o;
  o.chunk_size = 333;
  UploadResult u = c().upload("upload", str_arg("/small"), data, o);
  ASSERT_REPLY_OK(u.reply);
  DownloadResult d = c().download("download", str_arg("/small"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.data == data);
}

TEST_F(FileTransfer, UploadToMissingParentIsCancelledByDaemon) {
  const std::string data = random_bytes(64 * 1024, 3);
  UploadResult u = c().upload("upload", str_arg("/nodir/file"), data);
  ASSERT_TRUE(u.reply.problem.empty()) << u.reply.problem;
  EXPECT_TRUE(u.daemon_cancelled) << "no CANCEL word from the daemon";
  EXPECT_FALSE(u.reply.ok);
  EXPECT_EQ(u.reply.err, "ENOENT");
  EXPECT_EQ(u.reply.message, "/nodir/file: No such file or directory");
  EXPECT_REPLY_OK(c().call("ping_daemon"));
}

TEST_F(FileTransfer, UploadWithBadPathIsDrainedBeforeTheError) {
  // Rejected by the argument checks, before the stream is read.
  UploadResult u = c().upload("upload", str_arg("relative"), random_bytes(20000, 4));
  ASSERT_TRUE(u.reply.problem.empty()) << u.reply.problem;
  EXPECT_TRUE(u.daemon_cancelled);
  EXPECT_FALSE(u.reply.ok);
  EXPECT_EQ(u.reply.message, "upload_stub: path must start with a / character");
  EXPECT_REPLY_OK(c().call("ping_daemon"));
}

TEST_F(FileTransfer, UploadCancelledByClient) {
  const std::string data = random_bytes(100 * 1024, 5);
  UploadOptions o;
  o.cancel_after = 3;
  UploadResult u = c().upload("upload", str_arg("/cancelled"), data, o);
  ASSERT_TRUE(u.reply.problem.empty()) << u.reply.problem;
  EXPECT_EQ(u.chunks_sent, 3u);
  EXPECT_FALSE(u.reply.ok);
  EXPECT_EQ(u.reply.message, "file upload cancelled");
  Reply r = c().call("echo_daemon", strs_arg({"next"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "next");
}

TEST_F(FileTransfer, DownloadCancelledByClient) {
  const std::string data = random_bytes(1024 * 1024, 6);
  ASSERT_REPLY_OK(c().upload("upload", str_arg("/big"), data).reply);
  DownloadOptions o;
  o.cancel_after = 3;
  DownloadResult d = c().download("download", str_arg("/big"), o);
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.cancel_chunk) << "expected the daemon to end with a cancel chunk";
  EXPECT_FALSE(d.ended);
  EXPECT_LT(d.chunks, data.size() / 8192);
  Reply r = c().call("echo_daemon", strs_arg({"after", "cancel"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "after cancel");
}

TEST_F(FileTransfer, DownloadOfMissingFileIsAnErrorWithoutChunks) {
  DownloadResult d = c().download("download", str_arg("/missing"));
  ASSERT_TRUE(d.reply.problem.empty()) << d.reply.problem;
  EXPECT_FALSE(d.reply.ok);
  EXPECT_EQ(d.reply.err, "ENOENT");
  EXPECT_EQ(d.reply.message, "/missing: No such file or directory");
  EXPECT_REPLY_OK(c().call("ping_daemon"));
}

TEST_F(FileTransfer, ProgressMessagesOnSlowDownload) {
  const size_t total = 64 * 1024 * 1024;
  // Made by upload so that the test needs no other action.
  ASSERT_REPLY_OK(c().upload("upload", str_arg("/huge"), std::string(total, '\0')).reply);
  c().clear_progress();
  const auto start = std::chrono::steady_clock::now();
  DownloadOptions opts;
  // Stall early so that the daemon blocks on a full socket past the 2 s
  // quiet period; from then on it reports progress.
  opts.on_chunk = [](size_t i) {
    if (i == 4) std::this_thread::sleep_for(std::chrono::milliseconds(3200));
  };
  DownloadResult d = c().download("download", str_arg("/huge"), opts);
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.ended);
  EXPECT_EQ(d.data.size(), total);
  EXPECT_GT(secs, 3.0);
  const auto& p = c().progress();
  ASSERT_FALSE(p.empty()) << "no progress message";
  for (const auto& m : p) {
    EXPECT_EQ(m.proc, proto::find_action("download")->proc);
    EXPECT_EQ(m.serial, c().last_serial());
    EXPECT_EQ(m.total, total);
    EXPECT_LE(m.position, m.total);
  }
  EXPECT_EQ(p.back().position, total);
}

TEST_F(FileTransfer, NoProgressOnFastDownload) {
  ASSERT_REPLY_OK(c().call("internal_write", write_args("/quick", random_bytes(50000, 7))));
  c().clear_progress();
  DownloadResult d = c().download("download", str_arg("/quick"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(c().progress().empty());
}

}  // namespace
}  // namespace gfsd::test
