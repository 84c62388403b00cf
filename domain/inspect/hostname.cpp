#include "domain/inspect/hostname.hpp"

#include "domain/inspect/augeas_files.hpp"
#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/text_parsing.hpp"

namespace gfsd::domain::inspect {

std::optional<std::string> hostname_from_lines(const std::vector<std::string>& lines) {
  for (const auto& line : lines)
    if (!line.empty() && line[0] != '#') return line;
  return std::nullopt;
}

std::optional<std::string> hostname_from_rc_conf(const std::vector<std::string>& lines) {
  for (const auto& line : lines) {
    // A quoted value loses its last character, whatever it is.
    if (starts_with(line, "hostname=\"") || starts_with(line, "hostname='"))
      return line.substr(10, line.size() - 11);
    if (starts_with(line, "hostname=")) return line.substr(9);
  }
  return std::nullopt;
}

std::optional<std::string> hostname_from_file(Ctx& ctx, const std::string& path) {
  auto lines = read_small_file(ctx, path);
  if (!lines) return std::nullopt;
  return hostname_from_lines(*lines);
}

Result<std::optional<std::string>> check_hostname_linux(Ctx& ctx) {
  for (const char* file : {"/etc/HOSTNAME", "/etc/hostname"})
    if (auto h = hostname_from_file(ctx, file)) return h;
  if (!guest_is_file(ctx, "/etc/sysconfig/network")) return std::optional<std::string>();
  std::optional<std::string> hostname;
  auto r = with_augeas(ctx, {"/etc/sysconfig/network"}, [&](ports::AugeasTree& aug) {
    // A missing HOSTNAME is not an error (RHBZ#726739).
    hostname = aug_get_quiet(aug, "/files/etc/sysconfig/network/HOSTNAME");
    return Result<void>{};
  });
  if (!r) return forward(r.error());
  return hostname;
}

std::optional<std::string> check_hostname_freebsd(Ctx& ctx) {
  auto lines = read_small_file(ctx, "/etc/rc.conf");
  if (!lines) return std::nullopt;
  return hostname_from_rc_conf(*lines);
}

}  // namespace gfsd::domain::inspect
