// Actions that hand a guest file, directory or device to one appliance tool
// and report its own words: scrub, setfiles (SELinux relabelling), modprobe,
// resize.f2fs. register_system puts them in the table.
#pragma once

#include <string>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// scrub.cpp (optgroup scrub)
Result<void> scrub_device(Ctx& ctx, const std::string& device);
Result<void> scrub_file(Ctx& ctx, const std::string& file);
Result<void> scrub_freespace(Ctx& ctx, const std::string& dir);

// selinux_relabel.cpp (optgroup selinuxrelabel)
Result<void> selinux_relabel(Ctx& ctx, const std::string& specfile, const std::string& path,
                             const api::opt::selinux_relabel& opts);

// modprobe.cpp (optgroup linuxmodules)
Result<void> modprobe(Ctx& ctx, const std::string& modulename);

// f2fs_expand.cpp (optgroup f2fs)
Result<void> f2fs_expand(Ctx& ctx, const std::string& device);

}  // namespace gfsd::domain
