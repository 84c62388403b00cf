#include "domain/inspect/registry.hpp"

#include <cctype>
#include <cstdio>
#include <regex>

#include "domain/inspect/text_parsing.hpp"

namespace gfsd::domain::inspect {

namespace {

uint64_t little_endian(const std::string& s, size_t pos, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t(static_cast<unsigned char>(s[pos + i])) << (8 * i);
  return v;
}

uint64_t big_endian(const std::string& s, size_t pos, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(s[pos + i]);
  return v;
}

}  // namespace

std::optional<std::string> drive_letter_of_key(const std::string& key) {
  if (key.size() < 14) return std::nullopt;
  if (lowercase(key.substr(0, 12)) != "\\dosdevices\\") return std::nullopt;
  if (!std::isalpha(static_cast<unsigned char>(key[12])) || key[13] != ':') return std::nullopt;
  return key.substr(12, 1);
}

std::optional<std::string> gpt_guid_of_blob(const std::string& blob) {
  if (blob.size() < 24 || !starts_with(blob, "DMIO:ID:")) return std::nullopt;
  const uint64_t data1 = little_endian(blob, 8, 4);
  const uint64_t data2 = little_endian(blob, 12, 2);
  const uint64_t data3 = little_endian(blob, 14, 2);
  const uint64_t data4 = big_endian(blob, 16, 8);  // this part really is big endian
  char buf[64];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(data1), static_cast<unsigned long long>(data2),
                static_cast<unsigned long long>(data3),
                static_cast<unsigned long long>(data4 >> 48),
                static_cast<unsigned long long>(data4 & 0xffffffffffffULL));
  return std::string(buf);
}

std::optional<MbrBlob> mbr_of_blob(const std::string& blob) {
  if (blob.size() != 12) return std::nullopt;
  return MbrBlob{blob.substr(0, 4), static_cast<int64_t>(little_endian(blob, 4, 8))};
}

std::vector<std::string> boot_ini_systemroots(const std::vector<std::string>& lines) {
  static const std::regex os_line(
      R"(^(multi|scsi)\((\d+)\)disk\((\d+)\)rdisk\((\d+)\)partition\((\d+)\)([^=]+)=)");
  std::vector<std::string> out;
  size_t i = 0;
  while (i < lines.size() && !starts_with(lines[i], "[operating systems]")) ++i;
  for (++i; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (!starts_with(line, "multi(") && !starts_with(line, "scsi(")) break;
    std::smatch m;
    if (!std::regex_search(line, m, os_line)) continue;
    // Which disk and partition it names is ignored: the root is assumed to be
    // on the filesystem being inspected.
    std::string path = m[6].str();
    for (auto& c : path)
      if (c == '\\') c = '/';
    out.push_back(std::move(path));
  }
  return out;
}

}  // namespace gfsd::domain::inspect
