// Shared by the gRPC console tests: finding the console a daemon started,
// and its token.
#pragma once

#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include "integration/daemon_process.hpp"

namespace gfsd::test {

inline constexpr const char* kConsoleListening = "gRPC console listening on ";

// The address the daemon says it serves the console on, once it says so;
// nullopt if it exits first or takes more than 20 s.
inline std::optional<std::string> wait_for_console(DaemonProcess& daemon) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const size_t skip = std::strlen(kConsoleListening);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string err = daemon.stderr_text();
    const auto at = err.find(kConsoleListening);
    const auto end = at == std::string::npos ? at : err.find('\n', at);
    if (end != std::string::npos) return err.substr(at + skip, end - at - skip);
    if (!daemon.running()) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream o;
  o << f.rdbuf();
  return o.str();
}

// The token in a token file, without its newline.
inline std::string token_in(const std::string& path) {
  std::string token = slurp(path);
  if (!token.empty() && token.back() == '\n') token.pop_back();
  return token;
}

}  // namespace gfsd::test
