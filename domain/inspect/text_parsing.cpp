#include "domain/inspect/text_parsing.hpp"

#include <limits>
#include <regex>

#include "domain/core/text.hpp"

namespace gfsd::domain::inspect {

std::string first_line(const std::string& content) { return content.substr(0, content.find('\n')); }

std::string simple_unquote(const std::string& s) {
  const size_t n = s.size();
  if (n >= 2 && ((s[0] == '"' && s[n - 1] == '"') || (s[0] == '\'' && s[n - 1] == '\'')))
    return s.substr(1, n - 2);
  return s;
}

std::string shell_unquote(const std::string& s) {
  const size_t n = s.size();
  if (n < 2) return s;
  if (s[0] == '\'' && s[n - 1] == '\'') return s.substr(1, n - 2);
  if (s[0] != '"' || s[n - 1] != '"') return s;
  std::string out;
  for (size_t i = 1; i < n - 1; ++i) {
    // A backslash right before the closing quote stays as it is.
    if (i < n - 2 && s[i] == '\\') {
      const char next = s[i + 1];
      if (next == '$' || next == '`' || next == '"' || next == '\\' || next == '\n') ++i;
    }
    out += s[i];
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_key_value_strings(
    const std::vector<std::string>& lines, std::string (*unquote)(const std::string&)) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    const size_t eq = line.find('=');
    std::string key = eq == std::string::npos ? line : line.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : line.substr(eq + 1);
    out.emplace_back(std::move(key), unquote ? unquote(value) : value);
  }
  return out;
}

std::string unix_canonical_path(const std::string& path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    const size_t slash = path.find('/', i);
    const size_t end = slash == std::string::npos ? path.size() : slash;
    if (end > i) {
      if (!out.empty()) out += '/';
      out += path.substr(i, end - i);
    }
    i = end + 1;
  }
  return (!path.empty() && path[0] == '/' ? "/" : "") + out;
}

std::optional<int> parse_int(const std::string& digits) {
  const auto v = whole_integer(digits, 10, 0, std::numeric_limits<int>::max());
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<Version> parse_major_minor(const std::string& s) {
  static const std::regex major_minor(R"((\d+)\.(\d+))");
  static const std::regex major_only(R"((\d+))");
  std::smatch m;
  if (std::regex_search(s, m, major_minor)) {
    auto major = parse_int(m[1].str());
    auto minor = parse_int(m[2].str());
    if (major && minor) return Version{*major, *minor};
    return std::nullopt;
  }
  if (std::regex_search(s, m, major_only)) {
    auto major = parse_int(m[1].str());
    if (major) return Version{*major, 0};
  }
  return std::nullopt;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::string lowercase(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace gfsd::domain::inspect
