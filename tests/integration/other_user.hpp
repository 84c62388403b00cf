// Parts of a test that run as another user (nobody): a child process drops
// to that user and does one thing, so a test can show what such a user can
// and cannot do to a daemon that runs as root.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gfsd::test {

struct OtherUser {
  uid_t uid;
  gid_t gid;
};

// The unprivileged account "nobody", if this system has one.
std::optional<OtherUser> nobody();

struct ChildRun {
  int exit_code = -1;  // -1: killed, timed out or could not start
  std::string output;  // its stdout and stderr together
};

// Forks, becomes user (groups, gid, uid) and runs body, whose return value
// is the exit code. body runs in the child of a process with threads: it may
// only make async-signal-safe calls (socket, connect, poll, read...).
ChildRun run_as(const OtherUser& user, const std::function<int()>& body, int timeout_ms = 30000);

// Runs binary with args as user, with a bare environment plus env. The
// binary is opened before the fork, so its directory need not be searchable
// by that user.
ChildRun exec_as(const OtherUser& user, const std::string& binary,
                 const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                 int timeout_ms = 30000);

// Makes dir searchable (not readable) by everyone, so that another user can
// reach a socket inside it: its own mode is then what a test checks.
bool open_for_traversal(const std::string& dir);

}  // namespace gfsd::test
