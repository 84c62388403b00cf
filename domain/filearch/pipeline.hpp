// The original ran these tools as shell pipelines on the guest file's host
// name ("zcat /sysroot/PATH | cpio ..."). Here the pipeline reads the guest
// file on its standard input, opened inside the sysroot by the runner, and
// scratch space lives in the appliance's /tmp.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::filearch {

// Runs argv with the guest file `path` as its stdin. A file that cannot be
// opened (missing, a missing directory on the way) is read as empty, as the
// original's decompressor read nothing from it and the pipeline went on.
// Fails only when the program could not be run at all.
Result<ports::ProcessResult> run_on_guest_file(Ctx& ctx, const std::vector<std::string>& argv,
                                               const std::string& path);

// A new directory /tmp/<prefix>XXXXXX of the appliance (mkdtemp(3) through
// mktemp(1)); the runner's or mktemp's failure otherwise.
Result<std::string> make_scratch_dir(Ctx& ctx, const std::string& prefix);

// Removes a directory made by make_scratch_dir and all it holds (logged on failure).
void remove_scratch_dir(Ctx& ctx, const std::string& dir);

}  // namespace gfsd::domain::filearch
