// The three parsers keep the original's quirks on purpose: lines it skipped,
// lines it refused, and the errno-less perror texts it sent.
#include "domain/btrfs/btrfs_upkeep_parse.hpp"

#include <cerrno>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "domain/btrfs/btrfs_upkeep_scan.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {

using btrfs_scan::scan;

namespace {

// The status word of "Balance on '<path>' is <status>": everything after the
// last "' is " that follows the opening quote (the original's greedy
// "Balance on '.*' is (.*)", compared to the end of the line).
std::optional<std::string> balance_state(const std::string& line) {
  static constexpr std::string_view kHead = "Balance on '";
  static constexpr std::string_view kIs = "' is ";
  const size_t head = line.find(kHead);
  if (head == std::string::npos) return std::nullopt;
  const size_t is = line.rfind(kIs);
  if (is == std::string::npos || is < head + kHead.size()) return std::nullopt;
  return line.substr(is + kIs.size());
}

}  // namespace

// "Balance on '/' is running" (or "paused") then
// "3 out of about 8 chunks balanced (3 considered), 62% left";
// or "No balance found on '/'".
Result<api::Btrfsbalance> parse_btrfs_balance_status(const std::string& out) {
  const auto lines = split_lines(out);
  // The original reported this with perror and no errno set.
  if (lines.empty()) return fail_errno(0, "No balance status output");

  api::Btrfsbalance b;
  if (lines[0].find("No balance found on") != std::string::npos) {
    b.btrfsbalance_status = "none";
    return b;
  }
  const auto state = balance_state(lines[0]);
  if (!state || (*state != "running" && *state != "paused"))
    return fail("unexpected output from 'btrfs balance status' command: " + lines[0]);
  b.btrfsbalance_status = *state;

  if (lines.size() < 2) return fail("truncated output from 'btrfs balance status' command");
  // The original's sscanf had nothing to set errno either.
  if (scan(lines[1], "%u out of about %u chunks balanced (%u considered), %u",
           {&b.btrfsbalance_balanced, &b.btrfsbalance_total, &b.btrfsbalance_considered,
            &b.btrfsbalance_left}) != 4)
    return fail_errno(0, "sscanf");
  return b;
}

// "\t<counter>: <n>" lines (others, not starting with a tab, are headers),
// or a "\tno stats available" line, which means all zero.
Result<api::Btrfsscrub> parse_btrfs_scrub_status(const std::string& out) {
  static constexpr const char* kTruncated =
      "truncated output from 'btrfs scrub status -R' command";
  const auto lines = split_lines(out);
  if (lines.size() < 2) return fail(kTruncated);

  api::Btrfsscrub s;
  // Tried in this order; the format's leading tab, as sscanf's, skips any
  // blanks.
  const std::pair<const char*, uint64_t*> counters[] = {
      {"\tdata_extents_scrubbed: %u", &s.btrfsscrub_data_extents_scrubbed},
      {"\ttree_extents_scrubbed: %u", &s.btrfsscrub_tree_extents_scrubbed},
      {"\tdata_bytes_scrubbed: %u", &s.btrfsscrub_data_bytes_scrubbed},
      {"\ttree_bytes_scrubbed: %u", &s.btrfsscrub_tree_bytes_scrubbed},
      {"\tread_errors: %u", &s.btrfsscrub_read_errors},
      {"\tcsum_errors: %u", &s.btrfsscrub_csum_errors},
      {"\tverify_errors: %u", &s.btrfsscrub_verify_errors},
      {"\tno_csum: %u", &s.btrfsscrub_no_csum},
      {"\tcsum_discards: %u", &s.btrfsscrub_csum_discards},
      {"\tsuper_errors: %u", &s.btrfsscrub_super_errors},
      {"\tmalloc_errors: %u", &s.btrfsscrub_malloc_errors},
      {"\tuncorrectable_errors: %u", &s.btrfsscrub_uncorrectable_errors},
      {"\tunverified_errors: %u", &s.btrfsscrub_unverified_errors},
      {"\tcorrected_errors: %u", &s.btrfsscrub_corrected_errors},
      {"\tlast_physical: %u", &s.btrfsscrub_last_physical},
  };
  for (const auto& line : lines) {
    if (line.empty() || line[0] != '\t') continue;
    if (line == "\tno stats available") return s;
    if (line.starts_with("\tscrub started at")) continue;
    bool known = false;
    for (const auto& [format, field] : counters) {
      if (scan(line, format, {field}) == 1) {
        known = true;
        break;
      }
    }
    if (!known) return fail(line + ": could not parse btrfs scrub status.");
  }
  // A complete report has a header and all fifteen counters at least.
  if (lines.size() < 17) return fail(kTruncated);
  return s;
}

// Two header lines, then "<qgroupid> <referenced> <exclusive> [...]" in bytes.
Result<std::vector<api::Btrfsqgroup>> parse_btrfs_qgroup_show(const std::string& out) {
  const auto lines = split_lines(out);
  // The original took two header lines for granted: with fewer, its count
  // wrapped around and the allocation for that many entries failed.
  if (lines.size() < 2) return fail_errno(ENOMEM, "calloc");

  std::vector<api::Btrfsqgroup> groups;
  for (size_t i = 2; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    // The id is a run of digits and '/' right at the start (sscanf's
    // "%[0-9/]", which skips no blanks), then the two byte counts.
    const size_t id_len = line.find_first_not_of("0123456789/");
    api::Btrfsqgroup g;
    g.btrfsqgroup_id = line.substr(0, id_len);
    if (g.btrfsqgroup_id.empty() ||
        scan(std::string_view(line).substr(g.btrfsqgroup_id.size()), " %u %u",
             {&g.btrfsqgroup_rfer, &g.btrfsqgroup_excl}) != 2)
      return fail("cannot parse output of qgroup show command: " + line);
    groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace gfsd::domain
