// The Sleuth Kit's actions: a filesystem's names, deleted ones included,
// through libtsk (tsk_walk.cpp), and an inode's content or a range of blocks
// through its icat and blkls programs (sleuthkit_tools.cpp). All four are
// FileOut streams. register_tsk puts them in the table.
#pragma once

#include <cstdint>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// tsk_walk.cpp: a stream of XDR tsk_dirent records (tsk_dirent.hpp), which the
// library's filesystem_walk and find_inode decode.
Result<void> internal_filesystem_walk(Ctx& ctx, const api::Mountable& device);
Result<void> internal_find_inode(Ctx& ctx, const api::Mountable& device, int64_t inode);

// sleuthkit_tools.cpp: the programs' output as it comes.
Result<void> download_inode(Ctx& ctx, const api::Mountable& device, int64_t inode);
Result<void> download_blocks(Ctx& ctx, const api::Mountable& device, int64_t start, int64_t stop,
                             const api::opt::download_blocks& o);

}  // namespace gfsd::domain
