// Bytes as a one-line, unambiguous text for comparing replies side by side:
// in double quotes, with quotes and backslashes escaped and every other byte
// outside printable ASCII as \xNN.
#pragma once

#include <cstdio>
#include <string>

namespace gfsd::test {

inline std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += static_cast<char>(ch);
    } else if (ch < 0x20 || ch >= 0x7f) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", ch);
      out += b;
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out + "\"";
}

}  // namespace gfsd::test
