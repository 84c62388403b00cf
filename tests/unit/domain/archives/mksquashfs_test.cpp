// mksquashfs: the scratch image in /var/tmp, mksquashfs's command line with
// the directory as a guest argument, the image streamed and removed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "domain/archives/archive_actions.hpp"
#include "unit/domain/archives/archive_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Field;
using testing::InSequence;
using testing::Return;

const std::string kImage = "/var/tmp/squashfs.AbC123";
const Argv kMktemp{"mktemp", "/var/tmp/squashfs.XXXXXX"};

// An appliance file holding `data`, read in pieces of at most 3 bytes.
class ImageFile : public ports::File {
 public:
  explicit ImageFile(std::string data) : data_(std::move(data)) {}
  Result<size_t> read(char* buf, size_t n) override {
    const size_t k = std::min({n, size_t{3}, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  Result<void> write(const char*, size_t) override { return fail_with(EBADF, "write"); }
  Result<void> seek(int64_t) override { return fail_with(ESPIPE, "seek"); }
  Result<void> close() override { return {}; }

 private:
  std::string data_;
  size_t pos_ = 0;
};

auto image_of(std::string data) {
  return [data](const std::string&, ports::OpenFor) -> Result<std::unique_ptr<ports::File>> {
    return std::unique_ptr<ports::File>(std::make_unique<ImageFile>(data));
  };
}

auto DataArgs(std::vector<ports::RunOptions::DataArg> d) {
  return Field("data_args", &ports::RunOptions::data_args, d);
}

TEST(Mksquashfs, BuildsTheImageInTheScratchFileThenStreamsAndRemovesIt) {
  MockPorts m;
  auto d = record_download(m);
  InSequence seq;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kImage + "\n")));
  EXPECT_CALL(m.runner,
              run(Argv{"mksquashfs", "/home", kImage, "-noappend", "-root-becomes", "/home",
                       "-wildcards", "-no-recovery"},
                  AllOf(GuestArgs({{1, Last::AsIs}, {5, Last::AsIs}}), DataArgs({}),
                        Chrooted(false))))
      .WillOnce(Return(exited(0, "Parallel mksquashfs: Using 2 processors\n")));
  EXPECT_CALL(m.devices, open(kImage, ports::OpenFor::Read)).WillOnce(image_of("hsqs-image"));
  EXPECT_CALL(m.devices, remove_file(kImage));
  auto ctx = m.ctx();
  EXPECT_TRUE(mksquashfs(ctx, "/home", {}));
  EXPECT_EQ(d->data, "hsqs-image");
  EXPECT_TRUE(d->finished);
}

TEST(Mksquashfs, CompressionAndExcludesAsAnInMemoryFile) {
  MockPorts m;
  record_download(m);
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kImage + "\n")));
  const Argv argv{"mksquashfs", "/",      kImage, "-noappend", "-root-becomes", "/",
                  "-wildcards", "-no-recovery", "-comp", "xz", "-ef", ""};
  EXPECT_CALL(m.runner, run(argv, DataArgs({{11, "*.log\n/tmp/*\n"}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(kImage, _)).WillOnce(image_of(""));
  EXPECT_CALL(m.devices, remove_file(kImage));
  auto ctx = m.ctx();
  api::opt::mksquashfs o;
  o.compress = "xz";
  o.excludes = std::vector<std::string>{"*.log", "/tmp/*"};
  EXPECT_TRUE(mksquashfs(ctx, "/", o));
}

TEST(Mksquashfs, AnEmptyExcludeListIsStillGiven) {
  MockPorts m;
  record_download(m);
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kImage + "\n")));
  EXPECT_CALL(m.runner, run(testing::Contains("-ef"), DataArgs({{9, ""}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(kImage, _)).WillOnce(image_of("i"));
  auto ctx = m.ctx();
  api::opt::mksquashfs o;
  o.excludes = std::vector<std::string>{};
  EXPECT_TRUE(mksquashfs(ctx, "/", o));
}

TEST(Mksquashfs, ANewlineInAPatternIsRefusedAndTheScratchFileRemoved) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kImage + "\n")));
  EXPECT_CALL(m.devices, remove_file(kImage));
  EXPECT_CALL(m.download, start()).Times(0);
  auto ctx = m.ctx();
  api::opt::mksquashfs o;
  o.excludes = std::vector<std::string>{"a", "b\nc"};
  EXPECT_THAT(mksquashfs(ctx, "/", o),
              IsError(0, "mksquashfs: excludes file patterns cannot contain \\n character"));
}

TEST(Mksquashfs, TheOriginalsErrorsBeforeTheReply) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kMktemp, _))
      .WillOnce(Return(exited(1, "", "mktemp: failed to create file via template "
                                     "‘/var/tmp/squashfs.XXXXXX’: No space left on device")))
      .WillRepeatedly(Return(exited(0, kImage + "\n")));
  EXPECT_CALL(m.runner, run(testing::Contains("-noappend"), _))
      .WillOnce(Return(exited(1, "", "Could not create destination file: No space left on device")))
      .WillOnce([](const Argv&, const ports::RunOptions&) -> Result<ports::ProcessResult> {
        return fail_with(ENOENT, "mksquashfs: No such file or directory");
      })
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(kImage, _)).WillOnce(Return(fail_errno(EACCES, kImage)));
  EXPECT_CALL(m.devices, remove_file(kImage)).Times(3);
  EXPECT_CALL(m.download, start()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(mksquashfs(ctx, "/d", {}),
              IsError(0, "mkstemp: mktemp exited with status 1: mktemp: failed to create file "
                         "via template ‘/var/tmp/squashfs.XXXXXX’: No space left on device"));
  EXPECT_THAT(mksquashfs(ctx, "/d", {}),
              IsError(0, "/d: Could not create destination file: No space left on device"));
  EXPECT_THAT(mksquashfs(ctx, "/d", {}), IsError(0, "/d: mksquashfs: No such file or directory"));
  EXPECT_THAT(mksquashfs(ctx, "/d", {}),
              IsError(EACCES, kImage + ": Permission denied"));
}

TEST(Mksquashfs, TheLibrarysCancelStopsTheStreamAndTheFileIsRemoved) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kImage + "\n")));
  EXPECT_CALL(m.runner, run(testing::Contains("-noappend"), _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(kImage, _)).WillOnce(image_of("abcdefgh"));
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _))
      .WillOnce(Return(Result<void>{}))
      .WillOnce(Return(fail_with(ECANCELED, "file transfer cancelled")));
  EXPECT_CALL(m.download, finish()).Times(0);
  EXPECT_CALL(m.devices, remove_file(kImage));
  auto ctx = m.ctx();
  EXPECT_THAT(mksquashfs(ctx, "/d", {}), IsError(ECANCELED, "file transfer cancelled"));
}

}  // namespace
}  // namespace gfsd::domain::test
