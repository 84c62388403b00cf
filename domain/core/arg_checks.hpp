// The argument checks the generated thunks run before calling an action,
// in the stock daemon's order and with its messages ("<name>_stub: ...").
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// A Pathname must be absolute.
Result<void> check_pathname(Ctx& ctx, const char* stub, const std::string& path);
// Something must be mounted at or below the sysroot.
Result<void> check_root_mounted(Ctx& ctx, const char* stub);
// A Device is translated to the appliance's name and must be a usable device.
Result<void> check_device(Ctx& ctx, const char* stub, std::string& device);
Result<void> check_devices(Ctx& ctx, const char* stub, std::vector<std::string>& devices);
Result<void> check_mountable(Ctx& ctx, const char* stub, const std::string& raw,
                             api::Mountable& out);
Result<void> check_mountable_or_path(Ctx& ctx, const char* stub, const std::string& raw,
                                     api::Mountable& out);
Result<void> check_dev_or_path(Ctx& ctx, const char* stub, const std::string& raw,
                               api::DevOrPath& out);
// Names in a StringList(Filename) must not contain '/'.
Result<void> check_filenames(Ctx& ctx, const char* stub, const std::vector<std::string>& names);

// Results naming devices go back to the library's names (/dev/sdX).
void reverse_device(Ctx& ctx, std::string& device);
void reverse_mountable(Ctx& ctx, std::string& mountable);

// True if a device-name argument should be treated as a device (stock rule).
bool is_device_parameter(Ctx& ctx, const std::string& name);

}  // namespace gfsd::domain
