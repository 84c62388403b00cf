// Linux file capabilities (libcap): the text form of a file's capability set,
// and setting one from text.
#pragma once

#include <memory>
#include <string>

#include "ports/result.hpp"

namespace gfsd::ports {

// A capability set parsed from its text form; owns the library's object.
class ParsedCaps {
 public:
  virtual ~ParsedCaps() = default;
};

// Paths are host paths the caller has resolved inside the sysroot.
//
// Errors carry the errno libcap left. A failure of the call on the file itself
// (cap_get_file, cap_set_file) comes back with an EMPTY message; a failure of
// any other step is worded "<that libcap call>: <strerror>".
class Capabilities {
 public:
  virtual ~Capabilities() = default;
  // Whether the backing library can be loaded (or the kernel facility exists): the
  // feature group is reported unavailable otherwise (domain/internal/features.cpp).
  virtual bool available() = 0;

  // cap_from_text (EINVAL for text it does not accept).
  virtual Result<std::unique_ptr<ParsedCaps>> parse(const std::string& text) = 0;
  // The file's set (a symlink is followed) in cap_to_text's form. A file with
  // no capability attribute fails with ENODATA, as cap_get_file does.
  virtual Result<std::string> get(const std::string& host_path) = 0;
  // cap_set_file: the path itself must be a regular file (libcap refuses a
  // symlink or anything else with EINVAL, without following it).
  virtual Result<void> set(const std::string& host_path, const ParsedCaps& caps) = 0;
};

}  // namespace gfsd::ports
