// Unix sockets that only the daemon's own user may use: the --listen channel
// and the gRPC console both listen through listen_owner_only() and check each
// client with peer_of() before serving it.
#pragma once

#include <sys/types.h>

#include <string>

#include "ports/result.hpp"

namespace gfsd::adapters {

// Binds a listening AF_UNIX stream socket at path with mode 0600 (a socket
// left there by an earlier run is replaced). Returns the listening fd
// (close-on-exec; non-blocking when asked).
Result<int> listen_owner_only(const std::string& path, bool nonblocking = false);

// Who is at the other end of a connected Unix socket (SO_PEERCRED): the
// credentials the peer had when it connected.
struct Peer {
  pid_t pid = 0;
  uid_t uid = 0;
  gid_t gid = 0;
};
Result<Peer> peer_of(int fd);

// Whether that peer runs as our effective uid, the only user we serve.
bool is_our_user(const Peer& peer);

// "uid 65534 (pid 1234)", for log lines about a refused peer.
std::string describe_peer(const Peer& peer);

}  // namespace gfsd::adapters
