#include "app/options.hpp"

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
      (kExtra, po::value<std::vector<std::string>>());
  return desc;
}

}  // namespace

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
      }
    }
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
         "  -?, --help           show this help\n";
}

}  // namespace gfsd::app
