// ldmtool's JSON output turned into answers, with the original daemon's
// error texts for output that is not what was expected. Pure functions; `cmd`
// names the command in the messages ("ldmtool scan", "ldmtool show volume").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::domain {

// A JSON array of strings.
Result<std::vector<std::string>> ldm_string_list(std::string_view json, const std::string& cmd);

// A JSON object's member `key`, a string; with null_is_empty, null reads as "".
Result<std::string> ldm_object_string(std::string_view json, const std::string& key,
                                      bool null_is_empty, const std::string& cmd);

// A JSON object's member `key`, an array of strings.
Result<std::vector<std::string>> ldm_object_string_list(std::string_view json,
                                                        const std::string& key,
                                                        const std::string& cmd);

}  // namespace gfsd::domain
