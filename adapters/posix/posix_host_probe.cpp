#include "adapters/posix/posix_host_probe.hpp"

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gfsd::adapters {

namespace {

bool listed_in_proc_filesystems(const std::string& fstype) {
  std::ifstream f("/proc/filesystems");
  std::string line;
  while (std::getline(f, line)) {
    const auto tab = line.rfind('\t');
    const std::string name = tab == std::string::npos ? line : line.substr(tab + 1);
    if (name == fstype) return true;
  }
  return false;
}

}  // namespace

bool PosixHostProbe::program_exists(const std::string& name) {
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/sbin:/usr/sbin:/bin:/usr/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
  return false;
}

bool PosixHostProbe::kernel_has_filesystem(const std::string& fstype) {
  if (listed_in_proc_filesystems(fstype)) return true;
  // Not registered yet: the module may simply not be loaded.
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execlp("modprobe", "modprobe", fstype.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (pid > 0) {
    int status;
    ::waitpid(pid, &status, 0);
  }
  return listed_in_proc_filesystems(fstype);
}

bool PosixHostProbe::path_exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

Result<ports::KernelIdentity> PosixHostProbe::uname() {
  struct utsname u;
  if (::uname(&u) < 0) return fail_errno(errno, "utsname");
  return ports::KernelIdentity{u.sysname, u.release, u.version, u.machine};
}

}  // namespace gfsd::adapters
