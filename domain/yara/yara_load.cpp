// yara_load and yara_destroy. The rules come as a FileIn stream into a file
// of the daemon's own (outside the guest), which is loaded as compiled rules
// or, failing that, compiled as source; the file is gone once this returns.
#include <cerrno>

#include "domain/files/file_actions.hpp"
#include "domain/yara/yara_actions.hpp"
#include "ports/yara.hpp"

namespace gfsd::domain {

namespace {

// The compiler's diagnostics go to the daemon's log as the original printed
// them: errors always, warnings when verbose.
void log_compiler_messages(Ctx& ctx, const std::vector<ports::YaraCompilerMessage>& messages) {
  for (const auto& m : messages) {
    const std::string line =
        std::string(m.error ? "Yara error" : "Yara warning") + " (line " +
        std::to_string(m.line) + "): " + m.text;
    if (m.error)
      ctx.log.error(line);
    else
      ctx.log.debug(line);
  }
}

Result<void> load_failure(const ports::YaraLoadOutcome& o) {
  using S = ports::YaraLoadStatus;
  switch (o.status) {
    case S::Loaded:
      return {};
    case S::InitializeFailed:
      return fail("failed initializing yara");
    case S::CompilerFailed:
      return fail("yr_compiler_create");
    case S::SourceUnreadable:
      return fail("unable to open rules file");
    case S::CompileErrors:
      return fail("found " + std::to_string(o.errors) + " errors when compiling the rules");
    case S::OutOfMemory:
      return fail_errno(ENOMEM, "yr_compiler_get_rules");
    // The original sent no reply at all for these two (the library waited
    // for ever); a reply that names libyara's error code serves better.
    case S::BuildFailed:
      return fail("yr_compiler_get_rules: error " + std::to_string(o.code));
    case S::Rejected:
      return fail("yr_rules_load: error " + std::to_string(o.code));
  }
  return fail("yr_rules_load: error " + std::to_string(o.code));
}

}  // namespace

Result<void> yara_load(Ctx& ctx) {
  if (ctx.yara == nullptr) return fail_errno(ENOSYS, "mkstemp");
  auto file = ctx.yara->create_rules_file();
  if (!file) return fail_errno(file.error().errnum, "mkstemp");
  // An upload that fails leaves the rules loaded before in place.
  GFSD_TRY(receive_upload_into(ctx, **file, (*file)->path(), "close"));
  const ports::YaraLoadOutcome outcome = ctx.yara->load(**file);
  log_compiler_messages(ctx, outcome.messages);
  return load_failure(outcome);
}

Result<void> yara_destroy(Ctx& ctx) {
  if (ctx.yara == nullptr || !ctx.yara->loaded()) return fail("no yara rules loaded");
  ctx.yara->destroy();
  return {};
}

}  // namespace gfsd::domain
