#include "domain/journal/journal_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_journal(api::Handlers& h) {
  h.journal_open = journal_open;
  h.journal_close = journal_close;
  h.journal_next = journal_next;
  h.journal_skip = journal_skip;
  h.internal_journal_get = internal_journal_get;
  h.journal_get_data_threshold = journal_get_data_threshold;
  h.journal_set_data_threshold = journal_set_data_threshold;
  h.journal_get_realtime_usec = journal_get_realtime_usec;
}

}  // namespace gfsd::domain
