// grep(1) and zgrep(1) on a guest file (register_grep puts these in the
// table). grep takes its flags as optional arguments; the eleven deprecated
// names are grep with fixed flags.
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// The flags of one grep call.
struct GrepFlags {
  bool extended = false;     // -E
  bool fixed = false;        // -F
  bool insensitive = false;  // -i
  bool compressed = false;   // zgrep instead of grep
};

// grep.cpp: the one implementation, and the action with its optional arguments.
Result<std::vector<std::string>> grep_with(Ctx& ctx, const std::string& regex,
                                           const std::string& path, const GrepFlags& flags);
Result<std::vector<std::string>> grep(Ctx& ctx, const std::string& regex, const std::string& path,
                                      const api::opt::grep& opts);

// grep_aliases.cpp
Result<std::vector<std::string>> egrep(Ctx& ctx, const std::string& regex, const std::string& path);
Result<std::vector<std::string>> fgrep(Ctx& ctx, const std::string& regex, const std::string& path);
Result<std::vector<std::string>> grepi(Ctx& ctx, const std::string& regex, const std::string& path);
Result<std::vector<std::string>> egrepi(Ctx& ctx, const std::string& regex,
                                        const std::string& path);
Result<std::vector<std::string>> fgrepi(Ctx& ctx, const std::string& regex,
                                        const std::string& path);
Result<std::vector<std::string>> zgrep(Ctx& ctx, const std::string& regex, const std::string& path);
Result<std::vector<std::string>> zegrep(Ctx& ctx, const std::string& regex,
                                        const std::string& path);
Result<std::vector<std::string>> zfgrep(Ctx& ctx, const std::string& regex,
                                        const std::string& path);
Result<std::vector<std::string>> zgrepi(Ctx& ctx, const std::string& regex,
                                        const std::string& path);
Result<std::vector<std::string>> zegrepi(Ctx& ctx, const std::string& regex,
                                         const std::string& path);
Result<std::vector<std::string>> zfgrepi(Ctx& ctx, const std::string& regex,
                                         const std::string& path);

}  // namespace gfsd::domain
