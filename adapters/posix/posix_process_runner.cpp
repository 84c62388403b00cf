#include "adapters/posix/posix_process_runner.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gfsd::adapters {

namespace {

struct Pipe {
  int r = -1, w = -1;
  bool open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) < 0) return false;
    r = fds[0];
    w = fds[1];
    return true;
  }
  ~Pipe() {
    if (r >= 0) ::close(r);
    if (w >= 0) ::close(w);
  }
  void close_w() {
    if (w >= 0) ::close(w);
    w = -1;
  }
};

// Only async-signal-safe calls between fork and exec.
[[noreturn]] void exec_child(const std::vector<std::string>& argv, const std::string& sysroot,
                             const ports::RunOptions& opts, int out_fd, int err_fd, int report_fd) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  ::signal(SIGPIPE, SIG_DFL);
  ::signal(SIGALRM, SIG_DFL);
  const int devnull = ::open("/dev/null", O_RDONLY);
  if (devnull >= 0) ::dup2(devnull, 0);
  ::dup2(opts.fold_stdout_on_stderr ? err_fd : out_fd, 1);
  ::dup2(err_fd, 2);
  int err = 0;
  if (opts.chroot_sysroot && !sysroot.empty() && ::chroot(sysroot.c_str()) < 0) err = errno;
  if (err == 0 && ::chdir("/") < 0) err = errno;
  if (err == 0) {
    ::execvp(args[0], args.data());
    err = errno;
  }
  (void)!::write(report_fd, &err, sizeof err);
  ::_exit(127);
}

}  // namespace

Result<ports::ProcessResult> PosixProcessRunner::run(const std::vector<std::string>& argv,
                                                     const ports::RunOptions& opts) {
  if (argv.empty()) return fail_with(EINVAL, "run: empty command");
  if (log_.verbose()) {
    std::string line = "commandrvf:";
    for (const auto& a : argv) line += " " + a;
    log_.debug(line);
  }
  Pipe out, err, report;
  if (!out.open() || !err.open() || !report.open()) return fail_errno(errno, "pipe");

  const pid_t pid = ::fork();
  if (pid < 0) return fail_errno(errno, "fork");
  if (pid == 0) exec_child(argv, sysroot_, opts, out.w, err.w, report.w);

  out.close_w();
  err.close_w();
  report.close_w();

  ports::ProcessResult res;
  pollfd fds[2] = {{out.r, POLLIN, 0}, {err.r, POLLIN, 0}};
  std::string* sinks[2] = {&res.out, &res.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  int exec_err = 0;
  if (::read(report.r, &exec_err, sizeof exec_err) == sizeof exec_err && exec_err != 0)
    return fail_errno(exec_err, argv[0]);

  res.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  while (!res.err.empty() && res.err.back() == '\n') res.err.pop_back();
  if (log_.verbose() && !res.err.empty()) log_.debug(res.err);
  return res;
}

}  // namespace gfsd::adapters
