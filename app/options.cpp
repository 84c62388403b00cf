#include "app/options.hpp"

#include <cctype>
#include <exception>
#include <vector>

#include <boost/program_options.hpp>

namespace gfsd::app {

namespace po = boost::program_options;

namespace {

// Non-option words are collected under this name so we can name the first
// one in the error, rather than Boost's generic "too many positional options".
constexpr const char* kExtra = "extra-argument";

po::options_description describe() {
  po::options_description desc;
  desc.add_options()
      ("channel,c", po::value<std::string>())
      ("listen,l", "")
      ("network,n", "")
      (",r", "")
      ("test,t", "")
      ("verbose,v", "")
      ("help,?", "")
      ("grpc", po::value<std::string>())
      ("grpc-allow-tcp", "")
      ("grpc-token-file", po::value<std::string>())
      (kExtra, po::value<std::vector<std::string>>());
  return desc;
}

bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 5) return false;
  for (const char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

Result<std::string> grpc_address(const std::string& arg) {
  const std::string bad = "guestfsd: --grpc: '" + arg + "' is not [HOST:]PORT or unix:PATH";
  if (arg.rfind("unix:", 0) == 0) {
    if (arg.size() == 5) return fail(bad);
    return arg;
  }
  const auto colon = arg.rfind(':');
  const std::string host = colon == std::string::npos ? "" : arg.substr(0, colon);
  const std::string port = colon == std::string::npos ? arg : arg.substr(colon + 1);
  if (!all_digits(port) || std::stoi(port) > 65535) return fail(bad);
  if (host.find(':') != std::string::npos && host.front() != '[')
    return fail("guestfsd: --grpc: write an IPv6 address as [ADDR]:PORT");
  return (host.empty() ? std::string("127.0.0.1") : host) + ":" + port;
}

Result<Options> parse_options(int argc, char** argv) {
  Options opts;
  try {
    po::positional_options_description positional;
    positional.add(kExtra, -1);
    const auto parsed =
        po::command_line_parser(argc, argv).options(describe()).positional(positional).run();
    // Walk the parsed list ourselves instead of po::store, which rejects a
    // repeated flag (getopt accepts "-v -v"; for -c the last one wins).
    for (const auto& o : parsed.options) {
      const std::string& key = o.string_key;
      const std::string token = o.original_tokens.empty() ? key : o.original_tokens.front();
      if (key == kExtra) {
        if (o.position_key < 0) return fail("guestfsd: unrecognised option '" + token + "'");
        return fail("guestfsd: extra argument '" + token + "' on the command line");
      }
      if (key == "channel") {
        opts.channel = o.value.empty() ? std::string() : o.value.front();
        if (opts.channel.empty()) return fail("guestfsd: --channel needs a non-empty argument");
      } else if (key == "listen") {
        opts.listen = true;
      } else if (key == "network") {
        opts.network = true;
      } else if (key == "-r") {
        opts.live = true;
      } else if (key == "test") {
        opts.test = true;
      } else if (key == "verbose") {
        opts.verbose = true;
      } else if (key == "help") {
        opts.help = true;
      } else if (key == "grpc") {
        auto address = grpc_address(o.value.empty() ? std::string() : o.value.front());
        if (!address) return forward(address.error());
        opts.grpc = *address;
      } else if (key == "grpc-allow-tcp") {
        opts.grpc_allow_tcp = true;
      } else if (key == "grpc-token-file") {
        opts.grpc_token_file = o.value.empty() ? std::string() : o.value.front();
        if (opts.grpc_token_file.empty() || opts.grpc_token_file.front() != '/')
          return fail("guestfsd: --grpc-token-file needs an absolute path");
      }
    }
    // The console runs any action as root; on TCP every local user can
    // reach it, so only the explicit flag (and then a token) opens it.
    if (!opts.grpc.empty() && opts.grpc.rfind("unix:", 0) != 0 && !opts.grpc_allow_tcp)
      return fail("guestfsd: --grpc " + opts.grpc +
                  ": a TCP console is open to every local user; serve it on unix:PATH, "
                  "or add --grpc-allow-tcp to serve TCP to clients holding its token");
  } catch (const po::error& e) {
    return fail(std::string("guestfsd: ") + e.what());
  } catch (const std::exception& e) {
    return fail(std::string("guestfsd: cannot parse the command line: ") + e.what());
  }
  return opts;
}

std::string usage_text() {
  return "guestfsd [-r] [-v|--verbose] [-c|--channel PATH|fd:N] [-l|--listen] [-n|--network] "
         "[-?|--help]\n"
         "  -c, --channel PATH   talk to the library over PATH (virtio-serial port, serial\n"
         "                       device); default /dev/virtio-ports/org.libguestfs.channel.0\n"
         "  -c, --channel fd:N   talk over the already open file descriptor N\n"
         "  -l, --listen         create PATH as a Unix socket and serve the clients that\n"
         "                       connect to it, one after another (for testing)\n"
         "  -n, --network        enable network features\n"
         "  -r                   work on / instead of /sysroot, and do not unmount\n"
         "                       filesystems on exit (libguestfs live)\n"
         "  -v, --verbose        verbose debugging messages\n"
         "      --grpc ADDR      also serve the gRPC debug console on unix:PATH (a socket\n"
         "                       only this daemon's user may use) or, with --grpc-allow-tcp,\n"
         "                       on [HOST:]PORT (HOST defaults to 127.0.0.1)\n"
         "      --grpc-allow-tcp serve the console on TCP; every call must then carry the\n"
         "                       token the daemon writes to its token file (mode 0600)\n"
         "      --grpc-token-file PATH\n"
         "                       where to write that token; default\n"
         "                       $XDG_RUNTIME_DIR/guestfsd-console-PORT.token, or for root\n"
         "                       /run/guestfsd-console-PORT.token\n"
         "  -?, --help           show this help\n";
}

}  // namespace gfsd::app
