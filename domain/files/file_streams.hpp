// The FileOut half shared by download and download_offset (files/transfer.cpp),
// and the opening of a DevOrPath target both of them and the uploads use.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// The device, or the guest file (created with mode 0666 when `how` creates).
Result<std::unique_ptr<ports::File>> open_target(Ctx& ctx, const api::DevOrPath& target,
                                                 ports::OpenFor how);

// Starts the download and sends the file in protocol chunks, reporting progress
// against total; with stop_at_total, never more than total bytes. Closes the
// file and finishes the stream; errors name `name` ("read: NAME", "close: NAME").
Result<void> send_to_download(Ctx& ctx, ports::File& file, const std::string& name,
                              uint64_t total, bool stop_at_total);

}  // namespace gfsd::domain
