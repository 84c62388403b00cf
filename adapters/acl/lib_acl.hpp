// ports::Acls over libacl (libacl.so.1, loaded on first use).
#pragma once

#include <memory>
#include <string>

#include "ports/acl.hpp"

namespace gfsd::adapters {

class LibAcl final : public ports::Acls {
 public:
  bool available() override;
  Result<std::unique_ptr<ports::ParsedAcl>> parse(const std::string& text) override;
  Result<std::string> get(const std::string& host_path, ports::AclType type) override;
  Result<void> set(const std::string& host_path, ports::AclType type,
                   const ports::ParsedAcl& acl) override;
  Result<void> delete_default(const std::string& host_path) override;
};

}  // namespace gfsd::adapters
