// GoogleMock doubles of the security ports (libacl, libcap, libselinux).
// In a test: `MockPorts m; MockAcls acls; auto ctx = m.ctx(); ctx.acls = &acls;`.
// Calls fail with ENOSYS unless the test says what they answer (mock_ports.hpp).
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string>

#include "ports/acl.hpp"
#include "ports/capabilities.hpp"
#include "ports/selinux.hpp"
#include "support/mock_ports.hpp"

namespace gfsd::mocks {

// What the parse calls hand back: a stand-in that remembers its text.
struct FakeParsedAcl : ports::ParsedAcl {
  explicit FakeParsedAcl(std::string t) : text(std::move(t)) {}
  std::string text;
};
struct FakeParsedCaps : ports::ParsedCaps {
  explicit FakeParsedCaps(std::string t) : text(std::move(t)) {}
  std::string text;
};

class MockAcls : public ports::Acls {
 public:
  MockAcls();
  ~MockAcls() override;
  MOCK_METHOD(bool, available, (), (override));
  MOCK_METHOD(Result<std::unique_ptr<ports::ParsedAcl>>, parse, (const std::string& text),
              (override));
  MOCK_METHOD(Result<std::string>, get, (const std::string& host_path, ports::AclType type),
              (override));
  MOCK_METHOD(Result<void>, set,
              (const std::string& host_path, ports::AclType type, const ports::ParsedAcl& acl),
              (override));
  MOCK_METHOD(Result<void>, delete_default, (const std::string& host_path), (override));
};

class MockCapabilities : public ports::Capabilities {
 public:
  MockCapabilities();
  ~MockCapabilities() override;
  MOCK_METHOD(bool, available, (), (override));
  MOCK_METHOD(Result<std::unique_ptr<ports::ParsedCaps>>, parse, (const std::string& text),
              (override));
  MOCK_METHOD(Result<std::string>, get, (const std::string& host_path), (override));
  MOCK_METHOD(Result<void>, set, (const std::string& host_path, const ports::ParsedCaps& caps),
              (override));
};

class MockSELinux : public ports::SELinux {
 public:
  MockSELinux();
  ~MockSELinux() override;
  MOCK_METHOD(bool, available, (), (override));
  MOCK_METHOD(Result<std::string>, current_context, (), (override));
  MOCK_METHOD(Result<void>, set_context, (const std::string& context), (override));
};

// The text a FakeParsedAcl / FakeParsedCaps was made from.
MATCHER_P(ParsedFrom, text, "") {
  if (auto* a = dynamic_cast<const FakeParsedAcl*>(&arg)) return a->text == text;
  if (auto* c = dynamic_cast<const FakeParsedCaps*>(&arg)) return c->text == text;
  return false;
}

}  // namespace gfsd::mocks
