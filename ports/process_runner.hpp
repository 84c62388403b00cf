// Running external tools (the original daemon shells out for most actions).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::ports {

struct ProcessResult {
  int status = 0;     // exit status; -1 when killed by a signal
  std::string out;    // stdout as produced
  std::string err;    // stderr, trailing newlines removed
};

// An argv entry that holds a guest path. The runner resolves it inside the
// sysroot as a chroot would (symlinks in any component, absolute or with "..",
// stay below the sysroot), pins what it found with an open file descriptor and
// hands the program a /proc/self/fd path through that descriptor, so that
// nothing renamed or swapped after the resolution can lead the program out.
// A path ending in "/", "." or ".." is resolved whole (it must be a
// directory); otherwise its parent is, and the last component is passed by
// name, treated according to `last`.
struct GuestArg {
  enum class Last {
    AsIs,       // the program does not follow a symlink there (lstat, rename, cp -P)
    Follow,     // it follows one: the runner follows it inside the sysroot first
  };
  // (A program that follows a symlink only when it leads to a directory, as mv
  // does with its destination, cannot be given the name as is: on the host the
  // link may lead elsewhere. The caller decides inside the sysroot instead.)
  size_t index = 0;  // into argv
  Last last = Last::AsIs;
  friend bool operator==(const GuestArg&, const GuestArg&) = default;
};

struct RunOptions {
  using Source = std::function<Result<size_t>(char* buf, size_t n)>;
  using Sink = std::function<Result<void>(const char* data, size_t n)>;

  bool chroot_sysroot = false;     // run inside the guest tree
  bool fold_stdout_on_stderr = false;
  // argv entries that are guest paths (above). In stderr, and in stdout when
  // it is kept, the program's name for them reads as sysroot + guest path again.
  std::vector<GuestArg> guest_args;
  // The guest directory to start the program in (resolved whole, like a
  // guest argument) instead of "/".
  std::string guest_cwd;
  // stdin instead of /dev/null, at most one of: a guest file (opened inside the
  // sysroot, symlinks followed; an open failure is returned as "<path>: <strerror>"),
  std::string stdin_guest_file;
  // an appliance file or device (same error wording),
  std::string stdin_file;
  // or data pulled from a source until it returns 0 (an upload).
  Source stdin_source;
  // Data the program reads from a file named on its command line, the
  // original's temporary key files without the file: argv[index] gets
  // appended the path of an anonymous in-memory file that holds `data`
  // (/proc/self/fd/N, N a descriptor the program inherits; a regular file, so
  // the program sees what it would see in a file on disk, an empty one too).
  // The data is in no file system, not in argv, and not in the verbose log,
  // which shows argv as the caller gave it. For keys; not with chroot_sysroot
  // (the guest need not have /proc mounted).
  struct DataArg {
    size_t index = 0;  // into argv
    std::string data;
    friend bool operator==(const DataArg&, const DataArg&) = default;
  };
  std::vector<DataArg> data_args;
  // stdout handed over as it arrives (a download) instead of kept in ProcessResult::out.
  // An error from the source or the sink stops the transfer (the program sees EOF
  // or a broken pipe), the program is waited for, and run returns that error.
  Sink stdout_sink;
};

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Fails only if the program could not be started at all: it could not be
  // executed (message "<argv[0]>: <strerror>"), or a guest argument or the
  // guest working directory could not be resolved (the errno, message
  // "<argv[0]>: cannot access '<guest path>': <strerror>"). No program ran then.
  virtual Result<ProcessResult> run(const std::vector<std::string>& argv,
                                    const RunOptions& opts = {}) = 0;
};

}  // namespace gfsd::ports
