#include "app/kernel_cmdline.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include "adapters/posix/proc_cmdline.hpp"

namespace gfsd::app {
namespace {

TEST(KernelCmdline, EmptyLineSetsNothing) {
  const auto f = parse_kernel_cmdline("");
  EXPECT_FALSE(f.verbose);
  EXPECT_FALSE(f.network);
  EXPECT_FALSE(f.channel);
}

TEST(KernelCmdline, TypicalApplianceLine) {
  const auto f = parse_kernel_cmdline(
      "panic=1 console=ttyS0 edd=off udevtimeout=6000 no_timer_check printk.time=1 "
      "cgroup_disable=memory usbcore.nousb cryptomgr.notests tsc=reliable 8250.nr_uarts=1 "
      "root=UUID=0e8f3e5a selinux=0 guestfs_verbose=1 guestfs_network=1 TERM=xterm "
      "guestfs_identifier=v2v\n");
  EXPECT_TRUE(f.verbose);
  EXPECT_TRUE(f.network);
  EXPECT_FALSE(f.channel);
}

TEST(KernelCmdline, QuietLine) {
  const auto f = parse_kernel_cmdline("quiet root=/dev/sda guestfs_verbose=0 guestfs_network=0\n");
  EXPECT_FALSE(f.verbose);
  EXPECT_FALSE(f.network);
}

TEST(KernelCmdline, FlagsAreSubstrings) {
  EXPECT_TRUE(parse_kernel_cmdline("guestfs_verbose=1").verbose);
  EXPECT_TRUE(parse_kernel_cmdline("xguestfs_verbose=1x").verbose);
  EXPECT_TRUE(parse_kernel_cmdline("a guestfs_network=1\n").network);
}

TEST(KernelCmdline, ChannelWord) {
  EXPECT_EQ(parse_kernel_cmdline("guestfs_channel=/dev/ttyS1 quiet").channel, "/dev/ttyS1");
  EXPECT_EQ(parse_kernel_cmdline("quiet guestfs_channel=/dev/ttyS1").channel, "/dev/ttyS1");
  EXPECT_EQ(parse_kernel_cmdline("quiet guestfs_channel=/dev/ttyS1\n").channel, "/dev/ttyS1");
  EXPECT_EQ(parse_kernel_cmdline("a\tguestfs_channel=fd:3\tb").channel, "fd:3");
}

TEST(KernelCmdline, ChannelNeedsAValueAndAWordStart) {
  EXPECT_FALSE(parse_kernel_cmdline("guestfs_channel= quiet").channel);
  EXPECT_FALSE(parse_kernel_cmdline("xguestfs_channel=/dev/x").channel);
}

TEST(KernelCmdline, LastChannelWins) {
  EXPECT_EQ(parse_kernel_cmdline("guestfs_channel=/a guestfs_channel=/b").channel, "/b");
}

TEST(KernelCmdline, ApplyAddsVerboseAndNetwork) {
  Options o;
  apply_kernel_flags(o, parse_kernel_cmdline("guestfs_verbose=1 guestfs_network=1"));
  EXPECT_TRUE(o.verbose);
  EXPECT_TRUE(o.network);

  Options already;
  already.verbose = true;
  already.network = true;
  apply_kernel_flags(already, KernelFlags{});
  EXPECT_TRUE(already.verbose);  // the kernel can only add flags
  EXPECT_TRUE(already.network);
}

TEST(KernelCmdline, ApplyChannelOnlyWithoutCommandLineChannel) {
  const auto flags = parse_kernel_cmdline("guestfs_channel=/dev/ttyS0");
  Options none;
  apply_kernel_flags(none, flags);
  EXPECT_EQ(none.channel, "/dev/ttyS0");

  Options given;
  given.channel = "fd:3";
  apply_kernel_flags(given, flags);
  EXPECT_EQ(given.channel, "fd:3");
}

TEST(KernelCmdline, ProcCmdlineReadsTheWholeFile) {
  char path[] = "/tmp/gfsd-cmdline-XXXXXX";
  const int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  const std::string text = "quiet guestfs_verbose=1 " + std::string(5000, 'x') + "\n";
  ASSERT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fd);
  EXPECT_EQ(adapters::ProcCmdline(path).read(), text);
  ::unlink(path);
}

TEST(KernelCmdline, ProcCmdlineMissingFileIsEmpty) {
  EXPECT_EQ(adapters::ProcCmdline("/nonexistent/cmdline").read(), "");
}

}  // namespace
}  // namespace gfsd::app

namespace gfsd::app {
namespace {

// The console in an appliance: a Unix socket only, and never over --grpc.
TEST(KernelCmdline, GrpcConsoleOnAUnixSocketOnly) {
  Options o;
  apply_kernel_flags(o, parse_kernel_cmdline("quiet guestfs_grpc=unix:/run/c.sock"));
  EXPECT_EQ(o.grpc, "unix:/run/c.sock");

  for (const char* line : {"guestfs_grpc=50051", "guestfs_grpc=0.0.0.0:1", "guestfs_grpc=unix:",
                           "xguestfs_grpc=unix:/run/c.sock", ""}) {
    Options other;
    apply_kernel_flags(other, parse_kernel_cmdline(line));
    EXPECT_EQ(other.grpc, "") << line;
  }

  Options given;
  given.grpc = "unix:/tmp/mine.sock";
  apply_kernel_flags(given, parse_kernel_cmdline("guestfs_grpc=unix:/run/c.sock"));
  EXPECT_EQ(given.grpc, "unix:/tmp/mine.sock");
}

}  // namespace
}  // namespace gfsd::app
