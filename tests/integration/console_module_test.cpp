// The gRPC console is a module the daemon loads for --grpc only: the daemon
// links no gRPC, protobuf or abseil library, and a missing, broken or
// mismatched module is a clear error at start, never a crash.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include "integration/daemon_process.hpp"

namespace gfsd::test {
namespace {

std::string command_output(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  ::pclose(p);
  return out;
}

TEST(ConsoleModule, TheDaemonLinksNoGrpcProtobufOrAbseilLibrary) {
  const std::string libs = command_output(std::string("ldd ") + our_daemon());
  ASSERT_NE(libs.find("libc.so"), std::string::npos) << libs;
  for (const char* name : {"grpc", "protobuf", "absl", "libupb", "libcares", "libre2"})
    EXPECT_EQ(libs.find(name), std::string::npos) << name << " in:\n" << libs;
}

// The daemon copied alone into a directory, with `module` (a file copied in as
// the console module) beside it or nothing; started with --grpc.
class ConsoleModuleStart : public ::testing::Test {
 protected:
  std::string start_with(const std::string& module) {
    namespace fs = std::filesystem;
    const std::string bin = dir_.path() + "/guestfsd";
    fs::copy_file(our_daemon(), bin);
    fs::permissions(bin, fs::perms::owner_all);
    if (!module.empty()) fs::copy_file(module, dir_.path() + "/guestfsd-grpc-console.so");
    DaemonOptions opts;
    opts.binary = bin;
    opts.mount_sysroot = false;
    opts.extra_args = {"--grpc", "unix:" + dir_.path() + "/console.sock"};
    DaemonProcess daemon(opts);
    std::string why;
    daemon.start(&why);  // the socket may appear before the console is loaded
    const int status = daemon.wait_exit(20000);
    EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 1)
        << "the daemon went on without a usable console module (wait status " << status << ")";
    return daemon.stderr_text();
  }
  TempDir dir_;
};

TEST_F(ConsoleModuleStart, MissingModuleIsNamedWithWhereItWasLookedFor) {
  if (std::filesystem::exists(GUESTFSD_INSTALLED_MODULE))
    GTEST_SKIP() << "a module is installed at " << GUESTFSD_INSTALLED_MODULE;
  const std::string why = start_with("");
  EXPECT_NE(why.find("guestfsd: --grpc: the gRPC console module is not installed (looked for " +
                     dir_.path() + "/guestfsd-grpc-console.so, " GUESTFSD_INSTALLED_MODULE ")"),
            std::string::npos)
      << why;
}

TEST_F(ConsoleModuleStart, AFileThatIsNoSharedObjectCannotBeLoaded) {
  const std::string junk = dir_.path() + "/junk";
  std::FILE* f = std::fopen(junk.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("not an ELF file\n", f);
  std::fclose(f);
  const std::string why = start_with(junk);
  EXPECT_NE(why.find("guestfsd: --grpc: cannot load " + dir_.path() + "/guestfsd-grpc-console.so: "),
            std::string::npos)
      << why;
}

TEST_F(ConsoleModuleStart, AModuleBuiltForAnotherDaemonIsRefused) {
  const std::string why = start_with(FAKE_CONSOLE_MODULE);
  EXPECT_NE(why.find("guestfsd: --grpc: " + dir_.path() +
                     "/guestfsd-grpc-console.so was built for another guestfsd (ABI 1001"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("install the module built with it"), std::string::npos) << why;
}

}  // namespace
}  // namespace gfsd::test
