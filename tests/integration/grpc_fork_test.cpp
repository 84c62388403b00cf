// Fork safety: the daemon forks a program for many actions while the gRPC
// console's threads are busy (allocating, holding their locks). The child of
// fork() may then only make async-signal-safe calls until exec; everything it
// needs is built before the fork (adapters/posix/posix_process_runner.cpp). Here
// console clients hammer the daemon from several threads while the XDR client
// runs hundreds of commands: every call must succeed and nothing may hang.
#include <gtest/gtest.h>

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "integration/fixture.hpp"
#include "proto/grpc/console.grpc.pb.h"

namespace gfsd::test {
namespace {

namespace pb = ::guestfsd::console::v1;

class GrpcFork : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    DaemonOptions o;
    console_ = dir_.path() + "/console.sock";
    o.extra_args = {"--grpc", "unix:" + console_};
    s_ = std::make_unique<Served>(o);
    ASSERT_TRUE(s_->start());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (s_->daemon().stderr_text().find("gRPC console listening on") == std::string::npos) {
      ASSERT_TRUE(s_->daemon().running()) << s_->daemon().stderr_text();
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << s_->daemon().stderr_text();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  TempDir dir_;
  std::string console_;
  std::unique_ptr<Served> s_;
};

TEST_F(GrpcFork, ManyCommandsWhileTheConsoleIsBusy) {
  auto channel = grpc::CreateChannel("unix:" + console_, grpc::InsecureChannelCredentials());
  std::atomic<bool> stop{false};
  std::atomic<int> console_ok{0}, console_failed{0};
  std::string first_failure;
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      auto stub = pb::Console::NewStub(channel);
      while (!stop) {
        pb::CallRequest req;
        // Both kinds: calls that fork (debug sh) and calls that do not.
        if (t % 2 == 0) {
          req.set_action("debug");
          (*req.mutable_args()->mutable_fields())["subcmd"].set_string_value("sh");
          (*req.mutable_args()->mutable_fields())["extraargs"]
              .mutable_list_value()->add_values()->set_string_value("echo console");
        } else {
          req.set_action("echo_daemon");
          (*req.mutable_args()->mutable_fields())["words"]
              .mutable_list_value()->add_values()->set_string_value(std::string(4096, 'x'));
        }
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
        pb::CallReply reply;
        const grpc::Status st = stub->Call(&ctx, req, &reply);
        if (st.ok()) {
          ++console_ok;
        } else if (console_failed++ == 0) {
          first_failure = st.error_message();
        }
      }
    });
  }

  // The XDR channel: commands that fork, one after another.
  int xdr_ok = 0;
  for (int i = 0; i < 300; ++i) {
    const std::vector<std::string> words{"echo run " + std::to_string(i)};
    Reply r = s_->client().call("debug", [&](proto::XdrEncoder& e) {
      e.put(std::string("sh"));
      e.put(words);
    });
    ASSERT_REPLY_OK(r);
    ++xdr_ok;
  }
  stop = true;
  for (auto& c : clients) c.join();
  EXPECT_EQ(xdr_ok, 300);
  EXPECT_EQ(console_failed.load(), 0) << first_failure;
  EXPECT_GT(console_ok.load(), 0);
  EXPECT_TRUE(s_->daemon().running()) << s_->daemon().stderr_text();
  RecordProperty("console_calls", console_ok.load());
}

}  // namespace
}  // namespace gfsd::test
