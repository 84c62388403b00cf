// The secret a TCP console asks of every call. A TCP port is open to every
// local user, so the daemon makes a random token, writes it to a file only
// its own user can read, and serves only calls that carry it as metadata
// ("authorization: Bearer <token>"). Unix sockets need none: their peer's
// uid is checked instead (unix_acceptor.hpp).
//
// Header-only parts (the metadata's name, the default file) are shared with
// the console client.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "ports/result.hpp"

namespace gfsd::adapters {

inline constexpr const char* kTokenMetadata = "authorization";
inline constexpr std::string_view kTokenScheme = "Bearer ";

// Where a TCP console on `port` writes its token unless told otherwise:
// $XDG_RUNTIME_DIR (a directory only its user can enter) or, for root, /run.
// The port in the name lets daemons on different ports live side by side,
// and lets the client find the file from the address alone.
inline Result<std::string> default_token_file(const std::string& port) {
  const std::string name = "guestfsd-console-" + port + ".token";
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (runtime && runtime[0] == '/') return std::string(runtime) + "/" + name;
  if (::geteuid() == 0) return "/run/" + name;
  return fail("no place for the console token: set XDG_RUNTIME_DIR or give a token file");
}

// 32 random bytes from getrandom(2), as 64 hex digits.
Result<std::string> generate_token();

// Writes token to path with mode 0600: into a new file beside it, renamed
// over path, so a link or file planted at path is replaced, never written through.
Result<void> write_token_file(const std::string& path, const std::string& token);

// Removes path if it still holds token (another daemon may have replaced it).
void remove_token_file(const std::string& path, const std::string& token);

// Compares in time that depends only on expected's length.
bool token_matches(std::string_view presented, std::string_view expected);

}  // namespace gfsd::adapters
