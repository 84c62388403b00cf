// Who may use the gRPC debug console: it runs any action (sh, command...)
// as the daemon's user, so it serves that user only. On a Unix socket the
// socket's mode (0600) and the peer's uid (SO_PEERCRED) decide; a TCP
// console needs --grpc-allow-tcp and then a token on every call. Another
// user (nobody) is refused on each of them, and nothing runs for it.
#include <gtest/gtest.h>

#include <grpcpp/grpcpp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "integration/fixture.hpp"
#include "integration/grpc_console_support.hpp"
#include "integration/other_user.hpp"
#include "proto/grpc/console.grpc.pb.h"

namespace gfsd::test {
namespace {

namespace pb = ::guestfsd::console::v1;

// The action another user tries: it would leave a file behind if it ran.
const std::vector<std::string> kPlantFile = {"call", "internal_write", "path=/planted",
                                             "content=by another user"};

// A daemon with a console, and the account of the other user.
class ConsoleAccess : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    const auto user = nobody();
    ASSERT_TRUE(user) << "this test needs the account 'nobody'";
    nobody_ = *user;
    // The other user must reach what lies in here; the modes of the
    // socket and files inside are what the tests are about.
    ASSERT_TRUE(open_for_traversal(dir_.path()));
  }

  // Starts the daemon with these console options; the console's address.
  std::string start(const std::vector<std::string>& console_args) {
    DaemonOptions o;
    o.extra_args = console_args;
    s_ = std::make_unique<Served>(o);
    const auto started = s_->start();
    EXPECT_TRUE(started);
    if (!started) return "";
    const auto address = wait_for_console(s_->daemon());
    EXPECT_TRUE(address) << s_->daemon().stderr_text();
    return address.value_or("");
  }

  std::string socket_path() const { return dir_.path() + "/console.sock"; }
  std::string token_file() const { return dir_.path() + "/console.token"; }
  std::string stderr_text() { return s_->daemon().stderr_text(); }
  bool planted() { return std::filesystem::exists(s_->daemon().host_path("/planted")); }

  // The console client, run as the other user.
  ChildRun nobody_runs(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    return exec_as(nobody_, GUESTFSD_CONSOLE_BINARY, args, env);
  }

  // A List call from this (the owner's) process, with the metadata given.
  static grpc::Status owner_lists(const std::string& address,
                                  const std::optional<std::string>& authorization) {
    auto stub = pb::Console::NewStub(
        grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    if (authorization) ctx.AddMetadata("authorization", *authorization);
    pb::ListReply reply;
    return stub->List(&ctx, pb::ListRequest(), &reply);
  }

  OtherUser nobody_{};
  TempDir dir_;
  std::unique_ptr<Served> s_;
};

TEST_F(ConsoleAccess, UnixSocketHasModeSixHundredAndServesItsOwner) {
  const std::string address = start({"--grpc", "unix:" + socket_path()});
  ASSERT_EQ(address, "unix:" + socket_path());
  struct stat st {};
  ASSERT_EQ(::stat(socket_path().c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(st.st_uid, ::geteuid());
  const grpc::Status listed = owner_lists(address, std::nullopt);
  EXPECT_TRUE(listed.ok()) << listed.error_message();

  // A daemon that ends takes its socket with it.
  s_->client().call("internal_exit");
  EXPECT_NE(s_->daemon().wait_exit(10000), -1);
  EXPECT_FALSE(std::filesystem::exists(socket_path()));
}

TEST_F(ConsoleAccess, UnixSocketModeKeepsAnotherUserOut) {
  const std::string address = start({"--grpc", "unix:" + socket_path()});
  ChildRun run = nobody_runs({address, "list"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("Permission denied"), std::string::npos) << run.output;
  run = nobody_runs({address, "call", "internal_write", "path=/planted", "content=x"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_FALSE(planted());
}

// With the socket's mode widened, the peer's uid still decides: refused with
// PERMISSION_DENIED and a log line; the owner is still served.
TEST_F(ConsoleAccess, UnixPeerUidIsCheckedEvenWhenTheModeLetsAnotherUserIn) {
  const std::string address = start({"--grpc", "unix:" + socket_path()});
  ASSERT_EQ(::chmod(socket_path().c_str(), 0666), 0);
  std::vector<std::string> args = {address};
  args.insert(args.end(), kPlantFile.begin(), kPlantFile.end());
  const ChildRun run = nobody_runs(args);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_EQ(run.output,
            "internal_write: this console serves only the user the daemon runs as\n");
  EXPECT_FALSE(planted());
  EXPECT_NE(stderr_text().find("gRPC console: refused a connection from uid " +
                               std::to_string(nobody_.uid)),
            std::string::npos)
      << stderr_text();
  const grpc::Status listed = owner_lists(address, std::nullopt);
  EXPECT_TRUE(listed.ok()) << listed.error_message();
}

TEST_F(ConsoleAccess, TcpRefusesToStartWithoutTheExplicitFlag) {
  DaemonOptions o;
  o.extra_args = {"--grpc", "0"};
  DaemonProcess d(o);
  std::string why;
  EXPECT_FALSE(d.start(&why));
  EXPECT_NE(d.wait_exit(10000), -1);
  EXPECT_NE(d.stderr_text().find("guestfsd: --grpc 127.0.0.1:0: a TCP console is open to every "
                                 "local user; serve it on unix:PATH, or add --grpc-allow-tcp"),
            std::string::npos)
      << d.stderr_text();
  EXPECT_EQ(d.stderr_text().find(kConsoleListening), std::string::npos);
}

TEST_F(ConsoleAccess, TcpTokenFileIsTheOwnersAloneAndNeverLogged) {
  start({"--grpc", "0", "--grpc-allow-tcp", "--grpc-token-file", token_file()});
  struct stat st {};
  ASSERT_EQ(::stat(token_file().c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(st.st_uid, ::geteuid());
  const std::string token = token_in(token_file());
  ASSERT_EQ(token.size(), 64u);
  for (const char c : token) EXPECT_TRUE(std::isxdigit(static_cast<unsigned char>(c))) << token;
  EXPECT_NE(stderr_text().find("gRPC console token in " + token_file()), std::string::npos)
      << stderr_text();
  EXPECT_EQ(stderr_text().find(token), std::string::npos);
  const std::string cmdline = slurp("/proc/" + std::to_string(s_->daemon().pid()) + "/cmdline");
  EXPECT_EQ(cmdline.find(token), std::string::npos);
}

// Even the owner needs the token on TCP: the port does not say who calls.
TEST_F(ConsoleAccess, TcpCallsWithoutTheRightTokenAreUnauthenticated) {
  const std::string address =
      start({"--grpc", "0", "--grpc-allow-tcp", "--grpc-token-file", token_file()});
  const std::string token = token_in(token_file());
  ASSERT_EQ(token.size(), 64u);
  std::string wrong = token;
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  const std::vector<std::optional<std::string>> refused = {
      std::nullopt, "Bearer " + wrong, "Bearer " + token.substr(0, 63), "Bearer ", token,
      "Bearer " + token + "0", "bearer " + token};
  for (const auto& authorization : refused) {
    const grpc::Status st = owner_lists(address, authorization);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << authorization.value_or("(none)") << ": " << st.error_message();
  }
  EXPECT_NE(stderr_text().find("gRPC console: refused List from ipv4:127.0.0.1:"),
            std::string::npos)
      << stderr_text();
  EXPECT_NE(stderr_text().find(": no token\n"), std::string::npos) << stderr_text();
  EXPECT_NE(stderr_text().find(": a wrong token\n"), std::string::npos) << stderr_text();
  EXPECT_EQ(stderr_text().find(wrong), std::string::npos);

  const grpc::Status served = owner_lists(address, "Bearer " + token);
  EXPECT_TRUE(served.ok()) << served.error_message();
}

// Another user cannot read the token file, and with no token or a wrong one
// every kind of RPC is refused before it runs.
TEST_F(ConsoleAccess, TcpRefusesAnotherUserWithoutOrWithAWrongToken) {
  const std::string address =
      start({"--grpc", "0", "--grpc-allow-tcp", "--grpc-token-file", token_file()});
  const std::string refusal = "this console serves only calls carrying its token";

  // Pointed at the owner's file: unreadable, so the calls go out bare.
  std::vector<std::string> args = {"--token-file", token_file(), address};
  args.insert(args.end(), kPlantFile.begin(), kPlantFile.end());
  ChildRun run = nobody_runs(args);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("cannot read the console token from " + token_file() +
                            ": Permission denied"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("internal_write: " + refusal), std::string::npos) << run.output;

  // A token file of its own, with a guess in it.
  const std::string guess_file = dir_.path() + "/guess.token";
  {
    std::ofstream f(guess_file);
    f << std::string(64, 'a') << "\n";
  }
  ASSERT_EQ(::chown(guess_file.c_str(), nobody_.uid, nobody_.gid), 0);
  ASSERT_EQ(::chmod(guess_file.c_str(), 0600), 0);
  const std::vector<std::vector<std::string>> commands = {
      kPlantFile,
      {"list"},
      {"upload", "/dev/null", "upload", "remotefilename=/planted"},
      {"download", "-", "download", "remotefilename=/etc/passwd"},
  };
  for (const auto& command : commands) {
    args = {"--token-file", guess_file, address};
    args.insert(args.end(), command.begin(), command.end());
    run = nobody_runs(args);
    EXPECT_EQ(run.exit_code, 1) << command[0] << ": " << run.output;
    EXPECT_NE(run.output.find(refusal), std::string::npos) << command[0] << ": " << run.output;
  }

  // No token file option and no environment: nothing to send.
  args = {address};
  args.insert(args.end(), kPlantFile.begin(), kPlantFile.end());
  run = nobody_runs(args);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find(refusal), std::string::npos) << run.output;

  EXPECT_FALSE(planted());
  EXPECT_NE(stderr_text().find("gRPC console: refused Call from ipv4:127.0.0.1:"),
            std::string::npos)
      << stderr_text();
  EXPECT_NE(stderr_text().find("gRPC console: refused Upload from"), std::string::npos);
  EXPECT_NE(stderr_text().find("gRPC console: refused Download from"), std::string::npos);
}

// Without --grpc-token-file the token goes to $XDG_RUNTIME_DIR, named after
// the port, and the client finds it there from the address alone.
TEST_F(ConsoleAccess, TcpTokenDefaultsToTheRuntimeDirWhereTheClientLooks) {
  TempDir runtime;
  // The daemon inherits our environment; nothing else here reads it.
  ::setenv("XDG_RUNTIME_DIR", runtime.path().c_str(), 1);
  const std::string address = start({"--grpc", "0", "--grpc-allow-tcp"});
  ::unsetenv("XDG_RUNTIME_DIR");
  const std::string port = address.substr(address.rfind(':') + 1);
  const std::string file = runtime.path() + "/guestfsd-console-" + port + ".token";
  EXPECT_EQ(token_in(file).size(), 64u) << stderr_text();
  EXPECT_NE(stderr_text().find("gRPC console token in " + file), std::string::npos)
      << stderr_text();

  const std::string cmd = std::string("XDG_RUNTIME_DIR=") + runtime.path() + " " +
                          GUESTFSD_CONSOLE_BINARY + " " + port + " call ping_daemon 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  const std::string by_env = std::string("GUESTFSD_CONSOLE_TOKEN_FILE=") + file + " " +
                             GUESTFSD_CONSOLE_BINARY + " " + address + " list >/dev/null 2>&1";
  EXPECT_EQ(std::system(by_env.c_str()), 0);

  // A daemon that ends takes its token file with it.
  s_->client().call("internal_exit");
  EXPECT_NE(s_->daemon().wait_exit(10000), -1);
  EXPECT_FALSE(std::filesystem::exists(file));
}

}  // namespace
}  // namespace gfsd::test
