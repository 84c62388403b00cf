// The read-ahead under the session: bytes come out in order and whole,
// however the channel cuts them, and a request costs one read.
#include "proto/frame_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace gfsd::proto {
namespace {

// Delivers `input` at most `piece` bytes per read and records each read's size.
class PieceChannel final : public ports::Channel {
 public:
  std::string input;
  size_t piece = SIZE_MAX;
  size_t pos = 0;
  std::vector<size_t> asked;

  Result<size_t> read(void* buf, size_t n) override {
    asked.push_back(n);
    const size_t k = std::min({n, piece, input.size() - pos});
    std::memcpy(buf, input.data() + pos, k);
    pos += k;
    return k;
  }
  Result<void> write_all(const void*, size_t) override { return {}; }
  bool readable(int) override { return pos < input.size(); }
};

std::string pattern(size_t n, size_t seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + seed) & 0xff);
  return s;
}

// Takes the given sizes one after another and glues what comes out.
std::string take_all(FrameReader& r, const std::vector<size_t>& sizes) {
  std::string out;
  for (size_t n : sizes) {
    const char* p = nullptr;
    EXPECT_EQ(r.take(n, &p), FrameReader::Status::Ok);
    out.append(p, n);
  }
  return out;
}

TEST(FrameReader, OneReadBringsSeveralFrames) {
  PieceChannel ch;
  ch.input = pattern(4 + 40 + 4 + 52, 1);
  FrameReader r(ch, 1000, 256);
  EXPECT_EQ(take_all(r, {4, 40, 4, 52}), ch.input);
  EXPECT_EQ(ch.asked.size(), 1u);  // one read(2) for two whole requests
  EXPECT_EQ(ch.asked[0], 256u);    // asks for a window, not for the 4 bytes it needs
}

TEST(FrameReader, BytesCutIntoSinglesComeOutWhole) {
  PieceChannel ch;
  ch.input = pattern(5000, 7);
  ch.piece = 1;
  FrameReader r(ch, 3000, 64);
  EXPECT_EQ(take_all(r, {4, 1000, 3, 2993, 1000}), ch.input);
}

TEST(FrameReader, LongStreamsReuseTheFrontOfTheBuffer) {
  // Frames of odd sizes through a small window: the buffer is compacted as
  // it goes and every byte still comes out in order.
  PieceChannel ch;
  std::vector<size_t> sizes;
  for (size_t i = 0; i < 500; ++i) sizes.push_back(1 + (i * 37) % 300);
  size_t total = 0;
  for (size_t n : sizes) total += n;
  ch.input = pattern(total, 3);
  ch.piece = 97;
  FrameReader r(ch, 300, 128);
  EXPECT_EQ(take_all(r, sizes), ch.input);
}

TEST(FrameReader, EndOfStreamBeforeAFrameIsEof) {
  PieceChannel ch;
  ch.input = pattern(8, 0);
  FrameReader r(ch, 100, 16);
  take_all(r, {8});
  const char* p = nullptr;
  EXPECT_EQ(r.take(4, &p), FrameReader::Status::Eof);
}

TEST(FrameReader, EndOfStreamInsideAFrameIsAFailure) {
  PieceChannel ch;
  ch.input = pattern(10, 0);
  FrameReader r(ch, 100, 16);
  const char* p = nullptr;
  EXPECT_EQ(r.take(4, &p), FrameReader::Status::Ok);
  EXPECT_EQ(r.take(20, &p), FrameReader::Status::Failed);
}

TEST(FrameReader, PeekShowsWhatIsBufferedWithoutTakingIt) {
  PieceChannel ch;
  ch.input = "abcdefgh";
  FrameReader r(ch, 100, 16);
  EXPECT_EQ(r.buffered(), 0u);
  EXPECT_EQ(r.fill(), FrameReader::Status::Ok);
  ASSERT_EQ(r.buffered(), 8u);
  EXPECT_EQ(std::string(r.peek(), 2), "ab");
  EXPECT_EQ(take_all(r, {3, 5}), "abcdefgh");
  r.reset();
  EXPECT_EQ(r.buffered(), 0u);
}

TEST(FrameReader, TheLargestFrameFitsAfterAnyPrefix) {
  PieceChannel ch;
  ch.input = pattern(3 + 4096 + 5 + 4096, 9);
  ch.piece = 1000;
  FrameReader r(ch, 4096, 512);
  EXPECT_EQ(take_all(r, {3, 4096, 5, 4096}), ch.input);
}

}  // namespace
}  // namespace gfsd::proto
