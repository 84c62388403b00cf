#include "adapters/transport/unix_socket.hpp"

#include <cerrno>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace gfsd::adapters {

namespace {

constexpr int kBacklog = 8;

Result<int> close_and_fail(int fd, int err, const std::string& what) {
  ::close(fd);
  return fail_errno(err, what);
}

}  // namespace

Result<int> listen_owner_only(const std::string& path, bool nonblocking) {
  struct sockaddr_un addr {};
  addr.sun_family = AF_UNIX;
  if (path.empty()) return fail("empty socket path");
  if (path.size() >= sizeof addr.sun_path) return fail(path + ": socket path is too long");
  path.copy(addr.sun_path, path.size());

  // A socket left behind by an earlier run would make bind fail; anything
  // else at that path is not ours to delete.
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) ::unlink(path.c_str());

  const int flags = SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0);
  const int fd = ::socket(AF_UNIX, flags, 0);
  if (fd < 0) return fail_errno(errno, "socket");
  if (::bind(fd, reinterpret_cast<const struct sockaddr*>(&addr), sizeof addr) < 0)
    return close_and_fail(fd, errno, "bind: " + path);
  // Connecting needs write permission on the socket file. Until listen() no
  // one can connect at all, so there is no window with a wider mode.
  if (::chmod(path.c_str(), 0600) < 0) {
    const int err = errno;
    ::unlink(path.c_str());
    return close_and_fail(fd, err, "chmod: " + path);
  }
  if (::listen(fd, kBacklog) < 0) {
    const int err = errno;
    ::unlink(path.c_str());
    return close_and_fail(fd, err, "listen: " + path);
  }
  return fd;
}

Result<Peer> peer_of(int fd) {
  struct ucred cred {};
  socklen_t len = sizeof cred;
  if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
    return fail_errno(errno, "getsockopt SO_PEERCRED");
  return Peer{cred.pid, cred.uid, cred.gid};
}

bool is_our_user(const Peer& peer) { return peer.uid == ::geteuid(); }

std::string describe_peer(const Peer& peer) {
  return "uid " + std::to_string(peer.uid) + " (pid " + std::to_string(peer.pid) + ")";
}

}  // namespace gfsd::adapters
