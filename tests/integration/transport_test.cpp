// The daemon over each of its transports: a listening Unix socket, an
// inherited descriptor (`--channel fd:N`) and a tty standing in for a serial port.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "integration/fixture.hpp"

namespace gfsd::test {
namespace {

// Every byte value a tty line discipline could act on, and then some.
std::string awkward_bytes() {
  std::string s = "\x0a\x0d\x03\x04\x11\x13\x7f\xff\x1a\x1c\x15\x17\x12\x16\x0f\x08";
  for (int i = 1; i < 256; ++i) s += static_cast<char>(i);
  return s;
}

TEST(Transport, ListenSendsLaunchWordAndAnswersPing) {
  GFSD_REQUIRE_NAMESPACES();
  Served s;
  ASSERT_TRUE(s.start());
  Reply r = s.client().call("ping_daemon");
  ASSERT_REPLY_OK(r);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.hdr.serial, 0x123400u);
}

TEST(Transport, ListenServesSecondClientAfterFirstDisconnects) {
  GFSD_REQUIRE_NAMESPACES();
  Served s;
  ASSERT_TRUE(s.start());
  EXPECT_REPLY_OK(s.client().call("ping_daemon"));
  s.disconnect();
  ASSERT_TRUE(s.reconnect());
  Reply r = s.client().call("echo_daemon", strs_arg({"second", "client"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "second client");
}

TEST(Transport, ChannelFdN) {
  GFSD_REQUIRE_NAMESPACES();
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  DaemonOptions o;
  o.listen = false;
  o.channel = "fd:3";
  o.pass_fd = sv[1];
  DaemonProcess d(o);
  std::string why;
  const bool started = d.start(&why);
  close(sv[1]);
  TestClient c(sv[0]);
  ASSERT_TRUE(started) << why;
  ASSERT_TRUE(c.read_launch(&why)) << why << "; stderr: " << d.stderr_text();
  EXPECT_REPLY_OK(c.call("ping_daemon"));
  Reply r = c.call("echo_daemon", strs_arg({"over", "fd:3"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "over fd:3");
}

TEST(Transport, ChannelFdEofEndsDaemon) {
  GFSD_REQUIRE_NAMESPACES();
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  DaemonOptions o;
  o.listen = false;
  o.channel = "fd:3";
  o.pass_fd = sv[1];
  DaemonProcess d(o);
  std::string why;
  const bool started = d.start(&why);
  close(sv[1]);
  {
    TestClient c(sv[0]);
    ASSERT_TRUE(started) << why;
    ASSERT_TRUE(c.read_launch(&why)) << why;
    EXPECT_REPLY_OK(c.call("ping_daemon"));
  }
  // EOF on a channel that is not a listening socket means the library is gone.
  EXPECT_NE(d.wait_exit(10000), -1) << "daemon still running after EOF";
}

class PtyTransport : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    char name[64];
    ASSERT_EQ(openpty(&master_, &slave_, name, nullptr, nullptr), 0);
    fcntl(master_, F_SETFD, FD_CLOEXEC);
    fcntl(slave_, F_SETFD, FD_CLOEXEC);
    // The master side of a Linux pty is raw already, and tcsetattr() on it
    // would change the slave's modes. Leave the slave cooked (echo, ICRNL,
    // IXON, ISIG, OPOST) so that only the daemon can make it raw.
    termios t;
    ASSERT_EQ(tcgetattr(slave_, &t), 0);
    t.c_lflag |= ICANON | ECHO | ISIG | IEXTEN;
    t.c_iflag |= ICRNL | IXON;
    t.c_oflag |= OPOST | ONLCR;
    ASSERT_EQ(tcsetattr(slave_, TCSANOW, &t), 0);
    DaemonOptions o;
    o.listen = false;
    o.channel = name;
    daemon_ = std::make_unique<DaemonProcess>(o);
    std::string why;
    ASSERT_TRUE(daemon_->start(&why)) << why;
    client_ = std::make_unique<TestClient>(master_);
    master_ = -1;
    client_->set_timeout_ms(15000);
    ASSERT_TRUE(client_->read_launch(&why)) << why << "; stderr: " << daemon_->stderr_text();
  }
  void TearDown() override {
    client_.reset();
    daemon_.reset();
    if (master_ >= 0) close(master_);
    if (slave_ >= 0) close(slave_);
  }

  int master_ = -1;
  int slave_ = -1;  // kept open to inspect the modes the daemon set
  std::unique_ptr<DaemonProcess> daemon_;
  std::unique_ptr<TestClient> client_;
};

TEST_F(PtyTransport, DaemonPutsTtyInRawMode) {
  termios t;
  ASSERT_EQ(tcgetattr(slave_, &t), 0);
  EXPECT_EQ(t.c_lflag & (ICANON | ECHO | ISIG | IEXTEN), 0u);
  EXPECT_EQ(t.c_iflag & (ICRNL | INLCR | IGNCR | IXON | ISTRIP), 0u);
  EXPECT_EQ(t.c_oflag & OPOST, 0u);
}

TEST_F(PtyTransport, PingAndEchoControlBytes) {
  EXPECT_REPLY_OK(client_->call("ping_daemon"));
  // echo_daemon words are strings: every byte but NUL.
  const std::string word = awkward_bytes();
  Reply r = client_->call("echo_daemon", strs_arg({word, "\x0a\x0d", "\x03\x04\x11\x13\x7f\xff"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), word + " \x0a\x0d \x03\x04\x11\x13\x7f\xff");
}

TEST_F(PtyTransport, WriteAndDownloadEveryByteValue) {
  std::string content;
  for (int round = 0; round < 64; ++round)
    for (int i = 0; i < 256; ++i) content += static_cast<char>(i);
  Reply w = client_->call("internal_write", [&](proto::XdrEncoder& e) {
    e.put(std::string("/bytes"));
    e.put_bytes(content);
  });
  ASSERT_REPLY_OK(w);
  DownloadResult d = client_->download("download", str_arg("/bytes"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.ended);
  EXPECT_EQ(d.data.size(), content.size());
  EXPECT_TRUE(d.data == content);
}

TEST_F(PtyTransport, UploadEveryByteValue) {
  std::string content;
  for (int round = 0; round < 100; ++round)
    for (int i = 0; i < 256; ++i) content += static_cast<char>(255 - i);
  UploadResult u = client_->upload("upload", str_arg("/up"), content);
  ASSERT_REPLY_OK(u.reply);
  DownloadResult d = client_->download("download", str_arg("/up"));
  ASSERT_REPLY_OK(d.reply);
  EXPECT_TRUE(d.data == content);
}

}  // namespace
}  // namespace gfsd::test
