#include "domain/core/arg_checks.hpp"

#include <cctype>
#include <cerrno>

#include "domain/core/device_names.hpp"
#include "domain/core/sysroot_mounts.hpp"

namespace gfsd::domain {

namespace {

std::string stubmsg(const char* stub, const std::string& text) {
  return std::string(stub) + ": " + text;
}

bool root_mounted(Ctx& ctx) { return anything_mounted_in_sysroot(ctx); }

// Forward translation, then the open test with the sd -> vd/hd/ubd fallbacks.
Result<std::string> resolve(Ctx& ctx, const std::string& name) {
  std::string dev = translate_device_name(name, ctx.devices.disks_in_order());
  if (dev != name) ctx.log.debug("device name translated: " + name + " -> " + dev);
  auto ok = ctx.devices.probe(dev);
  if (ok) return dev;
  const int err = ok.error().errnum;
  if (err != ENXIO && err != ENOENT) return fail_with(err, "");
  for (const auto& alt : device_name_fallbacks(name))
    if (ctx.devices.probe(alt)) return alt;
  return fail_with(err, "");
}

}  // namespace

bool is_device_parameter(Ctx& ctx, const std::string& name) {
  ctx.devices.settle(name);
  if (name.rfind("/dev/", 0) != 0) return false;
  if (name.rfind("/dev/sd", 0) == 0) return true;  // so that translation can run
  switch (ctx.devices.kind(name)) {
    case ports::DeviceKind::Directory:
      return name.size() > 5;  // "lvremove /dev/VG" names a directory
    case ports::DeviceKind::Block:
      return true;
    default:
      return false;
  }
}

Result<void> check_pathname(Ctx&, const char* stub, const std::string& path) {
  if (path.empty() || path[0] != '/') return fail(stubmsg(stub, "path must start with a / character"));
  return {};
}

Result<void> check_root_mounted(Ctx& ctx, const char* stub) {
  if (!root_mounted(ctx))
    return fail(stubmsg(stub, "you must call 'mount' first to mount the root filesystem"));
  return {};
}

Result<void> check_device(Ctx& ctx, const char* stub, std::string& device) {
  auto dev = resolve(ctx, device);
  if (!dev) return fail_errno(dev.error().errnum, stubmsg(stub, device));
  if (!is_device_parameter(ctx, *dev))
    return fail(stubmsg(stub, device + ": expecting a device name"));
  device = std::move(*dev);
  return {};
}

Result<void> check_devices(Ctx& ctx, const char* stub, std::vector<std::string>& devices) {
  for (auto& d : devices) GFSD_TRY(check_device(ctx, stub, d));
  return {};
}

// "btrfsvol:/dev/sda2/sub/vol": the device is the longest /dev/... prefix that
// names a device that is neither a directory nor the appliance disk.
static Result<void> parse_btrfsvol(Ctx& ctx, const std::string& desc, api::Mountable& out) {
  if (desc.rfind("/dev/", 0) != 0) return fail("");
  std::string device;
  for (size_t slash = desc.find('/', 5); slash != std::string::npos;
       slash = desc.find('/', slash + 1)) {
    auto dev = resolve(ctx, desc.substr(0, slash));
    if (!dev) continue;
    device = *dev;
    const auto kind = ctx.devices.kind(device);
    if (kind == ports::DeviceKind::Missing) return fail("");
    if (kind != ports::DeviceKind::Directory && kind != ports::DeviceKind::RootDevice) {
      out.type = api::MountableType::Btrfsvol;
      out.device = device;
      out.volume = desc.substr(slash + 1);
      return {};
    }
  }
  return fail("");
}

Result<void> check_mountable(Ctx& ctx, const char* stub, const std::string& raw,
                             api::Mountable& out) {
  static const std::string prefix = "btrfsvol:";
  if (raw.rfind(prefix, 0) == 0) {
    if (!parse_btrfsvol(ctx, raw.substr(prefix.size()), out))
      return fail(stubmsg(stub, raw + ": expecting a btrfs volume"));
    return {};
  }
  out.type = api::MountableType::Device;
  out.device = raw;
  out.volume.clear();
  return check_device(ctx, stub, out.device);
}

Result<void> check_mountable_or_path(Ctx& ctx, const char* stub, const std::string& raw,
                                     api::Mountable& out) {
  if (is_device_parameter(ctx, raw) || raw.empty() || raw[0] != '/')
    return check_mountable(ctx, stub, raw, out);
  GFSD_TRY(check_root_mounted(ctx, stub));
  out.type = api::MountableType::Path;
  out.device = raw;
  out.volume.clear();
  return {};
}

Result<void> check_dev_or_path(Ctx& ctx, const char* stub, const std::string& raw,
                               api::DevOrPath& out) {
  if (is_device_parameter(ctx, raw)) {
    out.is_device = true;
    out.name = raw;
    return check_device(ctx, stub, out.name);
  }
  GFSD_TRY(check_root_mounted(ctx, stub));
  GFSD_TRY(check_pathname(ctx, stub, raw));
  out.is_device = false;
  out.name = raw;
  return {};
}

Result<void> check_filenames(Ctx&, const char* stub, const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (n.find('/') != std::string::npos) return fail(stubmsg(stub, "'" + n + "' is not a file name"));
  return {};
}

void reverse_device(Ctx& ctx, std::string& device) {
  std::string r = reverse_device_name(device, ctx.devices.disks_in_order());
  if (r != device) {
    ctx.log.debug("reverse device name translated: " + device + " -> " + r);
    device = std::move(r);
  }
}

void reverse_mountable(Ctx& ctx, std::string& mountable) {
  static const std::string prefix = "btrfsvol:";
  if (mountable.rfind(prefix, 0) != 0) return reverse_device(ctx, mountable);
  // btrfsvol:<device>/<subvolume>: only the device part is translated.
  std::string rest = mountable.substr(prefix.size());
  for (const auto& d : ctx.devices.disks_in_order()) {
    if (rest.rfind(d, 0) != 0) continue;
    size_t end = d.size();
    while (end < rest.size() && std::isdigit(static_cast<unsigned char>(rest[end]))) ++end;
    std::string dev = rest.substr(0, end);
    reverse_device(ctx, dev);
    mountable = prefix + dev + rest.substr(end);
    return;
  }
}

}  // namespace gfsd::domain
