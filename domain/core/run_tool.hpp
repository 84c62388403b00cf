// Running a program and turning its failure into the original daemon's error
// text. The original worded these differently from action to action, and
// the wording is part of the contract: each name says the text it gives.
//
// A "start failure" is the runner's error when no program ran (it could not
// be executed: "<argv[0]>: <strerror>" with the errno; or a guest argument
// could not be resolved). An "exit failure" is a non-zero exit status or a
// signal; stderr has its trailing newlines removed by the runner.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Options for a tool whose stdout joins its stderr (the original's
// fold-stdout-on-stderr): the error text then holds both.
ports::RunOptions stdout_on_stderr();

// The C actions that ran disk tools (blockdev, parted, sfdisk, sgdisk, lvm)
// and reported the tool's own words:
//   start failure: the runner's error as it is (errno kept);
//   exit failure:  "<stderr>" (no errno). Callers may prefix it.
// Returns stdout as it is.
Result<std::string> run_or_fail_stderr(Ctx& ctx, const std::vector<std::string>& argv,
                                       const ports::RunOptions& opts = {});

// run_or_fail_stderr with "lvm" as argv[0].
Result<std::string> run_lvm_or_fail_stderr(Ctx& ctx, const std::vector<std::string>& args);

// run_lvm_or_fail_stderr, then udev settled (for commands that create or
// remove device nodes).
Result<void> run_lvm_settled_or_fail_stderr(Ctx& ctx, const std::vector<std::string>& args);

// The C actions that ran filesystem tools (mkfs, tune2fs, xfs_admin, ...):
//   start failure: "<prefix><the runner's message>" (no errno);
//   exit failure:  "<prefix><stderr>" (no errno).
// Returns stdout up to its first NUL (the original read it as a C string).
Result<std::string> run_or_fail_prefixed(Ctx& ctx, const std::vector<std::string>& argv,
                                         const std::string& prefix = "",
                                         const ports::RunOptions& opts = {});

// run_or_fail_prefixed for tools whose output does not matter.
Result<void> run_ok_or_fail_prefixed(Ctx& ctx, const std::vector<std::string>& argv,
                                     const std::string& prefix = "",
                                     const ports::RunOptions& opts = {});

// The OCaml half of the original (its `command` helper):
//   start failure: the runner's error as it is (errno kept);
//   killed by a signal: "external command ‘<argv[0]>’ killed by signal";
//   exit failure:  "<argv[0]> exited with status N: <stderr>" (no errno).
// Returns stdout as it is. argv[0] is looked up on PATH.
Result<std::string> run_or_fail_exit_status(Ctx& ctx, const std::vector<std::string>& argv,
                                            const ports::RunOptions& opts = {});

}  // namespace gfsd::domain
