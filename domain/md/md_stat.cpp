// md_stat: the member devices of an array, from its line in /proc/mdstat:
//   md0 : active raid1 sdb1[0] sdc1[1](F)
// Each word "<dev>[<index>]<flags>" is a member: /dev/<dev>, the index, and
// the letters of the flags ("F" faulty, "S" spare, ...); other words are not.
#include <cctype>

#include "domain/core/text.hpp"
#include "domain/md/md_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr const char* kMdstat = "/proc/mdstat";

// /proc/mdstat as far as it can be read (the original read it line by line
// and took a read error for its end).
Result<std::string> read_mdstat(Ctx& ctx) {
  auto file = ctx.devices.open(kMdstat, ports::OpenFor::Read);
  if (!file) return fail_errno(file.error().errnum, std::string("fopen: ") + kMdstat);
  std::string text;
  char buf[8192];
  for (;;) {
    auto n = (*file)->read(buf, sizeof buf);
    if (!n || *n == 0) break;
    text.append(buf, *n);
  }
  (void)(*file)->close();
  return text;
}

Result<void> add_member(Ctx& ctx, const std::string& word, std::vector<api::Mdstat>& out) {
  ctx.log.debug("mdstat: " + word);
  const size_t open = word.find('[');
  const size_t close = word.find(']');
  if (open == std::string::npos || close == std::string::npos || open > close) return {};
  if (open == 0) return fail("device entry is too short: " + word);
  const std::string number = word.substr(open + 1, close - open - 1);
  auto index = leading_integer(number, 0);  // sscanf's %i
  if (!index) return fail("not a device number: " + number);
  api::Mdstat m;
  m.mdstat_device = "/dev/" + word.substr(0, open);
  m.mdstat_index = static_cast<int32_t>(*index);
  for (size_t i = close + 1; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) m.mdstat_flags += word[i];
  }
  out.push_back(std::move(m));
  return {};
}

// The words after "<md> : ", split at single spaces as the original did (its
// line kept the final '\n', which a flag-less last word then ends with).
Result<std::vector<api::Mdstat>> parse_members(Ctx& ctx, const std::string& rest) {
  std::vector<api::Mdstat> out;
  size_t pos = 0;
  while (pos < rest.size()) {
    const size_t space = rest.find(' ', pos);
    const size_t end = space == std::string::npos ? rest.size() : space;
    GFSD_TRY(add_member(ctx, rest.substr(pos, end - pos), out));
    pos = space == std::string::npos ? end : end + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<api::Mdstat>> md_stat(Ctx& ctx, const std::string& md) {
  const std::string name = md.rfind("/dev/", 0) == 0 ? md.substr(5) : md;
  auto text = read_mdstat(ctx);
  if (!text) return forward(text.error());
  const std::string head = name + " : ";
  size_t pos = 0;
  while (pos < text->size()) {
    const size_t nl = text->find('\n', pos);
    const size_t end = nl == std::string::npos ? text->size() : nl + 1;  // '\n' kept
    // The original compared C strings: a NUL ends the line for it.
    const std::string line = up_to_nul(text->substr(pos, end - pos));
    if (line.rfind(head, 0) == 0) return parse_members(ctx, line.substr(head.size()));
    pos = end;
  }
  return fail(name + ": MD device not found");
}

}  // namespace gfsd::domain
