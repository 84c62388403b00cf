// inspect_os end to end over a real directory tree per filesystem (the
// PosixFilesystem adapter, real Augeas), fake device services and a fake
// registry: the sysroot is a symlink the fake mount points at a tree.
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/augeas/lib_augeas.hpp"
#include "support/mock_ports.hpp"
#include "adapters/posix/posix_filesystem.hpp"
#include "domain/inspect/inspect_actions.hpp"
#include "fake_deps.hpp"
#include "fake_hive.hpp"

namespace gfsd::domain::inspect {
namespace {

namespace stdfs = std::filesystem;
using test::dev;
using test::FakeDeps;
using test::FakeHive;
using testing::_;
using testing::ElementsAre;
using testing::Pair;

class FakeHivex : public ports::Hivex {
 public:
  std::map<std::string, std::function<std::unique_ptr<FakeHive>()>> hives;  // appliance path
  std::vector<int32_t> flags_seen;
  Result<std::unique_ptr<ports::Hive>> open(const std::string& path, int32_t flags) override {
    flags_seen.push_back(flags);
    auto it = hives.find(path);
    if (it == hives.end()) return fail_with(ENOENT, "");
    return std::unique_ptr<ports::Hive>(it->second());
  }
};

class InspectOsTest : public testing::Test {
 protected:
  InspectOsTest() {
    char tmpl[] = "/tmp/gfsd-inspect-XXXXXX";
    tmp_ = ::mkdtemp(tmpl);
    stdfs::create_directories(tmp_ + "/empty");
    stdfs::create_directory_symlink(tmp_ + "/empty", tmp_ + "/sysroot");
    m_.config.sysroot = tmp_ + "/sysroot";
    fs_ = std::make_unique<adapters::PosixFilesystem>(m_.config.sysroot);
    deps_.on_mount = [this](const api::Mountable& m) {
      if (!trees_.count(m.device)) return false;
      point_sysroot_at(tree(m.device));
      return true;
    };
    deps_.on_umount = [this] { point_sysroot_at(tmp_ + "/empty"); };
    ON_CALL(m_.runner, run(_, _))
        .WillByDefault([this](const std::vector<std::string>& argv, const ports::RunOptions& o) {
          ports::ProcessResult r;
          if (argv[0] == "file") {
            // The last argument is a guest path for the runner to resolve.
            EXPECT_EQ(o.guest_args, (std::vector<ports::GuestArg>{
                                        {argv.size() - 1, ports::GuestArg::Last::AsIs}}));
            r.out = magic_[argv.back()] + "\n";
          }
          return Result<ports::ProcessResult>(r);
        });
  }
  ~InspectOsTest() override { stdfs::remove_all(tmp_); }

  Ctx ctx() {
    Ctx c{m_.config, *fs_, m_.runner, m_.mounts, m_.devices, m_.log, m_.host, m_.progress, m_.state};
    c.augeas = &augeas_;
    c.hivex = &hivex_;
    return c;
  }

  std::string tree(const std::string& device) {
    auto it = trees_.find(device);
    if (it != trees_.end()) return it->second;
    const std::string dir = tmp_ + "/fs" + std::to_string(trees_.size());
    stdfs::create_directories(dir);
    trees_[device] = dir;
    return dir;
  }
  void file(const std::string& device, const std::string& path, const std::string& content) {
    const std::string p = tree(device) + path;
    stdfs::create_directories(stdfs::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  void dir(const std::string& device, const std::string& path) {
    stdfs::create_directories(tree(device) + path);
  }
  // What `file` says about a guest path of the filesystem mounted when asked
  // (file gets the guest path, which the runner resolves inside the sysroot).
  void magic(const std::string& path, const std::string& text) {
    magic_[path] = text;
  }
  void point_sysroot_at(const std::string& target) {
    stdfs::remove(m_.config.sysroot);
    stdfs::create_directory_symlink(target, m_.config.sysroot);
  }

  std::string tmp_;
  mocks::MockPorts m_;
  std::unique_ptr<adapters::PosixFilesystem> fs_;
  adapters::LibAugeas augeas_;
  FakeHivex hivex_;
  FakeDeps deps_;
  std::map<std::string, std::string> trees_;
  std::map<std::string, std::string> magic_;
};

constexpr const char* kElf64 =
    "ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked";

TEST_F(InspectOsTest, DebianOnLvmWithSeparateBootAndHome) {
  const std::string root = "/dev/guestvg/root";
  file(root, "/etc/fstab",
       "# comment\n"
       "/dev/mapper/guestvg-root /      ext4 errors=remount-ro 0 1\n"
       "LABEL=BOOT               /boot  ext4 defaults          0 2\n"
       "UUID=6b1a /home  ext4 defaults 0 2\n"
       "proc                     /proc  proc defaults          0 0\n");
  file(root, "/etc/os-release",
       "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\nID=debian\n");
  file(root, "/etc/debian_version", "12.4\n");
  file(root, "/etc/hostname", "testguest\n");
  file(root, "/bin/bash", "\x7f" "ELF");
  dir(root, "/usr/bin");
  file("/dev/sda1", "/vmlinuz-6.1.0", "not a kernel");
  dir("/dev/guestvg/home", "/user/docs");
  magic("/bin/bash", kElf64);

  deps_.filesystems = {{dev("/dev/sda1"), "ext4"},
                       {dev("/dev/guestvg/home"), "ext4"},
                       {dev(root), "ext4"},
                       {dev("/dev/guestvg/swap"), "swap"}};
  deps_.lvs["/dev/mapper/guestvg-root"] = root;
  deps_.by_label["BOOT"] = "/dev/sda1";
  deps_.by_uuid["6b1a"] = "/dev/guestvg/home";

  auto c = ctx();
  EXPECT_THAT(inspect_os_with(c, deps_), test::HasRoots(ElementsAre(root)));
  // Each filesystem mounted read-only on the sysroot, except the swap.
  EXPECT_THAT(deps_.mounts, ElementsAre("ro||/dev/sda1", "ro||/dev/guestvg/home", "ro||" + root));

  const auto r = dev(root);
  EXPECT_EQ(*inspect_get_type(c, r), "linux");
  EXPECT_EQ(*inspect_get_distro(c, r), "debian");
  EXPECT_EQ(*inspect_get_product_name(c, r), "12.4");
  EXPECT_EQ(*inspect_get_major_version(c, r), 12);
  EXPECT_EQ(*inspect_get_minor_version(c, r), 4);
  EXPECT_EQ(*inspect_get_arch(c, r), "x86_64");
  EXPECT_EQ(*inspect_get_hostname(c, r), "testguest");
  EXPECT_EQ(*inspect_get_package_format(c, r), "deb");
  EXPECT_EQ(*inspect_get_package_management(c, r), "apt");
  EXPECT_EQ(*inspect_get_product_variant(c, r), "unknown");
  // Last fstab entry first, as the original answers (seen with the stock daemon).
  EXPECT_THAT(*inspect_get_mountpoints(c, r),
              ElementsAre(Pair("/home", "/dev/guestvg/home"), Pair("/boot", "/dev/sda1"),
                          Pair("/", root)));
  EXPECT_THAT(*inspect_get_filesystems(c, r),
              ElementsAre("/dev/guestvg/home", "/dev/sda1", root));
  EXPECT_TRUE(inspect_get_drive_mappings(c, r)->empty());
  EXPECT_EQ(inspect_get_windows_systemroot(c, r).error().message,
            "not a Windows guest, or systemroot could not be determined");
  EXPECT_EQ(inspect_get_type(c, dev("/dev/sda1")).error().message,
            "/dev/sda1: root device not found: only call this function with a root device "
            "previously returned by guestfs_inspect_os");
  EXPECT_THAT(*inspect_get_roots(c), ElementsAre(root));
}

TEST_F(InspectOsTest, RhelHostnameFromSysconfigNetworkThroughAugeas) {
  const std::string root = "/dev/sda2";
  file(root, "/etc/fstab", "/dev/vda2 / ext4 defaults 1 1\n/dev/vda1 /boot ext4 defaults 1 2\n");
  file(root, "/etc/redhat-release", "Red Hat Enterprise Linux Server release 6.4 (Santiago)\n");
  file(root, "/etc/sysconfig/network", "NETWORKING=yes\nHOSTNAME=rhel6.example.com\n");
  dir(root, "/bin");
  deps_.filesystems = {{dev(root), "ext4"}};

  auto c = ctx();
  ASSERT_TRUE(inspect_os_with(c, deps_));
  const auto r = dev(root);
  EXPECT_EQ(*inspect_get_distro(c, r), "rhel");
  EXPECT_EQ(*inspect_get_major_version(c, r), 6);
  EXPECT_EQ(*inspect_get_minor_version(c, r), 4);
  EXPECT_EQ(*inspect_get_package_format(c, r), "rpm");
  EXPECT_EQ(*inspect_get_package_management(c, r), "yum");
  EXPECT_EQ(*inspect_get_hostname(c, r), "rhel6.example.com");
  EXPECT_EQ(*inspect_get_arch(c, r), "unknown");
  EXPECT_THAT(*inspect_get_mountpoints(c, r),
              ElementsAre(Pair("/boot", "/dev/sda1"), Pair("/", "/dev/sda2")));
}

TEST_F(InspectOsTest, SeparateUsrLendsItsFactsToTheRoot) {
  file("/dev/sda1", "/etc/fstab", "/dev/sda1 / ext4 defaults 1 1\n/dev/sda2 /usr ext4 defaults 1 2\n");
  file("/dev/sda1", "/etc/hosts", "127.0.0.1 localhost\n");
  dir("/dev/sda1", "/bin");
  file("/dev/sda2", "/lib/os-release", "ID=fedora\nVERSION_ID=39\nPRETTY_NAME=\"Fedora Linux 39\"\n");
  for (const char* d : {"/bin", "/local", "/share", "/src"}) dir("/dev/sda2", d);
  deps_.filesystems = {{dev("/dev/sda1"), "ext4"}, {dev("/dev/sda2"), "ext4"}};

  auto c = ctx();
  ASSERT_TRUE(inspect_os_with(c, deps_));
  EXPECT_EQ(*inspect_get_distro(c, dev("/dev/sda1")), "fedora");
  EXPECT_EQ(*inspect_get_product_name(c, dev("/dev/sda1")), "Fedora Linux 39");
  // The package facts were decided per filesystem, before the merge.
  EXPECT_EQ(*inspect_get_package_format(c, dev("/dev/sda1")), "rpm");
  EXPECT_THAT(*inspect_get_roots(c), ElementsAre("/dev/sda1"));
}

TEST_F(InspectOsTest, BrokenFstabFailsInspection) {
  file("/dev/sda1", "/etc/fstab", "this line is not an fstab entry\n");
  dir("/dev/sda1", "/bin");
  deps_.filesystems = {{dev("/dev/sda1"), "ext4"}};
  auto c = ctx();
  auto r = inspect_os_with(c, deps_);
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, testing::StartsWith("/etc/fstab:1:"));
  EXPECT_THAT(r.error().message, testing::HasSubstr(": augeas parse failure: "));
}

TEST_F(InspectOsTest, UnmountableAndUnknownFilesystems) {
  dir("/dev/sda1", "/data");
  deps_.filesystems = {{dev("/dev/sda1"), "ext4"}, {dev("/dev/sdb"), "unknown"}};
  auto c = ctx();
  EXPECT_THAT(inspect_os_with(c, deps_), test::HasRoots(ElementsAre()));
  // Filesystems were found, so the getters complain about the root, not the data.
  EXPECT_THAT(inspect_get_type(c, dev("/dev/sda1")).error().message,
              testing::HasSubstr("root device not found"));
}

TEST_F(InspectOsTest, NoInspectionYet) {
  auto c = ctx();
  EXPECT_TRUE(inspect_get_roots(c)->empty());
  EXPECT_EQ(inspect_get_type(c, dev("/dev/sda1")).error().message,
            "no inspection data: call guestfs_inspect_os first");
  EXPECT_EQ(*inspect_get_format(c, dev("/dev/sda1")), "installed");
  EXPECT_FALSE(*inspect_is_live(c, dev("/dev/sda1")));
}

TEST_F(InspectOsTest, WindowsFromTheRegistry) {
  const std::string root = "/dev/sda2";
  dir(root, "/Windows/System32/config");
  file(root, "/Windows/System32/cmd.exe", "MZ");
  file(root, "/Windows/System32/config/SOFTWARE", "regf");
  file(root, "/Windows/System32/config/SYSTEM", "regf");
  dir(root, "/Program Files");
  magic("/Windows/System32/cmd.exe", "PE32+ executable (console) x86-64, for MS Windows");
  deps_.filesystems = {{dev("/dev/sda1"), "ntfs"}, {dev(root), "ntfs"}};
  dir("/dev/sda1", "/Boot");
  deps_.devices = {"/dev/sda"};
  deps_.partitions = {"/dev/sda1", "/dev/sda2"};
  deps_.parttypes["/dev/sda"] = "gpt";
  deps_.gpt_guids[{"/dev/sda", 2}] = "01020304-0506-0708-090A-0B0C0D0E0F10";

  hivex_.hives[m_.config.sysroot + "/Windows/System32/config/SOFTWARE"] = [] {
    auto h = std::make_unique<FakeHive>();
    const std::string cv = "Microsoft\\Windows NT\\CurrentVersion";
    h->set_string(cv, "ProductName", "Windows Server 2019 Standard");
    h->set_dword(cv, "CurrentMajorVersionNumber", 10);
    h->set_dword(cv, "CurrentMinorVersionNumber", 0);
    h->set_string(cv, "CurrentVersion", "6.3");
    h->set_string(cv, "InstallationType", "Server");
    return h;
  };
  hivex_.hives[m_.config.sysroot + "/Windows/System32/config/SYSTEM"] = [] {
    auto h = std::make_unique<FakeHive>();
    h->set_dword("Select", "Current", 1);
    h->set_string("ControlSet001\\Services\\Tcpip\\Parameters", "Hostname", "WIN-SRV");
    const std::string gpt = std::string("DMIO:ID:") + std::string("\x04\x03\x02\x01\x06\x05\x08\x07", 8) +
                            std::string("\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10", 8);
    h->set("MountedDevices", "\\DosDevices\\C:", 3, gpt);
    h->set("MountedDevices", "\\DosDevices\\D:", 3, "too short");
    h->set("MountedDevices", "\\??\\Volume{x}", 3, gpt);
    return h;
  };

  auto c = ctx();
  EXPECT_THAT(inspect_os_with(c, deps_), test::HasRoots(ElementsAre(root)));
  const auto r = dev(root);
  EXPECT_EQ(*inspect_get_type(c, r), "windows");
  EXPECT_EQ(*inspect_get_distro(c, r), "windows");
  EXPECT_EQ(*inspect_get_arch(c, r), "x86_64");
  EXPECT_EQ(*inspect_get_product_name(c, r), "Windows Server 2019 Standard");
  EXPECT_EQ(*inspect_get_product_variant(c, r), "Server");
  EXPECT_EQ(*inspect_get_major_version(c, r), 10);
  EXPECT_EQ(*inspect_get_minor_version(c, r), 0);
  EXPECT_EQ(*inspect_get_hostname(c, r), "WIN-SRV");
  EXPECT_EQ(*inspect_get_windows_systemroot(c, r), "/Windows");
  EXPECT_EQ(*inspect_get_windows_current_control_set(c, r), "ControlSet001");
  EXPECT_EQ(*inspect_get_windows_software_hive(c, r), "/Windows/System32/config/SOFTWARE");
  EXPECT_EQ(*inspect_get_windows_system_hive(c, r), "/Windows/System32/config/SYSTEM");
  EXPECT_THAT(*inspect_get_drive_mappings(c, r), ElementsAre(Pair("C", "/dev/sda2")));
  EXPECT_THAT(*inspect_get_mountpoints(c, r), ElementsAre(Pair("/", root)));
  EXPECT_THAT(*inspect_get_filesystems(c, r), ElementsAre(root));
  EXPECT_EQ(*inspect_get_package_format(c, r), "unknown");
  // Hives are opened unsafe, as the original does.
  EXPECT_THAT(hivex_.flags_seen, ElementsAre(ports::kHiveOpenUnsafe, ports::kHiveOpenUnsafe));
}

}  // namespace
}  // namespace gfsd::domain::inspect
