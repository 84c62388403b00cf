#include "domain/btrfs/btrfs_upkeep_scan.hpp"

#include <limits>

namespace gfsd::domain::btrfs_scan {

namespace {

// isspace() in the "C" locale, which is what sscanf's blanks are.
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

size_t skip_blanks(std::string_view s, size_t pos) {
  while (pos < s.size() && is_blank(s[pos])) ++pos;
  return pos;
}

}  // namespace

size_t scan_u64(std::string_view text, uint64_t* out) {
  size_t pos = skip_blanks(text, 0);
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  const size_t digits_start = pos;
  uint64_t value = 0;
  bool overflow = false;
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
    const auto digit = static_cast<uint64_t>(text[pos] - '0');
    if (value > (kMax - digit) / 10) overflow = true;
    else value = value * 10 + digit;
  }
  if (pos == digits_start) return 0;
  // strtoull: an out-of-range magnitude is UINT64_MAX whatever the sign.
  if (overflow) value = kMax;
  else if (negative) value = 0 - value;
  *out = value;
  return pos;
}

int scan(std::string_view text, std::string_view format, std::initializer_list<uint64_t*> outs) {
  auto next_out = outs.begin();
  int stored = 0;
  size_t t = 0;
  for (size_t f = 0; f < format.size(); ++f) {
    const char c = format[f];
    if (is_blank(c)) {
      t = skip_blanks(text, t);
    } else if (c == '%' && f + 1 < format.size() && format[f + 1] == 'u') {
      ++f;
      if (next_out == outs.end()) return stored;  // a format without a target: a bug
      uint64_t v = 0;
      const size_t used = scan_u64(text.substr(t), &v);
      if (used == 0) return stored;
      **next_out++ = v;
      ++stored;
      t += used;
    } else {
      if (t >= text.size() || text[t] != c) return stored;
      ++t;
    }
  }
  return stored;
}

}  // namespace gfsd::domain::btrfs_scan
