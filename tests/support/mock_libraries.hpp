// Every library-backed port at once (acl, capabilities, SELinux, journal,
// inotify, YARA, The Sleuth Kit), each saying its library loads: for the tests
// that need the feature groups served by libraries to be available.
#pragma once

#include <gmock/gmock.h>

#include "domain/ctx.hpp"
#include "support/mock_inotify.hpp"
#include "support/mock_journal.hpp"
#include "support/mock_security.hpp"
#include "support/mock_tsk.hpp"
#include "support/mock_yara.hpp"

namespace gfsd::mocks {

struct MockLibraries {
  testing::NiceMock<MockAcls> acls;
  testing::NiceMock<MockCapabilities> caps;
  testing::NiceMock<MockSELinux> selinux;
  testing::NiceMock<MockJournal> journal;
  testing::NiceMock<MockInotify> inotify;
  testing::NiceMock<MockYara> yara;
  testing::NiceMock<MockSleuthKit> tsk;

  MockLibraries();
  ~MockLibraries();
  MockLibraries(const MockLibraries&) = delete;
  MockLibraries& operator=(const MockLibraries&) = delete;

  void attach(domain::Ctx& ctx) {
    ctx.acls = &acls;
    ctx.caps = &caps;
    ctx.selinux = &selinux;
    ctx.journal = &journal;
    ctx.inotify = &inotify;
    ctx.yara = &yara;
    ctx.tsk = &tsk;
  }
};

}  // namespace gfsd::mocks
