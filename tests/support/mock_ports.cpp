// The out-of-line parts of the GoogleMock doubles (see mock_ports.hpp).
// A mock whose constructor and destructor are defined here has its vtable, its
// mocked methods and its default actions compiled once, in this file, instead of
// in every test that makes one: the unit tests compile about three times faster.
#include "support/mock_ports.hpp"

namespace gfsd::mocks {

MockFile::MockFile() {
  GFSD_FAIL_BY_DEFAULT(File, read);
  GFSD_FAIL_BY_DEFAULT(File, write);
  GFSD_FAIL_BY_DEFAULT(File, seek);
  GFSD_FAIL_BY_DEFAULT(File, close);
}
MockFile::~MockFile() = default;

MockFilesystem::MockFilesystem() {
  GFSD_FAIL_BY_DEFAULT(Filesystem, open);
  GFSD_FAIL_BY_DEFAULT(Filesystem, stat);
  GFSD_FAIL_BY_DEFAULT(Filesystem, statvfs);
  GFSD_FAIL_BY_DEFAULT(Filesystem, list_dir);
  GFSD_FAIL_BY_DEFAULT(Filesystem, read_dir);
  GFSD_FAIL_BY_DEFAULT(Filesystem, readlink);
  GFSD_FAIL_BY_DEFAULT(Filesystem, list_xattrs);
  GFSD_FAIL_BY_DEFAULT(Filesystem, list_xattr_names);
  GFSD_FAIL_BY_DEFAULT(Filesystem, get_xattr);
  GFSD_FAIL_BY_DEFAULT(Filesystem, set_xattr);
  GFSD_FAIL_BY_DEFAULT(Filesystem, remove_xattr);
  GFSD_FAIL_BY_DEFAULT(Filesystem, realpath);
  GFSD_FAIL_BY_DEFAULT(Filesystem, mkdir);
  GFSD_FAIL_BY_DEFAULT(Filesystem, rmdir);
  GFSD_FAIL_BY_DEFAULT(Filesystem, unlink);
  GFSD_FAIL_BY_DEFAULT(Filesystem, remove_tree);
  GFSD_FAIL_BY_DEFAULT(Filesystem, symlink);
  GFSD_FAIL_BY_DEFAULT(Filesystem, link);
  GFSD_FAIL_BY_DEFAULT(Filesystem, rename);
  GFSD_FAIL_BY_DEFAULT(Filesystem, mknod);
  GFSD_FAIL_BY_DEFAULT(Filesystem, chmod);
  GFSD_FAIL_BY_DEFAULT(Filesystem, chown);
  GFSD_FAIL_BY_DEFAULT(Filesystem, pread);
  GFSD_FAIL_BY_DEFAULT(Filesystem, pwrite);
  GFSD_FAIL_BY_DEFAULT(Filesystem, truncate);
  GFSD_FAIL_BY_DEFAULT(Filesystem, set_times);
  GFSD_FAIL_BY_DEFAULT(Filesystem, touch);
  GFSD_FAIL_BY_DEFAULT(Filesystem, make_temp);
  GFSD_FAIL_BY_DEFAULT(Filesystem, make_temp_dir);
  GFSD_FAIL_BY_DEFAULT(Filesystem, sync);
  GFSD_FAIL_BY_DEFAULT(Filesystem, glob);
}
MockFilesystem::~MockFilesystem() = default;

MockProcessRunner::MockProcessRunner() {
  GFSD_FAIL_BY_DEFAULT(ProcessRunner, run);
}
MockProcessRunner::~MockProcessRunner() = default;

MockMounts::MockMounts() {
  GFSD_FAIL_BY_DEFAULT(Mounts, list);
  GFSD_FAIL_BY_DEFAULT(Mounts, umount);
}
MockMounts::~MockMounts() = default;

MockBlockDevices::MockBlockDevices() {
  GFSD_FAIL_BY_DEFAULT(BlockDevices, probe);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, open);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, size);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, pread);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, read_head_uncached);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, pwrite);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, discard);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, discard_zeroes);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, list_dir);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, realpath);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, rdev);
  GFSD_FAIL_BY_DEFAULT(BlockDevices, write_file);
}
MockBlockDevices::~MockBlockDevices() = default;

MockLog::~MockLog() = default;

MockClock::~MockClock() = default;

MockKernelCmdline::~MockKernelCmdline() = default;

MockHostProbe::MockHostProbe() {
  GFSD_FAIL_BY_DEFAULT(HostProbe, uname);
}
MockHostProbe::~MockHostProbe() = default;

MockUploadStream::MockUploadStream() {
  GFSD_FAIL_BY_DEFAULT(UploadStream, read);
}
MockUploadStream::~MockUploadStream() = default;

MockDownloadStream::MockDownloadStream() {
  GFSD_FAIL_BY_DEFAULT(DownloadStream, start);
  GFSD_FAIL_BY_DEFAULT(DownloadStream, write);
  GFSD_FAIL_BY_DEFAULT(DownloadStream, finish);
}
MockDownloadStream::~MockDownloadStream() = default;

MockProgress::~MockProgress() = default;

MockChannel::MockChannel() {
  GFSD_FAIL_BY_DEFAULT(Channel, read);
  GFSD_FAIL_BY_DEFAULT(Channel, write_all);
}
MockChannel::~MockChannel() = default;

MockChannelSource::MockChannelSource() {
  GFSD_FAIL_BY_DEFAULT(ChannelSource, next);
}
MockChannelSource::~MockChannelSource() = default;

MockAugeasTree::MockAugeasTree() {
  GFSD_FAIL_BY_DEFAULT(AugeasTree, get);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, set);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, setm);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, insert);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, rm);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, mv);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, match);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, defvar);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, defnode);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, label);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, load);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, save);
  GFSD_FAIL_BY_DEFAULT(AugeasTree, transform);
}
MockAugeasTree::~MockAugeasTree() = default;

MockAugeas::MockAugeas() {
  GFSD_FAIL_BY_DEFAULT(Augeas, open);
}
MockAugeas::~MockAugeas() = default;

MockHive::MockHive() {
  GFSD_FAIL_BY_DEFAULT(Hive, root);
  GFSD_FAIL_BY_DEFAULT(Hive, node_name);
  GFSD_FAIL_BY_DEFAULT(Hive, node_children);
  GFSD_FAIL_BY_DEFAULT(Hive, node_get_child);
  GFSD_FAIL_BY_DEFAULT(Hive, node_parent);
  GFSD_FAIL_BY_DEFAULT(Hive, node_values);
  GFSD_FAIL_BY_DEFAULT(Hive, node_get_value);
  GFSD_FAIL_BY_DEFAULT(Hive, value_key);
  GFSD_FAIL_BY_DEFAULT(Hive, value_type);
  GFSD_FAIL_BY_DEFAULT(Hive, value_value);
  GFSD_FAIL_BY_DEFAULT(Hive, value_string);
  GFSD_FAIL_BY_DEFAULT(Hive, value_dword);
  GFSD_FAIL_BY_DEFAULT(Hive, commit);
  GFSD_FAIL_BY_DEFAULT(Hive, node_add_child);
  GFSD_FAIL_BY_DEFAULT(Hive, node_delete_child);
  GFSD_FAIL_BY_DEFAULT(Hive, node_set_value);
}
MockHive::~MockHive() = default;

MockHivex::MockHivex() {
  GFSD_FAIL_BY_DEFAULT(Hivex, open);
}
MockHivex::~MockHivex() = default;

MockRpmDatabase::MockRpmDatabase() {
  GFSD_FAIL_BY_DEFAULT(RpmDatabase, installed_packages);
}
MockRpmDatabase::~MockRpmDatabase() = default;

MockPorts::MockPorts() {
  ON_CALL(devices, disks_in_order()).WillByDefault(testing::ReturnRef(disks));
  // A tree without symlinks: every guest path is its own canonical form.
  ON_CALL(fs, realpath(testing::_)).WillByDefault([](const std::string& p) {
    return Result<std::string>(p);
  });
}
MockPorts::~MockPorts() = default;

}  // namespace gfsd::mocks
