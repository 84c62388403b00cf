// The JSON reader: what jansson's json_loads(text, 0) accepts, and its exact
// error texts for what it refuses (each expected text was checked against
// jansson 2.14, which the original daemon used).
#include "domain/ldm/json_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "unit/domain/files/files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using Kind = JsonValue::Kind;

std::string error_of(std::string_view text) {
  auto r = read_json(text);
  if (r) return "(accepted)";
  return r.error().message;
}

TEST(JsonReader, LdmtoolsDiskGroupObject) {
  auto r = read_json(
      "{\n  \"name\" : \"WIN-DG0\",\n  \"guid\" : \"06495a4b-a7a9-11e2-8a2a-525400f8e2ab\",\n"
      "  \"volumes\" : [\n    \"Volume1\",\n    \"Volume2\"\n  ],\n  \"disks\" : [\n    "
      "\"Disk1\"\n  ]\n}\n");
  ASSERT_TRUE(r);
  ASSERT_TRUE(r->is(Kind::Object));
  ASSERT_NE(r->member("name"), nullptr);
  EXPECT_EQ(r->member("name")->text, "WIN-DG0");
  const JsonValue* volumes = r->member("volumes");
  ASSERT_NE(volumes, nullptr);
  ASSERT_TRUE(volumes->is(Kind::Array));
  ASSERT_EQ(volumes->items.size(), 2u);
  EXPECT_EQ(volumes->items[1].text, "Volume2");
  EXPECT_EQ(r->member("nothing"), nullptr);
}

TEST(JsonReader, ScalarsAndEmptyContainers) {
  auto r = read_json("[null, true, false, 0, -12, 3.5e-2, 1E+3, \"\", [], {}]");
  ASSERT_TRUE(r);
  std::vector<Kind> kinds;
  for (const auto& v : r->items) kinds.push_back(v.kind);
  EXPECT_EQ(kinds,
            (std::vector<Kind>{Kind::Null, Kind::True, Kind::False, Kind::Integer, Kind::Integer,
                               Kind::Real, Kind::Real, Kind::String, Kind::Array, Kind::Object}));
}

TEST(JsonReader, EscapesAndUnicode) {
  auto r = read_json(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "é"])");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->items[0].text, "\"\\/\b\f\n\r\t");
  EXPECT_EQ(r->items[1].text, "\xc3\xa9\xe2\x82\xac");
  EXPECT_EQ(r->items[2].text, "\xf0\x9f\x98\x80");
  EXPECT_EQ(r->items[3].text, "\xc3\xa9");
}

TEST(JsonReader, ARepeatedKeyKeepsTheLastValue) {
  auto r = read_json(R"({"a": 1, "a": "second"})");
  ASSERT_TRUE(r);
  ASSERT_NE(r->member("a"), nullptr);
  EXPECT_EQ(r->member("a")->text, "second");
}

TEST(JsonReader, TheDocumentEndsAtTheFirstNul) {
  EXPECT_TRUE(read_json(std::string("[]\0garbage", 10)));
  EXPECT_EQ(error_of(std::string("[\0]", 3)), "']' expected near end of file");
}

TEST(JsonReader, TheTopLevelMustBeAnArrayOrAnObject) {
  EXPECT_EQ(error_of(""), "'[' or '{' expected near end of file");
  EXPECT_EQ(error_of("  \n"), "'[' or '{' expected near end of file");
  EXPECT_EQ(error_of("No such disk group: foo"), "'[' or '{' expected near 'No'");
  EXPECT_EQ(error_of("\"abc\""), "'[' or '{' expected near '\"abc\"'");
  EXPECT_EQ(error_of("42"), "'[' or '{' expected near '42'");
  EXPECT_EQ(error_of("@"), "'[' or '{' expected near '@'");
  EXPECT_EQ(error_of("\xc3\xa9"), "'[' or '{' expected near '\xc3\xa9'");  // quoted whole
  EXPECT_EQ(error_of("[] x"), "end of file expected near 'x'");
  EXPECT_EQ(error_of("[]]"), "end of file expected near ']'");
}

TEST(JsonReader, StructureErrors) {
  EXPECT_EQ(error_of("["), "']' expected near end of file");
  EXPECT_EQ(error_of("[1"), "']' expected near end of file");
  EXPECT_EQ(error_of("[1 2]"), "']' expected near '2'");
  EXPECT_EQ(error_of("[1,]"), "unexpected token near ']'");
  EXPECT_EQ(error_of("[,"), "unexpected token near ','");
  EXPECT_EQ(error_of("{"), "string or '}' expected near end of file");
  EXPECT_EQ(error_of("{1:2}"), "string or '}' expected near '1'");
  EXPECT_EQ(error_of("{\"a\":1,}"), "string or '}' expected near '}'");
  EXPECT_EQ(error_of("{\"a\""), "':' expected near end of file");
  EXPECT_EQ(error_of("{\"a\" 1}"), "':' expected near '1'");
  EXPECT_EQ(error_of("{\"a\":"), "unexpected token near end of file");
  EXPECT_EQ(error_of("{\"a\":1"), "'}' expected near end of file");
  EXPECT_EQ(error_of("{\"a\":1 \"b\":2}"), "'}' expected near '\"b\"'");
}

TEST(JsonReader, InvalidTokens) {
  EXPECT_EQ(error_of("[tru]"), "invalid token near 'tru'");
  EXPECT_EQ(error_of("[truex]"), "invalid token near 'truex'");
  EXPECT_EQ(error_of("[true1]"), "']' expected near '1'");
  EXPECT_EQ(error_of("[NaN]"), "invalid token near 'NaN'");
  EXPECT_EQ(error_of("[-]"), "invalid token near '-'");
  EXPECT_EQ(error_of("[01]"), "invalid token near '0'");
  EXPECT_EQ(error_of("[1.]"), "invalid token near '1.'");
  EXPECT_EQ(error_of("[1.x]"), "invalid token near '1.'");
  EXPECT_EQ(error_of("[1e+]"), "invalid token near '1e+'");
  EXPECT_EQ(error_of("[+1]"), "invalid token near '+'");
  EXPECT_EQ(error_of("[.5]"), "invalid token near '.'");
  EXPECT_EQ(error_of("[\x01]"), "invalid token near '\x01'");
  EXPECT_EQ(error_of("[\xe2\x82\xac]"), "invalid token near '\xe2\x82\xac'");
}

TEST(JsonReader, NumbersOutOfRange) {
  EXPECT_TRUE(read_json("[9223372036854775807, -9223372036854775808, 1e-999]"));
  EXPECT_EQ(error_of("[9223372036854775808]"), "too big integer near '9223372036854775808'");
  EXPECT_EQ(error_of("[-99999999999999999999]"),
            "too big negative integer");  // 21 chars: not quoted
  EXPECT_EQ(error_of("[1e999]"), "real number overflow near '1e999'");
  EXPECT_EQ(error_of("[-1e999]"), "real number overflow near '-1e999'");
}

TEST(JsonReader, StringErrors) {
  EXPECT_EQ(error_of("[\"abc"), "premature end of input near '\"abc'");
  EXPECT_EQ(error_of("[\"aaaaaaaaaaaaaaaaaaaaaaaaa"), "premature end of input");
  EXPECT_EQ(error_of("[\"a\nb\"]"), "unexpected newline near '\"a'");
  EXPECT_EQ(error_of("[\"a\tb\"]"), "control character 0x9 near '\"a'");
  EXPECT_EQ(error_of("[\"\\x\"]"), "invalid escape near '\"\\x'");
  EXPECT_EQ(error_of("[\"\\u12g4\"]"), "invalid escape near '\"\\u12g'");
  EXPECT_EQ(error_of("[\"\\"), "invalid escape near '\"\\'");
  EXPECT_EQ(error_of("[\"\\ud800\"]"), "invalid Unicode '\\uD800' near '\"\\ud800\"'");
  EXPECT_EQ(error_of("[\"\\udc00\"]"), "invalid Unicode '\\uDC00' near '\"\\udc00\"'");
  EXPECT_EQ(error_of("[\"\\ud800\\u0041\"]"),
            "invalid Unicode '\\uD800\\u0041' near '\"\\ud800\\u0041\"'");
  EXPECT_EQ(error_of("[\"\\u0000\"]"),
            "\\u0000 is not allowed without JSON_ALLOW_NUL near '\"\\u0000\"'");
  EXPECT_EQ(error_of("{\"\\u0000\":1}"), "NUL byte in object key not supported near '\"\\u0000\"'");
}

TEST(JsonReader, InvalidUtf8) {
  EXPECT_EQ(error_of("\xff"), "unable to decode byte 0xff");
  EXPECT_EQ(error_of("[\x80]"), "unable to decode byte 0x80");
  EXPECT_EQ(error_of("[1\xff]"), "unable to decode byte 0xff near '1'");
  EXPECT_EQ(error_of("[\"ab\xff\"]"), "unable to decode byte 0xff near '\"ab'");
  EXPECT_EQ(error_of("[\xc0\x80]"), "unable to decode byte 0xc0");          // overlong
  EXPECT_EQ(error_of("[\xed\xa0\x80]"), "unable to decode byte 0xed");      // a surrogate
  EXPECT_EQ(error_of("[\xf4\x90\x80\x80]"), "unable to decode byte 0xf4");  // past U+10FFFF
  EXPECT_EQ(error_of("[\xe2\x82"), "unable to decode byte 0xe2");           // cut short
}

// n arrays nested, with `inner` in the innermost.
std::string nested(size_t n, const std::string& inner = "") {
  std::string s(n, '[');
  s.append(inner);
  s.append(n, ']');
  return s;
}

TEST(JsonReader, NestingDepthIsLimitedTo2048) {
  EXPECT_TRUE(read_json(nested(2048)));
  EXPECT_EQ(error_of(nested(2049)), "maximum parsing depth reached near '['");
  EXPECT_TRUE(read_json(nested(2047, "1")));
  EXPECT_EQ(error_of(nested(2048, "1")), "maximum parsing depth reached near '1'");
}

}  // namespace
}  // namespace gfsd::domain::test
