#include "integration/daemon_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace gfsd::test {

namespace {

// Everything the daemon needs, set up inside the new mount namespace. The
// original daemon exits unless /dev/disk/by-path exists; an empty tmpfs there
// also hides the host's disks from both daemons alike.
std::string namespace_script(bool mount_sysroot, const std::string& size) {
  std::string s =
      "set -e; mkdir -p /sysroot /dev/disk; mount -t tmpfs tmpfs /dev/disk; "
      "mkdir -p /dev/disk/by-path; ";
  if (mount_sysroot)
    s += "mount -t tmpfs -o size=" + size + " tmpfs /sysroot; ";
  s += "exec \"$0\" \"$@\"";
  return s;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream o;
  o << f.rdbuf();
  return o.str();
}

}  // namespace

const char* our_daemon() {
#ifdef GUESTFSD_BINARY
  if (const char* env = std::getenv("GFSD_TEST_DAEMON")) return env;
  return GUESTFSD_BINARY;
#else
  const char* env = std::getenv("GFSD_TEST_DAEMON");
  return env ? env : "guestfsd";
#endif
}

bool original_daemon_is_ours() {
  return slurp(kOriginalDaemon).find("--grpc-token-file") != std::string::npos;
}

bool namespaces_available() {
  static const bool ok = [] {
    if (geteuid() != 0) return false;
    return std::system("unshare -m --propagation private true >/dev/null 2>&1") == 0;
  }();
  return ok;
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/gfsd-it-XXXXXX";
  if (mkdtemp(tmpl)) path_ = tmpl;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

DaemonProcess::DaemonProcess(DaemonOptions opts) : opts_(std::move(opts)) {
  socket_path_ = dir_.path() + "/sock";
}

DaemonProcess::~DaemonProcess() { stop(); }

bool DaemonProcess::start(std::string* why) {
  if (dir_.path().empty()) {
    *why = "mkdtemp failed";
    return false;
  }
  std::vector<std::string> args = {"unshare",
                                   "-m",
                                   "--propagation",
                                   "private",
                                   "sh",
                                   "-c",
                                   namespace_script(opts_.mount_sysroot, opts_.sysroot_size),
                                   opts_.binary};
  if (opts_.verbose) args.push_back("--verbose");
  if (opts_.listen) {
    args.insert(args.end(), {"--listen", "--channel", socket_path_});
  } else if (!opts_.channel.empty()) {
    args.insert(args.end(), {"--channel", opts_.channel});
  }
  args.insert(args.end(), opts_.extra_args.begin(), opts_.extra_args.end());

  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string out = dir_.path() + "/stdout";
  const std::string err = dir_.path() + "/stderr";

  pid_ = fork();
  if (pid_ < 0) {
    *why = "fork failed";
    return false;
  }
  if (pid_ == 0) {
    // Only async-signal-safe calls from here to exec.
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int n = open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || n < 0) _exit(126);
    dup2(n, 0);
    dup2(o, 1);
    dup2(e, 2);
    if (opts_.pass_fd >= 0) {
      if (opts_.pass_fd == 3) {
        fcntl(3, F_SETFD, 0);
      } else if (dup2(opts_.pass_fd, 3) < 0) {
        _exit(126);
      }
      close_range(4, ~0U, 0);
    } else {
      close_range(3, ~0U, 0);
    }
    execvp(argv[0], argv.data());
    _exit(127);
  }

  if (!opts_.listen) return true;
  // The socket file exists once the daemon has bound it; connect() retries
  // the short window before listen().
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    struct stat st;
    if (stat(socket_path_.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) return true;
    if (!running()) {
      *why = "daemon exited before creating its socket (status " + std::to_string(status_) +
             "): " + stderr_text();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  *why = "timed out waiting for " + socket_path_ + ": " + stderr_text();
  return false;
}

std::string DaemonProcess::host_path(const std::string& guest_path) const {
  return "/proc/" + std::to_string(pid_) + "/root/sysroot" + guest_path;
}

std::string DaemonProcess::stderr_text() const { return slurp(dir_.path() + "/stderr"); }
std::string DaemonProcess::stdout_text() const { return slurp(dir_.path() + "/stdout"); }

bool DaemonProcess::running() {
  if (pid_ <= 0) return false;
  int st;
  const pid_t r = waitpid(pid_, &st, WNOHANG);
  if (r == 0) return true;
  if (r == pid_) status_ = st;
  pid_ = -1;
  return false;
}

int DaemonProcess::wait_exit(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return status_;
}

void DaemonProcess::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int st;
  while (waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
  }
  status_ = st;
  pid_ = -1;
}

}  // namespace gfsd::test
