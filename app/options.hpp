// The daemon's command line (see guestfsd(8)).
#pragma once

#include <string>

#include "ports/result.hpp"

namespace gfsd::app {

struct Options {
  std::string channel;   // -c/--channel PATH|fd:N; empty: the default port
  bool listen = false;   // -l/--listen
  bool network = false;  // -n/--network
  bool live = false;     // -r: operate on / instead of /sysroot
  bool verbose = false;  // -v/--verbose
  bool test = false;     // -t/--test (undocumented)
  bool help = false;     // -?/--help
};

// Errors carry a one-line message starting with "guestfsd: ".
Result<Options> parse_options(int argc, char** argv);

// The synopsis and one line per documented option, newline-terminated.
std::string usage_text();

}  // namespace gfsd::app
