// btrfs_subvolume_show: the fields `btrfs subvolume show` prints, e.g.
//
//   sub1
//           Name:                   sub1
//           UUID:                   926656fd-50f5-2546-946e-e7480da9dca0
//           Parent UUID:            -
//           ...
//           Snapshot(s):
//                                   snap1
//                                   dir1/snap2
//           Quota group:            0/259
//             Limit referenced:     -
#include <optional>
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {
namespace {

// One line as "key: value". Leading blanks go; a line whose text starts
// with ':' has no key (and ends the fields); a line without ':' has no value
// (the subvolume's path, or a snapshot's name). The value loses its leading
// blanks; neither loses trailing ones.
struct Field {
  std::optional<std::string> key;
  std::optional<std::string> value;
};

Field split_field(std::string_view line) {
  const size_t start = line.find_first_not_of(kCBlanks);
  line.remove_prefix(start == std::string_view::npos ? line.size() : start);
  Field f;
  const size_t colon = line.find(':');
  if (colon != 0) f.key = std::string(line.substr(0, colon));
  if (colon != std::string_view::npos) {
    std::string_view rest = line.substr(colon + 1);
    const size_t v = rest.find_first_not_of(kCBlanks);
    f.value = std::string(v == std::string_view::npos ? std::string_view{} : rest.substr(v));
  }
  return f;
}

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Result<api::Hashtable> parse_btrfs_subvolume_show(std::string_view out) {
  // The first line must be whole: without its '\n' the output was cut short.
  if (out.find('\n') == std::string_view::npos)
    return fail("truncated output: " + std::string(out));
  std::vector<Field> fields;
  for (const auto& line : split_lines(out)) fields.push_back(split_field(line));

  api::Hashtable info;
  const Field& first = fields[0];
  if (first.key && !first.value)
    info.emplace_back("path", *first.key);
  else
    info.emplace_back(first.key.value_or(""), first.value.value_or(""));

  size_t i = 1;
  while (i < fields.size() && fields[i].key) {
    const Field& f = fields[i++];
    if (starts_with(*f.key, "Snapshot(s)")) {
      // The names follow, one a line, each a line without ':'.
      std::string names;
      for (; i < fields.size() && fields[i].key && !fields[i].value; ++i) {
        if (!names.empty()) names += ',';
        names += *fields[i].key;
      }
      info.emplace_back(*f.key, names);
      continue;
    }
    info.emplace_back(*f.key, f.value && *f.value != "-" ? *f.value : "");
  }
  return info;
}

Result<api::Hashtable> btrfs_subvolume_show(Ctx& ctx, const std::string& subvolume) {
  const std::vector<std::string> argv{"btrfs", "subvolume", "show", subvolume};
  ports::RunOptions opts;
  opts.guest_args = {followed(3)};
  auto r = ctx.runner.run(argv, opts);
  if (!r) return fail(subvolume + ": " + r.error().message);
  if (r->status != 0) return fail(subvolume + ": " + r->err);
  const std::string out = up_to_nul(std::move(r->out));

  // Older btrfs-progs answer for the top of the filesystem with
  // "<path> is btrfs root" (< 4.4) or "<path> is toplevel subvolume".
  if (out.find("is btrfs root") != std::string::npos ||
      out.find("is toplevel subvolume") != std::string::npos)
    return fail(subvolume + " is btrfs root");
  // Older ones again succeed on a plain directory, saying so on stderr.
  if (r->err.find("is not a subvolume") != std::string::npos)
    return fail(subvolume + " is not a subvolume");
  return parse_btrfs_subvolume_show(out);
}

}  // namespace gfsd::domain
