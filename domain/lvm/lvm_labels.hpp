// Whether any block device could hold LVM at all, decided without running lvm.
#pragma once

#include "domain/ctx.hpp"

namespace gfsd::domain {

// True only when it is certain that lvm would find no physical volume: no
// device-mapper device exists, and no block device or partition carries an LVM
// label in its first four sectors (where lvm looks). Any doubt (a listing or a
// read that fails for another reason than an empty drive) answers false, and
// the caller runs lvm as before. Under TCG one lvm command costs a third of a
// second or more; this costs a few reads.
bool no_lvm_label_anywhere(Ctx& ctx);

// pvs, vgs and lvs without that check, lvm always run: for a caller that made
// the check once itself (lvm_remove_all lists all three).
Result<std::vector<std::string>> pvs_from_lvm(Ctx& ctx);
Result<std::vector<std::string>> vgs_from_lvm(Ctx& ctx);
Result<std::vector<std::string>> lvs_from_lvm(Ctx& ctx);

}  // namespace gfsd::domain
