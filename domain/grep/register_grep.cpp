#include "domain/grep/grep_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_grep(api::Handlers& h) {
  h.grep = &grep;
  h.egrep = &egrep;
  h.fgrep = &fgrep;
  h.grepi = &grepi;
  h.egrepi = &egrepi;
  h.fgrepi = &fgrepi;
  h.zgrep = &zgrep;
  h.zegrep = &zegrep;
  h.zfgrep = &zfgrep;
  h.zgrepi = &zgrepi;
  h.zegrepi = &zegrepi;
  h.zfgrepi = &zfgrepi;
}

}  // namespace gfsd::domain
