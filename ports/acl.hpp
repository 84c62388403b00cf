// POSIX access control lists (libacl): the text form of a file's access or
// default ACL, and setting one from text.
#pragma once

#include <memory>
#include <string>

#include "ports/result.hpp"

namespace gfsd::ports {

enum class AclType { Access, Default };

// An ACL parsed from its text form, ready to be applied to files. It owns the
// library's object and frees it when destroyed.
class ParsedAcl {
 public:
  virtual ~ParsedAcl() = default;
};

// Paths are host paths the caller has resolved inside the sysroot; each call
// follows a symlink in the last component, as libacl does.
//
// Errors carry the errno libacl left. A failure of the call on the file itself
// (acl_get_file, acl_set_file, acl_delete_def_file) comes back with an EMPTY
// message, so that the caller can word it around the guest path; a failure of
// any other step is worded "<that libacl call>: <strerror>".
class Acls {
 public:
  virtual ~Acls() = default;
  // Whether the backing library can be loaded (or the kernel facility exists): the
  // feature group is reported unavailable otherwise (domain/internal/features.cpp).
  virtual bool available() = 0;

  // acl_from_text. A name that is neither a user nor a group of the appliance
  // fails with ENOENT, other syntax errors with EINVAL (libacl's own rules).
  virtual Result<std::unique_ptr<ParsedAcl>> parse(const std::string& text) = 0;
  // The file's ACL in libacl's long text form (acl_to_text: one entry a line,
  // names for ids the appliance knows, "#effective:" where a mask limits).
  virtual Result<std::string> get(const std::string& host_path, AclType type) = 0;
  virtual Result<void> set(const std::string& host_path, AclType type, const ParsedAcl& acl) = 0;
  // Removes a directory's default ACL.
  virtual Result<void> delete_default(const std::string& host_path) = 0;
};

}  // namespace gfsd::ports
