// internal_journal_get: the fields of the current entry as the FileOut
// stream that the library's journal_get reads back (lib/journal.c): each
// field is a big-endian 64-bit length, then that many bytes "NAME=data", no
// padding. One field at a time goes out, so memory stays flat however large
// an entry is.
#include "domain/core/xdr_records.hpp"
#include "domain/journal/journal_actions.hpp"

namespace gfsd::domain {

Result<void> internal_journal_get(Ctx& ctx) {
  auto j = journal::need_journal(ctx, "do_internal_journal_get");
  if (!j) return forward(j.error());
  if (!ctx.download) return fail("internal error: download without a file stream");
  // The reply goes before the fields, as the original sends it: an error
  // after it can only cancel the transfer (the session does that).
  GFSD_TRY(ctx.download->start());
  (*j)->restart_fields();
  XdrRecord length;
  for (;;) {
    auto field = (*j)->next_field();
    if (!field) return fail_errno(field.error().errnum, "sd_journal_enumerate_data");
    if (!*field) break;
    length.clear();
    length.u64((*field)->size());
    GFSD_TRY(ctx.download->write(length.bytes().data(), length.bytes().size()));
    GFSD_TRY(ctx.download->write((*field)->data(), (*field)->size()));
  }
  return ctx.download->finish();
}

}  // namespace gfsd::domain
