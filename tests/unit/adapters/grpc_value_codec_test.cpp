// The gRPC console's readable values: arguments by name to the same XDR
// bytes the text codec makes, and reply bodies to Struct/Value.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "adapters/grpc/value_codec.hpp"
#include "proto/protocol.hpp"
#include "proto/text_codec.hpp"
#include "proto/xdr.hpp"

namespace gfsd::adapters::grpc_console {
namespace {

using google::protobuf::Value;

const proto::ActionInfo& action(const char* name) {
  const proto::ActionInfo* a = proto::find_action(name);
  EXPECT_NE(a, nullptr) << name;
  return *a;
}

Value str(const std::string& s) {
  Value v;
  v.set_string_value(s);
  return v;
}

Value num(double n) {
  Value v;
  v.set_number_value(n);
  return v;
}

pb::CallRequest req(std::initializer_list<std::pair<const char*, Value>> args) {
  pb::CallRequest r;
  for (const auto& [name, value] : args) (*r.mutable_args()->mutable_fields())[name] = value;
  return r;
}

// What the text codec (guestfsd-call) sends for the same call.
std::string text_xdr(const proto::ActionInfo& a, const proto::TextCall& call, uint64_t* mask) {
  std::string buf(1 << 16, '\0');
  proto::XdrEncoder e(buf.data(), buf.size());
  auto m = proto::encode_args(a, call, e);
  EXPECT_TRUE(m) << (m ? "" : m.error().message);
  if (m) *mask = *m;
  buf.resize(e.size());
  return buf;
}

TEST(GrpcValueCodec, ArgumentsByNameMatchTheTextCodec) {
  uint64_t mask = 0;
  auto r = encode_args(action("chmod"), req({{"path", str("/x")}, {"mode", num(493)}}));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->xdr, text_xdr(action("chmod"), {{"493", "/x"}, {}}, &mask));
  EXPECT_EQ(r->optargs_bitmask, 0u);

  r = encode_args(action("chmod"), req({{"path", str("/x")}, {"mode", str("0755")}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->xdr, text_xdr(action("chmod"), {{"0755", "/x"}, {}}, &mask));

  Value yes;
  yes.set_bool_value(true);
  r = encode_args(action("is_file"), req({{"path", str("/x")}, {"followsymlinks", yes}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->xdr, text_xdr(action("is_file"), {{"/x"}, {{"followsymlinks", "true"}}}, &mask));
  EXPECT_EQ(r->optargs_bitmask, mask);
  EXPECT_EQ(mask, 1u);

  r = encode_args(action("is_file"), req({{"path", str("/x")}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->xdr, text_xdr(action("is_file"), {{"/x"}, {}}, &mask));
  EXPECT_EQ(r->optargs_bitmask, 0u);
}

TEST(GrpcValueCodec, ListItemsKeepTheirSpaces) {
  Value words;
  words.mutable_list_value()->add_values()->set_string_value("a b");
  words.mutable_list_value()->add_values()->set_string_value("c");
  auto r = encode_args(action("echo_daemon"), req({{"words", words}}));
  ASSERT_TRUE(r);
  proto::XdrDecoder d(r->xdr.data(), r->xdr.size());
  std::vector<std::string> got;
  ASSERT_TRUE(d.get(got));
  EXPECT_EQ(got, (std::vector<std::string>{"a b", "c"}));

  // A string is split into words, as on guestfsd-call's command line.
  r = encode_args(action("echo_daemon"), req({{"words", str("x  y")}}));
  ASSERT_TRUE(r);
  proto::XdrDecoder d2(r->xdr.data(), r->xdr.size());
  ASSERT_TRUE(d2.get(got));
  EXPECT_EQ(got, (std::vector<std::string>{"x", "y"}));
}

TEST(GrpcValueCodec, BuffersAndFileArguments) {
  pb::CallRequest call = req({{"path", str("/x")}});
  (*call.mutable_buffers())["content"] = std::string("\0\xff", 2);
  auto r = encode_args(action("internal_write"), call);
  ASSERT_TRUE(r);
  proto::XdrDecoder d(r->xdr.data(), r->xdr.size());
  std::string path, content;
  ASSERT_TRUE(d.get(path) && d.get_bytes(content));
  EXPECT_EQ(content, std::string("\0\xff", 2));

  // upload's FileIn argument travels as the stream.
  EXPECT_TRUE(encode_args(action("upload"), req({{"remotefilename", str("/x")}})));
  auto bad = encode_args(action("upload"), req({{"remotefilename", str("/x")}, {"filename", str("f")}}));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().errnum, EINVAL);
}

TEST(GrpcValueCodec, BadArgumentsSayWhich) {
  struct Case {
    const char* action;
    pb::CallRequest call;
    std::string message;
  };
  Value null;
  null.set_null_value(google::protobuf::NULL_VALUE);
  const std::vector<Case> cases = {
      {"chmod", req({{"path", str("/x")}}), "missing argument 'mode'"},
      {"chmod", req({{"path", str("/x")}, {"mode", num(1)}, {"x", num(1)}}), "chmod: no argument 'x'"},
      {"chmod", req({{"path", str("/x")}, {"mode", num(1e10)}}),
       "mode: is not an integer in range (give large integers as strings)"},
      {"chmod", req({{"path", null}, {"mode", num(1)}}), "path: expects a string, not null"},
      {"is_file", req({{"path", str("/x")}, {"followsymlinks", str("maybe")}}),
       "followsymlinks: 'maybe' is not a boolean"},
      {"truncate_size", req({{"path", str("/x")}, {"size", str("99999999999999999999")}}),
       "size: '99999999999999999999' is not a valid integer"},
  };
  for (const Case& c : cases) {
    auto r = encode_args(action(c.action), c.call);
    ASSERT_FALSE(r) << c.message;
    EXPECT_EQ(r.error().errnum, EINVAL);
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(GrpcValueCodec, LargeInt64AsString) {
  auto r = encode_args(action("truncate_size"),
                       req({{"path", str("/x")}, {"size", str("9007199254740993")}}));
  ASSERT_TRUE(r);
  proto::XdrDecoder d(r->xdr.data(), r->xdr.size());
  std::string path;
  int64_t n = 0;
  ASSERT_TRUE(d.get(path) && d.get(n));
  EXPECT_EQ(n, 9007199254740993);
}

std::string body(const std::function<void(proto::XdrEncoder&)>& fill) {
  std::string buf(1 << 16, '\0');
  proto::XdrEncoder e(buf.data(), buf.size());
  fill(e);
  buf.resize(e.size());
  return buf;
}

TEST(GrpcValueCodec, RepliesAsValues) {
  pb::CallReply reply;
  std::string b = body([](proto::XdrEncoder& e) { e.put(int64_t{1} << 60); });
  ASSERT_TRUE(decode_reply(action("filesize"), b.data(), b.size(), reply));
  EXPECT_EQ(reply.result().string_value(), "1152921504606846976");

  reply.Clear();
  b = body([](proto::XdrEncoder& e) { e.put(int64_t{12}); });
  ASSERT_TRUE(decode_reply(action("filesize"), b.data(), b.size(), reply));
  EXPECT_EQ(reply.result().number_value(), 12);

  reply.Clear();
  b = body([](proto::XdrEncoder& e) { e.put(std::string("a\xff", 2)); });
  ASSERT_TRUE(decode_reply(action("readlink"), b.data(), b.size(), reply));
  EXPECT_EQ(reply.result().string_value(), "a\\xff");

  reply.Clear();
  b = body([](proto::XdrEncoder& e) { e.put_bytes(std::string("\0\1", 2)); });
  ASSERT_TRUE(decode_reply(action("pread"), b.data(), b.size(), reply));
  EXPECT_EQ(reply.buffer(), std::string("\0\1", 2));
  EXPECT_FALSE(reply.has_result());

  reply.Clear();
  b = body([](proto::XdrEncoder& e) { e.put(std::vector<std::string>{"x", "y"}); });
  ASSERT_TRUE(decode_reply(action("internal_readlinklist"), b.data(), b.size(), reply));
  ASSERT_EQ(reply.result().list_value().values_size(), 2);
  EXPECT_EQ(reply.result().list_value().values(1).string_value(), "y");

  reply.Clear();
  b = body([](proto::XdrEncoder& e) { e.put(int32_t{1}); });  // a truncated body
  auto bad = decode_reply(action("filesize"), b.data(), b.size(), reply);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().errnum, EPROTO);
}

TEST(GrpcValueCodec, ReadableText) {
  EXPECT_EQ(readable_text("plain"), "plain");
  EXPECT_EQ(readable_text("h\xc3\xa9llo"), "h\xc3\xa9llo");
  EXPECT_EQ(readable_text(std::string("a\xff\x00z", 4)), std::string("a\\xff\0z", 7));
  EXPECT_EQ(readable_text("\xc0\xaf"), "\\xc0\\xaf");  // overlong '/'
  EXPECT_EQ(readable_text("\xe2\x82"), "\\xe2\\x82");  // cut short
}

}  // namespace
}  // namespace gfsd::adapters::grpc_console
