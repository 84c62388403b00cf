// ext2-style file attributes and generation numbers (lsattr / chattr), and
// mklost+found.
#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>

#include "domain/core/host_path.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

// lsattr / chattr on a guest path; errors "<tool>: <file>: <stderr>". A
// symlink is followed inside the guest (chattr -v opens the file).
Result<std::string> attr_tool(Ctx& ctx, const std::vector<std::string>& args,
                              const std::string& file) {
  std::vector<std::string> argv = args;
  argv.insert(argv.end(), {"--", file});
  ports::RunOptions opts;
  opts.guest_args = {{argv.size() - 1, ports::GuestArg::Last::Follow}};
  auto r = ctx.runner.run(argv, opts);
  if (!r) return fail(argv[0] + ": " + file + ": " + r.error().message);
  if (r->status != 0) return fail(argv[0] + ": " + file + ": " + r->err);
  return up_to_nul(std::move(r->out));
}

}  // namespace

// The attribute letters set, sorted ("-------------e-- name" -> "e").
Result<std::string> get_e2attrs(Ctx& ctx, const std::string& file) {
  auto out = attr_tool(ctx, {"lsattr", "-d"}, file);
  if (!out) return forward(out.error());
  std::string attrs;
  for (char c : out->substr(0, out->find(' ')))
    if (c != '-') attrs += c;
  std::sort(attrs.begin(), attrs.end());
  return attrs;
}

Result<void> set_e2attrs(Ctx& ctx, const std::string& file, const std::string& attrs,
                         const api::opt::set_e2attrs& opts) {
  std::string arg = opts.clear.value_or(false) ? "-" : "+";
  // "chattr - file" is not a thing: nothing to do.
  if (attrs.empty()) return {};
  bool seen[128] = {};
  for (char c : attrs.substr(0, attrs.find('\0'))) {
    // chattr keeps these letters for its own options.
    if (c == 'R' || c == 'V' || c == 'f' || c == 'v')
      return fail(std::string("bad file attribute '") + c + "'");
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) return fail(std::string("unknown file attribute '") + c + "'");
    if (seen[static_cast<unsigned char>(c)])
      return fail(std::string("duplicate file attribute '") + c + "'");
    seen[static_cast<unsigned char>(c)] = true;
    arg += c;
  }
  auto r = attr_tool(ctx, {"chattr", arg}, file);
  if (!r) return forward(r.error());
  return {};
}

Result<int64_t> get_e2generation(Ctx& ctx, const std::string& file) {
  auto out = attr_tool(ctx, {"lsattr", "-dv"}, file);
  if (!out) return forward(out.error());
  int64_t gen = 0;
  if (std::sscanf(out->c_str(), "%" SCNi64, &gen) != 1)
    return fail("cannot parse output from 'lsattr' command: " + *out);
  if (gen < 0) return fail("unexpected negative number from 'lsattr' command: " + *out);
  return gen;
}

Result<void> set_e2generation(Ctx& ctx, const std::string& file, int64_t generation) {
  auto r = attr_tool(ctx, {"chattr", "-v", std::to_string(static_cast<uint64_t>(generation))},
                     file);
  if (!r) return forward(r.error());
  return {};
}

namespace {

// The original's shell quoting: a backslash before anything but [A-Za-z0-9/._-].
std::string backslash_quoted(const std::string& s) {
  std::string q;
  for (char c : s) {
    const bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' ||
                      c == '_' || c == '.';
    if (!safe) q += '\\';
    q += c;
  }
  return q;
}

}  // namespace

// Run in the directory resolved inside the guest; the message names the
// command the original ran through the shell.
Result<void> mklost_and_found(Ctx& ctx, const std::string& mountpoint) {
  const std::string cmd =
      "cd " + host_name_for_message(ctx, backslash_quoted(mountpoint)) + " && mklost+found";
  ports::RunOptions opts;
  opts.guest_cwd = mountpoint;
  auto r = ctx.runner.run({"mklost+found"}, opts);
  // Either way the shell's "cd" or mklost+found itself would have failed.
  if (!r || r->status != 0) return fail(cmd + ": command failed");
  return {};
}

}  // namespace gfsd::domain
