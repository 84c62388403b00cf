#include "adapters/posix/posix_process_runner.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "adapters/posix/sysroot_paths.hpp"

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
    close_r();
    close_w();
  }
  void close_r() {
    if (r >= 0) ::close(r);
    r = -1;
  }
  void close_w() {
    if (w >= 0) ::close(w);
    w = -1;
  }
};

// Everything the child needs, built before fork(): after it, in a process
// that may have other threads (the gRPC console's), the child must not
// allocate or take a lock until exec.
struct ExecPlan {
  std::vector<char*> args;              // argv, null-terminated
  std::vector<std::string> candidates;  // where execvp would look, in its order
  std::vector<const char*> candidate_ptrs;
};

// The execvp(3) search done in the parent: argv[0] itself when it holds a '/',
// else each $PATH directory in turn (an empty entry is the working directory).
// With chroot the names are looked up inside the sysroot, as execvp would there.
ExecPlan plan_exec(const std::vector<std::string>& argv) {
  ExecPlan plan;
  for (const auto& a : argv) plan.args.push_back(const_cast<char*>(a.c_str()));
  plan.args.push_back(nullptr);
  const std::string& prog = argv[0];
  if (prog.find('/') != std::string::npos) {
    plan.candidates.push_back(prog);
  } else {
    const char* env = ::getenv("PATH");
    const std::string path = env ? env : "/bin:/usr/bin";
    size_t start = 0;
    for (;;) {
      const size_t colon = path.find(':', start);
      const std::string dir = path.substr(start, colon == std::string::npos ? colon : colon - start);
      plan.candidates.push_back((dir.empty() ? "." : dir) + "/" + prog);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  for (const auto& c : plan.candidates) plan.candidate_ptrs.push_back(c.c_str());
  return plan;
}

// Between fork and exec: only async-signal-safe calls, and nothing allocated
// (the plan was built by the parent). in_fd < 0: /dev/null. keep_fds: resolved
// guest paths, inherited across exec; cwd_fd >= 0: the directory to start in.
[[noreturn]] void exec_child(const ExecPlan& plan, const std::string& sysroot,
                             const ports::RunOptions& opts, int in_fd, int out_fd, int err_fd,
                             int report_fd, const std::vector<int>& keep_fds, int cwd_fd) {
  struct sigaction dfl = {};
  dfl.sa_handler = SIG_DFL;
  ::sigaction(SIGPIPE, &dfl, nullptr);
  ::sigaction(SIGALRM, &dfl, nullptr);
  if (in_fd < 0) in_fd = ::open("/dev/null", O_RDONLY);
  if (in_fd >= 0) ::dup2(in_fd, 0);
  ::dup2(opts.fold_stdout_on_stderr ? err_fd : out_fd, 1);
  ::dup2(err_fd, 2);
  int err = 0;
  for (int fd : keep_fds)
    if (err == 0 && ::fcntl(fd, F_SETFD, 0) < 0) err = errno;
  if (err == 0 && opts.chroot_sysroot && !sysroot.empty() && ::chroot(sysroot.c_str()) < 0)
    err = errno;
  if (err == 0 && (cwd_fd >= 0 ? ::fchdir(cwd_fd) : ::chdir("/")) < 0) err = errno;
  if (err == 0) {
    // execvp's search: go on past names that are not there or not allowed;
    // EACCES wins if any candidate gave it.
    bool denied = false;
    err = ENOENT;
    for (const char* candidate : plan.candidate_ptrs) {
      ::execve(candidate, plan.args.data(), environ);
      err = errno;
      if (err == EACCES) {
        denied = true;
        continue;
      }
      if (err != ENOENT && err != ENOTDIR && err != ESTALE && err != ENODEV && err != ETIMEDOUT)
        break;
    }
    if (denied && (err == ENOENT || err == ENOTDIR || err == EACCES)) err = EACCES;
  }
  (void)!::write(report_fd, &err, sizeof err);
  ::_exit(127);
}

// The file the options name as stdin, opened for reading; -1 if none.
Result<int> open_stdin_file(const std::string& sysroot, const ports::RunOptions& opts) {
  if (!opts.stdin_guest_file.empty()) {
    const int fd = sysroot::resolve(sysroot.empty() ? "/" : sysroot, opts.stdin_guest_file,
                                    O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail_errno(errno, opts.stdin_guest_file);
    return fd;
  }
  if (!opts.stdin_file.empty()) {
    const int fd = ::open(opts.stdin_file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail_errno(errno, opts.stdin_file);
    return fd;
  }
  return -1;
}

// Guest arguments and the working directory resolved inside the sysroot:
// the argv the program gets, and the descriptors that pin what was found.
struct Resolved {
  std::vector<std::string> argv;
  std::vector<sysroot::UniqueFd> fds;
  std::vector<int> keep;  // fds, as numbers, for the child
  sysroot::UniqueFd cwd;
  // The program's names for guest paths and what they read as in its output.
  std::vector<std::pair<std::string, std::string>> names;
};

// At or above 3, so that the child's dup2 onto 0-2 cannot clobber it.
int above_stdio(int fd) {
  if (fd < 0 || fd > 2) return fd;
  const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return moved;
}

// Where `path` leads inside the root: a directory fd and a name in it ("" for
// the directory itself). -1 + errno when it cannot be resolved.
int locate_guest(int rootfd, std::string path, ports::GuestArg::Last last, std::string& name) {
  using Last = ports::GuestArg::Last;
  for (int hops = 0;; ++hops) {
    if (path.empty()) {
      errno = ENOENT;
      break;
    }
    const sysroot::Split s = sysroot::split_path(path);
    if (sysroot::is_dot_name(s.name) || s.trailing_slash) {
      name.clear();
      sysroot::UniqueFd dir(sysroot::openat2_in_root(rootfd, path, O_PATH | O_DIRECTORY, 0));
      if (dir) return dir.release();
      break;
    }
    sysroot::UniqueFd parent(
        sysroot::openat2_in_root(rootfd, s.parent, O_PATH | O_DIRECTORY, 0));
    if (!parent) break;
    std::string target(PATH_MAX, '\0');
    const ssize_t n = last == Last::AsIs
                          ? -1
                          : ::readlinkat(parent.get(), s.name.c_str(), target.data(), target.size());
    if (n < 0) {  // not a symlink (or missing): the program sees it as it is
      name = s.name;
      return parent.release();
    }
    if (hops >= 40) {
      errno = ELOOP;
      break;
    }
    target.resize(static_cast<size_t>(n));
    path = !target.empty() && target[0] == '/' ? target : sysroot::join(s.parent, target);
  }
  return -1;
}

Result<Resolved> resolve_guest(const std::string& sysroot_dir, const std::vector<std::string>& argv,
                               const ports::RunOptions& opts) {
  Resolved r;
  r.argv = argv;
  if (opts.guest_args.empty() && opts.guest_cwd.empty()) return r;
  auto failed = [&](const std::string& path) {
    const int e = errno;
    return fail_with(e, argv[0] + ": cannot access '" + path + "': " + std::strerror(e));
  };
  sysroot::UniqueFd root(
      ::open(sysroot_dir.empty() ? "/" : sysroot_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (!root) return failed("/");
  for (const auto& g : opts.guest_args) {
    if (g.index >= argv.size()) return fail_with(EINVAL, "run: no argument " + std::to_string(g.index));
    const std::string& path = argv[g.index];
    std::string name;
    sysroot::UniqueFd fd(above_stdio(locate_guest(root.get(), path, g.last, name)));
    if (!fd) return failed(path);
    r.argv[g.index] = sysroot::proc_fd(fd.get()) + "/" + name;
    r.names.emplace_back(r.argv[g.index], sysroot_dir + path);
    r.keep.push_back(fd.get());
    r.fds.push_back(std::move(fd));
  }
  if (!opts.guest_cwd.empty()) {
    r.cwd = sysroot::UniqueFd(
        sysroot::openat2_in_root(root.get(), opts.guest_cwd, O_PATH | O_DIRECTORY, 0));
    if (!r.cwd) return failed(opts.guest_cwd);
  }
  // Longest first: one name may begin another.
  std::sort(r.names.begin(), r.names.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return r;
}

// Each data argument as an anonymous in-memory file (memfd) the program
// inherits, its /proc/self/fd path appended to the argument. Written and
// rewound here, before fork, so that the program reads it from the start
// whether it opens the path again or reads the descriptor.
Result<void> attach_data_args(const ports::RunOptions& opts, Resolved& r) {
  if (opts.data_args.empty()) return {};
  if (opts.chroot_sysroot)
    return fail_with(EINVAL, "run: data arguments need the appliance's /proc");
  for (const auto& d : opts.data_args) {
    if (d.index >= r.argv.size())
      return fail_with(EINVAL, "run: no argument " + std::to_string(d.index));
    sysroot::UniqueFd fd(above_stdio(::memfd_create("guestfsd-data", MFD_CLOEXEC)));
    if (!fd) return fail_errno(errno, "memfd_create");
    for (size_t done = 0; done < d.data.size();) {
      const ssize_t n = ::write(fd.get(), d.data.data() + done, d.data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return fail_errno(errno, "write");
      done += static_cast<size_t>(n);
    }
    if (::lseek(fd.get(), 0, SEEK_SET) < 0) return fail_errno(errno, "lseek");
    r.argv[d.index] += sysroot::proc_fd(fd.get());
    r.keep.push_back(fd.get());
    r.fds.push_back(std::move(fd));
  }
  return {};
}

// The program's names for guest paths back to what they were before.
void rename_back(std::string& text, const Resolved& r) {
  for (const auto& [ours, theirs] : r.names) {
    for (size_t at = 0; (at = text.find(ours, at)) != std::string::npos; at += theirs.size())
      text.replace(at, ours.size(), theirs);
  }
}

// Feeds the stdin pipe from the source without blocking: what the source gave
// and the pipe did not take yet waits in `pending`.
class StdinFeeder {
 public:
  explicit StdinFeeder(const ports::RunOptions::Source& source) : source_(source) {}

  // Called when the pipe is writable. Returns false once the pipe should close.
  bool feed(int fd) {
    if (pos_ == pending_.size()) {
      pending_.resize(65536);
      auto n = source_(pending_.data(), pending_.size());
      if (!n) {
        error_ = n.error();
        return false;
      }
      if (*n == 0) return false;  // end of the data
      pending_.resize(*n);
      pos_ = 0;
    }
    const ssize_t w = ::write(fd, pending_.data() + pos_, pending_.size() - pos_);
    if (w < 0) return errno == EAGAIN || errno == EINTR;  // EPIPE: the program stopped reading
    pos_ += static_cast<size_t>(w);
    return true;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  const ports::RunOptions::Source& source_;
  std::string pending_;
  size_t pos_ = 0;
  std::optional<Error> error_;
};

}  // namespace

Result<ports::ProcessResult> PosixProcessRunner::run(const std::vector<std::string>& argv,
                                                     const ports::RunOptions& opts) {
  if (argv.empty()) return fail_with(EINVAL, "run: empty command");
  if (log_.verbose()) {
    std::string line = "commandrvf:";
    for (const auto& a : argv) line += " " + a;
    log_.debug(line);
  }
  auto guest = resolve_guest(sysroot_, argv, opts);
  if (!guest) return forward(guest.error());
  GFSD_TRY(attach_data_args(opts, *guest));
  auto in_file = open_stdin_file(sysroot_, opts);
  if (!in_file) return forward(in_file.error());
  sysroot::UniqueFd stdin_file(*in_file);

  Pipe out, err, report, in;
  if (!out.open() || !err.open() || !report.open()) return fail_errno(errno, "pipe");
  if (opts.stdin_source && !in.open()) return fail_errno(errno, "pipe");

  const ExecPlan plan = plan_exec(guest->argv);
  const pid_t pid = ::fork();
  if (pid < 0) return fail_errno(errno, "fork");
  if (pid == 0)
    exec_child(plan, sysroot_, opts, opts.stdin_source ? in.r : stdin_file.get(), out.w,
               err.w, report.w, guest->keep, guest->cwd.get());

  out.close_w();
  err.close_w();
  report.close_w();
  in.close_r();
  stdin_file.reset();
  guest->fds.clear();
  guest->cwd.reset();
  if (in.w >= 0) ::fcntl(in.w, F_SETFL, ::fcntl(in.w, F_GETFL) | O_NONBLOCK);

  ports::ProcessResult res;
  std::optional<Error> sink_error;
  StdinFeeder feeder(opts.stdin_source);
  std::string* sinks[2] = {&res.out, &res.err};
  char buf[65536];
  for (;;) {
    pollfd fds[3] = {{out.r, POLLIN, 0}, {err.r, POLLIN, 0}, {in.w, POLLOUT, 0}};
    if (out.r < 0 && err.r < 0 && in.w < 0) break;
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in.w >= 0 && fds[2].revents != 0) {
      if ((fds[2].revents & (POLLERR | POLLHUP)) || !feeder.feed(in.w)) in.close_w();
    }
    for (int i = 0; i < 2; ++i) {
      Pipe& p = i == 0 ? out : err;
      if (p.r < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(p.r, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        p.close_r();
        continue;
      }
      if (i == 0 && opts.stdout_sink) {
        auto sent = opts.stdout_sink(buf, static_cast<size_t>(n));
        if (!sent) {
          // The download is gone: the program gets a broken pipe.
          sink_error = sent.error();
          p.close_r();
        }
        continue;
      }
      sinks[i]->append(buf, static_cast<size_t>(n));
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
  rename_back(res.err, *guest);
  rename_back(res.out, *guest);
  if (log_.verbose() && !res.err.empty()) log_.debug(res.err);
  if (feeder.error()) return forward(*feeder.error());
  if (sink_error) return forward(*sink_error);
  return res;
}

}  // namespace gfsd::adapters
