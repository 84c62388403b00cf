// InspectDeps over the daemon's own actions and helpers.
#include <cctype>
#include <cerrno>

#include "domain/core/arg_checks.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/devices/device_actions.hpp"
#include "domain/fs/fs_actions.hpp"
#include "domain/inspect/inspect_deps.hpp"
#include "domain/inspect/text_parsing.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/mount/mount_helpers.hpp"
#include "domain/mount/mount_ops.hpp"
#include "domain/partitions/partition_actions.hpp"

namespace gfsd::domain::inspect {

namespace {

class DaemonDeps final : public InspectDeps {
 public:
  explicit DaemonDeps(Ctx& ctx) : ctx_(ctx) {}

  Result<std::vector<std::pair<api::Mountable, std::string>>> list_filesystems() override {
    auto listed = domain::list_filesystems(ctx_);
    if (!listed) return forward(listed.error());
    std::vector<std::pair<api::Mountable, std::string>> out;
    for (const auto& [name, type] : *listed) {
      api::Mountable m;
      // The names are the appliance's own: parsing them resolves btrfsvol: forms.
      auto parsed = check_mountable(ctx_, "inspect_os", name, m);
      if (!parsed) return forward(parsed.error());
      out.emplace_back(std::move(m), type);
    }
    return out;
  }

  Result<void> mount_root(const std::string& options, const std::string& vfstype,
                          const api::Mountable& mountable) override {
    return mount_mountable(ctx_, options, vfstype, mountable, "/");
  }

  Result<void> umount_all() override { return domain::umount_all(ctx_); }

  Result<std::vector<std::string>> list_devices() override { return domain::list_devices(ctx_); }

  Result<std::vector<std::string>> list_partitions() override {
    return domain::list_partitions(ctx_);
  }

  Result<std::string> findfs(const std::string& tag, const std::string& value) override {
    // blkid's cache could name a device that changed since: start afresh.
    (void)ctx_.runner.run({"rm", "-f", "/etc/blkid/blkid.tab", "/run/blkid/blkid.tab"});
    auto out = run_or_fail_exit_status(ctx_, {"findfs", tag + "=" + value});
    if (!out) return forward(out.error());
    std::string dev = trim(*out);
    if (!starts_with(dev, "/dev/mapper/") && !starts_with(dev, "/dev/dm-")) return dev;
    auto lv = lv_canonical(dev);
    if (!lv) return forward(lv.error());
    return lv->value_or(dev);
  }

  Result<std::optional<std::string>> lv_canonical(const std::string& device) override {
    auto lv = lvm_canonical_lv_name(ctx_, device);
    if (lv) return std::optional<std::string>(*lv);
    if (lv.error().errnum == EINVAL) return std::optional<std::string>();
    return forward(lv.error());
  }

  Result<std::string> part_get_parttype(const std::string& device) override {
    return domain::part_get_parttype(ctx_, device);
  }

  Result<std::vector<api::Partition>> part_list(const std::string& device) override {
    return domain::part_list(ctx_, device);
  }

  Result<std::string> part_get_gpt_guid(const std::string& device, int32_t partnum) override {
    return domain::part_get_gpt_guid(ctx_, device, partnum);
  }

  // md arrays are the md<N> entries of /sys/block.
  Result<std::vector<std::string>> list_md_devices() override {
    auto names = ctx_.devices.list_dir("/sys/block");
    if (!names) return fail(names.error().message);
    std::vector<std::string> out;
    for (const auto& n : *names)
      if (n.size() >= 3 && starts_with(n, "md") && std::isdigit(static_cast<unsigned char>(n[2])))
        out.push_back("/dev/" + n);
    return out;
  }

  // MD_UUID of `mdadm -D --export`.
  Result<std::optional<std::string>> md_uuid(const std::string& md) override {
    auto out = run_or_fail_exit_status(ctx_, {"mdadm", "-D", "--export", md});
    if (!out) return forward(out.error());
    for (const auto& line : split_lines(*out))
      if (starts_with(line, "MD_UUID=")) return std::optional<std::string>(line.substr(8));
    return std::optional<std::string>();
  }

 private:
  Ctx& ctx_;
};

}  // namespace

std::unique_ptr<InspectDeps> make_inspect_deps(Ctx& ctx) { return std::make_unique<DaemonDeps>(ctx); }

}  // namespace gfsd::domain::inspect
