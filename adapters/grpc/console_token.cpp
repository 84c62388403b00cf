#include "adapters/grpc/console_token.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>

#include <cerrno>
#include <fstream>
#include <iterator>

namespace gfsd::adapters {

namespace {

constexpr size_t kTokenBytes = 32;

Result<void> write_all(int fd, const std::string& data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail_errno(errno, "write: " + path);
    done += static_cast<size_t>(n);
  }
  return {};
}

}  // namespace

Result<std::string> generate_token() {
  unsigned char bytes[kTokenBytes];
  size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail_errno(errno, "getrandom");
    got += static_cast<size_t>(n);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (const unsigned char b : bytes) {
    token += kHex[b >> 4];
    token += kHex[b & 0xf];
  }
  return token;
}

Result<void> write_token_file(const std::string& path, const std::string& token) {
  std::string temp = path + ".XXXXXX";
  // mkostemp creates the file with mode 0600, exclusively: nothing planted
  // under the temporary name can be opened instead.
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return fail_errno(errno, "cannot create the console token file " + path);
  auto written = write_all(fd, token + "\n", temp);
  if (written && ::fchmod(fd, 0600) < 0) written = fail_errno(errno, "chmod: " + temp);
  if (::close(fd) < 0 && written) written = fail_errno(errno, "close: " + temp);
  if (written && ::rename(temp.c_str(), path.c_str()) < 0)
    written = fail_errno(errno, "cannot create the console token file " + path);
  if (!written) ::unlink(temp.c_str());
  return written;
}

void remove_token_file(const std::string& path, const std::string& token) {
  std::ifstream f(path);
  const std::string content{std::istreambuf_iterator<char>(f), {}};
  if (content == token + "\n") ::unlink(path.c_str());
}

bool token_matches(std::string_view presented, std::string_view expected) {
  unsigned diff = presented.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i) {
    const char p = i < presented.size() ? presented[i] : '\0';
    diff |= static_cast<unsigned char>(p ^ expected[i]);
  }
  return diff == 0;
}

}  // namespace gfsd::adapters
