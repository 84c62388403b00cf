// The library names disks /dev/sda, /dev/sdb ... in the order it added them;
// the appliance kernel may call them vda, hdb, ubdc. These pure functions map
// between the two, given the appliance's disks in the library's order.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gfsd::domain {

// "a" -> 0, "z" -> 25, "aa" -> 26 (bijective base 26); nullopt if not letters.
std::optional<size_t> drive_index(const std::string& letters);
// 0 -> "a", 26 -> "aa".
std::string drive_name(size_t index);

// Forward translation of a name the library sent (/dev/sdb2 -> /dev/vdb2).
// Returns the name unchanged when it is not of the /dev/XXdY[N] form or the
// index is out of range.
std::string translate_device_name(const std::string& name, const std::vector<std::string>& disks);

// The names to try, in order, when the translated one cannot be opened:
// /dev/sdX -> /dev/vdX, /dev/hdX, /dev/ubdX. Empty for other names.
std::vector<std::string> device_name_fallbacks(const std::string& original);

// Reverse translation of a device name we return (/dev/vdb2 -> /dev/sdb2).
std::string reverse_device_name(const std::string& name, const std::vector<std::string>& disks);

}  // namespace gfsd::domain
