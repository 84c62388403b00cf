// GoogleMock doubles of ports::Yara and its rules file and scan target.
// A test sets ctx.yara = &mock.
#pragma once

#include <gmock/gmock.h>

#include <string>

#include "ports/yara.hpp"

namespace gfsd::mocks {

class MockYara : public ports::Yara {
 public:
  ~MockYara() override;
  MOCK_METHOD(bool, available, (), (override));
  MOCK_METHOD(Result<std::unique_ptr<ports::YaraRulesFile>>, create_rules_file, (), (override));
  MOCK_METHOD(ports::YaraLoadOutcome, load, (const ports::YaraRulesFile& rules), (override));
  MOCK_METHOD(bool, loaded, (), (const, override));
  MOCK_METHOD(void, destroy, (), (override));
  MOCK_METHOD(Result<std::unique_ptr<ports::YaraTarget>>, open_target,
              (const std::string& host_path), (override));
};

// A rules file in memory: keeps what was written, counts closes, and tells
// `removed` when it goes (the adapter's file is unlinked then).
class MemoryRulesFile : public ports::YaraRulesFile {
 public:
  MemoryRulesFile(std::string path, bool* removed) : path_(std::move(path)), removed_(removed) {}
  ~MemoryRulesFile() override {
    if (removed_) *removed_ = true;
  }
  const std::string& path() const override { return path_; }
  Result<size_t> read(char*, size_t) override { return fail_with(EBADF, ""); }
  Result<void> write(const char* buf, size_t n) override {
    if (write_errno) return fail_with(write_errno, "");
    content.append(buf, n);
    return {};
  }
  Result<void> seek(int64_t) override { return fail_with(ESPIPE, ""); }
  Result<void> close() override {
    ++closes;
    if (close_errno) return fail_with(close_errno, "");
    return {};
  }

  std::string content;
  int closes = 0;
  int write_errno = 0;
  int close_errno = 0;

 private:
  std::string path_;
  bool* removed_;
};

class MockYaraTarget : public ports::YaraTarget {
 public:
  ~MockYaraTarget() override;
  MOCK_METHOD(Result<void>, scan,
              (const std::function<Result<void>(std::string_view rule)>& on_match), (override));
};

}  // namespace gfsd::mocks
