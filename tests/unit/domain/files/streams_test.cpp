// FileIn / FileOut actions over the runner's stdin source and stdout sink:
// tar_in, tar_out, base64_in, find0, checksums_out.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/files/content_actions.hpp"
#include "support/data_file.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::InSequence;
using testing::Return;

// A runner that plays a program: reads all of stdin, then writes `out` to the sink.
auto program(std::string out, int status = 0, std::string err = "", std::string* input = nullptr) {
  return [=](const Argv&, const ports::RunOptions& opts) -> Result<ports::ProcessResult> {
    if (opts.stdin_source) {
      char buf[7];
      for (;;) {
        auto n = opts.stdin_source(buf, sizeof buf);
        if (!n) return forward(n.error());
        if (*n == 0) break;
        if (input) input->append(buf, *n);
      }
    }
    if (opts.stdout_sink) {
      for (size_t i = 0; i < out.size(); i += 5) {
        auto s = opts.stdout_sink(out.data() + i, std::min<size_t>(5, out.size() - i));
        if (!s) return forward(s.error());
      }
      return exited(status, "", err);
    }
    return exited(status, out, err);
  };
}

// A download stream that is started once, collects what is written into
// `sent`, and is finished once.
void download_into(MockPorts& m, std::string& sent) {
  InSequence seq;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _)).WillRepeatedly([&sent](const char* d, size_t n) {
    sent.append(d, n);
    return Result<void>{};
  });
  EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
}

TEST(Find0, NamesRelativeToTheDirectoryWithoutItself) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  // Run in the directory (resolved inside the guest by the runner) on ".".
  const std::string found(".\0./a\0./b/c\0", 12);
  EXPECT_CALL(m.runner, run(Argv{"find", ".", "-print0"}, AllOf(GuestCwd("/d"), GuestArgs({}))))
      .WillOnce(program(found));
  std::string sent;
  download_into(m, sent);
  auto ctx = m.ctx();
  EXPECT_TRUE(find0(ctx, "/d"));
  EXPECT_EQ(sent, std::string("/a\0/b/c\0", 8));
}

// The original stripped "<sysroot><directory>"; with a trailing slash there
// its names had no leading one.
TEST(Find0, TrailingSlashNamesWithoutALeadingSlash) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner, run(Argv{"find", ".", "-print0"}, GuestCwd("/")))
      .WillOnce(program(std::string(".\0./a\0./a/b\0", 12)));
  std::string sent;
  download_into(m, sent);
  auto ctx = m.ctx();
  EXPECT_TRUE(find0(ctx, "/"));
  EXPECT_EQ(sent, std::string("a\0a/b\0", 6));
}

TEST(Find0, NotADirectoryBeforeTheReply) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.download, start()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(find0(ctx, "/f"), IsError(0, "/f: not a directory"));
}

TEST(TarOut, OptionsAndStreaming) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner, run(Argv{"tar", "--gzip", "--numeric-owner", "--exclude=*.o", "--xattrs",
                                 "-cf", "-", "."},
                            GuestCwd("/d")))
      .WillOnce(program("TARDATA"));
  std::string sent;
  download_into(m, sent);
  auto ctx = m.ctx();
  api::opt::tar_out o;
  o.compress = "gzip";
  o.numericowner = true;
  o.excludes = Argv{"*.o"};
  o.xattrs = true;
  EXPECT_TRUE(tar_out(ctx, "/d", o));
  EXPECT_EQ(sent, "TARDATA");
  o.compress = "zip";
  EXPECT_THAT(tar_out(ctx, "/d", o), IsError(0, "unknown compression type: zip"));
}

TEST(TarIn, ProbesChownThenFeedsTheUpload) {
  MockPorts m;
  upload_of(m, "some tar bytes");
  EXPECT_CALL(m.fs, open(testing::StartsWith("/d/"), ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce([](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<testing::NiceMock<mocks::MockFile>>());
      });
  EXPECT_CALL(m.fs, chown(testing::StartsWith("/d/"), 1000, 1000, false))
      .WillOnce(Return(fail_errno(EPERM, "x")));
  EXPECT_CALL(m.fs, unlink(testing::StartsWith("/d/"))).WillOnce(Return(Result<void>{}));
  std::string input;
  EXPECT_CALL(m.runner,
              run(Argv{"tar", "--xz", "-xf", "-", "--no-same-owner"}, GuestCwd("/d")))
      .WillOnce(program("", 0, "", &input));
  auto ctx = m.ctx();
  EXPECT_TRUE(txz_in(ctx, "/d"));
  EXPECT_EQ(input, "some tar bytes");
}

TEST(TarIn, TarFailureAndCancel) {
  MockPorts m;
  ON_CALL(m.fs, open(_, _, _)).WillByDefault([](auto&&...) -> Result<std::unique_ptr<ports::File>> {
    return std::unique_ptr<ports::File>(std::make_unique<testing::NiceMock<mocks::MockFile>>());
  });
  upload_of(m, "junk");
  // The ownership probe (a scratch file chowned, then removed) succeeds both times.
  EXPECT_CALL(m.fs, chown(testing::StartsWith("/d/"), 1000, 1000, false))
      .Times(2)
      .WillRepeatedly(Return(Result<void>{}));
  EXPECT_CALL(m.fs, unlink(testing::StartsWith("/d/"))).Times(2).WillRepeatedly(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(program("", 2, "tar: This does not look like a tar archive"))
      .WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  auto ctx = m.ctx();
  EXPECT_THAT(tar_in(ctx, "/d", {}),
              IsError(0, "tar subcommand failed on directory: /d: tar: This does not look like a "
                         "tar archive"));
  EXPECT_THAT(tar_in(ctx, "/d", {}), IsError(0, "file upload cancelled"));
}

TEST(Base64In, DecodedOutputGoesToTheGuestFile) {
  MockPorts m;
  upload_of(m, "aGVsbG8K");
  std::string written;
  struct Rec : ports::File {
    std::string* w;
    explicit Rec(std::string* p) : w(p) {}
    Result<size_t> read(char*, size_t) override { return size_t{0}; }
    Result<void> write(const char* b, size_t n) override {
      w->append(b, n);
      return {};
    }
    Result<void> seek(int64_t) override { return {}; }
    Result<void> close() override { return {}; }
  };
  EXPECT_CALL(m.fs, open("/out", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce([&](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<Rec>(&written));
      });
  std::string input;
  EXPECT_CALL(m.runner, run(Argv{"base64", "-d", "-i"}, _))
      .WillOnce(program("hello\n", 0, "", &input));
  auto ctx = m.ctx();
  EXPECT_TRUE(base64_in(ctx, "/out"));
  EXPECT_EQ(input, "aGVsbG8K");
  EXPECT_EQ(written, "hello\n");
}

ports::DirEntry entry(int64_t ino, ports::EntryType type, std::string name) {
  ports::DirEntry e;
  e.ino = ino;
  e.type = type;
  e.name = std::move(name);
  return e;
}

void serve_file(MockPorts& m, const std::string& path, std::string data) {
  EXPECT_CALL(m.fs, open(path, ports::OpenFor::Read, _))
      .WillOnce([data](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<mocks::DataFile>(data));
      });
}

// find's order (depth first, readdir order), names as "./path"; only regular
// files, a d_type the filesystem does not give is looked up; the *sum tools
// escape a backslash, newline or carriage return and mark the line with '\'.
TEST(ChecksumsOut, EveryRegularFileInFindsOrderNamedAsTheToolsDo) {
  MockPorts m;
  using T = ports::EntryType;
  EXPECT_CALL(m.fs, stat("/t", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, read_dir("/t"))
      .WillOnce(Return(std::vector<ports::DirEntry>{
          entry(2, T::Directory, "."), entry(1, T::Directory, ".."),
          entry(5, T::Regular, "plain"), entry(6, T::Symlink, "link"), entry(7, T::Directory, "a b"),
          entry(8, T::Regular, "back\\slash"), entry(9, T::Unknown, "odd\r"),
          entry(10, T::Fifo, "fifo")}));
  EXPECT_CALL(m.fs, read_dir("/t/a b"))
      .WillOnce(Return(std::vector<ports::DirEntry>{entry(11, T::Regular, "n\nl")}));
  EXPECT_CALL(m.fs, stat("/t/odd\r", false)).WillOnce(Return(stat_of(kRegular)));
  serve_file(m, "/t/plain", "w");
  serve_file(m, "/t/a b/n\nl", "x");
  serve_file(m, "/t/back\\slash", "y");
  serve_file(m, "/t/odd\r", "z");
  std::string sent;
  download_into(m, sent);
  auto ctx = m.ctx();
  EXPECT_TRUE(checksums_out(ctx, "sha1", "/t"));
  EXPECT_EQ(sent,
            "aff024fe4ab0fece4091de044c58c9ae4233383a  ./plain\n"
            "\\11f6ad8ec52a2984abaafd7c3b516503785c2072  ./a b/n\\nl\n"
            "\\95cb0bfd2977c761298d9624e4b4d4c72a39974a  ./back\\\\slash\n"
            "\\395df8f7c51f007019cb30201c49e884b46b92fa  ./odd\\r\n");
}

// cksum: "CRC LENGTH NAME" with the name as it is; under "/" no double slash.
TEST(ChecksumsOut, CrcLinesAndTheRootDirectory) {
  MockPorts m;
  using T = ports::EntryType;
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, read_dir("/"))
      .WillOnce(Return(std::vector<ports::DirEntry>{entry(3, T::Regular, "c\nr")}));
  serve_file(m, "/c\nr", "abc");
  std::string sent;
  download_into(m, sent);
  auto ctx = m.ctx();
  EXPECT_TRUE(checksums_out(ctx, "crc", "/"));
  EXPECT_EQ(sent, "1219131554 3 ./c\nr\n");
}

// A file that cannot be read is left out and the others summed, then the
// transfer ends in an error, as the tools' exit status made the original's.
TEST(ChecksumsOut, AnUnreadableFileFailsTheTransferAfterTheOthers) {
  MockPorts m;
  using T = ports::EntryType;
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, read_dir("/d"))
      .WillOnce(Return(std::vector<ports::DirEntry>{entry(1, T::Regular, "locked"),
                                                    entry(2, T::Regular, "ok")}));
  EXPECT_CALL(m.fs, open("/d/locked", ports::OpenFor::Read, _))
      .WillOnce(Return(fail_errno(EACCES, "/d/locked")));
  serve_file(m, "/d/ok", "abc");
  std::string sent;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _)).WillRepeatedly([&sent](const char* d, size_t n) {
    sent.append(d, n);
    return Result<void>{};
  });
  auto ctx = m.ctx();
  EXPECT_THAT(checksums_out(ctx, "md5", "/d"), IsError(0, "pclose: /d"));
  EXPECT_EQ(sent, "900150983cd24fb0d6963f7d28e17f72  ./ok\n");
}

TEST(ChecksumsOut, TypeAndDirectoryCheckedBeforeTheReply) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  EXPECT_THAT(checksums_out(ctx, "sha9", "/f"),
              IsError(0, "unknown checksum type, expecting crc|md5|sha1|sha224|sha256|sha384|sha512"));
  EXPECT_THAT(checksums_out(ctx, "sha1", "/f"), IsError(0, "/f: not a directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
