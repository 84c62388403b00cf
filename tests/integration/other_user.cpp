#include "integration/other_user.hpp"

#include <fcntl.h>
#include <linux/close_range.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace gfsd::test {

namespace {

// Exit codes of a child that could not become the other user.
constexpr int kCannotDrop = 120;
constexpr int kCannotExec = 121;

// In the child: only async-signal-safe calls.
bool become(const OtherUser& user) {
  return ::setgroups(0, nullptr) == 0 && ::setgid(user.gid) == 0 && ::setuid(user.uid) == 0 &&
         ::chdir("/") == 0;
}

}  // namespace

// The child sends stdout and stderr to a pipe, becomes user and runs body;
// the parent collects the output until EOF or the deadline.
ChildRun run_as(const OtherUser& user, const std::function<int()>& body, int timeout_ms) {
  ChildRun run;
  int out[2];
  if (::pipe2(out, O_CLOEXEC) < 0) return run;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(out[0]);
    ::close(out[1]);
    return run;
  }
  if (pid == 0) {
    ::dup2(out[1], 1);
    ::dup2(out[1], 2);
    // Nothing the test process holds open (a daemon's channel...) may
    // reach what the other user runs.
    ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    if (!become(user)) ::_exit(kCannotDrop);
    ::_exit(body());
  }
  ::close(out[1]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  bool timed_out = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    struct pollfd p = {out[0], POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) < 0 && errno != EINTR) break;
    char buf[4096];
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) break;
    run.output.append(buf, static_cast<size_t>(n));
  }
  ::close(out[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!timed_out && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (run.exit_code == kCannotDrop) run.output += "[the child could not become the other user]";
  if (run.exit_code == kCannotExec) run.output += "[the child could not exec]";
  return run;
}

std::optional<OtherUser> nobody() {
  const struct passwd* pw = ::getpwnam("nobody");
  if (!pw || pw->pw_uid == 0) return std::nullopt;
  return OtherUser{pw->pw_uid, pw->pw_gid};
}

ChildRun exec_as(const OtherUser& user, const std::string& binary,
                 const std::vector<std::string>& args, const std::vector<std::string>& env,
                 int timeout_ms) {
  // Everything the child needs is built here, before the fork.
  const int exe = ::open(binary.c_str(), O_RDONLY | O_CLOEXEC);
  if (exe < 0) return ChildRun{-1, "cannot open " + binary};
  std::vector<std::string> words = {binary};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<std::string> environment = {"PATH=/usr/bin:/bin", "LC_ALL=C"};
  environment.insert(environment.end(), env.begin(), env.end());
  std::vector<char*> argv, envp;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  for (auto& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  ChildRun run = run_as(
      user,
      [&] {
        ::fexecve(exe, argv.data(), envp.data());
        return kCannotExec;
      },
      timeout_ms);
  ::close(exe);
  return run;
}

bool open_for_traversal(const std::string& dir) { return ::chmod(dir.c_str(), 0711) == 0; }

}  // namespace gfsd::test
