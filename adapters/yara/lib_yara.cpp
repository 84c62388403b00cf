#include "adapters/yara/lib_yara.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <yara.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "adapters/posix/lazy_library.hpp"
#include "adapters/yara/rules_file.hpp"

namespace gfsd::adapters {

namespace {

#define YARA_FUNCTIONS(X) \
  X(yr_compiler_add_file) \
  X(yr_compiler_create) \
  X(yr_compiler_destroy) \
  X(yr_compiler_get_rules) \
  X(yr_compiler_set_callback) \
  X(yr_finalize) \
  X(yr_initialize) \
  X(yr_rules_destroy) \
  X(yr_rules_load) \
  X(yr_rules_scan_fd)

// Loaded on first use: library().get() before the first call, then lib().
GFSD_LAZY_API(YaraApi, YARA_FUNCTIONS, "libyara.so.9")

using ports::YaraLoadOutcome;
using ports::YaraLoadStatus;

YaraLoadOutcome outcome(YaraLoadStatus status, int code = 0) {
  YaraLoadOutcome o;
  o.status = status;
  o.code = code;
  return o;
}

void note_compiler_message(int level, const char*, int line, const YR_RULE*, const char* message,
                           void* user_data) {
  auto* messages = static_cast<std::vector<ports::YaraCompilerMessage>*>(user_data);
  messages->push_back({level == YARA_ERROR_LEVEL_ERROR, line, message ? message : ""});
}

struct CompilerCloser {
  void operator()(YR_COMPILER* c) const { lib().yr_compiler_destroy(c); }
};

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};

// Opens a name that has no symlinks in it (resolved_host_path made it so)
// without following one that a guest process puts there meanwhile: the
// kernel refuses any symlink on the way (openat2), or, on a kernel without
// openat2, at least in the last component.
int open_without_symlinks(const std::string& path) {
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  const long fd = ::syscall(SYS_openat2, AT_FDCWD, path.c_str(), &how, sizeof how);
  if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
  return ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
}

// What the scan callback needs: the caller's function and its first error.
struct ScanState {
  const std::function<Result<void>(std::string_view)>* on_match;
  Result<void> failure;
};

int on_scan_message(YR_SCAN_CONTEXT*, int message, void* message_data, void* user_data) {
  if (message != CALLBACK_MSG_RULE_MATCHING) return CALLBACK_CONTINUE;
  auto* state = static_cast<ScanState*>(user_data);
  const auto* rule = static_cast<const YR_RULE*>(message_data);
  auto r = (*state->on_match)(rule->identifier);
  if (r) return CALLBACK_CONTINUE;
  state->failure = std::move(r);
  return CALLBACK_ERROR;
}

class FdTarget final : public ports::YaraTarget {
 public:
  FdTarget(int fd, YR_RULES* rules) : fd_(fd), rules_(rules) {}
  ~FdTarget() override { ::close(fd_); }
  FdTarget(const FdTarget&) = delete;
  FdTarget& operator=(const FdTarget&) = delete;

  Result<void> scan(const std::function<Result<void>(std::string_view)>& on_match) override {
    if (rules_ == nullptr) return fail("no yara rules loaded");
    ScanState state{&on_match, {}};
    // No flags and no timeout, as the original scans.
    const int r = lib().yr_rules_scan_fd(rules_, fd_, 0, on_scan_message, &state, 0);
    if (!state.failure) return state.failure;
    if (r != ERROR_SUCCESS) return fail("yr_rules_scan_fd: error " + std::to_string(r));
    return {};
  }

 private:
  int fd_;
  YR_RULES* rules_;
};

}  // namespace

LibYara::~LibYara() {
  if (!initialized_) return;
  destroy();
  lib().yr_finalize();
}

bool LibYara::available() { return library().get().has_value(); }

Result<std::unique_ptr<ports::YaraRulesFile>> LibYara::create_rules_file() {
  auto file = HostRulesFile::create();
  if (!file) return forward(file.error());
  return std::unique_ptr<ports::YaraRulesFile>(std::move(*file));
}

ports::YaraLoadOutcome LibYara::load(const ports::YaraRulesFile& rules) {
  if (!library().get()) return outcome(YaraLoadStatus::InitializeFailed);
  if (!initialized_) {
    if (lib().yr_initialize() != ERROR_SUCCESS) return outcome(YaraLoadStatus::InitializeFailed);
    initialized_ = true;
  }
  destroy();
  // Compiled rules (yarac's) first; anything else is taken as source.
  YR_RULES* loaded = nullptr;
  const int r = lib().yr_rules_load(rules.path().c_str(), &loaded);
  if (r == ERROR_SUCCESS) {
    rules_ = loaded;
    return outcome(YaraLoadStatus::Loaded);
  }
  if (r != ERROR_INVALID_FILE) return outcome(YaraLoadStatus::Rejected, r);
  return compile(rules.path());
}

ports::YaraLoadOutcome LibYara::compile(const std::string& path) {
  YaraLoadOutcome result;
  YR_COMPILER* raw = nullptr;
  if (lib().yr_compiler_create(&raw) != ERROR_SUCCESS)
    return outcome(YaraLoadStatus::CompilerFailed);
  const std::unique_ptr<YR_COMPILER, CompilerCloser> compiler(raw);
  lib().yr_compiler_set_callback(compiler.get(), note_compiler_message, &result.messages);

  const std::unique_ptr<FILE, FileCloser> source(std::fopen(path.c_str(), "re"));
  if (!source) {
    result.status = YaraLoadStatus::SourceUnreadable;
    return result;
  }
  // No namespace (the default one) and no file name, as the original compiles.
  const int errors = lib().yr_compiler_add_file(compiler.get(), source.get(), nullptr, nullptr);
  if (errors > 0) {
    result.status = YaraLoadStatus::CompileErrors;
    result.errors = errors;
    return result;
  }
  YR_RULES* built = nullptr;
  const int r = lib().yr_compiler_get_rules(compiler.get(), &built);
  if (r == ERROR_INSUFFICIENT_MEMORY) {
    result.status = YaraLoadStatus::OutOfMemory;
    return result;
  }
  if (r != ERROR_SUCCESS) {
    result.status = YaraLoadStatus::BuildFailed;
    result.code = r;
    return result;
  }
  rules_ = built;
  return result;
}

void LibYara::destroy() {
  if (rules_ == nullptr) return;
  lib().yr_rules_destroy(rules_);
  rules_ = nullptr;
}

Result<std::unique_ptr<ports::YaraTarget>> LibYara::open_target(const std::string& host_path) {
  const int fd = open_without_symlinks(host_path);
  if (fd < 0) return fail_with(errno, "");
  return std::unique_ptr<ports::YaraTarget>(new FdTarget(fd, rules_));
}

}  // namespace gfsd::adapters
