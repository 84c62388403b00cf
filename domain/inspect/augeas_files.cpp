#include "domain/core/host_path.hpp"
#include "domain/inspect/augeas_files.hpp"

#include <iterator>

#include "domain/inspect/guest_files.hpp"

namespace gfsd::domain::inspect {

namespace {

constexpr int64_t kMaxAugeasFileSize = 100 * 1000;

// Only regular files of sane size reach Augeas: a guest could otherwise hand
// it devices or huge files.
bool safe_for_augeas(Ctx& ctx, const std::string& file) {
  if (!guest_is_file(ctx, file, true)) return false;
  auto st = ctx.fs.stat(file, true);
  return st && st->size <= kMaxAugeasFileSize;
}

// A failed parse of one of the files fails the whole operation.
Result<void> check_parse_errors(ports::AugeasTree& aug, const std::vector<std::string>& files) {
  for (const auto& match : aug_match_quiet(aug, "/augeas/files//error")) {
    for (const auto& file : files) {
      const std::string errorpath = "/augeas/files" + file + "/error";
      if (match != errorpath) continue;
      auto get = [&](const char* what) {
        return aug_get_quiet(aug, errorpath + "/" + what).value_or("<missing>");
      };
      return fail(file + ":" + get("line") + ":" + get("char") +
                  ": augeas parse failure: " + get("message"));
    }
  }
  return {};
}

}  // namespace

std::string augeas_load_filter(const std::vector<std::string>& files) {
  std::string subexprs;
  for (const auto& file : files) {
    if (!subexprs.empty()) subexprs += " and ";
    // The trailing '/' after the file name is intended (RHBZ#975412).
    subexprs += "\"" + file + "/\" !~ regexp('^') + glob(incl) + regexp('/.*')";
  }
  return "/augeas/load/*[ " + subexprs + " ]";
}

std::optional<std::string> aug_get_quiet(ports::AugeasTree& aug, const std::string& path) {
  auto r = aug.get(path);
  if (!r || !r->matched) return std::nullopt;
  return r->value;
}

// Last match first: the original's inspection goes through the OCaml Augeas
// binding, whose `matches` builds its list back to front. That order shows in
// what tools print (inspect_get_mountpoints, inspect_get_filesystems: guestfish
// -i mounts and lists /home before /boot for an fstab that has /boot first).
std::vector<std::string> aug_match_quiet(ports::AugeasTree& aug, const std::string& path) {
  auto r = aug.match(path);
  if (!r) return {};
  return {std::make_move_iterator(r->rbegin()), std::make_move_iterator(r->rend())};
}

Result<void> with_augeas(Ctx& ctx, const std::vector<std::string>& configfiles,
                         const std::function<Result<void>(ports::AugeasTree&)>& body) {
  std::vector<std::string> files;
  for (const auto& f : configfiles)
    if (safe_for_augeas(ctx, f)) files.push_back(f);

  if (ctx.augeas == nullptr) return fail("augeas is not available");
  auto root = resolved_host_path(ctx, "/");
  if (!root) return fail("Augeas.create: " + root.error().message);
  auto opened = ctx.augeas->open(*root, ports::kAugSaveNoop | ports::kAugNoLoad);
  if (!opened) return fail("Augeas.create: " + opened.error().message);
  ports::AugeasTree& aug = **opened;

  const std::string filter = augeas_load_filter(files);
  ctx.log.debug("augeas pathexpr = " + filter);
  (void)aug.rm(filter);  // a failure only means more files get loaded
  auto loaded = aug.load();
  if (!loaded) return fail("Augeas.load: " + loaded.error().message);
  GFSD_TRY(check_parse_errors(aug, files));
  return body(aug);
}

}  // namespace gfsd::domain::inspect
