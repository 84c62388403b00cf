#include "domain/inspect/text_parsing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gfsd::domain::inspect {
namespace {

using testing::ElementsAre;
using testing::Pair;

TEST(FirstLine, TextBeforeTheFirstNewline) {
  EXPECT_EQ(first_line("12.4\nmore\n"), "12.4");
  EXPECT_EQ(first_line("no newline"), "no newline");
  EXPECT_EQ(first_line(""), "");
}

TEST(Unquote, SimpleStripsOnePairOfMatchingQuotes) {
  EXPECT_EQ(simple_unquote("\"Ubuntu 22.04\""), "Ubuntu 22.04");
  EXPECT_EQ(simple_unquote("'x'"), "x");
  EXPECT_EQ(simple_unquote("\"x'"), "\"x'");
  EXPECT_EQ(simple_unquote("\""), "\"");
  EXPECT_EQ(simple_unquote("\"a\\\"b\""), "a\\\"b");
}

TEST(Unquote, ShellUndoesDoubleQuoteEscapes) {
  EXPECT_EQ(shell_unquote("'a\\$b'"), "a\\$b");
  EXPECT_EQ(shell_unquote("\"a\\$b\\\"c\\\\d\""), "a$b\"c\\d");
  EXPECT_EQ(shell_unquote("\"keep \\n\""), "keep \\n");
  // A backslash right before the closing quote stays.
  EXPECT_EQ(shell_unquote("\"end\\\""), "end\\");
  EXPECT_EQ(shell_unquote("plain"), "plain");
  EXPECT_EQ(shell_unquote(""), "");
}

TEST(KeyValues, SkipsCommentsAndEmptyLinesSplitsAtFirstEquals) {
  auto kv = parse_key_value_strings({"# c", "", "A=\"1=2\"", "B", "C="}, &shell_unquote);
  EXPECT_THAT(kv, ElementsAre(Pair("A", "1=2"), Pair("B", ""), Pair("C", "")));
}

TEST(CanonicalPath, CollapsesSlashes) {
  EXPECT_EQ(unix_canonical_path("///usr//local//"), "/usr/local");
  EXPECT_EQ(unix_canonical_path("/"), "/");
  EXPECT_EQ(unix_canonical_path("swap"), "swap");
  EXPECT_EQ(unix_canonical_path(""), "");
}

TEST(Versions, MajorMinorThenMajorAlone) {
  EXPECT_EQ(parse_major_minor("Fedora release 39 (Thirty Nine)"), (Version{39, 0}));
  EXPECT_EQ(parse_major_minor("release 7.9.2009"), (Version{7, 9}));
  EXPECT_EQ(parse_major_minor("bookworm/sid"), std::nullopt);
  EXPECT_EQ(parse_major_minor("v10"), (Version{10, 0}));
  EXPECT_EQ(parse_int("99999999999"), std::nullopt);
}

}  // namespace
}  // namespace gfsd::domain::inspect
