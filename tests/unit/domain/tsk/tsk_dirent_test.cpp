// One walked name as a guestfs_int_tsk_dirent XDR record (the bytes
// lib/tsk.c decodes), its type letter, flags, and which dot entries go.
#include "domain/tsk/tsk_dirent.hpp"

#include <gtest/gtest.h>

#include "unit/domain/tsk/tsk_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using Type = ports::TskEntry::Type;

ports::TskEntry entry(std::string_view parent, std::string_view name, uint64_t inode,
                      const ports::TskEntry::Meta* meta, Type type = Type::Reg) {
  ports::TskEntry e;
  e.parent = parent;
  e.name = name;
  e.inode = inode;
  e.type = type;
  e.meta = meta;
  return e;
}

TEST(TskDirent, EveryFieldInTheStructsOrderBigEndianAndPadded) {
  ports::TskEntry::Meta m;
  m.allocated = true;
  m.size = 0x0102030405060708;
  m.nlink = 2;
  m.atime = 1700000000;
  m.atime_nsec = 123456789;
  m.mtime = 1700000001;
  m.mtime_nsec = 5;
  m.ctime = -1;
  m.ctime_nsec = 6;
  m.crtime = 7;
  m.crtime_nsec = 8;
  m.link = "target";
  const auto e = entry("dir/", "link", 0x1122334455667788, &m, Type::Lnk);
  XdrRecord r;
  encode_tsk_dirent(e, r);
  const std::string expected(
      "\x11\x22\x33\x44\x55\x66\x77\x88"  // tsk_inode
      "\0\0\0l"                           // tsk_type, a char in a word
      "\x01\x02\x03\x04\x05\x06\x07\x08"  // tsk_size
      "\0\0\0\x08"
      "dir/link"                  // tsk_name: the parent's path + the name
      "\0\0\0\x01"                // tsk_flags: allocated
      "\0\0\0\0\x65\x53\xf1\x00"  // atime
      "\0\0\0\0\x07\x5b\xcd\x15"  // atime_nsec
      "\0\0\0\0\x65\x53\xf1\x01"  // mtime
      "\0\0\0\0\0\0\0\x05"
      "\xff\xff\xff\xff\xff\xff\xff\xff"  // ctime -1
      "\0\0\0\0\0\0\0\x06"
      "\0\0\0\0\0\0\0\x07"  // crtime
      "\0\0\0\0\0\0\0\x08"
      "\0\0\0\0\0\0\0\x02"  // nlink
      "\0\0\0\x06"
      "target\0\0"         // tsk_link, padded
      "\0\0\0\0\0\0\0\0",  // tsk_spare1
      8 + 4 + 8 + 12 + 4 + 64 + 8 + 12 + 8);
  EXPECT_EQ(r.bytes(), expected);
}

TEST(TskDirent, WithoutMetadataSizeIsMinusOneAndTheRestZero) {
  const auto e = entry("", "gone", 42, nullptr, Type::Undef);
  XdrRecord r;
  encode_tsk_dirent(e, r);
  Bytes b;
  b.w64(42).w32('u').w64(~uint64_t{0}).str("gone").w32(1);
  for (int i = 0; i < 9; ++i) b.w64(0);  // eight time words, nlink
  b.str("").w64(0);
  EXPECT_EQ(r.bytes(), b.s);
}

TEST(TskDirent, TypeLetters) {
  EXPECT_EQ(tsk_type_letter(Type::Undef), 'u');
  EXPECT_EQ(tsk_type_letter(Type::Fifo), 'f');
  EXPECT_EQ(tsk_type_letter(Type::Chr), 'c');
  EXPECT_EQ(tsk_type_letter(Type::Dir), 'd');
  EXPECT_EQ(tsk_type_letter(Type::Blk), 'b');
  EXPECT_EQ(tsk_type_letter(Type::Reg), 'r');
  EXPECT_EQ(tsk_type_letter(Type::Lnk), 'l');
  EXPECT_EQ(tsk_type_letter(Type::Sock), 's');
  EXPECT_EQ(tsk_type_letter(Type::Shad), 'h');
  EXPECT_EQ(tsk_type_letter(Type::Wht), 'w');
  EXPECT_EQ(tsk_type_letter(Type::Virt), 'u');
  EXPECT_EQ(tsk_type_letter(Type::VirtDir), 'u');
  EXPECT_EQ(tsk_type_letter(Type::Other), 'u');
}

TEST(TskDirent, FlagsFollowTheNameThenTheInode) {
  auto in_use = meta_of(1, true);
  auto freed = meta_of(1, false);
  auto e = entry("", "f", 5, &in_use);
  EXPECT_EQ(tsk_flags(e), kTskAllocated);

  e.unallocated = true;  // a deleted name whose inode was given to another file
  EXPECT_EQ(tsk_flags(e), kTskReallocated);
  e.meta = &freed;  // a deleted name, its inode free
  EXPECT_EQ(tsk_flags(e), kTskUnallocated);
  e.meta = nullptr;
  EXPECT_EQ(tsk_flags(e), kTskUnallocated);

  in_use.compressed = true;
  e.meta = &in_use;
  EXPECT_EQ(tsk_flags(e), kTskReallocated | kTskCompressed);
  e.unallocated = false;
  EXPECT_EQ(tsk_flags(e), kTskAllocated | kTskCompressed);
}

TEST(TskDirent, OnlyTheRootsOwnDotIsKept) {
  auto e = entry("", ".", 2, nullptr, Type::Dir);
  e.is_root = true;
  EXPECT_FALSE(tsk_skips_entry(e));
  e.name = "..";  // the root's parent is itself: still left out
  EXPECT_TRUE(tsk_skips_entry(e));

  auto sub = entry("bin/", ".", 12, nullptr, Type::Dir);
  EXPECT_TRUE(tsk_skips_entry(sub));
  sub.name = "..";
  sub.inode = 2;
  sub.is_root = true;  // bin/.. points at the root
  EXPECT_TRUE(tsk_skips_entry(sub));

  EXPECT_FALSE(tsk_skips_entry(entry("", ".hidden", 13, nullptr)));
  EXPECT_FALSE(tsk_skips_entry(entry("", "...", 14, nullptr)));
}

}  // namespace
}  // namespace gfsd::domain::test
