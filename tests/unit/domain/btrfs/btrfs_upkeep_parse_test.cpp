// The readers of `btrfs balance status`, `btrfs scrub status -R` and
// `btrfs qgroup show --raw`. The fixtures are btrfs-progs 6.2's output
// (Debian 12), captured on a loop device.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>

#include "domain/btrfs/btrfs_upkeep_parse.hpp"
#include "domain/btrfs/btrfs_upkeep_scan.hpp"

namespace gfsd::domain::test {
namespace {

using btrfs_scan::scan;
using btrfs_scan::scan_u64;

// ---- the sscanf subset -------------------------------------------------------

TEST(BtrfsUpkeepScan, NumbersAsStrtoullReadsThem) {
  uint64_t v = 7;
  EXPECT_EQ(scan_u64("  42 rest", &v), 4u);
  EXPECT_EQ(v, 42u);
  EXPECT_EQ(scan_u64("+5", &v), 2u);
  EXPECT_EQ(v, 5u);
  EXPECT_EQ(scan_u64("-1", &v), 2u);
  EXPECT_EQ(v, UINT64_MAX);
  EXPECT_EQ(scan_u64("99999999999999999999999", &v), 23u);
  EXPECT_EQ(v, UINT64_MAX);
  EXPECT_EQ(scan_u64("18446744073709551615", &v), 20u);
  EXPECT_EQ(v, UINT64_MAX);
  v = 7;
  EXPECT_EQ(scan_u64("x1", &v), 0u);
  EXPECT_EQ(scan_u64("-", &v), 0u);
  EXPECT_EQ(scan_u64("", &v), 0u);
  EXPECT_EQ(v, 7u);
}

TEST(BtrfsUpkeepScan, BlanksInTheFormatMatchAnyRunOrNone) {
  uint64_t a = 0, b = 0;
  EXPECT_EQ(scan("1 of   2", "%u of %u", {&a, &b}), 2);
  EXPECT_EQ(a, 1u);
  EXPECT_EQ(b, 2u);
  EXPECT_EQ(scan("3of4", "%u of %u", {&a, &b}), 2);
  EXPECT_EQ(b, 4u);
}

TEST(BtrfsUpkeepScan, StopsAtTheFirstMismatchAndCountsWhatWasStored) {
  uint64_t a = 0, b = 0;
  EXPECT_EQ(scan("1 on 2", "%u of %u", {&a, &b}), 1);
  EXPECT_EQ(scan("x", "%u", {&a}), 0);
  // What follows the last conversion does not count.
  EXPECT_EQ(scan("5", "%u left", {&a}), 1);
  EXPECT_EQ(a, 5u);
}

// ---- balance -----------------------------------------------------------------

TEST(BtrfsBalanceStatusParse, NoBalance) {
  auto r = parse_btrfs_balance_status("No balance found on '/tmp/upkeep/mnt'\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (api::Btrfsbalance{"none", 0, 0, 0, 0}));
}

TEST(BtrfsBalanceStatusParse, Paused) {
  auto r = parse_btrfs_balance_status(
      "Balance on '/tmp/upkeep/mnt' is paused\n"
      "1 out of about 9 chunks balanced (1 considered),  89% left\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->btrfsbalance_status, "paused");
  EXPECT_EQ(r->btrfsbalance_balanced, 1u);
  EXPECT_EQ(r->btrfsbalance_total, 9u);
  EXPECT_EQ(r->btrfsbalance_considered, 1u);
  EXPECT_EQ(r->btrfsbalance_left, 89u);
}

TEST(BtrfsBalanceStatusParse, Running) {
  auto r = parse_btrfs_balance_status(
      "Balance on '/tmp/upkeep/mnt' is running\n"
      "0 out of about 8 chunks balanced (1 considered), 100% left\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (api::Btrfsbalance{"running", 8, 0, 1, 100}));
}

TEST(BtrfsBalanceStatusParse, APathWithTheSeparatorInIt) {
  auto r = parse_btrfs_balance_status(
      "Balance on '/a' is b' is paused\n3 out of about 8 chunks balanced (3 considered), 62% left\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->btrfsbalance_status, "paused");
}

TEST(BtrfsBalanceStatusParse, AStateWithMoreWordsIsRefused) {
  auto r = parse_btrfs_balance_status(
      "Balance on '/' is running, cancel requested\n"
      "0 out of about 8 chunks balanced (1 considered), 100% left\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "unexpected output from 'btrfs balance status' command: "
            "Balance on '/' is running, cancel requested");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsBalanceStatusParse, AnUnknownFirstLineIsRefused) {
  auto r = parse_btrfs_balance_status("Something else\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "unexpected output from 'btrfs balance status' command: Something else");
}

TEST(BtrfsBalanceStatusParse, NoOutput) {
  auto r = parse_btrfs_balance_status("");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "No balance status output: Success");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsBalanceStatusParse, NoProgressLine) {
  auto r = parse_btrfs_balance_status("Balance on '/' is running\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "truncated output from 'btrfs balance status' command");
}

TEST(BtrfsBalanceStatusParse, AnUnreadableProgressLine) {
  auto r = parse_btrfs_balance_status(
      "Balance on '/' is running\n3 out of 8 chunks balanced (3 considered), 62% left\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "sscanf: Success");
}

// ---- scrub -------------------------------------------------------------------

const char kScrubFinished[] =
    "UUID:             0dd63fec-d69b-433b-98ea-ec9f536fa0f5\n"
    "Scrub started:    Sun Dec  6 18:27:03 2026\n"
    "Status:           finished\n"
    "Duration:         0:00:00\n"
    "\tdata_extents_scrubbed: 1968\n"
    "\ttree_extents_scrubbed: 42\n"
    "\tdata_bytes_scrubbed: 128974848\n"
    "\ttree_bytes_scrubbed: 688128\n"
    "\tread_errors: 0\n"
    "\tcsum_errors: 1\n"
    "\tverify_errors: 2\n"
    "\tno_csum: 3\n"
    "\tcsum_discards: 4\n"
    "\tsuper_errors: 5\n"
    "\tmalloc_errors: 6\n"
    "\tuncorrectable_errors: 7\n"
    "\tunverified_errors: 8\n"
    "\tcorrected_errors: 9\n"
    "\tlast_physical: 419430400\n";

TEST(BtrfsScrubStatusParse, EveryCounter) {
  auto r = parse_btrfs_scrub_status(kScrubFinished);
  ASSERT_TRUE(r) << r.error().message;
  const api::Btrfsscrub want{1968, 42, 128974848, 688128, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 419430400};
  EXPECT_EQ(*r, want);
}

// btrfs-progs 6.2 prints the zero counters after "no stats available": the
// original stopped at that line.
TEST(BtrfsScrubStatusParse, NeverScrubbed) {
  auto r = parse_btrfs_scrub_status(
      "UUID:             0dd63fec-d69b-433b-98ea-ec9f536fa0f5\n"
      "\tno stats available\n"
      "\tdata_extents_scrubbed: 0\n"
      "\ttree_extents_scrubbed: 0\n"
      "\tdata_bytes_scrubbed: 0\n"
      "\ttree_bytes_scrubbed: 0\n"
      "\tread_errors: 0\n"
      "\tcsum_errors: 0\n"
      "\tverify_errors: 0\n"
      "\tno_csum: 0\n"
      "\tcsum_discards: 0\n"
      "\tsuper_errors: 0\n"
      "\tmalloc_errors: 0\n"
      "\tuncorrectable_errors: 0\n"
      "\tunverified_errors: 0\n"
      "\tcorrected_errors: 0\n"
      "\tlast_physical: 0\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, api::Btrfsscrub{});
}

TEST(BtrfsScrubStatusParse, NoStatsAloneIsEnough) {
  auto r = parse_btrfs_scrub_status("scrub status for 3461\n\tno stats available\n\tgarbage\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, api::Btrfsscrub{});
}

// The older layout: a tabbed "scrub started at" line, skipped.
TEST(BtrfsScrubStatusParse, OlderLayoutWithAStartedLine) {
  std::string out = kScrubFinished;
  out.replace(0, out.find("\tdata_extents"),
              "scrub status for 346121d1\n"
              "\tscrub started at Mon Feb  2 17:39:38 2015, running for 93 seconds\n");
  auto r = parse_btrfs_scrub_status(out);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->btrfsscrub_data_extents_scrubbed, 1968u);
  EXPECT_EQ(r->btrfsscrub_last_physical, 419430400u);
}

TEST(BtrfsScrubStatusParse, AnUnknownTabbedLineIsRefused) {
  std::string out = kScrubFinished;
  out += "\tnew_counter: 1\n";
  auto r = parse_btrfs_scrub_status(out);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "\tnew_counter: 1: could not parse btrfs scrub status.");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsScrubStatusParse, LinesWithoutATabAreHeaders) {
  std::string out = kScrubFinished;
  out += "Error summary:    no errors found\n\n";
  auto r = parse_btrfs_scrub_status(out);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->btrfsscrub_verify_errors, 2u);
}

TEST(BtrfsScrubStatusParse, TooFewLines) {
  for (const char* out : {"", "UUID: x\n"}) {
    auto r = parse_btrfs_scrub_status(out);
    ASSERT_FALSE(r) << out;
    EXPECT_EQ(r.error().message, "truncated output from 'btrfs scrub status -R' command");
  }
  // Every line known, but fewer than seventeen of them.
  auto r = parse_btrfs_scrub_status("UUID: x\n\tread_errors: 1\n\tno_csum: 2\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "truncated output from 'btrfs scrub status -R' command");
}

// ---- qgroups -----------------------------------------------------------------

TEST(BtrfsQgroupShowParse, RawReport) {
  auto r = parse_btrfs_qgroup_show(
      "Qgroupid    Referenced    Exclusive   Path \n"
      "--------    ----------    ---------   ---- \n"
      "0/5              16384        16384   <toplevel>\n"
      "0/256          3162112      3162112   sv1\n"
      "0/257            16384        16384   sv2\n"
      "1/0            3162112      3162112   <0 member qgroups>\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, testing::ElementsAre(api::Btrfsqgroup{"0/5", 16384, 16384},
                                       api::Btrfsqgroup{"0/256", 3162112, 3162112},
                                       api::Btrfsqgroup{"0/257", 16384, 16384},
                                       api::Btrfsqgroup{"1/0", 3162112, 3162112}));
}

TEST(BtrfsQgroupShowParse, OnlyTheHeader) {
  auto r = parse_btrfs_qgroup_show("qgroupid rfer excl\n-------- ---- ----\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->empty());
}

// Sizes with units (a btrfs without --raw would not print them; one that
// ignored it would) are refused, not misread.
TEST(BtrfsQgroupShowParse, SizesWithUnitsAreRefused) {
  auto r = parse_btrfs_qgroup_show(
      "Qgroupid    Referenced    Exclusive   Path \n"
      "--------    ----------    ---------   ---- \n"
      "0/5           16.00KiB     16.00KiB   <toplevel>\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "cannot parse output of qgroup show command: "
            "0/5           16.00KiB     16.00KiB   <toplevel>");
}

TEST(BtrfsQgroupShowParse, TheIdMustStartTheLine) {
  auto r = parse_btrfs_qgroup_show("h\n-\n 0/5 1 2\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "cannot parse output of qgroup show command:  0/5 1 2");
}

TEST(BtrfsQgroupShowParse, AMissingColumnIsRefused) {
  auto r = parse_btrfs_qgroup_show("h\n-\n0/5 1\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "cannot parse output of qgroup show command: 0/5 1");
}

// Fewer than the two header lines: the original's count of entries wrapped
// around and the allocation failed.
TEST(BtrfsQgroupShowParse, NoHeader) {
  auto r = parse_btrfs_qgroup_show("only one line\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOMEM);
  EXPECT_EQ(r.error().message, "calloc: Cannot allocate memory");
}

}  // namespace
}  // namespace gfsd::domain::test
