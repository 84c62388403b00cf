#include "proto/xdr.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gfsd::proto {
namespace {

std::string encode(const std::function<void(XdrEncoder&)>& f) {
  std::string buf(4096, '\0');
  XdrEncoder e(buf.data(), buf.size());
  f(e);
  EXPECT_TRUE(e.ok());
  buf.resize(e.size());
  return buf;
}

TEST(Xdr, StringIsLengthBytesAndZeroPadding) {
  const auto b = encode([](XdrEncoder& e) { e.put(std::string("abc")); });
  EXPECT_EQ(b, std::string("\0\0\0\3abc\0", 8));
}

TEST(Xdr, StringListFromProtocolExample) {
  // command(["ab","cde"]) from spec/protocol.md section 1.3
  const auto b = encode([](XdrEncoder& e) { e.put(std::vector<std::string>{"ab", "cde"}); });
  EXPECT_EQ(b, std::string("\0\0\0\2\0\0\0\2ab\0\0\0\0\0\3cde\0", 20));
}

TEST(Xdr, OptStringAbsentAndPresent) {
  EXPECT_EQ(encode([](XdrEncoder& e) { e.put(std::optional<std::string>()); }),
            std::string("\0\0\0\0", 4));
  EXPECT_EQ(encode([](XdrEncoder& e) { e.put(std::optional<std::string>("expr")); }),
            std::string("\0\0\0\1\0\0\0\4expr", 12));
}

TEST(Xdr, CharIsWidenedToFourBytes) {
  EXPECT_EQ(encode([](XdrEncoder& e) { e.put_char('d'); }), std::string("\0\0\0d", 4));
}

TEST(Xdr, RoundTripScalars) {
  const auto b = encode([](XdrEncoder& e) {
    e.put(int32_t{-5});
    e.put(int64_t{-1234567890123});
    e.put(uint64_t{0xfedcba9876543210});
    e.put(true);
    e.put(1.5f);
  });
  XdrDecoder d(b.data(), b.size());
  int32_t i;
  int64_t l;
  uint64_t u;
  bool t;
  float f;
  ASSERT_TRUE(d.get(i) && d.get(l) && d.get(u) && d.get(t) && d.get(f));
  EXPECT_EQ(i, -5);
  EXPECT_EQ(l, -1234567890123);
  EXPECT_EQ(u, 0xfedcba9876543210u);
  EXPECT_TRUE(t);
  EXPECT_EQ(f, 1.5f);
  EXPECT_TRUE(d.at_end());
}

TEST(Xdr, DecoderRejectsHostileCounts) {
  const std::string huge("\x7f\xff\xff\xff", 4);
  XdrDecoder d1(huge.data(), huge.size());
  std::vector<std::string> v;
  EXPECT_FALSE(d1.get(v));
  XdrDecoder d2(huge.data(), huge.size());
  std::string s;
  EXPECT_FALSE(d2.get(s));
}

TEST(Xdr, DecoderRejectsNulInsideString) {
  const std::string b("\0\0\0\3a\0b\0", 8);
  XdrDecoder d(b.data(), b.size());
  std::string s;
  EXPECT_FALSE(d.get(s));
  XdrDecoder d2(b.data(), b.size());
  EXPECT_TRUE(d2.get_bytes(s));
  EXPECT_EQ(s, std::string("a\0b", 3));
}

TEST(Xdr, BoolOtherThanZeroOrOneIsRejected) {
  const std::string b("\0\0\0\2", 4);
  XdrDecoder d(b.data(), b.size());
  bool v;
  EXPECT_FALSE(d.get(v));
}

TEST(Xdr, EncoderReportsOverflow) {
  char buf[8];
  XdrEncoder e(buf, sizeof buf);
  EXPECT_FALSE(e.put(std::string("longer than eight bytes")));
  EXPECT_FALSE(e.ok());
}

}  // namespace
}  // namespace gfsd::proto
