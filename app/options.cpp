#include "app/options.hpp"

#include <cctype>
#include <string>

namespace gfsd::app {

namespace {

// The options, as getopt_long would take them (the original's parser): short
// flags may be clustered ("-lnt", "-vc fd:4", "-cfd:5"), a long option may be
// abbreviated to a unique prefix and take its value as "--name=VALUE" or as
// the next word, "--" ends the options. No library: this is all of it.
struct Spec {
  const char* name;  // long name, or nullptr
  char letter;       // short letter, or 0
  bool takes_value;
};

constexpr Spec kSpecs[] = {
    {"channel", 'c', true},  {"listen", 'l', false},          {"network", 'n', false},
    {nullptr, 'r', false},   {"test", 't', false},            {"verbose", 'v', false},
    {"help", '?', false},    {"grpc", 0, true},               {"grpc-allow-tcp", 0, false},
    {"grpc-token-file", 0, true},
};

bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 5) return false;
  for (const char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// The long option named by `word` (exactly, or by a prefix no other shares).
Result<const Spec*> find_long(const std::string& word) {
  const Spec* prefix_match = nullptr;
  bool ambiguous = false;
  for (const Spec& spec : kSpecs) {
    if (!spec.name) continue;
    const std::string name = spec.name;
    if (name == word) return &spec;
    if (name.rfind(word, 0) == 0) {
      ambiguous = prefix_match != nullptr;
      prefix_match = &spec;
    }
  }
  if (ambiguous) return fail("guestfsd: option '--" + word + "' is ambiguous");
  if (!prefix_match) return fail("guestfsd: unrecognised option '--" + word + "'");
  return prefix_match;
}

const Spec* find_short(char letter) {
  for (const Spec& spec : kSpecs)
    if (spec.letter == letter) return &spec;
  return nullptr;
}

Result<void> apply(Options& opts, const Spec& spec, const std::string& value) {
  const std::string key = spec.name ? spec.name : std::string(1, spec.letter);
  if (key == "channel") {
    opts.channel = value;
    if (opts.channel.empty()) return fail("guestfsd: --channel needs a non-empty argument");
  } else if (key == "listen") {
    opts.listen = true;
  } else if (key == "network") {
    opts.network = true;
  } else if (key == "r") {
    opts.live = true;
  } else if (key == "test") {
    opts.test = true;
  } else if (key == "verbose") {
    opts.verbose = true;
  } else if (key == "help") {
    opts.help = true;
  } else if (key == "grpc") {
    auto address = grpc_address(value);
    if (!address) return forward(address.error());
    opts.grpc = *address;
  } else if (key == "grpc-allow-tcp") {
    opts.grpc_allow_tcp = true;
  } else if (key == "grpc-token-file") {
    opts.grpc_token_file = value;
    if (opts.grpc_token_file.empty() || opts.grpc_token_file.front() != '/')
      return fail("guestfsd: --grpc-token-file needs an absolute path");
  }
  return {};
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
  bool options_ended = false;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (options_ended || word.size() < 2 || word[0] != '-')
      return fail("guestfsd: extra argument '" + word + "' on the command line");
    if (word == "--") {
      options_ended = true;
      continue;
    }
    if (word.rfind("--", 0) == 0) {
      const auto eq = word.find('=');
      auto spec = find_long(word.substr(2, eq == std::string::npos ? std::string::npos : eq - 2));
      if (!spec) return forward(spec.error());
      const std::string shown = std::string("--") + (*spec)->name;
      std::string value;
      if (eq != std::string::npos) {
        if (!(*spec)->takes_value)
          return fail("guestfsd: option '" + shown + "' does not take an argument");
        value = word.substr(eq + 1);
      } else if ((*spec)->takes_value) {
        if (i + 1 >= argc) return fail("guestfsd: option '" + shown + "' needs an argument");
        value = argv[++i];
      }
      GFSD_TRY(apply(opts, **spec, value));
      continue;
    }
    // A cluster of short options; one that takes a value takes the rest of the
    // word, or the next word.
    for (size_t k = 1; k < word.size(); ++k) {
      const Spec* spec = find_short(word[k]);
      if (!spec) return fail(std::string("guestfsd: unrecognised option '-") + word[k] + "'");
      std::string value;
      if (spec->takes_value) {
        if (k + 1 < word.size()) {
          value = word.substr(k + 1);
        } else if (i + 1 < argc) {
          value = argv[++i];
        } else {
          return fail(std::string("guestfsd: option '-") + word[k] + "'" +
                      (spec->name ? std::string(" (--") + spec->name + ")" : std::string()) +
                      " needs an argument");
        }
        GFSD_TRY(apply(opts, *spec, value));
        break;
      }
      GFSD_TRY(apply(opts, *spec, value));
    }
  }
  // The console runs any action as root; on TCP every local user can
  // reach it, so only the explicit flag (and then a token) opens it.
  if (!opts.grpc.empty() && opts.grpc.rfind("unix:", 0) != 0 && !opts.grpc_allow_tcp)
    return fail("guestfsd: --grpc " + opts.grpc +
                ": a TCP console is open to every local user; serve it on unix:PATH, "
                "or add --grpc-allow-tcp to serve TCP to clients holding its token");
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
         "  -?, --help           show this help\n"
         "The manual page guestfsd(8) describes them, the kernel command line flags and\n"
         "where this daemon differs from the original.\n";
}

}  // namespace gfsd::app
