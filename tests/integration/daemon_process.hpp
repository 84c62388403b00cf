// Starts a real guestfsd binary (ours or the original) in a private mount
// namespace with its own tmpfs on /sysroot, and always kills and reaps it.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace gfsd::test {

// The binary built from this tree.
const char* our_daemon();
// Debian's original daemon, the reference for the side-by-side tests.
inline constexpr const char* kOriginalDaemon = "/usr/sbin/guestfsd";
// Whether the file at kOriginalDaemon is a build of this project (it has our
// --grpc-token-file option, which the original does not know).
bool original_daemon_is_ours();

// Whether `unshare -m` works here (we need root for the private mounts).
bool namespaces_available();

// A private temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct DaemonOptions {
  std::string binary = our_daemon();
  // --listen -c <tmpdir>/sock when true; otherwise `channel` is passed to -c.
  bool listen = true;
  std::string channel;
  int pass_fd = -1;  // becomes fd 3 in the daemon (for `-c fd:3`)
  bool verbose = false;
  bool mount_sysroot = true;  // a tmpfs at /sysroot counts as "root mounted"
  // tmpfs size= for /sysroot. Bounded so that an action that fills the
  // filesystem on purpose (zero_free_space) cannot take the machine's memory.
  std::string sysroot_size = "256m";
  std::vector<std::string> extra_args;
};

class DaemonProcess {
 public:
  explicit DaemonProcess(DaemonOptions opts = {});
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  // Spawns the daemon. In listen mode also waits until the socket file appears.
  // On failure `why` says what happened (with the daemon's stderr).
  bool start(std::string* why);

  const std::string& socket_path() const { return socket_path_; }
  pid_t pid() const { return pid_; }
  // Where a guest path of the daemon's private /sysroot is reachable from
  // here (through /proc/<pid>/root), to prepare or inspect files directly.
  std::string host_path(const std::string& guest_path) const;
  std::string stderr_text() const;
  std::string stdout_text() const;

  // True while the process has not exited.
  bool running();
  // Waits up to timeout_ms for the process to exit; returns its wait status or -1.
  int wait_exit(int timeout_ms);
  void stop();

 private:
  DaemonOptions opts_;
  TempDir dir_;
  std::string socket_path_;
  pid_t pid_ = -1;
  int status_ = -1;
};

}  // namespace gfsd::test
