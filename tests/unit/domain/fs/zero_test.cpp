// zero_device and is_zero_device: big reads, and only the 4 KiB blocks that
// are not zero yet are written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "domain/fs/fs_actions.hpp"
#include "unit/domain/blockio/blockio_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::Return;

constexpr size_t kSize = 150 * 4096;  // 600 KiB: two 256 KiB reads and a short one

std::string device_with_bytes_at(std::initializer_list<size_t> offsets) {
  std::string d(kSize, '\0');
  for (size_t off : offsets) d[off] = 'x';
  return d;
}

TEST(ZeroDevice, RewritesOnlyTheBlocksThatAreNotZero) {
  MockPorts m;
  const std::string content = device_with_bytes_at({5000, 300000, kSize - 1});
  MemFile in(content), out(content);
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getsize64", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, std::to_string(kSize) + "\n")));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::WriteExisting))
      .WillOnce(Return(testing::ByMove(out.take())));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read))
      .WillOnce(Return(testing::ByMove(in.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(zero_device(ctx, "/dev/sda"));
  EXPECT_EQ(out.state->data, std::string(kSize, '\0'));
  EXPECT_THAT(out.state->ops, ElementsAre("seek 4096", "write 4096@4096", "seek 299008",
                                          "write 4096@299008", "seek 610304", "write 4096@610304"));
  EXPECT_THAT(in.state->read_sizes, ElementsAre(262144u, 262144u, 90112u));
  EXPECT_TRUE(out.state->closed);
}

TEST(IsZeroDevice, ReadsInBigBlocksAndSeesASingleByteAnywhere) {
  for (size_t where : {size_t{0}, size_t{15}, size_t{16}, size_t{262143}, kSize - 1}) {
    MockPorts m;
    MemFile f(device_with_bytes_at({where}));
    EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read))
        .WillOnce(Return(testing::ByMove(f.take())));
    auto ctx = m.ctx();
    EXPECT_THAT(is_zero_device(ctx, "/dev/sda"), testing::Optional(false)) << where;
  }
  MockPorts m;
  MemFile f(std::string(kSize, '\0'));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read))
      .WillOnce(Return(testing::ByMove(f.take())));
  auto ctx = m.ctx();
  EXPECT_THAT(is_zero_device(ctx, "/dev/sda"), testing::Optional(true));
  EXPECT_THAT(f.state->read_sizes, ElementsAre(262144u, 262144u, 262144u, 262144u));  // the last one meets the end
}

}  // namespace
}  // namespace gfsd::domain::test
