// LibYara against the real libyara of the build host: the rules file's life,
// source and compiled rules, compile errors, and what a scan reports.
#include "adapters/yara/lib_yara.hpp"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yara.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gfsd::adapters {
namespace {

using ports::YaraLoadStatus;
using testing::ElementsAre;

bool host_exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

class LibYaraTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!yara_.available()) GTEST_SKIP() << "libyara.so.9 is not installed";
    char tmpl[] = "/tmp/lib_yara_test.XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    if (!dir_.empty()) std::system(("rm -rf '" + dir_ + "'").c_str());
  }

  // Loads `content` the way yara_load does: written to a rules file, closed.
  ports::YaraLoadOutcome load(const std::string& content) {
    auto file = yara_.create_rules_file();
    EXPECT_TRUE(file);
    if (!file) return {};
    EXPECT_TRUE((*file)->write(content.data(), content.size()));
    EXPECT_TRUE((*file)->close());
    return yara_.load(**file);
  }

  std::string host_file(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::vector<std::string> scan(const std::string& path) {
    std::vector<std::string> rules;
    auto target = yara_.open_target(path);
    EXPECT_TRUE(target) << path;
    if (!target) return rules;
    auto r = (*target)->scan([&](std::string_view rule) -> Result<void> {
      rules.emplace_back(rule);
      return {};
    });
    EXPECT_TRUE(r) << r.error().message;
    return rules;
  }

  LibYara yara_;
  std::string dir_;
};

// 200 bytes, then the text TestRule looks for (built by append: GCC 12
// warns falsely about string(n, c) + "literal").
std::string big_text() {
  std::string s(200, 'x');
  s.append("some text");
  return s;
}

constexpr const char* kTwoRules =
    "rule TestRule { strings: $a = \"some text\" condition: $a }\n"
    "rule Other { condition: filesize > 100 }\n";

TEST_F(LibYaraTest, TheRulesFileIsPrivateInTmpAndRemovedWhenItGoes) {
  std::string path;
  {
    auto file = yara_.create_rules_file();
    ASSERT_TRUE(file);
    path = (*file)->path();
    EXPECT_EQ(path.rfind("/tmp/yara", 0), 0u);
    EXPECT_EQ(path.size(), std::string("/tmp/yaraXXXXXX").size());
    struct stat st;
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
  }
  EXPECT_FALSE(host_exists(path));
}

TEST_F(LibYaraTest, SourceRulesAreCompiledAndMatch) {
  EXPECT_FALSE(yara_.loaded());
  auto o = load(kTwoRules);
  EXPECT_EQ(o.status, YaraLoadStatus::Loaded);
  EXPECT_TRUE(yara_.loaded());
  EXPECT_THAT(scan(host_file("text.txt", "some text")), ElementsAre("TestRule"));
  EXPECT_THAT(scan(host_file("big", big_text())),
              ElementsAre("TestRule", "Other"));
  EXPECT_THAT(scan(host_file("empty", "")), ElementsAre());
}

TEST_F(LibYaraTest, CompileErrorsAreCountedWithTheirLines) {
  ASSERT_EQ(load(kTwoRules).status, YaraLoadStatus::Loaded);
  auto o = load("rule Good { condition: true }\nrule Bad { condition: $nope }\n");
  EXPECT_EQ(o.status, YaraLoadStatus::CompileErrors);
  EXPECT_EQ(o.errors, 1);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_TRUE(o.messages[0].error);
  EXPECT_EQ(o.messages[0].line, 2);
  EXPECT_EQ(o.messages[0].text, "undefined string \"$nope\"");
  // The rules loaded before were dropped first, as the original drops them.
  EXPECT_FALSE(yara_.loaded());
}

TEST_F(LibYaraTest, AnEmptyFileIsAnEmptySetOfRules) {
  EXPECT_EQ(load("").status, YaraLoadStatus::Loaded);
  EXPECT_TRUE(yara_.loaded());
  EXPECT_THAT(scan(host_file("f", "some text")), ElementsAre());
}

TEST_F(LibYaraTest, CompiledRulesAreLoadedAsThey) {
  // yarac's output, made with libyara itself.
  void* lib = ::dlopen("libyara.so.9", RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(lib, nullptr);
  auto init = reinterpret_cast<decltype(&yr_initialize)>(::dlsym(lib, "yr_initialize"));
  auto fini = reinterpret_cast<decltype(&yr_finalize)>(::dlsym(lib, "yr_finalize"));
  auto create = reinterpret_cast<decltype(&yr_compiler_create)>(::dlsym(lib, "yr_compiler_create"));
  auto add = reinterpret_cast<decltype(&yr_compiler_add_string)>(::dlsym(lib, "yr_compiler_add_string"));
  auto get = reinterpret_cast<decltype(&yr_compiler_get_rules)>(::dlsym(lib, "yr_compiler_get_rules"));
  auto save = reinterpret_cast<decltype(&yr_rules_save)>(::dlsym(lib, "yr_rules_save"));
  auto drop = reinterpret_cast<decltype(&yr_rules_destroy)>(::dlsym(lib, "yr_rules_destroy"));
  auto done = reinterpret_cast<decltype(&yr_compiler_destroy)>(::dlsym(lib, "yr_compiler_destroy"));
  ASSERT_EQ(init(), ERROR_SUCCESS);
  YR_COMPILER* c = nullptr;
  ASSERT_EQ(create(&c), ERROR_SUCCESS);
  ASSERT_EQ(add(c, kTwoRules, "ns1"), 0);
  YR_RULES* rules = nullptr;
  ASSERT_EQ(get(c, &rules), ERROR_SUCCESS);
  const std::string compiled_path = dir_ + "/rules.yarc";
  ASSERT_EQ(save(rules, compiled_path.c_str()), ERROR_SUCCESS);
  drop(rules);
  done(c);
  fini();
  ::dlclose(lib);

  std::ifstream in(compiled_path, std::ios::binary);
  const std::string compiled((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(compiled.rfind("YARA", 0), 0u);
  EXPECT_EQ(load(compiled).status, YaraLoadStatus::Loaded);
  EXPECT_THAT(scan(host_file("text.txt", "some text")), ElementsAre("TestRule"));

  // A compiled file libyara cannot take (cut short) is refused, not compiled as source.
  auto cut = load(compiled.substr(0, compiled.size() / 2));
  EXPECT_EQ(cut.status, YaraLoadStatus::Rejected);
  EXPECT_EQ(cut.code, ERROR_CORRUPT_FILE);
  EXPECT_FALSE(yara_.loaded());
}

TEST_F(LibYaraTest, AnotherVersionsCompiledRulesAreRejected) {
  const std::string header = std::string("YARA") + std::string(4, '\x7f') + std::string(64, '\0');
  auto o = load(header);
  EXPECT_EQ(o.status, YaraLoadStatus::Rejected);
  EXPECT_EQ(o.code, ERROR_UNSUPPORTED_FILE_VERSION);
}

TEST_F(LibYaraTest, OpeningFollowsNoSymlinkAndReportsErrno) {
  ASSERT_EQ(load(kTwoRules).status, YaraLoadStatus::Loaded);
  const std::string real = host_file("real", "some text");
  ASSERT_EQ(::symlink(real.c_str(), (dir_ + "/link").c_str()), 0);
  ASSERT_EQ(::symlink(dir_.c_str(), (dir_ + "/dirlink").c_str()), 0);
  auto via_link = yara_.open_target(dir_ + "/link");
  ASSERT_FALSE(via_link);
  EXPECT_EQ(via_link.error().errnum, ELOOP);
  auto via_dir_link = yara_.open_target(dir_ + "/dirlink/real");
  ASSERT_FALSE(via_dir_link);
  EXPECT_EQ(via_dir_link.error().errnum, ELOOP);
  auto missing = yara_.open_target(dir_ + "/missing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errnum, ENOENT);
}

TEST_F(LibYaraTest, ScanningADirectoryFails) {
  ASSERT_EQ(load(kTwoRules).status, YaraLoadStatus::Loaded);
  auto target = yara_.open_target(dir_);
  ASSERT_TRUE(target);
  auto r = (*target)->scan([](std::string_view) -> Result<void> { return {}; });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "yr_rules_scan_fd: error 3");  // ERROR_COULD_NOT_OPEN_FILE
}

TEST_F(LibYaraTest, AnErrorFromTheCallbackStopsTheScan) {
  ASSERT_EQ(load(kTwoRules).status, YaraLoadStatus::Loaded);
  auto target = yara_.open_target(host_file("big", big_text()));
  ASSERT_TRUE(target);
  int calls = 0;
  auto r = (*target)->scan([&](std::string_view) -> Result<void> {
    ++calls;
    return fail_with(ECANCELED, "file transfer cancelled");
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ECANCELED);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace gfsd::adapters
