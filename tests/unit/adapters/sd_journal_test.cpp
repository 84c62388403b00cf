// SdJournal against the real libsystemd of the build host, on directories
// that need no journal writer: empty, missing, and holding a corrupt file.
#include "adapters/journal/sd_journal.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace gfsd::adapters {
namespace {

class SdJournalTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!journal_.available()) GTEST_SKIP() << "libsystemd.so.0 is not installed";
    char tmpl[] = "/tmp/sd_journal_test.XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    journal_.close();
    if (!dir_.empty()) std::system(("rm -rf '" + dir_ + "'").c_str());
  }

  SdJournal journal_;
  std::string dir_;
};

TEST_F(SdJournalTest, NothingOpenAtFirstAndEveryCallSaysSo) {
  EXPECT_FALSE(journal_.is_open());
  EXPECT_EQ(journal_.next().error().errnum, EBADF);
  EXPECT_EQ(journal_.realtime_usec().error().errnum, EBADF);
  EXPECT_EQ(journal_.next_field().error().errnum, EBADF);
  journal_.restart_fields();  // harmless
  journal_.close();           // harmless
}

TEST_F(SdJournalTest, AnEmptyDirectoryIsAnEmptyJournal) {
  ASSERT_TRUE(journal_.open(dir_));
  EXPECT_TRUE(journal_.is_open());
  auto more = journal_.next();
  ASSERT_TRUE(more);
  EXPECT_FALSE(*more);
  // No current entry.
  EXPECT_EQ(journal_.realtime_usec().error().errnum, EADDRNOTAVAIL);
  journal_.restart_fields();
  EXPECT_EQ(journal_.next_field().error().errnum, EADDRNOTAVAIL);
  journal_.close();
  EXPECT_FALSE(journal_.is_open());
}

TEST_F(SdJournalTest, AMissingDirectoryIsLibsystemdsError) {
  auto r = journal_.open(dir_ + "/missing");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_FALSE(journal_.is_open());
}

TEST_F(SdJournalTest, ACorruptJournalFileIsSkipped) {
  std::ofstream(dir_ + "/system.journal", std::ios::binary) << std::string(4096, 'x');
  ASSERT_TRUE(journal_.open(dir_));
  auto more = journal_.next();
  ASSERT_TRUE(more);
  EXPECT_FALSE(*more);
}

TEST_F(SdJournalTest, TheDataThresholdRoundTrips) {
  ASSERT_TRUE(journal_.open(dir_));
  auto t = journal_.data_threshold();
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, 65536u);  // libsystemd's default
  ASSERT_TRUE(journal_.set_data_threshold(0));
  EXPECT_EQ(*journal_.data_threshold(), 0u);
  ASSERT_TRUE(journal_.skip_forward(3));
  EXPECT_EQ(*journal_.skip_forward(3), 0);
  EXPECT_EQ(*journal_.skip_backward(3), 0);
}

TEST_F(SdJournalTest, OpeningAgainReplacesTheJournal) {
  ASSERT_TRUE(journal_.open(dir_));
  ASSERT_TRUE(journal_.set_data_threshold(7));
  ASSERT_TRUE(journal_.open(dir_));
  EXPECT_EQ(*journal_.data_threshold(), 65536u);
}

}  // namespace
}  // namespace gfsd::adapters
