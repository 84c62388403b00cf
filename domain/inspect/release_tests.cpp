// Reading the release files of the guest mounted on the sysroot.
#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/release_files.hpp"
#include "domain/inspect/text_parsing.hpp"
#include "domain/inspect/unix_roots.hpp"

namespace gfsd::domain::inspect {

bool parse_generic_file(Ctx& ctx, const std::string& path, Distro distro, const std::regex* rex,
                        InspectionData& data) {
  if (!is_small_file(ctx, path)) {
    ctx.log.debug(path + ": not a regular file or too large");
    return false;
  }
  auto content = read_whole_file(ctx, path);
  if (!content) return false;
  const std::string line = first_line(*content);
  ctx.log.debug("parse_generic: product_name = " + line);
  return parse_generic(line, distro, rex, data);
}

bool parse_os_release_file(Ctx& ctx, const std::string& path, InspectionData& data) {
  auto lines = read_small_file(ctx, path);
  return lines && parse_os_release(*lines, data);
}

bool parse_lsb_release_file(Ctx& ctx, const std::string& path, InspectionData& data) {
  auto lines = read_small_file(ctx, path);
  return lines && parse_lsb_release(*lines, data);
}

}  // namespace gfsd::domain::inspect
