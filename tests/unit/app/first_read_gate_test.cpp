// The start-up settle waits before the first read of a request, not before
// the launch word, and only once however many clients --listen serves.
#include "app/first_read_gate.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gfsd::app {
namespace {

// Records the order of what happens to it.
class LogChannel final : public ports::Channel {
 public:
  explicit LogChannel(std::string& log) : log_(log) {}
  Result<size_t> read(void*, size_t) override {
    log_ += "read ";
    return size_t{0};
  }
  Result<void> write_all(const void*, size_t) override {
    log_ += "write ";
    return {};
  }
  bool readable(int) override {
    log_ += "readable ";
    return false;
  }

 private:
  std::string& log_;
};

TEST(FirstReadGate, TheLaunchWordGoesOutFirstAndTheStepRunsBeforeTheFirstRead) {
  std::string log;
  LogChannel inner(log);
  std::function<void()> settle = [&log] { log += "settle "; };
  FirstReadGate gate(inner, settle);
  (void)gate.write_all("word", 4);
  (void)gate.read(nullptr, 0);
  (void)gate.read(nullptr, 0);
  EXPECT_EQ(log, "write settle read read ");
}

TEST(FirstReadGate, OnceForEveryClientOfAListeningDaemon) {
  std::string log;
  LogChannel a(log), b(log);
  std::function<void()> settle = [&log] { log += "settle "; };
  {
    FirstReadGate first(a, settle);
    (void)first.readable(0);
  }
  FirstReadGate second(b, settle);
  (void)second.read(nullptr, 0);
  EXPECT_EQ(log, "settle readable read ");
}

TEST(FirstReadGate, NothingToRunIsFine) {
  std::string log;
  LogChannel inner(log);
  std::function<void()> nothing;
  FirstReadGate gate(inner, nothing);
  (void)gate.read(nullptr, 0);
  EXPECT_EQ(log, "read ");
}

}  // namespace
}  // namespace gfsd::app
