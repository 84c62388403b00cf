#include "domain/core/text.hpp"

#include <cassert>

namespace gfsd::domain {

std::string trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(kCBlanks);
  if (begin == std::string_view::npos) return "";
  return std::string(s.substr(begin, s.find_last_not_of(kCBlanks) - begin + 1));
}

std::string trim_ocaml(std::string_view s) {
  constexpr const char* kOcamlBlanks = " \t\n\r";
  const size_t begin = s.find_first_not_of(kOcamlBlanks);
  if (begin == std::string_view::npos) return "";
  return std::string(s.substr(begin, s.find_last_not_of(kOcamlBlanks) - begin + 1));
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

std::string up_to_nul(std::string text) {
  const size_t nul = text.find('\0');
  if (nul != std::string::npos) text.resize(nul);
  return text;
}

namespace {

bool is_c_blank(char c) { return std::string_view(kCBlanks).find(c) != std::string_view::npos; }

// The value of c as a digit (0-35), or 36 when it is none.
int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 36;
}

bool hex_prefix_at(std::string_view text, size_t i) {
  return i + 2 < text.size() && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X') &&
         digit_value(text[i + 2]) < 16;
}

}  // namespace

CInteger read_c_integer(std::string_view text, int base) {
  assert(base == 0 || (base >= 2 && base <= 36));
  size_t i = 0;
  while (i < text.size() && is_c_blank(text[i])) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if ((base == 0 || base == 16) && hex_prefix_at(text, i)) {
    base = 16;
    i += 2;
  } else if (base == 0) {
    base = i < text.size() && text[i] == '0' ? 8 : 10;
  }
  // The magnitude is gathered as unsigned: -INT64_MIN does not fit an int64_t.
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t magnitude = 0;
  bool overflow = false;
  const size_t first_digit = i;
  for (; i < text.size(); ++i) {
    const int d = digit_value(text[i]);
    if (d >= base) break;
    const auto b = static_cast<uint64_t>(base);
    const auto u = static_cast<uint64_t>(d);
    if (overflow || magnitude > (limit - u) / b) {
      overflow = true;  // go on reading: strtoll's end is after all the digits
      continue;
    }
    magnitude = magnitude * b + u;
  }
  CInteger r;
  if (i == first_digit) return r;  // no digits: nothing was read
  r.length = i;
  r.overflow = overflow;
  if (overflow) {
    r.value = negative ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
  } else if (negative) {
    r.value = magnitude == limit ? std::numeric_limits<int64_t>::min()
                                 : -static_cast<int64_t>(magnitude);
  } else {
    r.value = static_cast<int64_t>(magnitude);
  }
  return r;
}

std::optional<int64_t> leading_integer(std::string_view text, int base) {
  const CInteger n = read_c_integer(text, base);
  if (n.length == 0 || n.overflow) return std::nullopt;
  return n.value;
}

std::optional<int64_t> whole_integer(std::string_view text, int base, int64_t lo, int64_t hi) {
  const CInteger n = read_c_integer(text, base);
  if (n.length == 0 || n.length != text.size() || n.overflow) return std::nullopt;
  if (n.value < lo || n.value > hi) return std::nullopt;
  return n.value;
}

}  // namespace gfsd::domain
