// FileOut actions that pipe a program's stdout to the library (tar_out,
// ntfsclone_out, ntfscat_i, compress_out, cpio_out, ...).
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/process_runner.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// The reply goes out first, as with the original, then the output as it
// comes. After the reply an error can only cancel the transfer; the message
// the session logs then is "pclose: <name>: <the program's stderr>".
Result<void> stream_program_output(Ctx& ctx, const std::vector<std::string>& argv,
                                   ports::RunOptions run, const std::string& name);

}  // namespace gfsd::domain
