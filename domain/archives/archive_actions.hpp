// Archives streamed out of the guest (compress, cpio, squashfs), boot loader
// installers (syslinux, extlinux, grub) and rsync.
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/process_runner.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// compress.cpp
Result<void> compress_out(Ctx& ctx, const std::string& ctype, const std::string& file,
                          const api::opt::compress_out& o);
Result<void> compress_device_out(Ctx& ctx, const std::string& ctype, const std::string& device,
                                 const api::opt::compress_device_out& o);

// cpio_out.cpp
Result<void> cpio_out(Ctx& ctx, const std::string& directory, const api::opt::cpio_out& o);

// mksquashfs.cpp
Result<void> mksquashfs(Ctx& ctx, const std::string& path, const api::opt::mksquashfs& o);

// boot_loaders.cpp
Result<void> syslinux(Ctx& ctx, const std::string& device, const api::opt::syslinux& o);
Result<void> extlinux(Ctx& ctx, const std::string& directory);
Result<void> grub_install(Ctx& ctx, const std::string& root, const std::string& device);

// rsync.cpp
Result<void> rsync(Ctx& ctx, const std::string& src, const std::string& dest,
                   const api::opt::rsync& o);
Result<void> rsync_in(Ctx& ctx, const std::string& remote, const std::string& dest,
                      const api::opt::rsync_in& o);
Result<void> rsync_out(Ctx& ctx, const std::string& src, const std::string& remote,
                       const api::opt::rsync_out& o);

}  // namespace gfsd::domain
