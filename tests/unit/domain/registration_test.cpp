// What this build implements, counted per tier from the one action table.
#include <gtest/gtest.h>

#include <cstdio>

#include "domain/register.hpp"
#include "proto/action_table.hpp"
#include "proto/codec_support.hpp"

namespace gfsd::domain {
namespace {

api::Handlers registered() {
  api::Handlers h;
  register_all(h);
  return h;
}

TEST(Registration, CountsPerTier) {
  const api::Handlers h = registered();
  int done[3] = {0, 0, 0}, all[3] = {0, 0, 0};
  for (int i = 0; i < proto::kNumActionList; ++i) {
    const auto& a = proto::kActionList[i];
    const int t = static_cast<int>(a.tier);
    ++all[t];
    done[t] += proto::handler_present(h, a.proc);
  }
  std::printf("implemented: T1 %d/%d, T2 %d/%d, T3 %d/%d, total %d/%d\n", done[0], all[0],
              done[1], all[1], done[2], all[2], done[0] + done[1] + done[2],
              all[0] + all[1] + all[2]);
  EXPECT_EQ(all[0] + all[1] + all[2], 492);
}

// The first operations of the foundation issue: all of them must be there.
TEST(Registration, FoundationActionsAreImplemented) {
  const api::Handlers h = registered();
  for (const char* name :
       {"ping_daemon", "echo_daemon", "internal_autosync", "internal_feature_available", "touch",
        "mkdir", "mkdir_p", "rmdir", "rm", "rm_rf", "rm_f", "exists", "is_file", "is_dir",
        "is_symlink", "ls0", "ll", "statns", "lstatns", "internal_lstatnslist", "statvfs",
        "lgetxattrs", "internal_lxattrlist", "readlink", "internal_readlinklist",
        "internal_write", "internal_write_append", "upload", "download", "filesize", "mktemp",
        "chmod", "chown", "truncate", "umask", "sync"}) {
    const auto* a = proto::find_action(name);
    ASSERT_NE(a, nullptr) << name;
    EXPECT_TRUE(proto::handler_present(h, a->proc)) << name;
  }
}

}  // namespace
}  // namespace gfsd::domain
