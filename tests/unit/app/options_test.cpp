#include "app/options.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gfsd::app {
namespace {

Result<Options> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "guestfsd");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return parse_options(static_cast<int>(args.size()), argv.data());
}

TEST(Options, NoArgumentsGiveDefaults) {
  auto o = parse({});
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->channel, "");
  EXPECT_FALSE(o->listen);
  EXPECT_FALSE(o->network);
  EXPECT_FALSE(o->live);
  EXPECT_FALSE(o->verbose);
  EXPECT_FALSE(o->test);
  EXPECT_FALSE(o->help);
}

TEST(Options, ShortOptions) {
  auto o = parse({"-c", "/dev/ttyS0", "-l", "-n", "-r", "-t", "-v"});
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->channel, "/dev/ttyS0");
  EXPECT_TRUE(o->listen);
  EXPECT_TRUE(o->network);
  EXPECT_TRUE(o->live);
  EXPECT_TRUE(o->test);
  EXPECT_TRUE(o->verbose);
  EXPECT_FALSE(o->help);
}

TEST(Options, LongOptions) {
  auto o = parse({"--channel", "/tmp/sock", "--listen", "--network", "--test", "--verbose"});
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->channel, "/tmp/sock");
  EXPECT_TRUE(o->listen);
  EXPECT_TRUE(o->network);
  EXPECT_TRUE(o->test);
  EXPECT_TRUE(o->verbose);
  EXPECT_FALSE(o->live);
}

TEST(Options, ChannelForms) {
  auto eq = parse({"--channel=fd:3"});
  ASSERT_TRUE(eq) << eq.error().message;
  EXPECT_EQ(eq->channel, "fd:3");
  auto adjacent = parse({"-cfd:5"});
  ASSERT_TRUE(adjacent) << adjacent.error().message;
  EXPECT_EQ(adjacent->channel, "fd:5");
  auto last_wins = parse({"-c", "/a", "--channel", "/b"});
  ASSERT_TRUE(last_wins) << last_wins.error().message;
  EXPECT_EQ(last_wins->channel, "/b");
}

TEST(Options, GroupedShortOptions) {
  auto vc = parse({"-vc", "fd:4"});
  ASSERT_TRUE(vc) << vc.error().message;
  EXPECT_TRUE(vc->verbose);
  EXPECT_EQ(vc->channel, "fd:4");

  auto rv = parse({"-rv"});
  ASSERT_TRUE(rv) << rv.error().message;
  EXPECT_TRUE(rv->live);
  EXPECT_TRUE(rv->verbose);

  auto lnt = parse({"-lnt"});
  ASSERT_TRUE(lnt) << lnt.error().message;
  EXPECT_TRUE(lnt->listen);
  EXPECT_TRUE(lnt->network);
  EXPECT_TRUE(lnt->test);
}

TEST(Options, RepeatedFlagIsAccepted) {
  auto o = parse({"-v", "--verbose", "-v"});
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_TRUE(o->verbose);
}

TEST(Options, Help) {
  auto q = parse({"-?"});
  ASSERT_TRUE(q) << q.error().message;
  EXPECT_TRUE(q->help);
  auto h = parse({"--help"});
  ASSERT_TRUE(h) << h.error().message;
  EXPECT_TRUE(h->help);
}

TEST(Options, UnknownLongOption) {
  auto o = parse({"--foo"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().message, "guestfsd: unrecognised option '--foo'");
  EXPECT_EQ(o.error().message.find('\n'), std::string::npos);
}

TEST(Options, UnknownShortOption) {
  auto o = parse({"-x"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().message, "guestfsd: unrecognised option '-x'");
}

TEST(Options, HiddenCollectorIsNotAnOption) {
  auto o = parse({"--extra-argument", "x"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().message, "guestfsd: unrecognised option '--extra-argument'");
}

TEST(Options, ExtraArgumentIsAnError) {
  auto o = parse({"-v", "stray"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().message, "guestfsd: extra argument 'stray' on the command line");
  auto after_dashes = parse({"--", "-v"});
  ASSERT_FALSE(after_dashes);
  EXPECT_NE(after_dashes.error().message.find("'-v'"), std::string::npos);
}

TEST(Options, MissingChannelArgument) {
  auto o = parse({"-c"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().message.rfind("guestfsd: ", 0), 0u);
  EXPECT_NE(o.error().message.find("channel"), std::string::npos);
}

TEST(Options, EmptyChannelIsRejected) {
  auto o = parse({"--channel="});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().message.find('\n'), std::string::npos);
}

TEST(Options, FlagTakesNoValue) {
  EXPECT_FALSE(parse({"--verbose=1"}));
}

TEST(Options, UsageTextShowsSynopsisAndEveryOption) {
  const std::string u = usage_text();
  EXPECT_EQ(u.rfind("guestfsd [-r] [-v|--verbose] [-c|--channel PATH|fd:N] [-l|--listen] "
                    "[-n|--network] [-?|--help]\n",
                    0),
            0u);
  for (const char* opt : {"--channel", "--listen", "--network", "-r ", "--verbose", "--help",
                          "--grpc ADDR", "--grpc-allow-tcp", "--grpc-token-file PATH"})
    EXPECT_NE(u.find(opt), std::string::npos) << opt;
  EXPECT_EQ(u.back(), '\n');
}

// The console runs any action as root: TCP (open to every local user) only
// when asked for by name, Unix sockets always.
TEST(Options, GrpcConsoleOnTcpNeedsTheExplicitFlag) {
  auto tcp = parse({"--grpc", "50051"});
  ASSERT_FALSE(tcp);
  EXPECT_EQ(tcp.error().message,
            "guestfsd: --grpc 127.0.0.1:50051: a TCP console is open to every local user; serve "
            "it on unix:PATH, or add --grpc-allow-tcp to serve TCP to clients holding its token");
  EXPECT_FALSE(parse({"--grpc", "[::1]:0"}));

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--grpc", "50051", "--grpc-allow-tcp"}, {"--grpc-allow-tcp", "--grpc=:50051"}}) {
    auto allowed = parse(args);
    ASSERT_TRUE(allowed) << allowed.error().message;
    EXPECT_EQ(allowed->grpc, "127.0.0.1:50051");
    EXPECT_TRUE(allowed->grpc_allow_tcp);
    EXPECT_EQ(allowed->grpc_token_file, "");
  }

  auto unix_socket = parse({"--grpc", "unix:/run/console.sock"});
  ASSERT_TRUE(unix_socket) << unix_socket.error().message;
  EXPECT_EQ(unix_socket->grpc, "unix:/run/console.sock");
  EXPECT_FALSE(unix_socket->grpc_allow_tcp);
}

TEST(Options, GrpcTokenFile) {
  auto o = parse({"--grpc", "0", "--grpc-allow-tcp", "--grpc-token-file", "/run/t"});
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->grpc_token_file, "/run/t");
  auto relative = parse({"--grpc", "0", "--grpc-allow-tcp", "--grpc-token-file", "t"});
  ASSERT_FALSE(relative);
  EXPECT_EQ(relative.error().message, "guestfsd: --grpc-token-file needs an absolute path");
  EXPECT_FALSE(parse({"--grpc-token-file"}));
}

}  // namespace
}  // namespace gfsd::app
