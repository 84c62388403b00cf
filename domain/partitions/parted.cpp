#include "domain/partitions/parted.hpp"

#include <cerrno>
#include <cstdio>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {

namespace {

constexpr const char* kUnrecognised = "unrecognised disk label";

std::vector<std::string> print_argv(const std::string& device) {
  return {"parted", "-m", "-s", "--", device, "unit", "b", "print"};
}

}  // namespace

std::string parted_label_type(const std::string& t) {
  static const char* const kKnown[] = {"aix", "amiga", "bsd", "dasd", "dvh",
                                       "gpt", "mac",   "msdos", "pc98", "sun"};
  for (const char* k : kKnown)
    if (t == k) return t;
  if (t == "rdb") return "amiga";
  if (t == "efi") return "gpt";
  if (t == "mbr") return "msdos";
  return "";
}

Result<void> parted_change(Ctx& ctx, const std::string& device,
                           const std::vector<std::string>& args) {
  std::vector<std::string> argv{"parted", "-s", "--", device};
  argv.insert(argv.end(), args.begin(), args.end());
  ctx.devices.settle("");
  auto r = run_or_fail_stderr(ctx, argv, stdout_on_stderr());
  if (!r) return fail("parted: " + device + ": " + r.error().message);
  ctx.devices.settle("");
  return {};
}

Result<std::vector<std::string>> parted_print_lines(Ctx& ctx, const std::string& device) {
  ctx.devices.settle("");
  auto out = run_or_fail_stderr(ctx, print_argv(device));
  ctx.devices.settle("");
  if (!out) {
    const std::string& err = out.error().message;
    const int e = err.find(kUnrecognised) != std::string::npos ? EINVAL : 0;
    return fail_with(e, "parted print: " + device + ": " + err);
  }
  return split_lines(*out);
}

Result<PartedTable> parted_print_table(Ctx& ctx, const std::string& device) {
  ctx.devices.settle("");
  auto out = run_or_fail_exit_status(ctx, print_argv(device));
  if (!out) {
    const std::string& err = out.error().message;
    if (err.find(kUnrecognised) != std::string::npos)
      return fail_errno(EINVAL, "parted: " + device + ": " + err);
    return forward(out.error());
  }
  ctx.devices.settle("");
  auto lines = split_lines(trim(*out));
  if (lines.size() < 2) return fail("too few rows of output from 'parted print' command");
  if (lines[0] != "BYT;") return fail("did not see 'BYT;' magic value in 'parted print' command");
  PartedTable t;
  t.device_line = lines[1];
  t.partitions.assign(lines.begin() + 2, lines.end());
  return t;
}

Result<std::string> parted_find_row(const std::vector<std::string>& lines, int32_t partnum) {
  if (lines.empty() || lines[0] != "BYT;")
    return fail("unknown signature, expected \"BYT;\" as first line of the output: " +
                (lines.empty() ? std::string("(signature was null)") : lines[0]));
  if (lines.size() < 2) return fail("parted didn't return a line describing the device");
  for (size_t row = 2; row < lines.size(); ++row) {
    int pnum = 0;
    if (std::sscanf(lines[row].c_str(), "%d:", &pnum) != 1)
      return fail("could not parse row from output of parted print command: " + lines[row]);
    if (pnum == partnum) return lines[row];
  }
  return fail("partition number " + std::to_string(partnum) + " not found");
}

Result<std::string> parted_row_field(const std::string& row, int n) {
  size_t pos = 0;
  for (; pos < row.size() && n > 0; --n) {
    const size_t sep = row.find_first_of(":;", pos);
    pos = sep == std::string::npos ? row.size() + 1 : sep + 1;
  }
  if (n > 0) return fail("not enough fields in output of parted print command: " + row);
  if (pos >= row.size()) return std::string();
  const size_t end = row.find_first_of(":;", pos);
  return row.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

}  // namespace gfsd::domain
