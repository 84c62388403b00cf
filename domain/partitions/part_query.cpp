#include <cctype>

#include "domain/partitions/parted.hpp"
#include "domain/partitions/partition_actions.hpp"

namespace gfsd::domain {

namespace {

// Reads a decimal integer at pos (optional sign); false if there is none.
bool read_int(const std::string& s, size_t& pos, int64_t& out) {
  size_t i = pos;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  const size_t digits = i;
  int64_t v = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
    v = v * 10 + (s[i++] - '0');
  if (i == digits) return false;
  out = negative ? -v : v;
  pos = i;
  return true;
}

bool expect(const std::string& s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

// "1:1048576B:2097151B:1048576B:ext2:name:flags;"
Result<api::Partition> parse_partition_row(const std::string& row) {
  size_t pos = 0;
  int64_t num = 0, start = 0, end = 0, size = 0;
  const bool ok = read_int(row, pos, num) && expect(row, pos, ':') &&
                  read_int(row, pos, start) && expect(row, pos, 'B') &&
                  expect(row, pos, ':') && read_int(row, pos, end) && expect(row, pos, 'B') &&
                  expect(row, pos, ':') && read_int(row, pos, size) && expect(row, pos, 'B');
  if (!ok)
    return fail("could not parse row from output of 'parted print' command: " + row +
                ": scanf: bad input at char number " + std::to_string(pos));
  return api::Partition{static_cast<int32_t>(num), start, end, size};
}

}  // namespace

Result<std::vector<api::Partition>> part_list(Ctx& ctx, const std::string& device) {
  auto table = parted_print_table(ctx, device);
  if (!table) return forward(table.error());
  std::vector<api::Partition> out;
  for (const auto& row : table->partitions) {
    auto p = parse_partition_row(row);
    if (!p) return forward(p.error());
    out.push_back(*p);
  }
  return out;
}

Result<std::string> part_get_parttype(Ctx& ctx, const std::string& device) {
  auto table = parted_print_table(ctx, device);
  if (!table) return forward(table.error());
  // "/dev/sda:1073741824B:scsi:512:512:gpt:QEMU QEMU HARDDISK:;": field 6 is the label.
  std::vector<std::string> fields;
  size_t pos = 0;
  for (;;) {
    const size_t sep = table->device_line.find(':', pos);
    fields.push_back(table->device_line.substr(pos, sep == std::string::npos ? sep : sep - pos));
    if (sep == std::string::npos) break;
    pos = sep + 1;
  }
  if (fields.size() < 6) return fail(device + ": cannot parse the output of parted");
  if (fields[5] != "loop") return fields[5];
  // "loop" is a filesystem on the whole disk, unless it is mkfs.fat's fake MBR
  // that parted does not recognise.
  if (has_bogus_mbr(ctx, device)) return std::string("msdos");
  return fail(device + ": not a partitioned device");
}

Result<bool> part_get_bootable(Ctx& ctx, const std::string& device, int32_t partnum) {
  GFSD_TRY(check_partnum(partnum));
  auto lines = parted_print_lines(ctx, device);
  if (!lines) return forward(lines.error());
  auto row = parted_find_row(*lines, partnum);
  if (!row) return forward(row.error());
  auto flags = parted_row_field(*row, 6);
  if (!flags) return forward(flags.error());
  return flags->find("boot") != std::string::npos;
}

Result<std::string> part_get_name(Ctx& ctx, const std::string& device, int32_t partnum) {
  auto parttype = part_get_parttype(ctx, device);
  if (!parttype) return forward(parttype.error());
  if (*parttype != "gpt") return fail("part-get-name can only be used on GUID Partition Tables");
  auto lines = parted_print_lines(ctx, device);
  if (!lines) return forward(lines.error());
  auto row = parted_find_row(*lines, partnum);
  if (!row) return forward(row.error());
  return parted_row_field(*row, 5);
}

}  // namespace gfsd::domain
