// File names as GNU coreutils (9.x) quote them in diagnostics, in the C
// locale the original daemon sets: for actions whose original ran a coreutils
// tool and passed its stderr on, we build the same text without the tool.
#pragma once

#include <string>

namespace gfsd::domain {

// quoteaf: always quoted. 'name', with ' written '\'' and control or non-ASCII
// bytes as $'\n' / $'\303' runs; a name whose only oddity is ' is "name".
std::string coreutils_quote(const std::string& name);

// quotef: the bare name when the shell would read it unchanged (and it has no
// ':'), else as coreutils_quote.
std::string coreutils_quote_if_needed(const std::string& name);

}  // namespace gfsd::domain
