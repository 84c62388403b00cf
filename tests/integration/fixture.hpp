// A started daemon plus one connected client that has read the launch word.
//
// Environment knobs for the integration tests:
//   GFSD_TEST_DAEMON=/path/guestfsd  run them against another binary (e.g. the
//                                    original /usr/sbin/guestfsd, to check the
//                                    client; ours-only features then fail)
//   GFSD_SIDE_BY_SIDE_LOG=1          print every side-by-side step, equal or not
//   GUESTFSD_NO_SKIP=1               a missing prerequisite (root, unshare, the
//                                    original daemon, mke2fs, loop devices) fails
//                                    the test instead of skipping it; .ci/run and
//                                    tests/run-tests.sh set it, because CTest
//                                    counts a skip as a pass
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "integration/daemon_process.hpp"
#include "integration/test_client.hpp"

namespace gfsd::test {

// Whether GUESTFSD_NO_SKIP=1 turns a missing prerequisite into a failure.
inline bool skips_are_failures() {
  const char* v = std::getenv("GUESTFSD_NO_SKIP");
  return v && std::string(v) == "1";
}

// Skips the test because `why` (a missing prerequisite), or fails it under
// GUESTFSD_NO_SKIP=1. In a TEST body or SetUp (it returns from the function).
// Not for a skip whose premise is gone for good ("every action is implemented").
#define GFSD_SKIP_WITHOUT(why)                                                       \
  do {                                                                              \
    if (::gfsd::test::skips_are_failures())                                         \
      GTEST_FAIL() << "missing prerequisite, and GUESTFSD_NO_SKIP=1: " << (why);    \
    GTEST_SKIP() << (why);                                                           \
  } while (0)

#define GFSD_REQUIRE_NAMESPACES()                                                          \
  do {                                                                                     \
    if (!::gfsd::test::namespaces_available())                                             \
      GFSD_SKIP_WITHOUT("needs root and a working `unshare -m` for a private /sysroot");   \
  } while (0)

// The side-by-side reference: Debian's daemon at kOriginalDaemon. Missing, it
// is a missing prerequisite; replaced by ours (guestfsd-cpp installed in its
// place), the comparison would be ours against ours, so the test fails.
#define GFSD_REQUIRE_ORIGINAL()                                                             \
  do {                                                                                      \
    if (access(::gfsd::test::kOriginalDaemon, X_OK) != 0)                                   \
      GFSD_SKIP_WITHOUT(std::string(::gfsd::test::kOriginalDaemon) + " is not installed");  \
    if (::gfsd::test::original_daemon_is_ours())                                            \
      GTEST_FAIL() << ::gfsd::test::kOriginalDaemon                                         \
                   << " is this project's daemon (package guestfsd-cpp?): there is no "     \
                      "original to compare with; remove guestfsd-cpp, install guestfsd";    \
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
