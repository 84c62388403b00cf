#include "domain/core/device_names.hpp"

#include <cctype>

namespace gfsd::domain {

std::optional<size_t> drive_index(const std::string& letters) {
  if (letters.empty()) return std::nullopt;
  size_t r = 0;
  for (char c : letters) {
    if (c < 'a' || c > 'z') return std::nullopt;
    if (r > (SIZE_MAX - 26) / 26) return std::nullopt;
    r = 26 * r + static_cast<size_t>(c - 'a' + 1);
  }
  return r - 1;
}

std::string drive_name(size_t index) {
  std::string out;
  size_t n = index + 1;
  while (n > 0) {
    n -= 1;
    out.insert(out.begin(), static_cast<char>('a' + n % 26));
    n /= 26;
  }
  return out;
}

std::string translate_device_name(const std::string& name, const std::vector<std::string>& disks) {
  // /dev/<1 or 2 chars>d<letters><rest>, no further '/', not /dev/md*.
  if (name.rfind("/dev/", 0) != 0) return name;
  const std::string tail = name.substr(5);
  if (tail.find('/') != std::string::npos || tail.empty() || tail[0] == 'm') return name;
  const size_t dpos = tail.find('d');
  if (dpos == std::string::npos || dpos == 0 || dpos > 2) return name;
  size_t end = dpos + 1;
  while (end < tail.size() && tail[end] >= 'a' && tail[end] <= 'z') ++end;
  const std::string letters = tail.substr(dpos + 1, end - dpos - 1);
  const auto index = drive_index(letters);
  if (!index || *index >= disks.size()) return name;
  return disks[*index] + tail.substr(end);
}

std::vector<std::string> device_name_fallbacks(const std::string& original) {
  if (original.rfind("/dev/sd", 0) != 0) return {};
  const std::string rest = original.substr(7);
  return {"/dev/vd" + rest, "/dev/hd" + rest, "/dev/ubd" + rest};
}

std::string reverse_device_name(const std::string& name, const std::vector<std::string>& disks) {
  for (size_t i = 0; i < disks.size(); ++i) {
    const std::string& d = disks[i];
    if (name.rfind(d, 0) != 0) continue;
    if (name.size() == d.size() ||
        std::isdigit(static_cast<unsigned char>(name[d.size()])))
      return "/dev/sd" + drive_name(i) + name.substr(d.size());
  }
  return name;
}

}  // namespace gfsd::domain
