#include <array>
#include <cstdint>

#include "domain/partitions/partition_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kSectorSize = 0x200;
constexpr size_t kSignature = 0x1fe;
constexpr size_t kSystemId = 0x3;
constexpr size_t kFirstEntry = 0x1be;

bool is_fat_type(uint8_t t) { return t == 0x01 || t == 0x04 || t == 0x06 || t == 0x0c || t == 0x0e; }

}  // namespace

// The MBR of mkfs.fat on a whole disk: boot signature, "mkfs.fat" as the
// system id, and one bootable FAT entry starting at CHS 0/0/1 and LBA 0.
bool has_bogus_mbr(Ctx& ctx, const std::string& device) {
  auto file = ctx.devices.open(device, ports::OpenFor::Read);
  if (!file) return false;
  std::array<char, kSectorSize> raw{};
  auto n = (*file)->read(raw.data(), raw.size());
  (void)(*file)->close();
  if (!n || *n != kSectorSize) return false;
  auto at = [&](size_t i) { return static_cast<uint8_t>(raw[i]); };
  const uint8_t* entry = reinterpret_cast<const uint8_t*>(raw.data()) + kFirstEntry;
  return at(kSignature) == 0x55 && at(kSignature + 1) == 0xaa &&
         std::string(raw.data() + kSystemId, 8) == "mkfs.fat" && entry[0] == 0x80 &&
         entry[1] == 0x00 && entry[2] == 0x01 && entry[3] == 0x00 && is_fat_type(entry[4]) &&
         entry[8] == 0 && entry[9] == 0 && entry[10] == 0 && entry[11] == 0;
}

}  // namespace gfsd::domain
