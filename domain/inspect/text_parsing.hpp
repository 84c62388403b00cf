// Small text helpers inspection shares: splitting, unquoting, versions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/inspect/inspect_types.hpp"

namespace gfsd::domain::inspect {

// The text before the first '\n' (all of it if there is none).
std::string first_line(const std::string& content);

// Strips one pair of matching outer quotes, '...' or "...", and nothing else.
std::string simple_unquote(const std::string& s);

// Shell-style unquoting of a configuration value: '...' verbatim; "..." with
// the backslash escapes of \$ \` \" \\ and \<newline> undone; else unchanged.
std::string shell_unquote(const std::string& s);

// KEY=VALUE lines: empty lines and lines starting with '#' skipped, split at
// the first '=' (no '=': the value is ""), value passed through unquote.
std::vector<std::pair<std::string, std::string>> parse_key_value_strings(
    const std::vector<std::string>& lines, std::string (*unquote)(const std::string&));

// "///usr//local//" -> "/usr/local"; relative paths stay relative.
std::string unix_canonical_path(const std::string& path);

// The first "N.M" in s, else the first "N" (as N.0); nullopt if no number.
std::optional<Version> parse_major_minor(const std::string& s);

// A decimal number (a regex group of digits) that fits an int, read by
// whole_integer (domain/core/text.hpp); nullopt otherwise.
std::optional<int> parse_int(const std::string& digits);

bool starts_with(const std::string& s, const std::string& prefix);
bool contains(const std::string& s, const std::string& part);
std::string lowercase(std::string s);

}  // namespace gfsd::domain::inspect
