// The out-of-line parts of the library ports' GoogleMock doubles and of
// MockLibraries (see mock_ports.cpp for why they are out of line).
#include "support/mock_libraries.hpp"

namespace gfsd::mocks {

MockAcls::MockAcls() {
  ON_CALL(*this, available()).WillByDefault(testing::Return(true));
  // Any text parses unless a test says otherwise.
  ON_CALL(*this, parse).WillByDefault([](const std::string& text) {
    return Result<std::unique_ptr<ports::ParsedAcl>>(std::make_unique<FakeParsedAcl>(text));
  });
  GFSD_FAIL_BY_DEFAULT(Acls, get);
  GFSD_FAIL_BY_DEFAULT(Acls, set);
  GFSD_FAIL_BY_DEFAULT(Acls, delete_default);
}
MockAcls::~MockAcls() = default;

MockCapabilities::MockCapabilities() {
  ON_CALL(*this, available()).WillByDefault(testing::Return(true));
  ON_CALL(*this, parse).WillByDefault([](const std::string& text) {
    return Result<std::unique_ptr<ports::ParsedCaps>>(std::make_unique<FakeParsedCaps>(text));
  });
  GFSD_FAIL_BY_DEFAULT(Capabilities, get);
  GFSD_FAIL_BY_DEFAULT(Capabilities, set);
}
MockCapabilities::~MockCapabilities() = default;

MockSELinux::MockSELinux() {
  ON_CALL(*this, available()).WillByDefault(testing::Return(true));
  GFSD_FAIL_BY_DEFAULT(SELinux, current_context);
  GFSD_FAIL_BY_DEFAULT(SELinux, set_context);
}
MockSELinux::~MockSELinux() = default;

MockJournal::~MockJournal() = default;

MockInotify::MockInotify() {
  ON_CALL(*this, available()).WillByDefault(testing::Return(true));
  ON_CALL(*this, is_open()).WillByDefault([this] { return open_; });
  ON_CALL(*this, open()).WillByDefault([this] {
    open_ = true;
    return Result<void>{};
  });
  ON_CALL(*this, close()).WillByDefault([this] {
    open_ = false;
    return Result<void>{};
  });
  GFSD_FAIL_BY_DEFAULT(Inotify, set_max_queued_events);
  GFSD_FAIL_BY_DEFAULT(Inotify, add_watch);
  GFSD_FAIL_BY_DEFAULT(Inotify, rm_watch);
  GFSD_FAIL_BY_DEFAULT(Inotify, read_queued);
}
MockInotify::~MockInotify() = default;

MockYara::~MockYara() = default;

MockYaraTarget::~MockYaraTarget() = default;

MockSleuthKit::~MockSleuthKit() = default;

MockTskImage::~MockTskImage() = default;

MockLibraries::MockLibraries() {
  ON_CALL(acls, available()).WillByDefault(testing::Return(true));
  ON_CALL(caps, available()).WillByDefault(testing::Return(true));
  ON_CALL(selinux, available()).WillByDefault(testing::Return(true));
  ON_CALL(journal, available()).WillByDefault(testing::Return(true));
  ON_CALL(inotify, available()).WillByDefault(testing::Return(true));
  ON_CALL(yara, available()).WillByDefault(testing::Return(true));
  ON_CALL(tsk, available()).WillByDefault(testing::Return(true));
}
MockLibraries::~MockLibraries() = default;

}  // namespace gfsd::mocks
