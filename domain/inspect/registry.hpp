// Pure decoding of what Windows keeps in its registry and boot files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gfsd::domain::inspect {

// "\DosDevices\C:" (prefix in any case) -> "C"; nullopt for other keys.
std::optional<std::string> drive_letter_of_key(const std::string& key);

// A MountedDevices value for a GPT partition: "DMIO:ID:" then the partition
// GUID in Windows byte order. Returns the GUID as lowercase text
// ("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"); nullopt if blob is not one.
std::optional<std::string> gpt_guid_of_blob(const std::string& blob);

// A 12-byte MountedDevices value for an MBR partition: the disk signature
// (4 bytes, as on disk at 0x1b8) and the partition's byte offset (LE 64 bit).
struct MbrBlob {
  std::string disk_id;
  int64_t offset = 0;
};
std::optional<MbrBlob> mbr_of_blob(const std::string& blob);

// The system root paths named in boot.ini's [operating systems] section, in
// order, with backslashes turned into slashes.
std::vector<std::string> boot_ini_systemroots(const std::vector<std::string>& lines);

}  // namespace gfsd::domain::inspect
