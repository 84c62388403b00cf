// The TCP console's token: random, written only for its owner, compared in
// full.
#include "adapters/grpc/console_token.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace gfsd::adapters {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream f(path);
  return {std::istreambuf_iterator<char>(f), {}};
}

class TokenDir : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gfsd-token-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST(ConsoleToken, IsSixtyFourHexDigitsAndDiffersEachTime) {
  auto a = generate_token();
  auto b = generate_token();
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(a->size(), 64u);
  for (const char c : *a) EXPECT_TRUE(std::isxdigit(static_cast<unsigned char>(c)) && !std::isupper(c));
  EXPECT_NE(*a, *b);
}

TEST(ConsoleToken, MatchesOnlyTheWholeToken) {
  const std::string t = "0123456789abcdef";
  EXPECT_TRUE(token_matches(t, t));
  EXPECT_FALSE(token_matches("", t));
  EXPECT_FALSE(token_matches(t.substr(0, 15), t));
  EXPECT_FALSE(token_matches(t + "0", t));
  EXPECT_FALSE(token_matches("1123456789abcdef", t));
  EXPECT_FALSE(token_matches("0123456789abcdee", t));
  EXPECT_FALSE(token_matches(std::string("0123456789abcdef\0", 17), t));
}

TEST_F(TokenDir, FileHasModeSixHundredAndReplacesWhatWasThere) {
  const std::string path = dir_ + "/console.token";
  const std::string elsewhere = dir_ + "/elsewhere";
  { std::ofstream(elsewhere) << "keep me"; }
  ASSERT_EQ(::symlink(elsewhere.c_str(), path.c_str()), 0);
  ASSERT_TRUE(write_token_file(path, "abc"));
  struct stat st {};
  ASSERT_EQ(::lstat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));  // the link was replaced, not written through
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(read_all(path), "abc\n");
  EXPECT_EQ(read_all(elsewhere), "keep me");
  // Only the token file and the planted target: no temporary left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 2);

  remove_token_file(path, "another daemon's");
  EXPECT_TRUE(std::filesystem::exists(path));
  remove_token_file(path, "abc");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(TokenDir, UnwritableDirectoryIsAnError) {
  auto r = write_token_file(dir_ + "/missing/console.token", "abc");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("cannot create the console token file"), std::string::npos);
}

TEST(ConsoleToken, DefaultFileIsInTheRuntimeDirOrRunForRoot) {
  const char* saved = std::getenv("XDG_RUNTIME_DIR");
  const std::string keep = saved ? saved : "";
  ::setenv("XDG_RUNTIME_DIR", "/run/user/1000", 1);
  EXPECT_EQ(default_token_file("50051").value_or(""), "/run/user/1000/guestfsd-console-50051.token");
  ::unsetenv("XDG_RUNTIME_DIR");
  auto fallback = default_token_file("7");
  if (::geteuid() == 0)
    EXPECT_EQ(fallback.value_or(""), "/run/guestfsd-console-7.token");
  else
    EXPECT_FALSE(fallback);
  if (saved) ::setenv("XDG_RUNTIME_DIR", keep.c_str(), 1);
}

}  // namespace
}  // namespace gfsd::adapters
