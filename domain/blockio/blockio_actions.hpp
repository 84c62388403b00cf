// Block and offset I/O: reads and writes at an offset of a device, copies
// between devices and files inside the daemon, offset uploads and downloads,
// discard and fstrim (register_blockio puts them in the table).
#pragma once

#include <cstdint>
#include <string>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// device_offset_io.cpp
Result<std::string> pread_device(Ctx& ctx, const std::string& device, int32_t count,
                                 int64_t offset);
Result<int32_t> pwrite_device(Ctx& ctx, const std::string& device, const std::string& content,
                              int64_t offset);

// copy_actions.cpp
Result<void> copy_device_to_device(Ctx& ctx, const std::string& src, const std::string& dest,
                                   const api::opt::copy_device_to_device& o);
Result<void> copy_device_to_file(Ctx& ctx, const std::string& src, const std::string& dest,
                                 const api::opt::copy_device_to_file& o);
Result<void> copy_file_to_device(Ctx& ctx, const std::string& src, const std::string& dest,
                                 const api::opt::copy_file_to_device& o);
Result<void> copy_file_to_file(Ctx& ctx, const std::string& src, const std::string& dest,
                               const api::opt::copy_file_to_file& o);

// copy_size.cpp
Result<void> copy_size(Ctx& ctx, const api::DevOrPath& src, const api::DevOrPath& dest,
                       int64_t size);

// dd.cpp
Result<void> dd(Ctx& ctx, const api::DevOrPath& src, const api::DevOrPath& dest);

// offset_transfer.cpp
Result<void> upload_offset(Ctx& ctx, const api::DevOrPath& target, int64_t offset);
Result<void> download_offset(Ctx& ctx, const api::DevOrPath& source, int64_t offset,
                             int64_t size);

// discard.cpp
Result<void> blkdiscard(Ctx& ctx, const std::string& device);
Result<bool> blkdiscardzeroes(Ctx& ctx, const std::string& device);

// fstrim.cpp
Result<void> fstrim(Ctx& ctx, const std::string& mountpoint, const api::opt::fstrim& o);

// whole_device.cpp
Result<bool> is_whole_device(Ctx& ctx, const std::string& device);

}  // namespace gfsd::domain
