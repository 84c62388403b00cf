#include "domain/core/coreutils_quote.hpp"

#include <cstring>
#include <utility>

namespace gfsd::domain {

namespace {

// C escapes for the control characters that have one; 0 for the rest.
char letter_escape(unsigned char c) {
  switch (c) {
    case '\a': return 'a';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\v': return 'v';
    default: return 0;
  }
}

bool printable(unsigned char c) { return c >= 0x20 && c < 0x7f; }

// Characters that need no quoting anywhere in a shell word.
bool plain(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c != 0 && std::strchr("%+,-./]_@", c) != nullptr);
}

// Whether the character also reads the same inside C-style "..." quotes;
// coreutils prefers "..." for names whose only problem is a single quote.
bool double_quote_safe(const std::string& s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\'') return true;
  if (c == '#' || c == '~') return i == 0;
  if (c == '{' || c == '}') return s.size() == 1;
  if (c != 0 && std::strchr("!\"$&()*;<=>[^`|?\\", c) != nullptr) return false;
  return printable(c);
}

// Whether the character forces quotes in the "if needed" style.
bool needs_quotes(const std::string& s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ':') return true;  // coreutils quotes it for "name: message" clarity
  if (c == '#' || c == '~') return i == 0;
  if (c == '{' || c == '}') return s.size() == 1;
  if (plain(c)) return false;
  if (!printable(c)) return true;
  return std::strchr(" !\"$&'()*;<=>?[\\^`|", c) != nullptr;  // c != 0: printable
}

// One pass of the single-quote style. in_run: whether a $'...' run counts as
// open at the start; returns the text and whether one is open at the end.
std::pair<std::string, bool> single_quoted(const std::string& name, bool in_run) {
  std::string out = "'";
  for (unsigned char c : name) {
    if (c == '\'') {
      out += "'\\''";
      in_run = false;
      continue;
    }
    if (printable(c)) {
      if (in_run) out += "''";
      in_run = false;
      out += static_cast<char>(c);
      continue;
    }
    if (!in_run) out += "'$'";
    in_run = true;
    out += '\\';
    if (const char l = letter_escape(c)) {
      out += l;
    } else {
      out += static_cast<char>('0' + (c >> 6));
      out += static_cast<char>('0' + ((c >> 3) & 7));
      out += static_cast<char>('0' + (c & 7));
    }
  }
  return {out + "'", in_run};
}

}  // namespace

std::string coreutils_quote(const std::string& name) {
  bool has_quote = false, all_safe = true;
  for (size_t i = 0; i < name.size(); ++i) {
    has_quote |= name[i] == '\'';
    all_safe &= double_quote_safe(name, i);
  }
  if (!has_quote) return single_quoted(name, false).first;
  if (all_safe) return "\"" + name + "\"";
  // coreutils 9.1 scans such a name once to choose a style, then writes it in a
  // second pass that inherits the first one's open $'...' run: a name ending in
  // one gets a stray '' (or an unopened run) at its start.
  return single_quoted(name, single_quoted(name, false).second).first;
}

std::string coreutils_quote_if_needed(const std::string& name) {
  if (name.empty()) return coreutils_quote(name);
  for (size_t i = 0; i < name.size(); ++i)
    if (needs_quotes(name, i)) return coreutils_quote(name);
  return name;
}

}  // namespace gfsd::domain
