// Round trips of every return struct and every argument kind in the table.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "proto/action_table.hpp"
#include "proto/codec_support.hpp"
#include "proto/text_codec.hpp"
#include "struct_samples.hpp"

namespace gfsd::proto {
namespace {

template <class T>
std::string encode_struct(const T& v) {
  std::string buf(1 << 16, '\0');
  XdrEncoder e(buf.data(), buf.size());
  EXPECT_TRUE(put(e, v));
  buf.resize(e.size());
  return buf;
}

const StructInfo* struct_info(const std::string& name) {
  for (int i = 0; i < kNumStructs; ++i)
    if (name == kStructs[i].name) return &kStructs[i];
  return nullptr;
}

// Decodes one struct with the generic descriptors (as the console does),
// proving they agree with the generated codec field by field.
std::string render_generic(const StructInfo& st, const std::string& bytes) {
  for (int i = 0; i < kNumActionList; ++i) {
    const ActionInfo& a = kActionList[i];
    if (a.ret == RetKind::Struct && &kStructs[a.ret_struct] == &st) {
      XdrDecoder d(bytes.data(), bytes.size());
      auto r = render_ret(a, d);
      EXPECT_TRUE(r) << st.name;
      return r ? *r : "";
    }
  }
  return "";  // struct only used in lists
}

#define ROUND_TRIP(wire, Type)                                          \
  TEST(StructCodec, RoundTrip_##wire) {                                 \
    const api::Type v = samples::make_##wire();                         \
    const std::string bytes = encode_struct(v);                         \
    XdrDecoder d(bytes.data(), bytes.size());                           \
    api::Type back;                                                     \
    ASSERT_TRUE(get(d, back));                                          \
    EXPECT_TRUE(d.at_end());                                            \
    EXPECT_EQ(back, v);                                                 \
    const StructInfo* st = struct_info(#wire);                          \
    ASSERT_NE(st, nullptr);                                             \
    const std::string text = render_generic(*st, bytes);                \
    if (!text.empty()) {                                                \
      for (int f = 0; f < st->nfields; ++f)                             \
        EXPECT_NE(text.find(std::string(st->fields[f].name) + ": "),    \
                  std::string::npos) << st->fields[f].name;             \
    }                                                                   \
  }
GFSD_STRUCTS(ROUND_TRIP)
#undef ROUND_TRIP

TEST(StructCodec, StatnsIsTwentyTwoHypers) {
  EXPECT_EQ(encode_struct(samples::make_statns()).size(), 22u * 8);
}

TEST(StructCodec, CharFieldTakesFourBytes) {
  // dirent: ino (8) + ftyp as int (4) + name "name" (4 + 4)
  EXPECT_EQ(encode_struct(samples::make_dirent()).size(), 8u + 4 + 8);
}

TEST(StructCodec, UuidIsFixed32BytesWithoutLength) {
  api::LvmPv pv = samples::make_lvm_pv();
  pv.pv_uuid = "short";  // padded with NULs to 32 on the wire
  const std::string bytes = encode_struct(pv);
  // pv_name "pv_name" = 4 + 8 bytes, then 32 bytes of UUID.
  EXPECT_EQ(bytes.substr(12, 5), "short");
  EXPECT_EQ(bytes.substr(17, 27), std::string(27, '\0'));
}

TEST(ActionTable, HasEveryProcedureOnce) {
  EXPECT_EQ(kNumActionList, 492);
  std::set<int> procs;
  std::set<std::string> names;
  for (int i = 0; i < kNumActionList; ++i) {
    procs.insert(kActionList[i].proc);
    names.insert(kActionList[i].name);
    EXPECT_EQ(find_action(kActionList[i].proc), &kActionList[i]);
    EXPECT_EQ(find_action(kActionList[i].name), &kActionList[i]);
  }
  EXPECT_EQ(procs.size(), 492u);
  EXPECT_EQ(names.size(), 492u);
  EXPECT_EQ(*procs.rbegin(), 510);
  EXPECT_EQ(find_action(0), nullptr);
  EXPECT_EQ(find_action(511), nullptr);
  EXPECT_EQ(find_action(-1), nullptr);
}

TEST(ActionTable, KnownRows) {
  const ActionInfo* ping = find_action("ping_daemon");
  ASSERT_NE(ping, nullptr);
  EXPECT_EQ(ping->proc, 92);
  const ActionInfo* up = find_action("upload");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(up->proc, 66);
  EXPECT_TRUE(up->has(kFileIn));
  EXPECT_TRUE(find_action("download")->has(kFileOut));
  EXPECT_TRUE(find_action("ls0")->has(kFileOut));
  EXPECT_EQ(find_action("mke2fs")->noptargs, 38);
  EXPECT_STREQ(find_action("lvs")->optgroup, "lvm2");
  EXPECT_EQ(find_action("statns")->ret, RetKind::Struct);
}

std::string hex(const std::string& b) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : b) {
    out += d[c >> 4];
    out += d[c & 15];
  }
  return out;
}

std::string encode_text(const char* name, const TextCall& call, uint64_t* mask = nullptr) {
  std::string buf(4096, '\0');
  XdrEncoder e(buf.data(), buf.size());
  const ActionInfo* a = find_action(name);
  if (!a) {
    ADD_FAILURE() << "no action " << name;
    return "";
  }
  auto m = encode_args(*a, call, e);
  EXPECT_TRUE(m) << (m ? "" : m.error().message);
  if (mask && m) *mask = *m;
  buf.resize(e.size());
  return buf;
}

// Byte examples captured from the real library (spec/protocol.md 1.3).
TEST(TextCodec, UmountOptsMatchesLibraryBytes) {
  uint64_t mask = 0;
  EXPECT_EQ(hex(encode_text("umount", {{"/"}, {{"force", "true"}}}, &mask)),
            "000000012f0000000000000100000000");
  EXPECT_EQ(mask, 1u);
}

TEST(TextCodec, AugDefvarOptString) {
  EXPECT_EQ(hex(encode_text("aug_defvar", {{"v", "~"}, {}})), "000000017600000000000000");
  EXPECT_EQ(hex(encode_text("aug_defvar", {{"v", "expr"}, {}})),
            "00000001760000000000000100000004" "65787072");
}

TEST(TextCodec, CommandStringList) {
  EXPECT_EQ(hex(encode_text("command", {{"ab cde"}, {}})),
            "00000002000000026162000000000003" "63646500");
}

TEST(TextCodec, MkfsOptsBitmaskAndDefaults) {
  uint64_t mask = 0;
  EXPECT_EQ(hex(encode_text("mkfs", {{"ext4", "/dev/sda"}, {{"blocksize", "4096"}, {"label", "L"}}},
                            &mask)),
            "0000000465787434000000082f6465762f736461"
            "00001000" "00000000" "00000000" "00000000" "000000014c000000");
  EXPECT_EQ(mask, 0x11u);
}

TEST(TextCodec, PwriteBufferAndInt64) {
  EXPECT_EQ(hex(encode_text("pwrite", {{"/f", "xyz", "5"}, {}})),
            "000000022f660000000000037879" "7a000000000000000005");
}

TEST(TextCodec, RejectsBadValues) {
  std::string buf(256, '\0');
  XdrEncoder e(buf.data(), buf.size());
  EXPECT_FALSE(encode_args(*find_action("umask"), {{"abc"}, {}}, e));
  EXPECT_FALSE(encode_args(*find_action("ping_daemon"), {{"extra"}, {}}, e));
  EXPECT_FALSE(encode_args(*find_action("is_file"), {{"/x"}, {{"nosuch", "1"}}}, e));
  EXPECT_FALSE(encode_args(*find_action("is_file"), {{"/x"}, {{"followsymlinks", "maybe"}}}, e));
}

TEST(TextCodec, RendersEveryReturnKind) {
  std::string buf(4096, '\0');
  XdrEncoder e(buf.data(), buf.size());
  e.put(std::vector<std::pair<std::string, std::string>>{{"/dev/sda1", "/"}});
  buf.resize(e.size());
  XdrDecoder d(buf.data(), buf.size());
  auto r = render_ret(*find_action("inspect_get_mountpoints"), d);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "/dev/sda1: /\n");
}

TEST(TextCodec, SignatureShowsArgsAndOptargs) {
  EXPECT_EQ(signature(*find_action("is_file")),
            "RBool is_file (String(Pathname) path) [OBool followsymlinks]");
}

}  // namespace
}  // namespace gfsd::proto
