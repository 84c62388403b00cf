// The assembled md arrays: /sys/block/mdN entries with an md/ directory.
#include <algorithm>
#include <cctype>

#include "domain/devices/partition_names.hpp"
#include "domain/md/md_actions.hpp"

namespace gfsd::domain {

namespace {

bool is_md_name(const std::string& name) {
  return name.size() > 2 && name.compare(0, 2, "md") == 0 &&
         std::all_of(name.begin() + 2, name.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// The kernel makes /dev/mdN nodes that hold no array (opening one creates
// it); the original asked the array for its info and skipped those that
// answered ENODEV. sysfs tells the same: such an array's state is "clear".
bool is_assembled(Ctx& ctx, const std::string& name) {
  auto state = ctx.devices.open("/sys/block/" + name + "/md/array_state", ports::OpenFor::Read);
  if (!state) return true;  // as the original when it could not ask
  char buf[16] = {};
  auto n = (*state)->read(buf, sizeof buf - 1);
  (void)(*state)->close();
  return !(n && std::string(buf, *n).rfind("clear", 0) == 0);
}

}  // namespace

Result<std::vector<std::string>> list_md_devices(Ctx& ctx) {
  auto block = ctx.devices.list_dir("/sys/block");
  // The original read the directory with OCaml's Sys.readdir: no errno.
  if (!block) return fail(block.error().message);
  std::vector<std::string> out;
  for (const auto& name : *block) {
    if (!is_md_name(name)) continue;
    if (!ctx.devices.list_dir("/sys/block/" + name + "/md")) continue;
    if (!is_assembled(ctx, name)) continue;
    out.push_back("/dev/" + name);
  }
  sort_device_names(out);
  return out;
}

}  // namespace gfsd::domain
