// The daemon's own SELinux security context (libselinux): getcon / setcon.
#pragma once

#include <string>

#include "ports/result.hpp"

namespace gfsd::ports {

// Errors carry the errno libselinux left, with an empty message.
class SELinux {
 public:
  virtual ~SELinux() = default;
  // Whether the backing library can be loaded (or the kernel facility exists): the
  // feature group is reported unavailable otherwise (domain/internal/features.cpp).
  virtual bool available() = 0;

  // getcon: the process's current context, as the kernel reports it (without
  // SELinux the appliance's kernel answers its other module's label as is,
  // "unconfined\n" under AppArmor).
  virtual Result<std::string> current_context() = 0;
  // setcon: the process's context for what it runs next.
  virtual Result<void> set_context(const std::string& context) = 0;
};

}  // namespace gfsd::ports
