// internal_journal_get: the exact bytes the library's journal_get decodes
// (lib/journal.c), and the order of reply, fields and end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/journal/journal_actions.hpp"
#include "support/mock_journal.hpp"
#include "unit/domain/archives/archive_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockJournal;
using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::NiceMock;
using testing::Return;

using std::string_literals::operator""s;
using Field = Result<std::optional<std::string_view>>;

Field field(std::string_view s) { return std::optional<std::string_view>(s); }
Field end_of_fields() { return std::optional<std::string_view>(); }

struct Fixture {
  MockPorts m;
  NiceMock<MockJournal> journal;
  Ctx ctx = m.ctx();
  std::shared_ptr<Download> down = record_download(m);
  Fixture() {
    ctx.journal = &journal;
    ON_CALL(journal, is_open()).WillByDefault(Return(true));
  }
};

TEST(InternalJournalGet, EachFieldIsABigEndianLengthThenItsBytes) {
  Fixture f;
  const std::string binary("BLOB=\0\x01\xff", 8);
  {
    InSequence seq;
    EXPECT_CALL(f.m.download, start());
    EXPECT_CALL(f.journal, restart_fields());
    EXPECT_CALL(f.journal, next_field())
        .WillOnce(Return(field("MESSAGE=hello")))
        .WillOnce(Return(field("_PID=1")))
        .WillOnce(Return(field(binary)))
        .WillOnce(Return(end_of_fields()));
    EXPECT_CALL(f.m.download, finish());
  }
  ASSERT_TRUE(internal_journal_get(f.ctx));
  const std::string expected =
      "\0\0\0\0\0\0\0\x0d" "MESSAGE=hello"
      "\0\0\0\0\0\0\0\x06" "_PID=1"
      "\0\0\0\0\0\0\0\x08" "BLOB=\0\x01\xff"s;
  EXPECT_EQ(f.down->data, expected);
  EXPECT_TRUE(f.down->finished);
}

TEST(InternalJournalGet, AnEntryWithoutFieldsIsAnEmptyFile) {
  Fixture f;
  EXPECT_CALL(f.journal, next_field()).WillOnce(Return(end_of_fields()));
  ASSERT_TRUE(internal_journal_get(f.ctx));
  EXPECT_TRUE(f.down->started);
  EXPECT_EQ(f.down->data, "");
  EXPECT_TRUE(f.down->finished);
}

TEST(InternalJournalGet, ALargeFieldGoesOutAsItIsWithoutACopy) {
  Fixture f;
  std::string big = "COREDUMP=";
  big.append(3 << 20, 'x');
  std::vector<std::pair<const char*, size_t>> writes;
  EXPECT_CALL(f.m.download, write(_, _)).WillRepeatedly([&](const char* p, size_t n) {
    writes.emplace_back(p, n);
    return Result<void>{};
  });
  EXPECT_CALL(f.journal, next_field())
      .WillOnce(Return(field(big)))
      .WillOnce(Return(end_of_fields()));
  ASSERT_TRUE(internal_journal_get(f.ctx));
  ASSERT_EQ(writes.size(), 2u);
  EXPECT_EQ(writes[0].second, 8u);
  // The library's own bytes are handed to the stream: nothing is gathered.
  EXPECT_EQ(writes[1].first, big.data());
  EXPECT_EQ(writes[1].second, big.size());
}

TEST(InternalJournalGet, AnErrorAfterTheReplyCancels) {
  Fixture f;
  EXPECT_CALL(f.journal, next_field())
      .WillOnce(Return(field("A=1")))
      .WillOnce(Return(fail_with(EADDRNOTAVAIL, "")));
  EXPECT_CALL(f.m.download, finish()).Times(0);
  EXPECT_THAT(internal_journal_get(f.ctx),
              IsError(EADDRNOTAVAIL, "sd_journal_enumerate_data: Cannot assign requested address"));
  EXPECT_TRUE(f.down->started);
}

TEST(InternalJournalGet, ACancelledTransferStopsTheFields) {
  Fixture f;
  EXPECT_CALL(f.m.download, write(_, _)).WillOnce(Return(fail_with(ECANCELED, "file transfer cancelled")));
  EXPECT_CALL(f.journal, next_field()).WillOnce(Return(field("A=1")));
  EXPECT_CALL(f.m.download, finish()).Times(0);
  EXPECT_THAT(internal_journal_get(f.ctx), IsError(ECANCELED, "file transfer cancelled"));
}

}  // namespace
}  // namespace gfsd::domain::test
