// YARA rules (libyara): compiled once from a rules file, then matched against
// files. The adapter holds the loaded rules (one set per daemon); the domain
// words every error from what these calls report.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ports/filesystem.hpp"
#include "ports/result.hpp"

namespace gfsd::ports {

// Uploaded rules wait in a file of the daemon's own, outside the guest,
// until they are loaded. The file is removed when this object goes, on every
// path. write() and close() as ports::File; read and seek are not offered.
class YaraRulesFile : public File {
 public:
  // Its name, as the messages show it ("/tmp/yaraAbC123").
  virtual const std::string& path() const = 0;
};

enum class YaraLoadStatus {
  Loaded,
  InitializeFailed,  // yr_initialize; the rules loaded before are kept
  CompilerFailed,    // no compiler could be made
  SourceUnreadable,  // the file could not be opened as source
  CompileErrors,     // the source did not compile: `errors` of them
  OutOfMemory,       // compiled, but the rules could not be built
  BuildFailed,       // compiled, but the rules could not be built; `code` says why
  Rejected,          // libyara refused the compiled rules; `code` says why
};

struct YaraCompilerMessage {
  bool error = false;  // else a warning
  int line = 0;
  std::string text;
};

struct YaraLoadOutcome {
  YaraLoadStatus status = YaraLoadStatus::Loaded;
  int errors = 0;
  int code = 0;
  std::vector<YaraCompilerMessage> messages;  // what the compiler said, in order
};

// A file opened for a scan (its descriptor held until this goes).
class YaraTarget {
 public:
  virtual ~YaraTarget() = default;
  // Matches the loaded rules against the file; on_match gets each matching
  // rule's identifier in libyara's order, and an error from it stops the
  // scan and is returned. Other failures carry libyara's error code in the
  // message only (no errno).
  virtual Result<void> scan(const std::function<Result<void>(std::string_view rule)>& on_match) = 0;
};

class Yara {
 public:
  virtual ~Yara() = default;
  // Whether the backing library can be loaded (or the kernel facility exists): the
  // feature group is reported unavailable otherwise (domain/internal/features.cpp).
  virtual bool available() = 0;

  // A new, empty rules file (errnum of mkstemp on failure).
  virtual Result<std::unique_ptr<YaraRulesFile>> create_rules_file() = 0;
  // Loads the rules of a closed rules file: compiled rules if it holds them,
  // else source, compiled without a namespace. Once libyara is initialised,
  // the rules loaded before are dropped, whether this succeeds or not.
  virtual YaraLoadOutcome load(const YaraRulesFile& rules) = 0;
  virtual bool loaded() const = 0;
  // Drops the loaded rules, if any.
  virtual void destroy() = 0;
  // Opens a host file for reading (errnum of open on failure). The name must
  // come from domain/core/host_path.hpp's resolved_host_path: it has no
  // symlinks left, and none is followed if one appears meanwhile.
  virtual Result<std::unique_ptr<YaraTarget>> open_target(const std::string& host_path) = 0;
};

}  // namespace gfsd::ports
