// One name of a libtsk walk as the guestfs_int_tsk_dirent XDR record that the
// library's filesystem_walk and find_inode read back from the downloaded file
// (lib/tsk.c decodes them one after another until the end of the file).
#pragma once

#include <cstddef>
#include <cstdint>

#include "domain/core/xdr_records.hpp"
#include "ports/sleuthkit.hpp"

namespace gfsd::domain {

// tsk_flags bits.
inline constexpr uint32_t kTskUnallocated = 0x00;
inline constexpr uint32_t kTskAllocated = 0x01;
inline constexpr uint32_t kTskReallocated = 0x02;  // a deleted name whose inode is in use again
inline constexpr uint32_t kTskCompressed = 0x04;

// The original encoded each record into a buffer of one chunk's size
// (8192 bytes) and abandoned the walk when a record did not fit.
inline constexpr size_t kTskMaxRecord = 8192;

// "." and ".." are left out, except the root directory's own ".".
bool tsk_skips_entry(const ports::TskEntry& e);

// tsk_type: one letter for the name's type; 'u' for libtsk's virtual files
// and anything it does not name.
char tsk_type_letter(ports::TskEntry::Type t);

uint32_t tsk_flags(const ports::TskEntry& e);

// Appends the record for e (its name: parent path + name) to out.
void encode_tsk_dirent(const ports::TskEntry& e, XdrRecord& out);

}  // namespace gfsd::domain
