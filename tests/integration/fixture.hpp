// A started daemon plus one connected client that has read the launch word.
//
// Environment knobs for the integration tests:
//   GFSD_TEST_DAEMON=/path/guestfsd  run them against another binary (e.g. the
//                                    original /usr/sbin/guestfsd, to check the
//                                    client; ours-only features then fail)
//   GFSD_SIDE_BY_SIDE_LOG=1          print every side-by-side step, equal or not
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "integration/daemon_process.hpp"
#include "integration/test_client.hpp"

namespace gfsd::test {

#define GFSD_REQUIRE_NAMESPACES()                                                     \
  do {                                                                                \
    if (!::gfsd::test::namespaces_available())                                        \
      GTEST_SKIP() << "needs root and a working `unshare -m` for a private /sysroot"; \
  } while (0)

class Served {
 public:
  explicit Served(DaemonOptions opts = {}) : daemon_(std::move(opts)) {}

  // Starts the daemon and connects the first client.
  ::testing::AssertionResult start() {
    std::string why;
    if (!daemon_.start(&why)) return ::testing::AssertionFailure() << why;
    return reconnect();
  }

  // Drops the current client and connects a new one (listen mode).
  ::testing::AssertionResult reconnect() {
    client_.reset();
    client_ = TestClient::connect_unix(daemon_.socket_path());
    if (!client_)
      return ::testing::AssertionFailure() << "cannot connect to " << daemon_.socket_path()
                                           << "; daemon stderr: " << daemon_.stderr_text();
    std::string why;
    if (!client_->read_launch(&why))
      return ::testing::AssertionFailure() << why << "; daemon stderr: " << daemon_.stderr_text();
    return ::testing::AssertionSuccess();
  }

  void disconnect() { client_.reset(); }
  TestClient& client() { return *client_; }
  DaemonProcess& daemon() { return daemon_; }

 private:
  DaemonProcess daemon_;
  std::unique_ptr<TestClient> client_;
};

// Asserts an OK reply, printing the error otherwise. `expr` is evaluated once.
#define EXPECT_REPLY_OK(expr)                                  \
  do {                                                         \
    const ::gfsd::test::Reply& gfsd_reply_ = (expr);           \
    EXPECT_TRUE(gfsd_reply_.problem.empty() && gfsd_reply_.ok) \
        << ::gfsd::test::describe(gfsd_reply_);                \
  } while (0)
#define ASSERT_REPLY_OK(expr)                                  \
  do {                                                         \
    const ::gfsd::test::Reply& gfsd_reply_ = (expr);           \
    ASSERT_TRUE(gfsd_reply_.problem.empty() && gfsd_reply_.ok) \
        << ::gfsd::test::describe(gfsd_reply_);                \
  } while (0)

}  // namespace gfsd::test
