#include "domain/core/xdr_records.hpp"

#include <gtest/gtest.h>

namespace gfsd::domain {
namespace {

TEST(XdrRecord, WordsAreBigEndian) {
  XdrRecord r;
  r.u32(0x01020304);
  r.u64(0x1122334455667788ULL);
  r.i64(-2);
  EXPECT_EQ(r.bytes(), std::string("\x01\x02\x03\x04"
                                   "\x11\x22\x33\x44\x55\x66\x77\x88"
                                   "\xff\xff\xff\xff\xff\xff\xff\xfe",
                                   20));
}

TEST(XdrRecord, CharIsASignExtendedWord) {
  XdrRecord r;
  r.character('d');
  r.character(static_cast<char>(-1));
  EXPECT_EQ(r.bytes(), std::string("\0\0\0d\xff\xff\xff\xff", 8));
}

TEST(XdrRecord, OpaqueIsPaddedToFourBytes) {
  XdrRecord r;
  r.opaque("");
  r.opaque("abcd");
  r.opaque(std::string("x\0y", 3));
  r.opaque("hello");
  EXPECT_EQ(r.bytes(), std::string("\0\0\0\0"
                                   "\0\0\0\x04" "abcd"
                                   "\0\0\0\x03" "x\0y\0"
                                   "\0\0\0\x05" "hello\0\0\0",
                                   32));
  r.clear();
  EXPECT_TRUE(r.bytes().empty());
}

}  // namespace
}  // namespace gfsd::domain
