#include "domain/files/iso_pvd.hpp"

#include <cerrno>
#include <optional>
#include <string_view>

namespace gfsd::domain::iso {

namespace {

// strA and strD fields alike: padded with spaces, which go. The text then
// ended at its first NUL on the way out of the original (a C string).
std::string text_field(std::string_view pvd, size_t off, size_t len) {
  std::string_view s = pvd.substr(off, len);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s.substr(0, s.find('\0')));
}

// Both-endian numbers are stored little endian first; that half is read.
uint32_t le16(std::string_view pvd, size_t off) {
  return static_cast<uint32_t>(static_cast<unsigned char>(pvd[off])) |
         static_cast<uint32_t>(static_cast<unsigned char>(pvd[off + 1])) << 8;
}

uint32_t le32(std::string_view pvd, size_t off) {
  return le16(pvd, off) | le16(pvd, off + 2) << 16;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// The original read each date part with OCaml's int_of_string, whose
// syntax is wider than digits: a sign, a 0x/0o/0b/0u prefix, '_' between
// digits. Whatever it refused failed the whole call with "int_of_string".
std::optional<int64_t> ocaml_int_of_string(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  int base = 10;
  if (i + 1 < s.size() && s[i] == '0') {
    switch (s[i + 1]) {
      case 'x': case 'X': base = 16; i += 2; break;
      case 'o': case 'O': base = 8; i += 2; break;
      case 'b': case 'B': base = 2; i += 2; break;
      case 'u': case 'U': i += 2; break;
      default: break;
    }
  }
  if (i >= s.size() || digit_value(s[i]) >= base) return std::nullopt;
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '_') continue;
    const int d = digit_value(s[i]);
    if (d >= base) return std::nullopt;
    v = v * base + d;
  }
  return negative ? -v : v;
}

// Days from 1970-01-01 to the first of the month (month 1..12), proleptic
// Gregorian calendar.
int64_t days_from_civil(int64_t y, int64_t m) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// mktime(3) in UTC: out-of-range parts carry over into the next larger one.
int64_t utc_seconds(int64_t year, int64_t month0, int64_t mday, int64_t hour, int64_t min,
                    int64_t sec) {
  year += month0 / 12;
  month0 %= 12;
  if (month0 < 0) {
    month0 += 12;
    year -= 1;
  }
  const int64_t days = days_from_civil(year, month0 + 1) + (mday - 1);
  return days * 86400 + hour * 3600 + min * 60 + sec;
}

}  // namespace

Result<int64_t> parse_datetime(const std::string& field) {
  if (field.compare(0, 16, "0000000000000000") == 0) return int64_t{-1};
  int64_t part[6];
  const size_t pos[6] = {0, 4, 6, 8, 10, 12};
  const size_t len[6] = {4, 2, 2, 2, 2, 2};
  for (int i = 0; i < 6; ++i) {
    auto v = ocaml_int_of_string(std::string_view(field).substr(pos[i], len[i]));
    if (!v) return fail("int_of_string");
    part[i] = *v;
  }
  const int64_t t = utc_seconds(part[0], part[1] - 1, part[2], part[3], part[4], part[5]);
  // mktime's -1 is its error, which OCaml's Unix.mktime raised as ERANGE.
  if (t == -1) return fail_errno(ERANGE, "mktime: ");
  const int zone = static_cast<signed char>(field[16]);  // in 15 minute steps east of GMT
  return t - int64_t{zone} * 15 * 60;
}

Result<api::Isoinfo> parse_pvd(const std::string& pvd, const std::string& name) {
  if (pvd.size() != kPvdSize || pvd[0] != '\1' || pvd.compare(1, 5, "CD001") != 0)
    return fail(name + ": not an ISO file or CD-ROM");
  const std::string_view v(pvd);
  api::Isoinfo r;
  r.iso_system_id = text_field(v, 8, 32);
  r.iso_volume_id = text_field(v, 40, 32);
  r.iso_volume_space_size = le32(v, 80);
  r.iso_volume_set_size = le16(v, 120);
  r.iso_volume_sequence_number = le16(v, 124);
  r.iso_logical_block_size = le16(v, 128);
  r.iso_volume_set_id = text_field(v, 190, 128);
  r.iso_publisher_id = text_field(v, 318, 128);
  r.iso_data_preparer_id = text_field(v, 446, 128);
  r.iso_application_id = text_field(v, 574, 128);
  r.iso_copyright_file_id = text_field(v, 702, 37);
  r.iso_abstract_file_id = text_field(v, 739, 37);
  r.iso_bibliographic_file_id = text_field(v, 776, 37);
  int64_t* const times[4] = {&r.iso_volume_creation_t, &r.iso_volume_modification_t,
                             &r.iso_volume_expiration_t, &r.iso_volume_effective_t};
  for (size_t i = 0; i < 4; ++i) {
    auto t = parse_datetime(pvd.substr(813 + 17 * i, 17));
    if (!t) return forward(t.error());
    *times[i] = *t;
  }
  return r;
}

}  // namespace gfsd::domain::iso
