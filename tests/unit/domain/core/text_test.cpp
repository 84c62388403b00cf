// trim, split_lines, up_to_nul, and integers read as strtoll(3) reads them
// (checked against the C library itself).
#include "domain/core/text.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gfsd::domain {
namespace {

using Lines = std::vector<std::string>;
using testing::Optional;

TEST(Trim, RemovesCBlanksOnBothSides) {
  EXPECT_EQ(trim("  a b \t\n"), "a b");
  EXPECT_EQ(trim("\v\f\r x\r\n"), "x");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t\n\v\f\r"), "");
}

TEST(Trim, KeepsWhatIsNotACBlank) {
  EXPECT_EQ(trim(std::string("\0a\0", 3)), std::string("\0a\0", 3));
  EXPECT_EQ(trim("\xc2\xa0x\xc2\xa0"), "\xc2\xa0x\xc2\xa0");  // UTF-8 no-break space
}

TEST(SplitLines, AFinalNewlineEndsTheLastLine) {
  EXPECT_EQ(split_lines(""), Lines{});
  EXPECT_EQ(split_lines("a"), Lines{"a"});
  EXPECT_EQ(split_lines("a\n"), Lines{"a"});
  EXPECT_EQ(split_lines("\n"), Lines{""});
  EXPECT_EQ(split_lines("a\nb"), (Lines{"a", "b"}));
  EXPECT_EQ(split_lines("a\n\nb\n\n"), (Lines{"a", "", "b", ""}));
  EXPECT_EQ(split_lines("a\r\nb"), (Lines{"a\r", "b"}));
}

TEST(UpToNul, StopsAtTheFirstNul) {
  EXPECT_EQ(up_to_nul(std::string("ab\0cd\0", 6)), "ab");
  EXPECT_EQ(up_to_nul("abc"), "abc");
  EXPECT_EQ(up_to_nul(std::string("\0x", 2)), "");
}

// What glibc's strtoll makes of text.
CInteger libc_strtoll(const std::string& text, int base) {
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, base);
  CInteger r;
  r.value = v;
  r.length = static_cast<size_t>(end - text.c_str());
  r.overflow = errno == ERANGE;
  return r;
}

TEST(ReadCInteger, ReadsWhatStrtollReads) {
  const std::vector<std::string> texts = {
      "0", "7", "-7", "+7", "  \t\n42", "42abc", "0x1F", "0X1f", "-0x10", "0x", "0xg", "0x 1",
      "010", "09", "08", "0", "-", "+", "", " ", "abc", "- 5", "+-5", "z", "Z9",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "-9223372036854775809", "99999999999999999999999", "-99999999999999999999 x",
      "0x7fffffffffffffff", "0x8000000000000000", "-0x8000000000000000", "0777777777777777777777",
      "01777777777777777777777", "1e5", "12 34", "\v\f\r-3", "0b101", "1_000",
  };
  for (int base : {0, 2, 8, 10, 16, 36}) {
    for (const auto& t : texts) {
      const CInteger want = libc_strtoll(t, base);
      const CInteger got = read_c_integer(t, base);
      EXPECT_EQ(got.value, want.value) << "'" << t << "' base " << base;
      EXPECT_EQ(got.length, want.length) << "'" << t << "' base " << base;
      EXPECT_EQ(got.overflow, want.overflow) << "'" << t << "' base " << base;
    }
  }
}

TEST(ReadCInteger, StopsAtANulByte) {
  const CInteger n = read_c_integer(std::string("12\0" "3", 4), 10);
  EXPECT_EQ(n.value, 12);
  EXPECT_EQ(n.length, 2u);
}

TEST(LeadingInteger, IgnoresWhatFollowsTheNumber) {
  EXPECT_THAT(leading_integer("  512\n", 0), Optional(512));
  EXPECT_THAT(leading_integer("12345 bytes (12.06KiB)", 10), Optional(12345));
  EXPECT_THAT(leading_integer("0x200", 0), Optional(512));
  EXPECT_THAT(leading_integer("010", 0), Optional(8));
  EXPECT_THAT(leading_integer("010", 10), Optional(10));
  EXPECT_THAT(leading_integer("-4", 10), Optional(-4));
}

TEST(LeadingInteger, NoDigitsOrOverflowIsNothing) {
  EXPECT_EQ(leading_integer("", 0), std::nullopt);
  EXPECT_EQ(leading_integer("  \n", 0), std::nullopt);
  EXPECT_EQ(leading_integer("x12", 0), std::nullopt);
  EXPECT_EQ(leading_integer("99999999999999999999", 10), std::nullopt);
}

TEST(WholeInteger, TheTextIsOneNumber) {
  EXPECT_THAT(whole_integer("42", 0), Optional(42));
  EXPECT_THAT(whole_integer(" -0x10", 0), Optional(-16));  // leading blanks, as strtoll
  EXPECT_THAT(whole_integer("0755", 0), Optional(0755));
  EXPECT_THAT(whole_integer("0755", 10), Optional(755));
  EXPECT_EQ(whole_integer("42 ", 0), std::nullopt);  // trailing blanks are text
  EXPECT_EQ(whole_integer("4x", 0), std::nullopt);
  EXPECT_EQ(whole_integer("", 0), std::nullopt);
  EXPECT_EQ(whole_integer("-", 0), std::nullopt);
  EXPECT_EQ(whole_integer("08", 0), std::nullopt);  // octal has no 8
  EXPECT_EQ(whole_integer(std::string("1\0" "2", 3), 10), std::nullopt);
}

TEST(WholeInteger, RangeAndOverflow) {
  EXPECT_THAT(whole_integer("2147483647", 0, INT32_MIN, INT32_MAX), Optional(INT32_MAX));
  EXPECT_EQ(whole_integer("2147483648", 0, INT32_MIN, INT32_MAX), std::nullopt);
  EXPECT_THAT(whole_integer("-2147483648", 0, INT32_MIN, INT32_MAX), Optional(INT32_MIN));
  EXPECT_THAT(whole_integer("9223372036854775807", 0), Optional(INT64_MAX));
  EXPECT_THAT(whole_integer("-9223372036854775808", 0), Optional(INT64_MIN));
  EXPECT_EQ(whole_integer("9223372036854775808", 0), std::nullopt);
  EXPECT_EQ(whole_integer("-1", 10, 0), std::nullopt);
}

}  // namespace
}  // namespace gfsd::domain
