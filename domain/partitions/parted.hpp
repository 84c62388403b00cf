// Running parted(8) as the original did: udev settled before and after each
// command, and the machine-readable ("-m ... unit b print") table parsed.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// "gpt", "msdos" ... with the aliases efi -> gpt, mbr -> msdos, rdb -> amiga;
// empty if unknown.
std::string parted_label_type(const std::string& parttype);

// parted -s -- DEVICE ARGS... with stdout folded on stderr (parted reports
// errors on stdout). Errors read "parted: DEVICE: <parted's output>".
Result<void> parted_change(Ctx& ctx, const std::string& device,
                           const std::vector<std::string>& args);

// The table as the original's C actions read it: lines of
// "parted -m -s -- DEVICE unit b print"; errors "parted print: DEVICE: ...",
// EINVAL for a disk without a partition table.
Result<std::vector<std::string>> parted_print_lines(Ctx& ctx, const std::string& device);

// The table as the original's OCaml actions read it: the device line and the
// partition lines after the "BYT;" header.
struct PartedTable {
  std::string device_line;
  std::vector<std::string> partitions;
};
Result<PartedTable> parted_print_table(Ctx& ctx, const std::string& device);

// The row of partition PARTNUM in parted_print_lines output (header checked).
Result<std::string> parted_find_row(const std::vector<std::string>& lines, int32_t partnum);

// Field N (0-based) of a row, fields separated by ':' or ';'.
Result<std::string> parted_row_field(const std::string& row, int n);

}  // namespace gfsd::domain
