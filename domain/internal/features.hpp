// Optional feature groups ("optgroups"): which exist in this appliance.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"

namespace gfsd::domain {

enum class Availability { Available = 0, Unavailable = 1, UnknownGroup = 2 };

// Decided afresh on each call, as stock does: tools can appear (e.g. after
// an upload into the appliance) during a session.
Availability optgroup_availability(Ctx& ctx, const std::string& group);

// Every group name, retired ones included (available_all_groups).
std::vector<std::string> all_optgroups();

}  // namespace gfsd::domain
