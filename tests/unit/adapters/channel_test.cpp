#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "adapters/transport/channel_sources.hpp"
#include "adapters/transport/fd_channel.hpp"

namespace gfsd::adapters {
namespace {

class RecordingLog final : public ports::Log {
 public:
  bool verbose() const override { return true; }
  void debug(const std::string& line) override { debug_lines.push_back(line); }
  void error(const std::string& line) override { error_lines.push_back(line); }
  std::vector<std::string> debug_lines;
  std::vector<std::string> error_lines;
};

// Reads exactly n bytes from a raw fd, giving up after a few seconds.
std::string read_exactly(int fd, size_t n) {
  std::string out;
  char buf[512];
  while (out.size() < n) {
    struct pollfd pfd {fd, POLLIN, 0};
    if (::poll(&pfd, 1, 5000) <= 0) break;
    const ssize_t r = ::read(fd, buf, std::min(sizeof buf, n - out.size()));
    if (r <= 0) break;
    out.append(buf, static_cast<size_t>(r));
  }
  return out;
}

std::string read_exactly(ports::Channel& ch, size_t n) {
  std::string out;
  char buf[512];
  while (out.size() < n) {
    if (!ch.readable(5000)) break;
    auto r = ch.read(buf, std::min(sizeof buf, n - out.size()));
    if (!r || *r == 0) break;
    out.append(buf, *r);
  }
  return out;
}

std::string all_bytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  return s;
}

struct SocketPair {
  int fds[2] = {-1, -1};
  SocketPair() { EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0); }
  ~SocketPair() {
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  }
};

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/gfsd-chan-XXXXXX";
    const char* p = ::mkdtemp(tmpl);
    EXPECT_NE(p, nullptr);
    path = p ? p : "";
  }
  ~TempDir() {
    // Only our own files live here.
    for (const char* name : {"sock", "file", "fifo"}) ::unlink((path + "/" + name).c_str());
    ::rmdir(path.c_str());
  }
};

int connect_to(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_un addr {};
  addr.sun_family = AF_UNIX;
  path.copy(addr.sun_path, sizeof addr.sun_path - 1);
  if (::connect(fd, reinterpret_cast<const struct sockaddr*>(&addr), sizeof addr) < 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

TEST(ChannelFd, ReadWriteAndEof) {
  SocketPair sp;
  FdChannel ch(sp.fds[0], false);
  ASSERT_TRUE(ch.write_all("hello", 5));
  EXPECT_EQ(read_exactly(sp.fds[1], 5), "hello");

  ASSERT_EQ(::write(sp.fds[1], "world", 5), 5);
  EXPECT_EQ(read_exactly(ch, 5), "world");

  ::close(sp.fds[1]);
  sp.fds[1] = -1;
  EXPECT_TRUE(ch.readable(1000));  // EOF counts as readable
  char c;
  auto r = ch.read(&c, 1);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 0u);
}

TEST(ChannelFd, ReadableOnlyWhenDataArrives) {
  SocketPair sp;
  FdChannel ch(sp.fds[0], false);
  EXPECT_FALSE(ch.readable(0));
  EXPECT_FALSE(ch.readable(20));
  ASSERT_EQ(::write(sp.fds[1], "x", 1), 1);
  EXPECT_TRUE(ch.readable(1000));
}

TEST(ChannelFd, LargeWriteIsComplete) {
  SocketPair sp;
  FdChannel ch(sp.fds[0], false);
  const std::string big(4 << 20, 'z');  // far beyond the socket buffer
  std::string got;
  std::thread reader([&] { got = read_exactly(sp.fds[1], big.size()); });
  const auto r = ch.write_all(big.data(), big.size());
  reader.join();
  EXPECT_TRUE(r) << r.error().message;
  EXPECT_EQ(got.size(), big.size());
  EXPECT_EQ(got, big);
}

TEST(ChannelFd, WriteToClosedPeerIsAnErrorNotASignal) {
  SocketPair sp;
  FdChannel ch(sp.fds[0], false);
  ::close(sp.fds[1]);
  sp.fds[1] = -1;
  auto r = ch.write_all("x", 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EPIPE);
}

TEST(ChannelFd, OwnedFdIsClosed) {
  SocketPair sp;
  const int fd = sp.fds[0];
  { FdChannel ch(fd, true); }
  sp.fds[0] = -1;
  EXPECT_EQ(::fcntl(fd, F_GETFD), -1);
}

TEST(ChannelSource, FdSpecGivesTheChannelOnce) {
  SocketPair sp;
  RecordingLog log;
  auto src = make_channel_source({"fd:" + std::to_string(sp.fds[0]), false}, log);
  ASSERT_TRUE(src) << src.error().message;
  sp.fds[0] = -1;  // the channel owns it now
  auto ch = (*src)->next();
  ASSERT_TRUE(ch);
  ASSERT_TRUE(*ch);
  ASSERT_TRUE((*ch)->write_all("ping", 4));
  EXPECT_EQ(read_exactly(sp.fds[1], 4), "ping");
  auto again = (*src)->next();
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
  ASSERT_FALSE(log.debug_lines.empty());
  EXPECT_NE(log.debug_lines.front().find("trying to open virtio-serial channel 'fd:"),
            std::string::npos);
}

TEST(ChannelSource, FdSpecMustParse) {
  RecordingLog log;
  for (const char* bad : {"fd:x", "fd:", "fd:3x", "fd:-1"}) {
    auto src = make_channel_source({bad, false}, log);
    ASSERT_FALSE(src) << bad;
    EXPECT_EQ(src.error().message, std::string("cannot parse --channel ") + bad);
  }
}

TEST(ChannelSource, FdSpecMustBeOpen) {
  RecordingLog log;
  auto src = make_channel_source({"fd:987654", false}, log);
  ASSERT_FALSE(src);
  EXPECT_EQ(src.error().errnum, EBADF);
}

TEST(ChannelSource, PathIsOpenedReadWrite) {
  TempDir dir;
  const std::string fifo = dir.path + "/fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  RecordingLog log;
  auto src = make_channel_source({fifo, false}, log);
  ASSERT_TRUE(src) << src.error().message;
  auto ch = (*src)->next();
  ASSERT_TRUE(ch && *ch);
  // A FIFO opened O_RDWR loops back to itself.
  ASSERT_TRUE((*ch)->write_all("loop", 4));
  EXPECT_EQ(read_exactly(**ch, 4), "loop");
  auto again = (*src)->next();
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
}

TEST(ChannelSource, MissingPathNamesThePath) {
  RecordingLog log;
  auto src = make_channel_source({"/nonexistent/gfsd-port", false}, log);
  ASSERT_FALSE(src);
  EXPECT_EQ(src.error().errnum, ENOENT);
  EXPECT_NE(src.error().message.find("/nonexistent/gfsd-port"), std::string::npos);
}

TEST(ChannelSource, DefaultPathIsTheVirtioPort) {
  RecordingLog log;
  auto src = make_channel_source({"", false}, log);
  ASSERT_FALSE(log.debug_lines.empty());
  EXPECT_EQ(log.debug_lines.front(),
            "trying to open virtio-serial channel '/dev/virtio-ports/org.libguestfs.channel.0'");
  if (!src) {
    EXPECT_NE(src.error().message.find("/dev/virtio-ports/org.libguestfs.channel.0"),
              std::string::npos);
  }
}

TEST(ChannelSource, ListenServesClientsOneAfterAnother) {
  TempDir dir;
  const std::string path = dir.path + "/sock";
  RecordingLog log;
  auto src = make_channel_source({path, true}, log);
  ASSERT_TRUE(src) << src.error().message;

  for (int round = 0; round < 2; ++round) {
    const std::string msg = "client " + std::to_string(round);
    const int client = connect_to(path);  // the backlog lets this succeed before accept
    ASSERT_GE(client, 0);
    auto ch = (*src)->next();
    ASSERT_TRUE(ch) << ch.error().message;
    ASSERT_TRUE(*ch);
    ASSERT_EQ(::write(client, msg.data(), msg.size()), static_cast<ssize_t>(msg.size()));
    EXPECT_EQ(read_exactly(**ch, msg.size()), msg);
    ASSERT_TRUE((*ch)->write_all("ack", 3));
    EXPECT_EQ(read_exactly(client, 3), "ack");
    ::close(client);
    char c;
    auto eof = (*ch)->read(&c, 1);
    ASSERT_TRUE(eof);
    EXPECT_EQ(*eof, 0u);
  }
}

// The channel runs every action as our user: nobody else may connect.
TEST(ChannelSource, ListenSocketIsOurUsersAlone) {
  TempDir dir;
  const std::string path = dir.path + "/sock";
  RecordingLog log;
  auto src = make_channel_source({path, true}, log);
  ASSERT_TRUE(src) << src.error().message;
  struct stat st {};
  ASSERT_EQ(::lstat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(st.st_uid, ::geteuid());
}

TEST(ChannelSource, ListenReplacesAStaleSocket) {
  TempDir dir;
  const std::string path = dir.path + "/sock";
  RecordingLog log;
  {
    auto first = make_channel_source({path, true}, log);
    ASSERT_TRUE(first) << first.error().message;
  }
  struct stat st {};
  ASSERT_EQ(::lstat(path.c_str(), &st), 0);
  ASSERT_TRUE(S_ISSOCK(st.st_mode));
  auto second = make_channel_source({path, true}, log);
  ASSERT_TRUE(second) << second.error().message;
  const int client = connect_to(path);
  EXPECT_GE(client, 0);
  if (client >= 0) ::close(client);
}

TEST(ChannelSource, ListenLeavesOtherFilesAlone) {
  TempDir dir;
  const std::string path = dir.path + "/file";
  const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  ::close(fd);
  RecordingLog log;
  auto src = make_channel_source({path, true}, log);
  ASSERT_FALSE(src);
  EXPECT_EQ(src.error().errnum, EADDRINUSE);
  struct stat st {};
  ASSERT_EQ(::lstat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
}

TEST(ChannelSource, ListenPathTooLong) {
  RecordingLog log;
  const std::string path = "/tmp/" + std::string(200, 'a');
  auto src = make_channel_source({path, true}, log);
  ASSERT_FALSE(src);
  EXPECT_EQ(src.error().message, path + ": socket path is too long");
}

TEST(ChannelSource, TtyPathBecomesRaw) {
  int master = -1, slave = -1;
  char name[256] = {};
  ASSERT_EQ(::openpty(&master, &slave, name, nullptr, nullptr), 0);
  struct termios before {};
  ASSERT_EQ(::tcgetattr(slave, &before), 0);
  ASSERT_TRUE(before.c_lflag & ICANON);  // a fresh pty is cooked

  RecordingLog log;
  auto src = make_channel_source({name, false}, log);
  ASSERT_TRUE(src) << src.error().message;
  auto ch = (*src)->next();
  ASSERT_TRUE(ch && *ch);

  struct termios after {};
  ASSERT_EQ(::tcgetattr(slave, &after), 0);
  EXPECT_FALSE(after.c_lflag & ICANON);
  EXPECT_FALSE(after.c_lflag & ECHO);
  EXPECT_FALSE(after.c_lflag & ISIG);
  EXPECT_FALSE(after.c_iflag & ICRNL);
  EXPECT_FALSE(after.c_oflag & OPOST);

  const std::string bytes = all_bytes();
  // library -> daemon
  ASSERT_EQ(::write(master, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  EXPECT_EQ(read_exactly(**ch, bytes.size()), bytes);
  // daemon -> library
  ASSERT_TRUE((*ch)->write_all(bytes.data(), bytes.size()));
  EXPECT_EQ(read_exactly(master, bytes.size()), bytes);
  // Nothing was echoed back to the library.
  struct pollfd pfd {master, POLLIN, 0};
  EXPECT_EQ(::poll(&pfd, 1, 50), 0);

  ch->reset();
  ::close(slave);
  ::close(master);
}

TEST(ChannelSource, TtyFdBecomesRaw) {
  int master = -1, slave = -1;
  ASSERT_EQ(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
  RecordingLog log;
  auto src = make_channel_source({"fd:" + std::to_string(slave), false}, log);
  ASSERT_TRUE(src) << src.error().message;
  struct termios after {};
  ASSERT_EQ(::tcgetattr(slave, &after), 0);
  EXPECT_FALSE(after.c_lflag & ICANON);
  EXPECT_FALSE(after.c_lflag & ECHO);
  src->reset();  // the channel owned and closed the slave
  ::close(master);
}

}  // namespace
}  // namespace gfsd::adapters
