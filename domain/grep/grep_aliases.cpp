// The deprecated grep names: each is grep with its flags fixed.
#include "domain/grep/grep_actions.hpp"

namespace gfsd::domain {

namespace {

using Lines = Result<std::vector<std::string>>;
using Str = std::string;

// Flags spelled out, so that every alias reads as its name says.
constexpr bool E = true, F = true, I = true, Z = true, no = false;

}  // namespace

Lines egrep(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {E, no, no, no}); }
Lines fgrep(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {no, F, no, no}); }
Lines grepi(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {no, no, I, no}); }
Lines egrepi(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {E, no, I, no}); }
Lines fgrepi(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {no, F, I, no}); }
Lines zgrep(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {no, no, no, Z}); }
Lines zegrep(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {E, no, no, Z}); }
Lines zfgrep(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {no, F, no, Z}); }
Lines zgrepi(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {no, no, I, Z}); }
Lines zegrepi(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {E, no, I, Z}); }
Lines zfgrepi(Ctx& c, const Str& re, const Str& p) { return grep_with(c, re, p, {no, F, I, Z}); }

}  // namespace gfsd::domain
