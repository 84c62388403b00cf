// internal_yara_scan: the FileOut stream that the library's yara_scan reads
// back (lib/yara.c): one XDR guestfs_int_yara_detection per matching rule,
// { string yara_name (the path as given); string yara_rule }, back to back.
#include "domain/core/host_path.hpp"
#include "domain/core/xdr_records.hpp"
#include "domain/yara/yara_actions.hpp"
#include "ports/yara.hpp"

namespace gfsd::domain {

Result<void> internal_yara_scan(Ctx& ctx, const std::string& path) {
  if (ctx.yara == nullptr || !ctx.yara->loaded()) return fail("no yara rules loaded");
  auto where = resolved_host_path(ctx, path);
  if (!where) return fail_errno(where.error().errnum, path);
  auto target = ctx.yara->open_target(*where);
  if (!target) return fail_errno(target.error().errnum, path);
  if (!ctx.download) return fail("internal error: download without a file stream");

  // After the reply an error can only cancel the transfer.
  GFSD_TRY(ctx.download->start());
  XdrRecord record;
  GFSD_TRY((*target)->scan([&](std::string_view rule) -> Result<void> {
    record.clear();
    record.opaque(path);
    record.opaque(rule);
    return ctx.download->write(record.bytes().data(), record.bytes().size());
  }));
  return ctx.download->finish();
}

}  // namespace gfsd::domain
