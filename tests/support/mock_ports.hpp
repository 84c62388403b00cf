// GoogleMock doubles for every port, and MockPorts: a domain::Ctx made of them.
// Test code only: they live in tests/support/ because they build a domain::Ctx,
// which no adapter may see.
//
//   MockPorts m;
//   EXPECT_CALL(m.fs, unlink("/a")).WillOnce(Return(Result<void>{}));
//   auto ctx = m.ctx();
//   EXPECT_TRUE(domain::rm(ctx, "/a"));
//
// Every port call that returns a Result fails with ENOSYS ("unexpected call to
// Filesystem::unlink") unless the test says what it answers, with WillOnce,
// WillRepeatedly or ON_CALL: a bare EXPECT_CALL fails too. A forgotten
// expectation then shows up as an error instead of a silent success with T{}.
// Calls that return no Result (Log, Progress, HostProbe::program_exists, ...)
// keep GoogleMock's defaults (nothing, false, 0, empty). The members are
// NiceMocks, so calls nobody expects are not reported as warnings.
#pragma once

#include <gmock/gmock.h>

#include <cerrno>
#include <memory>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/augeas.hpp"
#include "ports/channel.hpp"
#include "ports/file_transfer.hpp"
#include "ports/filesystem.hpp"
#include "ports/hivex.hpp"
#include "ports/process_runner.hpp"
#include "ports/result.hpp"
#include "ports/rpm_database.hpp"
#include "ports/system.hpp"

namespace gfsd::mocks {

// The answer of a port call no test set up: ENOSYS, naming the call.
inline auto unexpected_call(const char* port_method) {
  return [port_method](auto&&...) {
    return fail_with(ENOSYS, std::string("unexpected call to ") + port_method);
  };
}

// In a mock's constructor: `method` of `Port` fails by default (see above).
#define GFSD_FAIL_BY_DEFAULT(Port, method) \
  ON_CALL(*this, method).WillByDefault(::gfsd::mocks::unexpected_call(#Port "::" #method))

class MockFile : public ports::File {
 public:
  MockFile();
  ~MockFile() override;

  MOCK_METHOD(Result<size_t>, read, (char* buf, size_t n), (override));
  MOCK_METHOD(Result<void>, write, (const char* buf, size_t n), (override));
  MOCK_METHOD(Result<void>, seek, (int64_t offset), (override));
  MOCK_METHOD(Result<void>, close, (), (override));
};

class MockFilesystem : public ports::Filesystem {
 public:
  MockFilesystem();
  ~MockFilesystem() override;

  MOCK_METHOD(Result<std::unique_ptr<ports::File>>, open,
              (const std::string& path, ports::OpenFor how, uint32_t create_mode), (override));
  MOCK_METHOD(Result<ports::FileStat>, stat, (const std::string& path, bool follow), (override));
  MOCK_METHOD(Result<ports::FsStat>, statvfs, (const std::string& path), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, list_dir, (const std::string& path), (override));
  MOCK_METHOD(Result<std::vector<ports::DirEntry>>, read_dir, (const std::string& path),
              (override));
  MOCK_METHOD(Result<std::string>, readlink, (const std::string& path), (override));
  MOCK_METHOD(Result<std::vector<ports::XattrEntry>>, list_xattrs, (const std::string& path),
              (override));
  MOCK_METHOD(Result<std::vector<std::string>>, list_xattr_names,
              (const std::string& path, bool follow), (override));
  MOCK_METHOD(Result<std::string>, get_xattr,
              (const std::string& path, const std::string& name, bool follow), (override));
  MOCK_METHOD(Result<void>, set_xattr,
              (const std::string& path, const std::string& name, const std::string& value,
               bool follow),
              (override));
  MOCK_METHOD(Result<void>, remove_xattr,
              (const std::string& path, const std::string& name, bool follow), (override));
  MOCK_METHOD(Result<std::string>, realpath, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, mkdir, (const std::string& path, uint32_t mode), (override));
  MOCK_METHOD(Result<void>, rmdir, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, unlink, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, remove_tree, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, symlink,
              (const std::string& target, const std::string& path, bool replace), (override));
  MOCK_METHOD(Result<void>, link, (const std::string& existing, const std::string& path),
              (override));
  MOCK_METHOD(Result<void>, rename, (const std::string& from, const std::string& to), (override));
  MOCK_METHOD(Result<void>, mknod,
              (const std::string& path, uint32_t mode, uint32_t dev_major, uint32_t dev_minor),
              (override));
  MOCK_METHOD(Result<void>, chmod, (const std::string& path, uint32_t mode), (override));
  MOCK_METHOD(Result<void>, chown, (const std::string& path, int64_t uid, int64_t gid, bool follow),
              (override));
  MOCK_METHOD(Result<std::string>, pread, (const std::string& path, size_t count, int64_t offset),
              (override));
  MOCK_METHOD(Result<size_t>, pwrite,
              (const std::string& path, const std::string& data, int64_t offset), (override));
  MOCK_METHOD(Result<void>, truncate, (const std::string& path, int64_t size), (override));
  MOCK_METHOD(Result<void>, set_times,
              (const std::string& path, int64_t atime_sec, int64_t atime_nsec, int64_t mtime_sec,
               int64_t mtime_nsec),
              (override));
  MOCK_METHOD(Result<void>, touch, (const std::string& path), (override));
  MOCK_METHOD(Result<std::string>, make_temp, (const std::string& tmpl, size_t suffix_len),
              (override));
  MOCK_METHOD(Result<std::string>, make_temp_dir, (const std::string& tmpl), (override));
  MOCK_METHOD(uint32_t, set_umask, (uint32_t mask), (override));
  MOCK_METHOD(Result<void>, sync, (), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, glob, (const std::string& pattern, bool mark),
              (override));
};

class MockProcessRunner : public ports::ProcessRunner {
 public:
  MockProcessRunner();
  ~MockProcessRunner() override;

  MOCK_METHOD(Result<ports::ProcessResult>, run,
              (const std::vector<std::string>& argv, const ports::RunOptions& opts), (override));
};

class MockMounts : public ports::Mounts {
 public:
  MockMounts();
  ~MockMounts() override;

  MOCK_METHOD(Result<std::vector<ports::MountEntry>>, list, (), (override));
  MOCK_METHOD(Result<void>, umount, (const std::string& target, bool force, bool lazy),
              (override));
};

class MockBlockDevices : public ports::BlockDevices {
 public:
  MockBlockDevices();
  ~MockBlockDevices() override;

  MOCK_METHOD(const std::vector<std::string>&, disks_in_order, (), (override));
  MOCK_METHOD(ports::DeviceKind, kind, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, probe, (const std::string& path), (override));
  MOCK_METHOD(Result<std::unique_ptr<ports::File>>, open,
              (const std::string& path, ports::OpenFor how), (override));
  MOCK_METHOD(Result<int64_t>, size, (const std::string& path), (override));
  MOCK_METHOD(Result<std::string>, pread, (const std::string& path, size_t count, int64_t offset),
              (override));
  MOCK_METHOD(Result<std::string>, read_head_uncached, (const std::string& path, size_t count),
              (override));
  MOCK_METHOD(Result<size_t>, pwrite,
              (const std::string& path, const std::string& data, int64_t offset), (override));
  MOCK_METHOD(Result<void>, discard, (const std::string& path, uint64_t offset, uint64_t length),
              (override));
  MOCK_METHOD(Result<bool>, discard_zeroes, (const std::string& path), (override));
  MOCK_METHOD(void, settle, (const std::string& path), (override));
  MOCK_METHOD(void, flush_all_disks, (), (override));
  MOCK_METHOD(std::vector<std::string>, scan_disks, (), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, list_dir, (const std::string& path), (override));
  MOCK_METHOD(Result<std::string>, realpath, (const std::string& path), (override));
  MOCK_METHOD(Result<uint64_t>, rdev, (const std::string& path), (override));
  MOCK_METHOD(std::string, lvm_system_dir, (), (override));
  MOCK_METHOD(Result<void>, write_file, (const std::string& path, const std::string& content),
              (override));
  MOCK_METHOD(void, remove_file, (const std::string& path), (override));
};

class MockLog : public ports::Log {
 public:
  ~MockLog() override;
  MOCK_METHOD(bool, verbose, (), (const, override));
  MOCK_METHOD(void, debug, (const std::string& line), (override));
  MOCK_METHOD(void, error, (const std::string& line), (override));
};

class MockClock : public ports::Clock {
 public:
  ~MockClock() override;
  MOCK_METHOD(int64_t, now_us, (), (override));
};

class MockKernelCmdline : public ports::KernelCmdline {
 public:
  ~MockKernelCmdline() override;
  MOCK_METHOD(std::string, read, (), (override));
};

class MockHostProbe : public ports::HostProbe {
 public:
  MockHostProbe();
  ~MockHostProbe() override;

  MOCK_METHOD(bool, program_exists, (const std::string& name), (override));
  MOCK_METHOD(bool, kernel_has_filesystem, (const std::string& fstype), (override));
  MOCK_METHOD(bool, path_exists, (const std::string& path), (override));
  MOCK_METHOD(Result<ports::KernelIdentity>, uname, (), (override));
};

class MockUploadStream : public ports::UploadStream {
 public:
  MockUploadStream();
  ~MockUploadStream() override;

  MOCK_METHOD(Result<size_t>, read, (char* buf, size_t n), (override));
};

class MockDownloadStream : public ports::DownloadStream {
 public:
  MockDownloadStream();
  ~MockDownloadStream() override;

  MOCK_METHOD(Result<void>, start, (), (override));
  MOCK_METHOD(Result<void>, write, (const char* data, size_t n), (override));
  MOCK_METHOD(Result<void>, finish, (), (override));
};

class MockProgress : public ports::Progress {
 public:
  ~MockProgress() override;
  MOCK_METHOD(void, report, (uint64_t position, uint64_t total), (override));
};

class MockChannel : public ports::Channel {
 public:
  MockChannel();
  ~MockChannel() override;

  MOCK_METHOD(Result<size_t>, read, (void* buf, size_t n), (override));
  MOCK_METHOD(Result<void>, write_all, (const void* buf, size_t n), (override));
  MOCK_METHOD(bool, readable, (int timeout_ms), (override));
};

class MockChannelSource : public ports::ChannelSource {
 public:
  MockChannelSource();
  ~MockChannelSource() override;

  MOCK_METHOD(Result<std::unique_ptr<ports::Channel>>, next, (), (override));
};

class MockAugeasTree : public ports::AugeasTree {
 public:
  MockAugeasTree();
  ~MockAugeasTree() override;

  MOCK_METHOD(Result<ports::AugeasValue>, get, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, set,
              (const std::string& path, const std::optional<std::string>& value), (override));
  MOCK_METHOD(Result<int32_t>, setm,
              (const std::string& base, const std::optional<std::string>& sub,
               const std::string& value),
              (override));
  MOCK_METHOD(Result<void>, insert,
              (const std::string& path, const std::string& label, bool before), (override));
  MOCK_METHOD(Result<int32_t>, rm, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, mv, (const std::string& src, const std::string& dest), (override));
  MOCK_METHOD(Result<std::vector<std::string>>, match, (const std::string& path), (override));
  MOCK_METHOD(Result<int32_t>, defvar,
              (const std::string& name, const std::optional<std::string>& expr), (override));
  MOCK_METHOD((Result<std::pair<int32_t, bool>>), defnode,
              (const std::string& name, const std::string& expr, const std::string& value),
              (override));
  MOCK_METHOD(Result<std::optional<std::string>>, label, (const std::string& path), (override));
  MOCK_METHOD(Result<void>, load, (), (override));
  MOCK_METHOD(Result<void>, save, (), (override));
  MOCK_METHOD(Result<void>, transform,
              (const std::string& lens, const std::string& file, bool exclude), (override));
};

class MockAugeas : public ports::Augeas {
 public:
  MockAugeas();
  ~MockAugeas() override;

  MOCK_METHOD(Result<std::unique_ptr<ports::AugeasTree>>, open,
              (const std::string& root, int32_t flags), (override));
};

class MockHive : public ports::Hive {
 public:
  MockHive();
  ~MockHive() override;

  MOCK_METHOD(Result<int64_t>, root, (), (override));
  MOCK_METHOD(Result<std::string>, node_name, (int64_t node), (override));
  MOCK_METHOD(Result<std::vector<int64_t>>, node_children, (int64_t node), (override));
  MOCK_METHOD(Result<int64_t>, node_get_child, (int64_t node, const std::string& name),
              (override));
  MOCK_METHOD(Result<int64_t>, node_parent, (int64_t node), (override));
  MOCK_METHOD(Result<std::vector<int64_t>>, node_values, (int64_t node), (override));
  MOCK_METHOD(Result<int64_t>, node_get_value, (int64_t node, const std::string& key),
              (override));
  MOCK_METHOD(Result<std::string>, value_key, (int64_t value), (override));
  MOCK_METHOD(Result<int64_t>, value_type, (int64_t value), (override));
  MOCK_METHOD(Result<ports::HiveValueData>, value_value, (int64_t value), (override));
  MOCK_METHOD(Result<std::string>, value_string, (int64_t value), (override));
  MOCK_METHOD(Result<int32_t>, value_dword, (int64_t value), (override));
  MOCK_METHOD(Result<void>, commit, (const std::string& path), (override));
  MOCK_METHOD(Result<int64_t>, node_add_child, (int64_t parent, const std::string& name),
              (override));
  MOCK_METHOD(Result<void>, node_delete_child, (int64_t node), (override));
  MOCK_METHOD(Result<void>, node_set_value,
              (int64_t node, const std::string& key, int64_t type, const std::string& data),
              (override));
};

class MockHivex : public ports::Hivex {
 public:
  MockHivex();
  ~MockHivex() override;

  MOCK_METHOD(Result<std::unique_ptr<ports::Hive>>, open, (const std::string& path, int32_t flags),
              (override));
};

class MockRpmDatabase : public ports::RpmDatabase {
 public:
  MockRpmDatabase();
  ~MockRpmDatabase() override;

  MOCK_METHOD(Result<std::vector<ports::RpmPackage>>, installed_packages, (const std::string& root),
              (override));
};

// All the ports a domain::Ctx needs, mocked. disks_in_order() answers `disks`
// and realpath() the path itself unless a test says otherwise. ctx() attaches both streams; clear with_upload /
// with_download to get a Ctx like the session builds for other actions.
struct MockPorts {
  domain::Config config;
  domain::DaemonState state;
  std::vector<std::string> disks{"/dev/sda"};
  testing::NiceMock<MockFilesystem> fs;
  testing::NiceMock<MockProcessRunner> runner;
  testing::NiceMock<MockMounts> mounts;
  testing::NiceMock<MockBlockDevices> devices;
  testing::NiceMock<MockLog> log;
  testing::NiceMock<MockHostProbe> host;
  testing::NiceMock<MockProgress> progress;
  testing::NiceMock<MockUploadStream> upload;
  testing::NiceMock<MockDownloadStream> download;
  testing::NiceMock<MockAugeas> augeas;
  testing::NiceMock<MockHivex> hivex;
  testing::NiceMock<MockRpmDatabase> rpm;
  bool with_upload = true;
  bool with_download = true;

  // Out of line (mock_ports.cpp), with the mocks' own constructors and destructors:
  // the mocks' vtables and default actions are then compiled once, not in every test.
  MockPorts();
  ~MockPorts();
  MockPorts(const MockPorts&) = delete;
  MockPorts& operator=(const MockPorts&) = delete;

  domain::Ctx ctx() {
    domain::Ctx c{config, fs, runner, mounts, devices, log, host, progress, state,
                  with_upload ? &upload : nullptr, with_download ? &download : nullptr};
    c.augeas = &augeas;
    c.hivex = &hivex;
    c.rpm = &rpm;
    return c;
  }
};

}  // namespace gfsd::mocks
