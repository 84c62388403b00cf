// The ISO 9660 Primary Volume Descriptor (ECMA-119 8.4), read into the
// isoinfo struct field by field as the original daemon does.
#pragma once

#include <cstdint>
#include <string>

#include "api.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::iso {

// Where the descriptor is (sector 16 of 2048 bytes) and its size.
inline constexpr int64_t kPvdOffset = 32768;
inline constexpr size_t kPvdSize = 2048;

// pvd: the bytes read at kPvdOffset (fewer when the file is shorter). A short
// read or a descriptor that is not a primary one ("\1CD001") is the error
// "<name>: not an ISO file or CD-ROM".
Result<api::Isoinfo> parse_pvd(const std::string& pvd, const std::string& name);

// A dec-datetime (17 bytes: 16 digits, then the zone offset in 15 minute
// steps) as seconds since the epoch; -1 when it is all zero digits ("not
// specified").
Result<int64_t> parse_datetime(const std::string& field);

}  // namespace gfsd::domain::iso
