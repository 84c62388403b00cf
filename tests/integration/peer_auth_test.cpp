// --listen serves only the daemon's own user: its socket has mode 0600, and
// a client of another uid (SO_PEERCRED) is hung up on and logged, even when
// the socket's mode would let it in. The daemon then serves the next client.
#include <gtest/gtest.h>

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "integration/fixture.hpp"
#include "integration/other_user.hpp"

namespace gfsd::test {
namespace {

// What a client saw when it tried the daemon's socket.
enum Seen {
  kConnectDenied = 10,  // connect: EACCES (the socket's mode)
  kHungUp = 11,         // connected, then EOF before any byte
  kServed = 12,         // the daemon talked to it (sent the launch word)
  kOtherError = 13,
};

// As the other user: connect to path and wait for the daemon's first bytes.
// Async-signal-safe calls only (it runs in a forked child).
int try_channel(const char* path) {
  struct sockaddr_un addr {};
  addr.sun_family = AF_UNIX;
  for (size_t i = 0; path[i] && i + 1 < sizeof addr.sun_path; ++i) addr.sun_path[i] = path[i];
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return kOtherError;
  if (::connect(fd, reinterpret_cast<const struct sockaddr*>(&addr), sizeof addr) < 0)
    return errno == EACCES ? kConnectDenied : kOtherError;
  struct pollfd p = {fd, POLLIN, 0};
  if (::poll(&p, 1, 20000) <= 0) return kOtherError;
  char c;
  const ssize_t n = ::read(fd, &c, 1);
  if (n == 0 || (n < 0 && errno == ECONNRESET)) return kHungUp;
  return n == 1 ? kServed : kOtherError;
}

class ListenPeerCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    const auto user = nobody();
    ASSERT_TRUE(user) << "this test needs the account 'nobody'";
    nobody_ = *user;
    ASSERT_TRUE(s_.start());
    const std::string dir = std::filesystem::path(s_.daemon().socket_path()).parent_path();
    ASSERT_TRUE(open_for_traversal(dir));
  }

  int nobody_tries() {
    const std::string path = s_.daemon().socket_path();
    const ChildRun run = run_as(nobody_, [&] { return try_channel(path.c_str()); });
    return run.exit_code;
  }

  OtherUser nobody_{};
  Served s_;
};

TEST_F(ListenPeerCheck, SocketHasModeSixHundred) {
  struct stat st {};
  ASSERT_EQ(::stat(s_.daemon().socket_path().c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(st.st_uid, ::geteuid());
}

TEST_F(ListenPeerCheck, AnotherUserCannotConnectThroughTheMode) {
  s_.disconnect();
  EXPECT_EQ(nobody_tries(), kConnectDenied);
  ASSERT_TRUE(s_.reconnect());
  EXPECT_REPLY_OK(s_.client().call("ping_daemon"));
}

// Even with the mode widened the uid decides: the other user is hung up on
// and logged, and the owner who comes next is served.
TEST_F(ListenPeerCheck, AnotherUserIsRefusedByUidAndTheNextClientServed) {
  s_.disconnect();
  ASSERT_EQ(::chmod(s_.daemon().socket_path().c_str(), 0666), 0);
  EXPECT_EQ(nobody_tries(), kHungUp);
  EXPECT_NE(s_.daemon().stderr_text().find("refused a client on '" + s_.daemon().socket_path() +
                                           "' from uid " + std::to_string(nobody_.uid)),
            std::string::npos)
      << s_.daemon().stderr_text();
  EXPECT_TRUE(s_.daemon().running());
  ASSERT_TRUE(s_.reconnect());
  Reply r = s_.client().call("echo_daemon", strs_arg({"owner", "served"}));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "owner served");
}

}  // namespace
}  // namespace gfsd::test
