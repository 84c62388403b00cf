// The little of sscanf(3) that the original daemon used to read btrfs
// reports, with sscanf's exact leniency, so that a line it accepted (or
// refused) is accepted (or refused) here too.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace gfsd::domain::btrfs_scan {

// Reads `text` against `format`, where
//   - a blank in the format skips any run of blanks in the text, none too;
//   - "%u" is sscanf's "%" SCNu64: blanks skipped, an optional sign, at least
//     one decimal digit (strtoull: a '-' wraps around, overflow gives
//     UINT64_MAX); anything after the digits is left for the format;
//   - any other byte must be the next byte of the text.
// Returns how many "%u" were stored, in order, into `outs`, as sscanf counts
// them: scanning stops at the first mismatch, and what the format asks after
// the last conversion does not change the count.
int scan(std::string_view text, std::string_view format, std::initializer_list<uint64_t*> outs);

// One "%u" at the start of text (blanks skipped first). On success, returns
// the number of bytes read and sets *out; 0 when there is no number there.
size_t scan_u64(std::string_view text, uint64_t* out);

}  // namespace gfsd::domain::btrfs_scan
