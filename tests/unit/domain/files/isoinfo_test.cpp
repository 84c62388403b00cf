// isoinfo / isoinfo_device: the primary volume descriptor parsed from bytes
// the test lays out (both-endian numbers, padded strings, dec-datetimes), and
// the original's errors.
#include <cerrno>
#include <cstring>
#include <memory>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/files/iso_pvd.hpp"
#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockFile;
using mocks::MockPorts;
using testing::_;
using testing::ByMove;
using testing::Invoke;
using testing::Return;

using FileResult = Result<std::unique_ptr<ports::File>>;

// A descriptor as mkisofs writes one, field by field (ECMA-119 8.4).
struct Pvd {
  std::string b = std::string(2048, '\0');

  Pvd() {
    b[0] = '\1';
    std::memcpy(&b[1], "CD001", 5);
    b[6] = '\1';
  }
  // a-characters / d-characters, padded with spaces to the field's length.
  Pvd& text(size_t off, size_t len, const std::string& s) {
    std::string f = s + std::string(len - s.size(), ' ');
    b.replace(off, len, f);
    return *this;
  }
  // Little-endian then big-endian copy (the big-endian half made different
  // here would show if it were read instead).
  Pvd& both16(size_t off, uint16_t le, uint16_t be) {
    b[off] = static_cast<char>(le & 0xff);
    b[off + 1] = static_cast<char>(le >> 8);
    b[off + 2] = static_cast<char>(be >> 8);
    b[off + 3] = static_cast<char>(be & 0xff);
    return *this;
  }
  Pvd& both32(size_t off, uint32_t le, uint32_t be) {
    for (int i = 0; i < 4; ++i) {
      b[off + i] = static_cast<char>((le >> (8 * i)) & 0xff);
      b[off + 4 + i] = static_cast<char>((be >> (8 * (3 - i))) & 0xff);
    }
    return *this;
  }
  // "YYYYMMDDHHMMSScc" and the zone offset in 15 minute steps.
  Pvd& date(size_t off, const std::string& digits, int8_t zone) {
    EXPECT_EQ(digits.size(), 16u) << digits;
    b.replace(off, 16, digits);
    b[off + 16] = static_cast<char>(zone);
    return *this;
  }
};

Pvd typical() {
  Pvd p;
  p.text(8, 32, "LINUX")
      .text(40, 32, "CDROM")
      .both32(80, 181, 999)
      .both16(120, 1, 7)
      .both16(124, 1, 7)
      .both16(128, 2048, 512)
      .text(190, 128, "")
      .text(318, 128, "PUBLISHER")
      .text(446, 128, "PREPARER")
      .text(574, 128, "GENISOIMAGE ISO 9660/HFS FILESYSTEM CREATOR")
      .text(702, 37, "COPYING")
      .text(739, 37, "ABSTRACT")
      .text(776, 37, "BIBLIO")
      .date(813, "2023120512304500", 4)      // GMT+1
      .date(830, "2024010100000000", -20)    // GMT-5
      .date(847, "0000000000000000", 0)      // not specified
      .date(864, "2024133100000000", 0);     // month 13 carries into 2025
  return p;
}

TEST(IsoPvd, ReadsEveryFieldAsTheOriginal) {
  auto r = iso::parse_pvd(typical().b, "/dev/sdd");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->iso_system_id, "LINUX");
  EXPECT_EQ(r->iso_volume_id, "CDROM");
  EXPECT_EQ(r->iso_volume_space_size, 181u);
  EXPECT_EQ(r->iso_volume_set_size, 1u);
  EXPECT_EQ(r->iso_volume_sequence_number, 1u);
  EXPECT_EQ(r->iso_logical_block_size, 2048u);
  EXPECT_EQ(r->iso_volume_set_id, "");
  EXPECT_EQ(r->iso_publisher_id, "PUBLISHER");
  EXPECT_EQ(r->iso_data_preparer_id, "PREPARER");
  EXPECT_EQ(r->iso_application_id, "GENISOIMAGE ISO 9660/HFS FILESYSTEM CREATOR");
  EXPECT_EQ(r->iso_copyright_file_id, "COPYING");
  EXPECT_EQ(r->iso_abstract_file_id, "ABSTRACT");
  EXPECT_EQ(r->iso_bibliographic_file_id, "BIBLIO");
  EXPECT_EQ(r->iso_volume_creation_t, 1701775845);      // 12:30:45 GMT+1 = 11:30:45 UTC
  EXPECT_EQ(r->iso_volume_modification_t, 1704085200);  // midnight GMT-5 = 05:00 UTC
  EXPECT_EQ(r->iso_volume_expiration_t, -1);
  EXPECT_EQ(r->iso_volume_effective_t, 1738281600);     // 2025-01-31
}

TEST(IsoPvd, LargeNumbersAreUnsigned) {
  Pvd p = typical();
  p.both32(80, 0xfffffffeu, 0).both16(128, 0xffff, 0);
  auto r = iso::parse_pvd(p.b, "x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->iso_volume_space_size, 0xfffffffeu);
  EXPECT_EQ(r->iso_logical_block_size, 0xffffu);
}

// Only trailing spaces go; the text then ends at a NUL, as a C string.
TEST(IsoPvd, StringsLoseTrailingSpacesThenEndAtANul) {
  Pvd p = typical();
  p.text(40, 32, std::string("  VOL  \0JUNK", 12));
  p.b.replace(8, 32, std::string("SYS") + std::string(29, '\0'));
  auto r = iso::parse_pvd(p.b, "x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->iso_volume_id, "  VOL  ");
  EXPECT_EQ(r->iso_system_id, "SYS");
}

TEST(IsoPvd, NotAPrimaryDescriptor) {
  const std::string msg = "/dev/sdb: not an ISO file or CD-ROM";
  EXPECT_THAT(iso::parse_pvd(typical().b.substr(0, 2047), "/dev/sdb"), IsError(0, msg));
  EXPECT_THAT(iso::parse_pvd("", "/dev/sdb"), IsError(0, msg));
  Pvd supplementary = typical();
  supplementary.b[0] = '\2';
  EXPECT_THAT(iso::parse_pvd(supplementary.b, "/dev/sdb"), IsError(0, msg));
  Pvd udf = typical();
  udf.b.replace(1, 5, "BEA01");
  EXPECT_THAT(iso::parse_pvd(udf.b, "/dev/sdb"), IsError(0, msg));
}

TEST(IsoDatetime, PartsAreReadAsOcamlIntegers) {
  auto dt = [](const std::string& digits) {
    return iso::parse_datetime(digits + std::string(1, '\0'));
  };
  EXPECT_THAT(dt("1970010100003100"), HasValue(int64_t{31}));
  EXPECT_THAT(dt("2000022900000000"), HasValue(int64_t{951782400}));
  // OCaml's int_of_string takes a sign, a base prefix and '_' separators ...
  EXPECT_THAT(dt("1970010100+31000"), HasValue(int64_t{3 * 60 + 10}));
  EXPECT_THAT(dt("0x7B010100000000"), HasValue(int64_t{-58285699200}));  // the year 123
  EXPECT_THAT(dt("1_97010100000000"), HasValue(int64_t{-55950393600}));  // the year 197
  // ... but no blanks, and a prefix needs digits after it.
  EXPECT_THAT(dt("1970 10100000000"), IsError(0, "int_of_string"));
  EXPECT_THAT(dt("19700101000x0000"), IsError(0, "int_of_string"));
}

// mktime's -1 was its error: that one second before the epoch failed.
TEST(IsoDatetime, OneSecondBeforeTheEpochIsMktimesError) {
  EXPECT_THAT(iso::parse_datetime(std::string("1969123123595900") + '\4'),
              IsError(ERANGE, "mktime: : Numerical result out of range"));
  EXPECT_THAT(iso::parse_datetime(std::string("1969123123595800") + '\0'),
              HasValue(int64_t{-2}));
}

TEST(IsoPvd, ADateThatDoesNotParseFailsTheCall) {
  Pvd p = typical();
  p.date(847, "    010100000000", 0);
  EXPECT_THAT(iso::parse_pvd(p.b, "x"), IsError(0, "int_of_string"));
}

// A seekable image in memory: reads come from where the last seek put them.
struct ImageFile {
  std::string image;
  size_t pos = 0;
  std::unique_ptr<testing::NiceMock<MockFile>> owned =
      std::make_unique<testing::NiceMock<MockFile>>();
  MockFile* file = owned.get();

  explicit ImageFile(std::string img) : image(std::move(img)) {
    ON_CALL(*file, seek(_)).WillByDefault(Invoke([this](int64_t off) {
      pos = static_cast<size_t>(off);
      return Result<void>{};
    }));
    ON_CALL(*file, read(_, _)).WillByDefault(Invoke([this](char* b, size_t n) {
      const size_t k = pos >= image.size() ? 0 : std::min(n, image.size() - pos);
      std::memcpy(b, image.data() + pos, k);
      pos += k;
      return Result<size_t>(k);
    }));
    ON_CALL(*file, close()).WillByDefault(Return(Result<void>{}));
  }
  FileResult take() { return FileResult(std::unique_ptr<ports::File>(std::move(owned))); }
};

std::string iso_image() { return std::string(32768, 'x') + typical().b + std::string(4096, '\0'); }

TEST(IsoinfoDevice, ReadsTheDescriptorAtSector16) {
  MockPorts m;
  ImageFile img(iso_image());
  EXPECT_CALL(*img.file, seek(32768));
  EXPECT_CALL(m.devices, open("/dev/sdd", ports::OpenFor::Read)).WillOnce(Return(ByMove(img.take())));
  auto ctx = m.ctx();
  auto r = isoinfo_device(ctx, "/dev/sdd");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->iso_volume_id, "CDROM");
  EXPECT_EQ(r->iso_logical_block_size, 2048u);
}

TEST(Isoinfo, OpensTheGuestFile) {
  MockPorts m;
  ImageFile img(iso_image());
  EXPECT_CALL(m.fs, open("/boot.iso", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(img.take())));
  EXPECT_CALL(m.devices, open(_, _)).Times(0);
  auto ctx = m.ctx();
  auto r = isoinfo(ctx, "/boot.iso");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->iso_system_id, "LINUX");
}

TEST(Isoinfo, ErrorsAreTheOriginalsOcamlOnes) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/gone", _, _))
      .WillOnce(Return(ByMove(FileResult(fail_errno(ENOENT, "/gone")))));
  ImageFile small(std::string(40000, '\0'));  // ends inside the descriptor
  EXPECT_CALL(m.fs, open("/small", _, _)).WillOnce(Return(ByMove(small.take())));
  ImageFile dir("");
  EXPECT_CALL(*dir.file, read(_, _)).WillOnce(Return(fail_errno(EISDIR, "")));
  EXPECT_CALL(m.fs, open("/dir", _, _)).WillOnce(Return(ByMove(dir.take())));
  EXPECT_CALL(m.devices, open("/dev/sda", _))
      .WillOnce(Return(ByMove(FileResult(fail_errno(EACCES, "/dev/sda")))));
  auto ctx = m.ctx();
  EXPECT_THAT(isoinfo(ctx, "/gone"), IsError(ENOENT, "open: /gone: No such file or directory"));
  EXPECT_THAT(isoinfo(ctx, "/small"), IsError(0, "/small: not an ISO file or CD-ROM"));
  EXPECT_THAT(isoinfo(ctx, "/dir"), IsError(EISDIR, "read: : Is a directory"));
  EXPECT_THAT(isoinfo_device(ctx, "/dev/sda"),
              IsError(EACCES, "open: /dev/sda: Permission denied"));
}

}  // namespace
}  // namespace gfsd::domain::test
