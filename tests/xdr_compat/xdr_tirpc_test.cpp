// Our XDR against libtirpc's xdrmem, which the original daemon and the
// library use: the same values must give the same bytes, and the same bytes
// the same values. Test-only: the daemon itself does not link libtirpc.
#include <rpc/xdr.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "proto/xdr.hpp"

namespace gfsd::proto {
namespace {

// Encodes with libtirpc: fn gets the stream, the result is the bytes written.
template <class Fn>
std::string tirpc_encode(Fn fn) {
  std::string buf(4096, '\x55');
  XDR x;
  xdrmem_create(&x, buf.data(), static_cast<u_int>(buf.size()), XDR_ENCODE);
  EXPECT_TRUE(fn(&x));
  buf.resize(xdr_getpos(&x));
  xdr_destroy(&x);
  return buf;
}

template <class Fn>
std::string ours_encode(Fn fn) {
  std::string buf(4096, '\x55');
  XdrEncoder e(buf.data(), buf.size());
  EXPECT_TRUE(fn(e));
  buf.resize(e.size());
  return buf;
}

TEST(XdrLikeTirpc, ScalarsGiveTheSameBytes) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 2000; ++i) {
    const uint64_t r = rng();
    int32_t i32 = static_cast<int32_t>(r);
    uint32_t u32 = static_cast<uint32_t>(r >> 7);
    int64_t i64 = static_cast<int64_t>(r);
    uint64_t u64 = r * 3;
    char c = static_cast<char>(r >> 13);
    float f;
    const uint32_t bits = static_cast<uint32_t>(r >> 17);
    std::memcpy(&f, &bits, sizeof f);
    bool_t b = static_cast<bool_t>(r & 1);
    const std::string theirs = tirpc_encode([&](XDR* x) {
      return xdr_int(x, &i32) && xdr_u_int(x, &u32) && xdr_int64_t(x, &i64) &&
             xdr_uint64_t(x, &u64) && xdr_char(x, &c) && xdr_float(x, &f) && xdr_bool(x, &b);
    });
    const std::string ours = ours_encode([&](XdrEncoder& e) {
      return e.put(i32) && e.put(u32) && e.put(i64) && e.put(u64) && e.put_char(c) && e.put(f) &&
             e.put(b != 0);
    });
    ASSERT_EQ(ours, theirs) << i;

    XdrDecoder d(theirs.data(), theirs.size());
    int32_t i32b;
    uint32_t u32b;
    int64_t i64b;
    uint64_t u64b;
    char cb;
    float fb;
    bool bb;
    ASSERT_TRUE(d.get(i32b) && d.get(u32b) && d.get(i64b) && d.get(u64b) && d.get_char(cb) &&
                d.get(fb) && d.get(bb) && d.at_end());
    EXPECT_EQ(i32b, i32);
    EXPECT_EQ(u32b, u32);
    EXPECT_EQ(i64b, i64);
    EXPECT_EQ(u64b, u64);
    EXPECT_EQ(cb, c);
    EXPECT_EQ(std::memcmp(&fb, &f, sizeof f), 0);
    EXPECT_EQ(bb, b != 0);
  }
}

TEST(XdrLikeTirpc, StringsAndOpaqueOfEveryLengthMod4) {
  for (size_t n = 0; n < 40; ++n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
    char* p = s.data();
    const std::string theirs = tirpc_encode([&](XDR* x) {
      u_int len = static_cast<u_int>(n);
      return xdr_string(x, &p, 1000) && xdr_u_int(x, &len) && xdr_opaque(x, p, len) &&
             xdr_opaque(x, p, len);  // and fixed opaque[n]
    });
    const std::string ours = ours_encode([&](XdrEncoder& e) {
      return e.put(s) && e.put_bytes(s) && e.put_fixed(s, n);
    });
    ASSERT_EQ(ours, theirs) << n;
    XdrDecoder d(theirs.data(), theirs.size());
    std::string a, b, c;
    ASSERT_TRUE(d.get(a) && d.get_bytes(b) && d.get_fixed(c, n) && d.at_end()) << n;
    EXPECT_EQ(a, s);
    EXPECT_EQ(b, s);
    EXPECT_EQ(c, s);
  }
}

TEST(XdrLikeTirpc, OverflowFailsBothWays) {
  char buf[6];
  XdrEncoder e(buf, sizeof buf);
  EXPECT_TRUE(e.put(uint32_t{1}));
  EXPECT_FALSE(e.put(uint32_t{2}));
  EXPECT_FALSE(e.ok());
  XDR x;
  xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
  u_int v = 1;
  EXPECT_TRUE(xdr_u_int(&x, &v));
  EXPECT_FALSE(xdr_u_int(&x, &v));
  xdr_destroy(&x);
}

}  // namespace
}  // namespace gfsd::proto
