// What this build implements: the handlers register_all() fills, checked
// against tests/unit/implemented-actions.txt, a ratchet. A handler that goes
// missing fails the test; a new one fails it too until it is added to the
// list, so the list always says exactly what the daemon answers.
//
// After adding actions, rewrite the list from the build and review the diff:
//   GFSD_UPDATE_IMPLEMENTED_ACTIONS=1 build/unit_tests --gtest_filter='Registration.*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "domain/register.hpp"
#include "proto/action_table.hpp"
#include "proto/codec_support.hpp"

namespace gfsd::domain {
namespace {

// Defined by tests/CMakeLists.txt for this file.
constexpr const char* kListPath = GFSD_IMPLEMENTED_ACTIONS_LIST;

api::Handlers registered() {
  api::Handlers h;
  register_all(h);
  return h;
}

std::vector<std::string> registered_names() {
  const api::Handlers h = registered();
  std::set<std::string> names;
  for (int i = 0; i < proto::kNumActionList; ++i)
    if (proto::handler_present(h, proto::kActionList[i].proc)) names.insert(proto::kActionList[i].name);
  return {names.begin(), names.end()};
}

// The list as written: one action name a line; blank lines and "#" comments
// skipped. False if the file cannot be read.
bool read_listed_names(std::vector<std::string>* names) {
  std::ifstream in(kListPath);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    names->push_back(line);
  }
  return true;
}

TEST(Registration, HandlersMatchTheImplementedList) {
  const std::vector<std::string> have = registered_names();
  if (std::getenv("GFSD_UPDATE_IMPLEMENTED_ACTIONS")) {
    std::ofstream out(kListPath, std::ios::trunc);
    out << "# Actions with a handler after domain::register_all(), one a line, sorted.\n"
        << "# Checked by tests/unit/domain/registration_test.cpp (see there to rewrite it).\n";
    for (const std::string& n : have) out << n << "\n";
    ASSERT_TRUE(out.good()) << "cannot write " << kListPath;
    std::printf("wrote %zu actions to %s\n", have.size(), kListPath);
    return;
  }

  std::vector<std::string> listed;
  ASSERT_TRUE(read_listed_names(&listed)) << "cannot read " << kListPath;
  for (const std::string& n : listed)
    EXPECT_NE(proto::find_action(n), nullptr) << kListPath << ": no action named \"" << n << "\"";
  const std::set<std::string> listed_set(listed.begin(), listed.end());
  EXPECT_EQ(listed_set.size(), listed.size()) << kListPath << " names an action twice";
  EXPECT_TRUE(std::is_sorted(listed.begin(), listed.end())) << kListPath << " is not sorted";

  const std::set<std::string> have_set(have.begin(), have.end());
  std::ostringstream diff;
  int removed = 0, added = 0;
  for (const std::string& n : listed_set)
    if (!have_set.count(n)) {
      diff << "- " << n << "   (listed, but no handler is registered)\n";
      ++removed;
    }
  for (const std::string& n : have)
    if (!listed_set.count(n)) {
      diff << "+ " << n << "   (registered, but not in the list: add it)\n";
      ++added;
    }
  EXPECT_EQ(removed + added, 0)
      << "the registered actions differ from " << kListPath << ":\n"
      << diff.str() << removed << " handler(s) gone, " << added << " new.\n"
      << "A new action belongs in the list; a handler that went missing is a regression.\n"
      << "To rewrite the list from this build: GFSD_UPDATE_IMPLEMENTED_ACTIONS=1 "
         "unit_tests --gtest_filter='Registration.*'";
}

// The table has every action of the library, and how much of it is done.
TEST(Registration, TableListsEveryActionOfTheLibrary) {
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
