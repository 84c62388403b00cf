// PosixFilesystem against a real temporary tree: the sysroot is <tmp>/root,
// and <tmp>/outside holds what no guest path may ever reach.
#include "adapters/posix/posix_filesystem.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gfsd::adapters {
namespace {

namespace fs = std::filesystem;
using testing::UnorderedElementsAre;

void write_host(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string read_host(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool host_exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

template <class T>
int err_of(const Result<T>& r) {
  return r ? 0 : r.error().errnum;
}

class PosixFilesystemTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gfsd-posixfs-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    tmp_ = tmpl;
    root_ = tmp_ + "/root";
    outside_ = tmp_ + "/outside";
    fs::create_directories(root_ + "/etc");
    fs::create_directories(root_ + "/d/sub");
    fs::create_directories(outside_ + "/dir");
    write_host(outside_ + "/secret", "s3cret");
    write_host(outside_ + "/dir/keep", "keep");
    write_host(root_ + "/etc/passwd", "guest");
    write_host(root_ + "/file", "0123456789");
    write_host(root_ + "/d/sub/f", "x");
    fs::create_symlink("/", root_ + "/abs_root");
    fs::create_symlink("/etc", root_ + "/abs_etc");
    fs::create_symlink("../../outside", root_ + "/rel_out");
    fs::create_symlink(outside_, root_ + "/host_abs_out");
    fs::create_symlink("loop2", root_ + "/loop1");
    fs::create_symlink("loop1", root_ + "/loop2");
    fs::create_symlink("/no/such/target", root_ + "/dangling");
    fsys_ = std::make_unique<PosixFilesystem>(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }

  // The outside area is exactly as SetUp left it.
  void expect_outside_untouched() {
    EXPECT_EQ(read_host(outside_ + "/secret"), "s3cret");
    EXPECT_EQ(read_host(outside_ + "/dir/keep"), "keep");
    struct stat st;
    ASSERT_EQ(::stat((outside_ + "/secret").c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, ::getuid());
    size_t n = 0;
    for (auto it = fs::directory_iterator(outside_); it != fs::directory_iterator(); ++it) ++n;
    EXPECT_EQ(n, 2u);
  }

  std::string read_guest(const std::string& path) {
    auto f = fsys_->open(path, ports::OpenFor::Read, 0);
    if (!f) return "<" + f.error().message + ">";
    std::string out;
    char buf[256];
    for (;;) {
      auto n = (*f)->read(buf, sizeof buf);
      if (!n || *n == 0) break;
      out.append(buf, *n);
    }
    return out;
  }

  std::string tmp_, root_, outside_;
  std::unique_ptr<PosixFilesystem> fsys_;
};

// ---- confinement ---------------------------------------------------------------

TEST_F(PosixFilesystemTest, AbsoluteSymlinksResolveInsideTheSysroot) {
  EXPECT_EQ(read_guest("/abs_etc/passwd"), "guest");
  EXPECT_EQ(read_guest("/abs_root/abs_root/abs_etc/passwd"), "guest");
  // A link to the host's own path of the outside area means nothing in the guest.
  EXPECT_EQ(err_of(fsys_->stat("/host_abs_out/secret", true)), ENOENT);
  EXPECT_EQ(err_of(fsys_->open("/host_abs_out/secret", ports::OpenFor::Read, 0)), ENOENT);
}

TEST_F(PosixFilesystemTest, RelativeSymlinksCannotClimbOut) {
  EXPECT_EQ(err_of(fsys_->stat("/rel_out/secret", true)), ENOENT);
  EXPECT_EQ(err_of(fsys_->list_dir("/rel_out")), ENOENT);
  EXPECT_EQ(err_of(fsys_->open("/rel_out/new", ports::OpenFor::WriteTruncate, 0644)), ENOENT);
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, DotDotStopsAtTheSysroot) {
  EXPECT_EQ(err_of(fsys_->stat("/../../outside/secret", true)), ENOENT);
  EXPECT_EQ(err_of(fsys_->stat("/../../outside/secret", false)), ENOENT);
  EXPECT_EQ(read_guest("/../../../etc/passwd"), "guest");
  auto top = fsys_->list_dir("/..");
  ASSERT_TRUE(top);
  EXPECT_THAT(*top, testing::Contains("etc"));
  EXPECT_THAT(*top, testing::Not(testing::Contains("outside")));

  // No-follow operations on ".." act on the guest root, never its host parent.
  struct stat host_root;
  ASSERT_EQ(::stat(root_.c_str(), &host_root), 0);
  for (const char* p : {"/..", "/../..", "/d/../..", "/."}) {
    auto st = fsys_->stat(p, false);
    ASSERT_TRUE(st) << p;
    EXPECT_EQ(st->ino, static_cast<int64_t>(host_root.st_ino)) << p;
  }
  EXPECT_EQ(err_of(fsys_->unlink("/..")), EISDIR);
  EXPECT_EQ(err_of(fsys_->rmdir("/..")), ENOTEMPTY);
  EXPECT_EQ(err_of(fsys_->rmdir("/.")), EINVAL);
  EXPECT_EQ(err_of(fsys_->rmdir("/")), EBUSY);
  EXPECT_EQ(err_of(fsys_->mkdir("/..", 0755)), EEXIST);
  EXPECT_EQ(err_of(fsys_->remove_tree("/..")), EINVAL);
  EXPECT_EQ(err_of(fsys_->readlink("/..")), EINVAL);
  EXPECT_TRUE(host_exists(root_ + "/etc/passwd"));
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, SymlinkLoopsFailWithELOOP) {
  EXPECT_EQ(err_of(fsys_->stat("/loop1", true)), ELOOP);
  EXPECT_EQ(err_of(fsys_->open("/loop1", ports::OpenFor::Read, 0)), ELOOP);
  EXPECT_EQ(err_of(fsys_->list_dir("/loop1")), ELOOP);
  EXPECT_EQ(err_of(fsys_->stat("/loop1/x", false)), ELOOP);
  auto st = fsys_->stat("/loop1", false);  // the link itself is fine
  ASSERT_TRUE(st);
  EXPECT_EQ(st->mode & S_IFMT, S_IFLNK);
  EXPECT_EQ(fsys_->stat("/loop1", true).error().message,
            "/loop1: Too many levels of symbolic links");
}

TEST_F(PosixFilesystemTest, CreatingThroughADanglingSymlinkStaysInside) {
  fs::create_symlink(outside_ + "/victim", root_ + "/to_victim");
  EXPECT_EQ(err_of(fsys_->open("/to_victim", ports::OpenFor::WriteTruncate, 0644)), ENOENT);
  EXPECT_EQ(err_of(fsys_->touch("/to_victim")), ENOENT);
  fs::create_symlink("/made_here", root_ + "/to_inside");
  ASSERT_TRUE(fsys_->touch("/to_inside"));
  EXPECT_TRUE(host_exists(root_ + "/made_here"));
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, ASymlinkSwappedInBetweenCallsIsStillConfined) {
  auto first = fsys_->list_dir("/d");
  ASSERT_TRUE(first);
  EXPECT_THAT(*first, UnorderedElementsAre("sub"));
  fs::remove_all(root_ + "/d");
  fs::create_symlink(outside_, root_ + "/d");
  EXPECT_EQ(err_of(fsys_->list_dir("/d")), ENOENT);
  EXPECT_EQ(err_of(fsys_->stat("/d/secret", false)), ENOENT);
  EXPECT_EQ(err_of(fsys_->unlink("/d/secret")), ENOENT);
  EXPECT_EQ(err_of(fsys_->chmod("/d/secret", 0777)), ENOENT);
  fs::remove(root_ + "/d");
  fs::create_symlink("../../outside", root_ + "/d");
  EXPECT_EQ(err_of(fsys_->list_dir("/d")), ENOENT);
  EXPECT_EQ(err_of(fsys_->truncate("/d/secret", 0)), ENOENT);
  EXPECT_TRUE(fsys_->remove_tree("/d/dir"));  // missing inside the guest: nothing to do
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, NoFollowOperationsActOnTheLinkItself) {
  fs::create_symlink(outside_ + "/secret", root_ + "/abs_secret");
  fs::create_symlink("../../outside/secret", root_ + "/rel_secret");
  ASSERT_TRUE(fsys_->chown("/rel_secret", 1234, 1234, false));
  struct stat st;
  ASSERT_EQ(::lstat((root_ + "/rel_secret").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 1234u);
  EXPECT_EQ(err_of(fsys_->chown("/rel_secret", 1234, 1234, true)), ENOENT);
  ASSERT_TRUE(fsys_->unlink("/abs_secret"));
  ASSERT_TRUE(fsys_->unlink("/rel_secret"));
  EXPECT_FALSE(host_exists(root_ + "/abs_secret"));
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, RemoveTreeNeverFollowsLinks) {
  fs::create_symlink(outside_, root_ + "/d/sub/abs_link");
  fs::create_symlink("../../../../outside", root_ + "/d/sub/rel_link");
  fs::create_symlink(outside_ + "/dir", root_ + "/d/dirlink");
  ASSERT_TRUE(fsys_->remove_tree("/d"));
  EXPECT_FALSE(host_exists(root_ + "/d"));
  // Through a symlinked parent the tree resolves inside the guest.
  ASSERT_TRUE(fsys_->remove_tree("/rel_out/dir"));
  ASSERT_TRUE(fsys_->remove_tree("/host_abs_out/dir"));
  // A symlink as the argument is removed, not its target.
  ASSERT_TRUE(fsys_->remove_tree("/abs_etc"));
  EXPECT_TRUE(host_exists(root_ + "/etc/passwd"));
  expect_outside_untouched();
}

// ---- behaviour -------------------------------------------------------------------

TEST_F(PosixFilesystemTest, StatFollowsOrNot) {
  auto f = fsys_->stat("/abs_etc", true);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->mode & S_IFMT, S_IFDIR);
  auto l = fsys_->stat("/abs_etc", false);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->mode & S_IFMT, S_IFLNK);
  auto r = fsys_->stat("/file", false);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size, 10);
  EXPECT_EQ(r->nlink, 1);
  EXPECT_GT(r->ino, 0);
  // A trailing slash makes lstat follow, as the kernel does.
  auto ts = fsys_->stat("/abs_etc/", false);
  ASSERT_TRUE(ts);
  EXPECT_EQ(ts->mode & S_IFMT, S_IFDIR);
  auto gone = fsys_->stat("/nope", true);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().errnum, ENOENT);
  EXPECT_EQ(gone.error().message, "/nope: No such file or directory");
  EXPECT_EQ(err_of(fsys_->stat("/file/x", false)), ENOTDIR);
}

TEST_F(PosixFilesystemTest, OpenReadWriteAppend) {
  {
    auto f = fsys_->open("/new", ports::OpenFor::WriteTruncate, 0640);
    ASSERT_TRUE(f);
    ASSERT_TRUE((*f)->write("hello", 5));
    ASSERT_TRUE((*f)->close());
  }
  {
    auto f = fsys_->open("/new", ports::OpenFor::WriteAppend, 0640);
    ASSERT_TRUE(f);
    ASSERT_TRUE((*f)->write(" world", 6));
    ASSERT_TRUE((*f)->close());
  }
  EXPECT_EQ(read_guest("/new"), "hello world");
  struct stat st;
  ASSERT_EQ(::stat((root_ + "/new").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u & ~0022u & 0777);
  EXPECT_EQ(err_of(fsys_->open("/missing", ports::OpenFor::WriteExisting, 0)), ENOENT);
  EXPECT_EQ(err_of(fsys_->open("/d", ports::OpenFor::WriteTruncate, 0644)), EISDIR);
}

TEST_F(PosixFilesystemTest, ListDirLeavesOutDots) {
  auto names = fsys_->list_dir("/");
  ASSERT_TRUE(names);
  EXPECT_THAT(*names, UnorderedElementsAre("etc", "d", "file", "abs_root", "abs_etc", "rel_out",
                                           "host_abs_out", "loop1", "loop2", "dangling"));
  EXPECT_EQ(err_of(fsys_->list_dir("/file")), ENOTDIR);
  auto via_link = fsys_->list_dir("/abs_etc");
  ASSERT_TRUE(via_link);
  EXPECT_THAT(*via_link, UnorderedElementsAre("passwd"));
}

TEST_F(PosixFilesystemTest, Readlink) {
  EXPECT_EQ(*fsys_->readlink("/rel_out"), "../../outside");
  EXPECT_EQ(*fsys_->readlink("/abs_etc"), "/etc");
  EXPECT_EQ(*fsys_->readlink("/d/../dangling"), "/no/such/target");
  EXPECT_EQ(err_of(fsys_->readlink("/file")), EINVAL);
  EXPECT_EQ(err_of(fsys_->readlink("/")), EINVAL);
  EXPECT_EQ(err_of(fsys_->readlink("/nope")), ENOENT);
  const std::string longer(300, 'a');
  fs::create_symlink(longer, root_ + "/long");
  EXPECT_EQ(*fsys_->readlink("/long"), longer);
}

TEST_F(PosixFilesystemTest, Realpath) {
  EXPECT_EQ(*fsys_->realpath("/abs_etc/passwd"), "/etc/passwd");
  EXPECT_EQ(*fsys_->realpath("/"), "/");
  EXPECT_EQ(*fsys_->realpath("/d/sub/../../abs_root/d"), "/d");
  EXPECT_EQ(*fsys_->realpath("/.."), "/");
  EXPECT_EQ(err_of(fsys_->realpath("/rel_out")), ENOENT);
  EXPECT_EQ(err_of(fsys_->realpath("/dangling")), ENOENT);
}

TEST_F(PosixFilesystemTest, LiveModeIsTheWholeTree) {
  PosixFilesystem live("");
  EXPECT_EQ(*live.realpath(root_ + "/abs_etc/passwd"), "/etc/passwd");  // "/" is the real root
  EXPECT_EQ(*live.realpath(root_ + "/file"), root_ + "/file");
  auto st = live.stat(root_ + "/file", true);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->size, 10);
}

TEST_F(PosixFilesystemTest, MkdirRmdirUnlink) {
  ASSERT_TRUE(fsys_->mkdir("/nd", 0700));
  EXPECT_TRUE(fs::is_directory(root_ + "/nd"));
  auto again = fsys_->mkdir("/nd/", 0700);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().errnum, EEXIST);
  EXPECT_EQ(again.error().message, "/nd/: File exists");
  EXPECT_EQ(err_of(fsys_->mkdir("/x/y/z", 0755)), ENOENT);
  EXPECT_EQ(fsys_->mkdir("/x/y/z", 0755).error().message, "/x/y/z: No such file or directory");
  EXPECT_EQ(err_of(fsys_->mkdir("/dangling", 0755)), EEXIST);
  ASSERT_TRUE(fsys_->mkdir("/abs_root/via_link", 0755));  // the parent may be a symlink
  EXPECT_TRUE(fs::is_directory(root_ + "/via_link"));

  EXPECT_EQ(err_of(fsys_->rmdir("/d")), ENOTEMPTY);
  EXPECT_EQ(err_of(fsys_->rmdir("/file")), ENOTDIR);
  EXPECT_EQ(err_of(fsys_->rmdir("/abs_etc")), ENOTDIR);  // never follows
  ASSERT_TRUE(fsys_->rmdir("/nd/"));
  EXPECT_FALSE(host_exists(root_ + "/nd"));

  EXPECT_EQ(err_of(fsys_->unlink("/d")), EISDIR);
  EXPECT_EQ(err_of(fsys_->unlink("/d/")), EISDIR);
  EXPECT_EQ(err_of(fsys_->unlink("/file/")), ENOTDIR);
  EXPECT_EQ(err_of(fsys_->unlink("/nope")), ENOENT);
  ASSERT_TRUE(fsys_->unlink("/dangling"));
  ASSERT_TRUE(fsys_->unlink("/file"));
  EXPECT_FALSE(host_exists(root_ + "/file"));
}

TEST_F(PosixFilesystemTest, RemoveTree) {
  EXPECT_TRUE(fsys_->remove_tree("/nope"));
  EXPECT_TRUE(fsys_->remove_tree("/file/x"));  // ENOTDIR counts as missing, like rm -f
  EXPECT_TRUE(fsys_->remove_tree("/nope/x/y"));
  ASSERT_TRUE(fsys_->remove_tree("/file"));
  EXPECT_FALSE(host_exists(root_ + "/file"));
  fs::create_directories(root_ + "/deep/a/b/c/d");
  write_host(root_ + "/deep/a/b/c/d/f", "1");
  write_host(root_ + "/deep/a/g", "2");
  ASSERT_TRUE(fsys_->remove_tree("/deep/"));
  EXPECT_FALSE(host_exists(root_ + "/deep"));
}

TEST_F(PosixFilesystemTest, RemoveTreeOfTheRootEmptiesItAndReportsBusy) {
  auto r = fsys_->remove_tree("//");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EBUSY);
  EXPECT_EQ(r.error().message, "//: Device or resource busy");
  EXPECT_EQ(r.error().path, "//");
  EXPECT_TRUE(fs::is_directory(root_));
  EXPECT_TRUE(fs::is_empty(root_));
  expect_outside_untouched();
}

// Sets or clears the immutable flag; false if the filesystem or our
// capabilities do not allow it.
bool set_immutable(const std::string& path, bool on) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  int flags = 0;
  bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok) {
    flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
  }
  ::close(fd);
  return ok;
}

TEST_F(PosixFilesystemTest, RemoveTreeNamesTheEntryThatFailedAndGoesOn) {
  write_host(root_ + "/d/a_first", "1");
  write_host(root_ + "/d/z_last", "1");
  const std::string stuck = root_ + "/d/sub/f";
  if (!set_immutable(stuck, true)) GTEST_SKIP() << "cannot set the immutable flag here";
  auto r = fsys_->remove_tree("/d");
  set_immutable(stuck, false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EPERM);
  EXPECT_EQ(r.error().message, "/d/sub/f: Operation not permitted");
  EXPECT_EQ(r.error().path, "/d/sub/f");
  EXPECT_TRUE(host_exists(stuck));
  EXPECT_FALSE(host_exists(root_ + "/d/a_first"));  // everything else went, as with rm -rf
  EXPECT_FALSE(host_exists(root_ + "/d/z_last"));
}

TEST_F(PosixFilesystemTest, RemoveTreeReportsTheArgumentWhenItCannotBeLookedAt) {
  const std::string name(300, 'n');
  auto r = fsys_->remove_tree("/" + name);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENAMETOOLONG);
  EXPECT_EQ(r.error().message, "/" + name + ": File name too long");
  EXPECT_EQ(r.error().path, "/" + name);
}

TEST_F(PosixFilesystemTest, ChmodFollowsAndChown) {
  ASSERT_TRUE(fsys_->chmod("/abs_etc/passwd", 0600));
  struct stat st;
  ASSERT_EQ(::stat((root_ + "/etc/passwd").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  ASSERT_TRUE(fsys_->chmod("/d", 01755));
  ASSERT_EQ(::stat((root_ + "/d").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 01755u);
  EXPECT_EQ(fsys_->chmod("/nope", 0644).error().message, "/nope: No such file or directory");

  ASSERT_TRUE(fsys_->chown("/abs_etc/passwd", 42, 43, true));
  ASSERT_EQ(::stat((root_ + "/etc/passwd").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 42u);
  EXPECT_EQ(st.st_gid, 43u);
  ASSERT_TRUE(fsys_->chown("/abs_etc/passwd", -1, 44, true));  // -1 keeps the owner
  ASSERT_EQ(::stat((root_ + "/etc/passwd").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 42u);
  EXPECT_EQ(st.st_gid, 44u);
  ASSERT_TRUE(fsys_->chown("/abs_etc", 7, 7, false));
  ASSERT_EQ(::lstat((root_ + "/abs_etc").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 7u);
  ASSERT_EQ(::stat((root_ + "/etc").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, ::getuid());
}

TEST_F(PosixFilesystemTest, TruncateAndTouchNameTheirSteps) {
  ASSERT_TRUE(fsys_->truncate("/file", 3));
  EXPECT_EQ(read_host(root_ + "/file"), "012");
  ASSERT_TRUE(fsys_->truncate("/file", 0));
  EXPECT_EQ(read_host(root_ + "/file"), "");
  EXPECT_EQ(fsys_->truncate("/missing", 0).error().message,
            "open: /missing: No such file or directory");
  EXPECT_EQ(fsys_->truncate("/d", 0).error().message, "open: /d: Is a directory");
  EXPECT_FALSE(host_exists(root_ + "/missing"));

  ASSERT_TRUE(fsys_->touch("/touched"));
  EXPECT_TRUE(host_exists(root_ + "/touched"));
  struct timespec old_times[2] = {{1, 0}, {1, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, (root_ + "/file").c_str(), old_times, 0), 0);
  ASSERT_TRUE(fsys_->touch("/file"));
  struct stat st;
  ASSERT_EQ(::stat((root_ + "/file").c_str(), &st), 0);
  EXPECT_GT(st.st_mtim.tv_sec, 1000);
  EXPECT_EQ(fsys_->touch("/nodir/x").error().message, "open: /nodir/x: No such file or directory");
}

TEST_F(PosixFilesystemTest, MakeTemp) {
  auto a = fsys_->make_temp("/d/tmpXXXXXX", 0);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->size(), std::string("/d/tmpXXXXXX").size());
  EXPECT_EQ(a->substr(0, 6), "/d/tmp");
  EXPECT_NE(*a, "/d/tmpXXXXXX");
  struct stat st;
  ASSERT_EQ(::stat((root_ + *a).c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  auto b = fsys_->make_temp("/abs_root/d/tXXXXXX.txt", 4);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->substr(b->size() - 4), ".txt");
  EXPECT_EQ(b->substr(0, 12), "/abs_root/d/");
  EXPECT_TRUE(host_exists(root_ + "/d/" + b->substr(12)));
  EXPECT_NE(*a, *b);

  EXPECT_EQ(err_of(fsys_->make_temp("/d/tmpXXXXX", 0)), EINVAL);
  EXPECT_EQ(err_of(fsys_->make_temp("/d/XXXXXXab", 1)), EINVAL);
  EXPECT_EQ(fsys_->make_temp("/d/XXXX", 0).error().message, "/d/XXXX: Invalid argument");
  auto missing = fsys_->make_temp("/nodir/XXXXXX", 0);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errnum, ENOENT);
  EXPECT_EQ(missing.error().message.substr(0, 7), "/nodir/");
  EXPECT_EQ(err_of(fsys_->make_temp("/rel_out/XXXXXX", 0)), ENOENT);
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, Xattrs) {
  const std::string file = root_ + "/file";
  if (::setxattr(file.c_str(), "user.b", "2", 1, 0) != 0)
    GTEST_SKIP() << "no user xattrs on " << tmp_;
  ASSERT_EQ(::setxattr(file.c_str(), "user.a", "", 0, 0), 0);
  const std::string big(2000, 'v');
  ASSERT_EQ(::setxattr(file.c_str(), "user.big", big.data(), big.size(), 0), 0);
  fs::create_symlink("file", root_ + "/flink");

  auto names = fsys_->list_xattr_names("/file", false);
  ASSERT_TRUE(names);
  EXPECT_THAT(*names, testing::IsSupersetOf({"user.a", "user.b", "user.big"}));
  EXPECT_EQ(*fsys_->get_xattr("/file", "user.b", false), "2");
  EXPECT_EQ(*fsys_->get_xattr("/file", "user.a", false), "");
  EXPECT_EQ(*fsys_->get_xattr("/file", "user.big", false), big);
  EXPECT_EQ(err_of(fsys_->get_xattr("/file", "user.none", false)), ENODATA);

  // Never through the link.
  auto link_names = fsys_->list_xattr_names("/flink", false);
  ASSERT_TRUE(link_names);
  EXPECT_THAT(*link_names, testing::Not(testing::Contains("user.b")));
  EXPECT_EQ(err_of(fsys_->get_xattr("/flink", "user.b", false)), ENODATA);

  auto all = fsys_->list_xattrs("/file");
  ASSERT_TRUE(all);
  bool found = false;
  for (const auto& e : *all) found |= e.name == "user.b" && e.value == "2";
  EXPECT_TRUE(found);

  EXPECT_EQ(err_of(fsys_->list_xattr_names("/nope", false)), ENOENT);
  EXPECT_TRUE(fsys_->list_xattr_names("/", false));   // the root itself
  EXPECT_TRUE(fsys_->list_xattr_names("/..", false));
  EXPECT_EQ(err_of(fsys_->list_xattr_names("/rel_out", false)), 0);  // the link, not the outside
}

TEST_F(PosixFilesystemTest, StatvfsAndUmask) {
  auto s = fsys_->statvfs("/abs_etc");
  ASSERT_TRUE(s);
  EXPECT_GT(s->bsize, 0);
  EXPECT_GT(s->blocks, 0);
  EXPECT_GT(s->namemax, 0);
  EXPECT_EQ(fsys_->statvfs("/nope").error().message, "/nope: No such file or directory");
  EXPECT_EQ(err_of(fsys_->statvfs("/loop1")), ELOOP);

  const uint32_t old = fsys_->set_umask(077);
  EXPECT_EQ(fsys_->set_umask(old), 077u);
  EXPECT_TRUE(fsys_->sync());
}

// ---- entries: read_dir, symlink, link, rename, mknod ------------------------------

TEST_F(PosixFilesystemTest, ReadDirHasDotsInodesAndTypes) {
  auto entries = fsys_->read_dir("/");
  ASSERT_TRUE(entries);
  std::map<std::string, ports::DirEntry> by_name;
  for (const auto& e : *entries) by_name[e.name] = e;
  EXPECT_EQ(by_name.size(), 12u);  // the ten of SetUp, "." and ".."
  ASSERT_TRUE(by_name.count(".") && by_name.count(".."));
  EXPECT_EQ(by_name["."].type, ports::EntryType::Directory);
  EXPECT_EQ(by_name["etc"].type, ports::EntryType::Directory);
  EXPECT_EQ(by_name["file"].type, ports::EntryType::Regular);
  EXPECT_EQ(by_name["abs_etc"].type, ports::EntryType::Symlink);
  struct stat st;
  ASSERT_EQ(::lstat((root_ + "/file").c_str(), &st), 0);
  EXPECT_EQ(by_name["file"].ino, static_cast<int64_t>(st.st_ino));
  ASSERT_EQ(::mkfifo((root_ + "/fifo").c_str(), 0600), 0);
  auto again = fsys_->read_dir("/abs_root");  // through a symlink to the root
  ASSERT_TRUE(again);
  bool fifo = false;
  for (const auto& e : *again) fifo |= e.name == "fifo" && e.type == ports::EntryType::Fifo;
  EXPECT_TRUE(fifo);
  EXPECT_EQ(err_of(fsys_->read_dir("/file")), ENOTDIR);
  EXPECT_EQ(err_of(fsys_->read_dir("/rel_out")), ENOENT);
  EXPECT_EQ(err_of(fsys_->read_dir("/host_abs_out")), ENOENT);
}

TEST_F(PosixFilesystemTest, SymlinkMakesAndReplaces) {
  ASSERT_TRUE(fsys_->symlink("/etc/passwd", "/l", false));
  EXPECT_EQ(*fsys_->readlink("/l"), "/etc/passwd");
  EXPECT_EQ(err_of(fsys_->symlink("x", "/l", false)), EEXIST);
  ASSERT_TRUE(fsys_->symlink("other", "/l", true));
  EXPECT_EQ(*fsys_->readlink("/l"), "other");
  // Replacing a regular file; no temporary name is left behind.
  ASSERT_TRUE(fsys_->symlink("t", "/file", true));
  EXPECT_EQ(*fsys_->readlink("/file"), "t");
  auto names = fsys_->list_dir("/");
  ASSERT_TRUE(names);
  for (const auto& n : *names) EXPECT_FALSE(n.starts_with("Cu")) << n;
  // "/", ".." and trailing slashes get the kernel's answers.
  EXPECT_EQ(err_of(fsys_->symlink("x", "/", false)), EEXIST);
  EXPECT_EQ(err_of(fsys_->symlink("x", "/d/..", false)), EEXIST);
  EXPECT_EQ(err_of(fsys_->symlink("x", "/nope/", false)), ENOENT);
  EXPECT_EQ(err_of(fsys_->symlink("x", "/d/", false)), EEXIST);
  EXPECT_EQ(err_of(fsys_->symlink("", "/empty", false)), ENOENT);
}

TEST_F(PosixFilesystemTest, SymlinkStaysInsideAndNeverFollowsTheLastName) {
  // Parents resolve inside the guest.
  ASSERT_TRUE(fsys_->symlink("x", "/abs_etc/made", false));
  EXPECT_TRUE(host_exists(root_ + "/etc/made"));
  EXPECT_EQ(err_of(fsys_->symlink("x", "/rel_out/made", false)), ENOENT);
  EXPECT_EQ(err_of(fsys_->symlink("x", "/host_abs_out/made", false)), ENOENT);
  EXPECT_EQ(err_of(fsys_->symlink("x", "/../../outside/made", false)), ENOENT);
  // The last name is replaced itself, never what it points to.
  ASSERT_TRUE(fsys_->symlink("x", "/host_abs_out", true));
  ASSERT_TRUE(fsys_->symlink("x", "/abs_etc", true));
  EXPECT_EQ(*fsys_->readlink("/abs_etc"), "x");
  EXPECT_TRUE(fs::is_directory(root_ + "/etc"));
  EXPECT_TRUE(host_exists(root_ + "/etc/passwd"));
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, LinkMakesHardLinksInside) {
  ASSERT_TRUE(fsys_->link("/file", "/hard"));
  struct stat a, b;
  ASSERT_EQ(::lstat((root_ + "/file").c_str(), &a), 0);
  ASSERT_EQ(::lstat((root_ + "/hard").c_str(), &b), 0);
  EXPECT_EQ(a.st_ino, b.st_ino);
  EXPECT_EQ(a.st_nlink, 2u);
  // A symlink is linked itself (link(2) does not follow it).
  ASSERT_TRUE(fsys_->link("/host_abs_out", "/hard_link_to_link"));
  ASSERT_EQ(::lstat((root_ + "/hard_link_to_link").c_str(), &b), 0);
  EXPECT_TRUE(S_ISLNK(b.st_mode));
  // A relative name starts at the guest's root.
  ASSERT_TRUE(fsys_->link("file", "/hard2"));
  EXPECT_EQ(read_guest("/hard2"), "0123456789");
  EXPECT_EQ(err_of(fsys_->link("/file", "/hard")), EEXIST);
  EXPECT_EQ(err_of(fsys_->link("/file", "/")), EEXIST);
  EXPECT_EQ(err_of(fsys_->link("/nope", "/")), ENOENT);
  EXPECT_EQ(err_of(fsys_->link("/d", "/dl")), EPERM);
  EXPECT_EQ(err_of(fsys_->link("/", "/rootl")), EPERM);
  EXPECT_EQ(err_of(fsys_->link("/file/", "/x")), ENOTDIR);
  EXPECT_EQ(err_of(fsys_->link("/nope", "/x")), ENOENT);
  // Neither side can reach outside.
  EXPECT_EQ(err_of(fsys_->link("/rel_out/secret", "/s")), ENOENT);
  EXPECT_EQ(err_of(fsys_->link("/host_abs_out/secret", "/s")), ENOENT);
  EXPECT_EQ(err_of(fsys_->link("/../../outside/secret", "/s")), ENOENT);
  EXPECT_EQ(err_of(fsys_->link("/file", "/rel_out/f")), ENOENT);
  EXPECT_EQ(err_of(fsys_->link("/file", "/host_abs_out/f")), ENOENT);
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, RenameInside) {
  ASSERT_TRUE(fsys_->rename("/file", "/renamed"));
  EXPECT_EQ(read_guest("/renamed"), "0123456789");
  EXPECT_FALSE(host_exists(root_ + "/file"));
  // Through a symlinked parent: the guest's /etc.
  ASSERT_TRUE(fsys_->rename("/abs_etc/passwd", "/pw"));
  EXPECT_TRUE(host_exists(root_ + "/pw"));
  // A symlink as the last name moves itself.
  ASSERT_TRUE(fsys_->rename("/host_abs_out", "/moved_link"));
  EXPECT_EQ(*fsys_->readlink("/moved_link"), outside_);
  EXPECT_EQ(err_of(fsys_->rename("/", "/x")), EBUSY);
  EXPECT_EQ(err_of(fsys_->rename("/d", "/..")), EBUSY);
  EXPECT_EQ(err_of(fsys_->rename("/nope", "/x")), ENOENT);
  EXPECT_EQ(err_of(fsys_->rename("/renamed/", "/x")), ENOTDIR);
  EXPECT_EQ(err_of(fsys_->rename("/rel_out/secret", "/s")), ENOENT);
  EXPECT_EQ(err_of(fsys_->rename("/../../outside/secret", "/s")), ENOENT);
  EXPECT_EQ(err_of(fsys_->rename("/pw", "/rel_out/pw")), ENOENT);
  EXPECT_EQ(err_of(fsys_->rename("/pw", "/moved_link/pw")), ENOENT);
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, MknodMakesNodesInside) {
  ASSERT_TRUE(fsys_->mknod("/fifo", S_IFIFO | 0640, 0, 0));
  struct stat st;
  ASSERT_EQ(::lstat((root_ + "/fifo").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0640u & ~0022u);
  EXPECT_EQ(err_of(fsys_->mknod("/fifo", S_IFIFO | 0600, 0, 0)), EEXIST);
  EXPECT_EQ(err_of(fsys_->mknod("/", S_IFIFO | 0600, 0, 0)), EEXIST);
  EXPECT_EQ(err_of(fsys_->mknod("/nf/", S_IFIFO | 0600, 0, 0)), ENOENT);
  // The C library refuses a device number wider than the kernel's 32 bits.
  EXPECT_EQ(err_of(fsys_->mknod("/big", S_IFCHR | 0600, 0xffffffffu, 0)), EINVAL);
  ASSERT_TRUE(fsys_->mknod("/abs_etc/fifo2", S_IFIFO | 0600, 0, 0));
  EXPECT_TRUE(host_exists(root_ + "/etc/fifo2"));
  EXPECT_EQ(err_of(fsys_->mknod("/rel_out/fifo", S_IFIFO | 0600, 0, 0)), ENOENT);
  EXPECT_EQ(err_of(fsys_->mknod("/dangling", S_IFIFO | 0600, 0, 0)), EEXIST);
  expect_outside_untouched();
}

// ---- contents and attributes: pread, pwrite, set_times, xattrs ----------------------

TEST_F(PosixFilesystemTest, PreadAndPwrite) {
  EXPECT_EQ(*fsys_->pread("/file", 4, 3), "3456");
  EXPECT_EQ(*fsys_->pread("/file", 100, 8), "89");
  EXPECT_EQ(*fsys_->pread("/file", 4, 100), "");
  EXPECT_EQ(*fsys_->pread("/abs_etc/passwd", 100, 0), "guest");
  EXPECT_EQ(fsys_->pread("/d", 1, 0).error().message, "pread: /d: Is a directory");
  EXPECT_EQ(fsys_->pread("/nope", 1, 0).error().message, "open: /nope: No such file or directory");
  EXPECT_EQ(err_of(fsys_->pread("/host_abs_out/secret", 10, 0)), ENOENT);
  EXPECT_EQ(err_of(fsys_->pread("/rel_out/secret", 10, 0)), ENOENT);

  EXPECT_EQ(*fsys_->pwrite("/file", "XY", 2), 2u);
  EXPECT_EQ(read_guest("/file"), "01XY456789");
  EXPECT_EQ(*fsys_->pwrite("/file", "end", 12), 3u);
  EXPECT_EQ(read_guest("/file"), std::string("01XY456789\0\0end", 15));
  EXPECT_EQ(*fsys_->pwrite("/abs_etc/passwd", "G", 0), 1u);
  EXPECT_EQ(read_host(root_ + "/etc/passwd"), "Guest");
  EXPECT_EQ(fsys_->pwrite("/nope", "x", 0).error().message,
            "open: /nope: No such file or directory");  // never creates
  EXPECT_EQ(fsys_->pwrite("/d", "x", 0).error().message, "open: /d: Is a directory");
  EXPECT_EQ(err_of(fsys_->pwrite("/host_abs_out/secret", "x", 0)), ENOENT);
  EXPECT_EQ(err_of(fsys_->pwrite("/../../outside/secret", "x", 0)), ENOENT);
  expect_outside_untouched();
}

TEST_F(PosixFilesystemTest, SetTimesActsOnTheEntryItself) {
  struct stat st;
  ASSERT_TRUE(fsys_->set_times("/file", 100, 5, 200, 6));
  ASSERT_EQ(::lstat((root_ + "/file").c_str(), &st), 0);
  EXPECT_EQ(st.st_atim.tv_sec, 100);
  EXPECT_EQ(st.st_mtim.tv_sec, 200);
  EXPECT_EQ(st.st_mtim.tv_nsec, 6);
  ASSERT_TRUE(fsys_->set_times("/file", 300, UTIME_OMIT, 0, UTIME_OMIT));
  ASSERT_EQ(::lstat((root_ + "/file").c_str(), &st), 0);
  EXPECT_EQ(st.st_atim.tv_sec, 100);
  // A symlink's own times; what it points to keeps its own.
  struct stat etc_before;
  ASSERT_EQ(::stat((root_ + "/etc").c_str(), &etc_before), 0);
  ASSERT_TRUE(fsys_->set_times("/abs_etc", 1000, 0, 2000, 0));
  ASSERT_EQ(::lstat((root_ + "/abs_etc").c_str(), &st), 0);
  EXPECT_EQ(st.st_mtim.tv_sec, 2000);
  ASSERT_EQ(::stat((root_ + "/etc").c_str(), &st), 0);
  EXPECT_EQ(st.st_mtim.tv_sec, etc_before.st_mtim.tv_sec);
  // The root and a trailing slash (which follows).
  ASSERT_TRUE(fsys_->set_times("/", 10, 0, 20, 0));
  ASSERT_EQ(::stat(root_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mtim.tv_sec, 20);
  ASSERT_TRUE(fsys_->set_times("/abs_etc/", 10, 0, 30, 0));
  ASSERT_EQ(::stat((root_ + "/etc").c_str(), &st), 0);
  EXPECT_EQ(st.st_mtim.tv_sec, 30);
  EXPECT_EQ(err_of(fsys_->set_times("/file", 0, 2000000000, 0, 0)), EINVAL);
  EXPECT_EQ(err_of(fsys_->set_times("/nope", 0, 0, 0, 0)), ENOENT);
  EXPECT_EQ(err_of(fsys_->set_times("/host_abs_out/secret", 0, 0, 0, 0)), ENOENT);
  EXPECT_EQ(err_of(fsys_->set_times("/rel_out/secret", 0, 0, 0, 0)), ENOENT);
  expect_outside_untouched();
  ASSERT_EQ(::stat((outside_ + "/secret").c_str(), &st), 0);
  EXPECT_NE(st.st_mtim.tv_sec, 0);
}

TEST_F(PosixFilesystemTest, XattrsSetRemoveAndFollow) {
  const std::string file = root_ + "/file";
  if (::setxattr(file.c_str(), "user.probe", "", 0, 0) != 0)
    GTEST_SKIP() << "no user xattrs on " << tmp_;
  fs::create_symlink("file", root_ + "/flink");
  ASSERT_TRUE(fsys_->set_xattr("/file", "user.n", std::string("v\0w", 3), false));
  EXPECT_EQ(*fsys_->get_xattr("/file", "user.n", false), std::string("v\0w", 3));
  // Through the link when following, on the link itself otherwise.
  EXPECT_EQ(*fsys_->get_xattr("/flink", "user.n", true), std::string("v\0w", 3));
  EXPECT_EQ(err_of(fsys_->get_xattr("/flink", "user.n", false)), ENODATA);
  auto names = fsys_->list_xattr_names("/flink", true);
  ASSERT_TRUE(names);
  EXPECT_THAT(*names, testing::Contains("user.n"));
  ASSERT_TRUE(fsys_->set_xattr("/flink", "user.m", "1", true));
  EXPECT_EQ(*fsys_->get_xattr("/file", "user.m", false), "1");
  EXPECT_EQ(err_of(fsys_->set_xattr("/flink", "user.m", "1", false)), EPERM);  // user.* on a link
  ASSERT_TRUE(fsys_->remove_xattr("/flink", "user.m", true));
  EXPECT_EQ(err_of(fsys_->get_xattr("/file", "user.m", false)), ENODATA);
  ASSERT_TRUE(fsys_->remove_xattr("/file", "user.n", false));
  EXPECT_EQ(err_of(fsys_->remove_xattr("/file", "user.n", false)), ENODATA);
  EXPECT_EQ(err_of(fsys_->set_xattr("/file", "nonamespace", "x", false)), EOPNOTSUPP);
  // The kernel's argument checks come before the lookup.
  EXPECT_EQ(err_of(fsys_->set_xattr("/nope", "", "x", false)), ERANGE);
  EXPECT_EQ(err_of(fsys_->get_xattr("/nope", std::string(256, 'u'), true)), ERANGE);
  EXPECT_EQ(err_of(fsys_->remove_xattr("/nope", "", false)), ERANGE);
  EXPECT_EQ(err_of(fsys_->set_xattr("/nope", "user.x", std::string(65537, 'x'), false)), E2BIG);
  EXPECT_EQ(err_of(fsys_->set_xattr("/nope", "user.x", "x", false)), ENOENT);
  // The root, and never outside.
  EXPECT_TRUE(fsys_->list_xattr_names("/..", true));
  EXPECT_EQ(err_of(fsys_->list_xattr_names("/rel_out", true)), ENOENT);
  EXPECT_EQ(err_of(fsys_->set_xattr("/host_abs_out/secret", "user.x", "x", true)), ENOENT);
  EXPECT_EQ(err_of(fsys_->set_xattr("/rel_out/secret", "user.x", "x", false)), ENOENT);
  std::string buf(16, '\0');
  EXPECT_LT(::getxattr((outside_ + "/secret").c_str(), "user.x", buf.data(), buf.size()), 0);
  expect_outside_untouched();
}

TEST(PosixFilesystemMissingSysroot, EveryCallFailsCleanly) {
  PosixFilesystem f("/nonexistent-sysroot-for-gfsd-test");
  EXPECT_EQ(err_of(f.stat("/", true)), ENOENT);
  EXPECT_EQ(err_of(f.list_dir("/")), ENOENT);
  EXPECT_EQ(err_of(f.mkdir("/x", 0755)), ENOENT);
  EXPECT_TRUE(f.remove_tree("/x"));  // missing, as rm -rf would say
}

}  // namespace
}  // namespace gfsd::adapters
