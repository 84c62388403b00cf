// Where Unix guests keep their host name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// The first line of a file that is neither empty nor a '#' comment.
std::optional<std::string> hostname_from_lines(const std::vector<std::string>& lines);

// hostname="x" / hostname='x' / hostname=x from rc.conf lines (FreeBSD, NetBSD).
std::optional<std::string> hostname_from_rc_conf(const std::vector<std::string>& lines);

// hostname_from_lines of a small guest file.
std::optional<std::string> hostname_from_file(Ctx& ctx, const std::string& path);

// Linux (and Hurd): /etc/HOSTNAME, /etc/hostname, then HOSTNAME in
// /etc/sysconfig/network (read through Augeas, whose errors fail).
Result<std::optional<std::string>> check_hostname_linux(Ctx& ctx);

// The *BSDs: /etc/rc.conf.
std::optional<std::string> check_hostname_freebsd(Ctx& ctx);

}  // namespace gfsd::domain::inspect
