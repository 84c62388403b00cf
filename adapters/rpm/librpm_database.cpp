#include "adapters/rpm/librpm_database.hpp"

#include <rpm/header.h>
#include <rpm/rpmdb.h>
#include <rpm/rpmlib.h>
#include <rpm/rpmts.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define RPM_FUNCTIONS(X) \
  X(rpmReadConfigFiles) \
  X(rpmdbFreeIterator) \
  X(rpmdbNextIterator) \
  X(rpmtsCreate) \
  X(rpmtsFree) \
  X(rpmtsInitIterator) \
  X(rpmtsSetVSFlags) \
  X(rpmtsVSFlags) \
  X(headerFormat) \
  X(headerFree) \
  X(headerGetNumber) \
  X(headerLink)

// Loaded on first use: library().get() in every entry point, then lib().
GFSD_LAZY_API(RpmApi, RPM_FUNCTIONS, "librpm.so.9")

// The child's report: records of length-prefixed strings. A record starts
// with a tag byte: 'P' a package (8 fields), 'E' an error message.
void put_string(std::string& out, const std::string& s) {
  const uint32_t n = static_cast<uint32_t>(s.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out += s;
}

bool get_string(const std::string& in, size_t& pos, std::string& s) {
  uint32_t n = 0;
  if (pos + sizeof n > in.size()) return false;
  std::memcpy(&n, in.data() + pos, sizeof n);
  pos += sizeof n;
  if (pos + n > in.size()) return false;
  s.assign(in, pos, n);
  pos += n;
  return true;
}

std::string take_format(Header h, const char* fmt) {
  char* s = lib().headerFormat(h, fmt, nullptr);
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

// Runs in the child, chrooted: every package as a 'P' record, or an 'E' record.
std::string list_in_child() {
  std::string out;
  if (lib().rpmReadConfigFiles(nullptr, nullptr) == -1)
    std::fprintf(stderr, "rpmReadConfigFiles: failed, errno=%d\n", errno);
  rpmts ts = lib().rpmtsCreate();
  if (ts == nullptr) {
    out += 'E';
    put_string(out, "rpmtsCreate");
    return out;
  }
  // Signatures are not checked (RHBZ#2064182).
  lib().rpmtsSetVSFlags(ts, lib().rpmtsVSFlags(ts) | RPMVSF_MASK_NOSIGNATURES);
  rpmdbMatchIterator iter = lib().rpmtsInitIterator(ts, RPMDBI_PACKAGES, nullptr, 0);
  if (iter == nullptr) {
    lib().rpmtsFree(ts);
    out += 'E';
    put_string(out, "rpmtsInitIterator");
    return out;
  }
  while (Header h = lib().rpmdbNextIterator(iter)) {
    h = lib().headerLink(h);
    out += 'P';
    put_string(out, take_format(h, "%{NAME}"));
    put_string(out, std::to_string(static_cast<int32_t>(lib().headerGetNumber(h, RPMTAG_EPOCH))));
    put_string(out, take_format(h, "%{VERSION}"));
    put_string(out, take_format(h, "%{RELEASE}"));
    put_string(out, take_format(h, "%{ARCH}"));
    put_string(out, take_format(h, "%{URL}"));
    put_string(out, take_format(h, "%{SUMMARY}"));
    put_string(out, take_format(h, "%{DESCRIPTION}"));
    lib().headerFree(h);
  }
  lib().rpmdbFreeIterator(iter);
  lib().rpmtsFree(ts);
  return out;
}

bool write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

Result<std::vector<ports::RpmPackage>> decode(const std::string& in) {
  std::vector<ports::RpmPackage> out;
  size_t pos = 0;
  while (pos < in.size()) {
    const char tag = in[pos++];
    if (tag == 'E') {
      std::string msg;
      if (!get_string(in, pos, msg)) break;
      return fail(msg);
    }
    ports::RpmPackage p;
    std::string epoch;
    if (tag != 'P' || !get_string(in, pos, p.name) || !get_string(in, pos, epoch) ||
        !get_string(in, pos, p.version) || !get_string(in, pos, p.release) ||
        !get_string(in, pos, p.arch) || !get_string(in, pos, p.url) ||
        !get_string(in, pos, p.summary) || !get_string(in, pos, p.description))
      return fail("librpm: malformed report from the chrooted process");
    p.epoch = static_cast<int32_t>(std::strtol(epoch.c_str(), nullptr, 10));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Result<std::vector<ports::RpmPackage>> LibRpmDatabase::installed_packages(const std::string& root) {
  // Loaded here, before any fork, on the first use.
  if (auto api = library().get(); !api) return forward(api.error());
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return fail_errno(errno, "pipe");
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int e = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return fail_errno(e, "fork");
  }
  if (pid == 0) {
    ::close(fds[0]);
    const std::string dir = root.empty() ? "/" : root;
    if (::chdir(dir.c_str()) < 0 || ::chroot(dir.c_str()) < 0) {
      std::string err(1, 'E');
      put_string(err, std::string("chroot: ") + dir + ": " + std::strerror(errno));
      (void)write_all(fds[1], err);
      ::_exit(0);
    }
    ::_exit(write_all(fds[1], list_in_child()) ? 0 : 1);
  }
  ::close(fds[1]);
  std::string report;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    report.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status))
    return fail("chroot ‘librpm’ killed by signal " + std::to_string(WTERMSIG(status)));
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
    return fail("chroot ‘librpm’ exited with non-zero error " +
                std::to_string(WEXITSTATUS(status)));
  return decode(report);
}

}  // namespace gfsd::adapters
