#include "adapters/transport/channel_sources.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <utility>

#include "adapters/transport/fd_channel.hpp"
#include "adapters/transport/unix_socket.hpp"

namespace gfsd::adapters {

namespace {

// A serial line (e.g. /dev/ttyS0 under User-Mode Linux, or a pty) would
// otherwise translate CR/LF, echo, and turn ^C/^D into signals or EOF,
// corrupting the binary protocol.
void make_raw_if_tty(int fd, const std::string& name, ports::Log& log) {
  if (!::isatty(fd)) return;
  struct termios tio {};
  if (::tcgetattr(fd, &tio) < 0) {
    log.error("tcgetattr: " + name + ": " + std::strerror(errno));
    return;
  }
  ::cfmakeraw(&tio);
  if (::tcsetattr(fd, TCSANOW, &tio) < 0) {
    log.error("tcsetattr: " + name + ": " + std::strerror(errno));
    return;
  }
  log.debug("put tty channel '" + name + "' in raw mode");
}

// Serves a single, already open channel.
class OnceSource final : public ports::ChannelSource {
 public:
  explicit OnceSource(std::unique_ptr<ports::Channel> channel) : channel_(std::move(channel)) {}
  Result<std::unique_ptr<ports::Channel>> next() override { return std::move(channel_); }

 private:
  std::unique_ptr<ports::Channel> channel_;
};

// A listening AF_UNIX socket; each next() waits for and accepts one client.
class ListenSource final : public ports::ChannelSource {
 public:
  ListenSource(int fd, std::string path, ports::Log& log)
      : fd_(fd), path_(std::move(path)), log_(log) {}
  ~ListenSource() override { ::close(fd_); }
  ListenSource(const ListenSource&) = delete;
  ListenSource& operator=(const ListenSource&) = delete;

  Result<std::unique_ptr<ports::Channel>> next() override {
    for (;;) {
      const int client = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) {
        // A client that gave up before we got to it is no reason to stop.
        if (errno == EINTR || errno == ECONNABORTED) continue;
        return fail_errno(errno, "accept: " + path_);
      }
      if (!admitted(client)) {
        ::close(client);
        continue;
      }
      log_.debug("accepted a client on '" + path_ + "'");
      return std::unique_ptr<ports::Channel>(std::make_unique<FdChannel>(client, true, path_));
    }
  }

 private:
  // The channel runs every action as the daemon's user: serve only that
  // user. The socket's mode already says so; this holds even if the mode
  // is widened or the peer has CAP_DAC_OVERRIDE.
  bool admitted(int client) {
    const auto peer = peer_of(client);
    if (!peer) {
      log_.error("guestfsd: refused a client on '" + path_ + "': " + peer.error().message);
      return false;
    }
    if (is_our_user(*peer)) return true;
    log_.error("guestfsd: refused a client on '" + path_ + "' from " + describe_peer(*peer) +
               ": only uid " + std::to_string(::geteuid()) + " may connect");
    return false;
  }

  int fd_;
  std::string path_;
  ports::Log& log_;
};

Result<std::unique_ptr<ports::ChannelSource>> once(std::unique_ptr<ports::Channel> channel) {
  return std::unique_ptr<ports::ChannelSource>(std::make_unique<OnceSource>(std::move(channel)));
}

Result<std::unique_ptr<ports::ChannelSource>> from_fd_spec(const std::string& channel,
                                                           ports::Log& log) {
  const std::string digits = channel.substr(3);
  int fd = -1;
  const char* first = digits.data();
  const char* last = first + digits.size();
  const auto [end, ec] = std::from_chars(first, last, fd);
  if (digits.empty() || ec != std::errc() || end != last || fd < 0)
    return fail("cannot parse --channel " + channel);
  if (::fcntl(fd, F_GETFD) < 0) return fail_errno(errno, channel);
  make_raw_if_tty(fd, channel, log);
  return once(std::make_unique<FdChannel>(fd, true, channel));
}

Result<std::unique_ptr<ports::ChannelSource>> from_path(const std::string& path,
                                                        ports::Log& log) {
  // O_NOCTTY: a serial line must never become our controlling terminal, or a
  // hangup on it would send us SIGHUP.
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    // Without its channel the appliance is useless; say so before exiting.
    log.error("guestfsd: cannot open the channel to the library (is the virtio-serial port "
              "or serial device present in this VM?)");
    return fail_errno(err, "open: " + path);
  }
  make_raw_if_tty(fd, path, log);
  return once(std::make_unique<FdChannel>(fd, true, path));
}

Result<std::unique_ptr<ports::ChannelSource>> listen_at(const std::string& path,
                                                        ports::Log& log) {
  auto fd = listen_owner_only(path);
  if (!fd) return forward(fd.error());
  log.debug("listening on '" + path + "'");
  return std::unique_ptr<ports::ChannelSource>(std::make_unique<ListenSource>(*fd, path, log));
}

}  // namespace

Result<std::unique_ptr<ports::ChannelSource>> make_channel_source(const ChannelSpec& spec,
                                                                  ports::Log& log) {
  const std::string channel = spec.channel.empty() ? kDefaultChannel : spec.channel;
  log.debug("trying to open virtio-serial channel '" + channel + "'");
  if (spec.listen) return listen_at(channel, log);
  if (channel.rfind("fd:", 0) == 0) return from_fd_spec(channel, log);
  return from_path(channel, log);
}

}  // namespace gfsd::adapters
