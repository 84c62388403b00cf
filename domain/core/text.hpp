// Text helpers every area shares: lines, blanks, C strings and numbers, each
// with one meaning for the whole domain.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gfsd::domain {

// Blanks as C's isspace() sees them in the "C" locale: ' ', '\t', '\n',
// '\v', '\f', '\r'. Other bytes (NUL, UTF-8 spaces) are not blanks.
inline constexpr const char* kCBlanks = " \t\n\v\f\r";

// s without leading and trailing kCBlanks.
std::string trim(std::string_view s);

// s without leading and trailing ' ', '\t', '\n', '\r': the original's OCaml
// String.trim, which leaves '\v' and '\f' alone.
std::string trim_ocaml(std::string_view s);

// Lines of a program's output or a file: split at every '\n'; a '\n' ends
// the line before it, so a final '\n' does not start one more (empty) line.
// "" -> {}, "a" -> {"a"}, "a\n" -> {"a"}, "\n" -> {""}, "a\n\nb\n\n" ->
// {"a", "", "b", ""}. Lines keep any '\r'.
std::vector<std::string> split_lines(std::string_view text);

// Text up to its first NUL: what the original daemon saw of a program's
// output, which it handled as a C string.
std::string up_to_nul(std::string text);

// ---- integers, as strtoll(3) reads them ------------------------------------
//
// strtoll(text, &end, base) in the "C" locale: leading kCBlanks skipped, one
// optional '+' or '-', then digits of the base. Base 0 picks it from the
// prefix: "0x"/"0X" followed by a hex digit is hex, another leading '0' is
// octal, anything else decimal; base 16 also accepts the "0x" prefix. A "0x"
// without a hex digit after it reads as the number 0, ending before the 'x'.
// Reading stops at the first byte that is not a digit of the base.
struct CInteger {
  int64_t value = 0;      // clamped to INT64_MIN/INT64_MAX on overflow, as strtoll
  size_t length = 0;      // bytes read, blanks and sign included; 0: no digits
                          // (strtoll's end == text: value 0)
  bool overflow = false;  // strtoll's ERANGE
};

// base: 0 or 2..36 (other values are a programming error).
CInteger read_c_integer(std::string_view text, int base);

// The number at the start of text, anything after it ignored (sscanf's
// "%i" with base 0, "%d" with base 10; gnulib xstrtol without suffixes).
// nullopt when there are no digits or on overflow (where C gives ERANGE or
// undefined behaviour).
std::optional<int64_t> leading_integer(std::string_view text, int base);

// text is one number and nothing else (strtoll with *end == '\0' checked):
// leading blanks and a sign allowed, trailing bytes (blanks too) are not.
// nullopt for no digits, trailing text, overflow, or a value outside [lo, hi].
std::optional<int64_t> whole_integer(std::string_view text, int base,
                                     int64_t lo = std::numeric_limits<int64_t>::min(),
                                     int64_t hi = std::numeric_limits<int64_t>::max());

}  // namespace gfsd::domain
