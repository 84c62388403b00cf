// Optional feature groups ("optgroups"): which this daemon can serve here.
//
// The groups and their actions come from the optgroup column of
// proto/actions.tsv (api::kOptGroups, generated). A group is available only
// when every one of its actions has a handler AND the appliance has what the
// group needs (a program, kernel support). A daemon must never claim a group
// whose actions answer ENOTSUP: tools trust the answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/ctx.hpp"

namespace gfsd::domain {

enum class Availability { Available = 0, Unavailable = 1, UnknownGroup = 2 };

// Decided afresh on each call, as stock does: tools can appear (e.g. after
// an upload into the appliance) during a session. Without ctx.handlers no
// group with actions is available.
Availability optgroup_availability(Ctx& ctx, const std::string& group);

// Every group name, the retired ones included, sorted (available_all_groups:
// the groups this daemon knows, available or not, as the original).
std::vector<std::string> all_optgroups();

// For tests: whether the group has a rule saying what it needs in the appliance.
bool optgroup_has_probe(std::string_view group);
// For tests: the groups with a probe rule that no action names (must be empty).
std::vector<std::string> probes_without_group();

}  // namespace gfsd::domain
