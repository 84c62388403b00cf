// inotify_read, inotify_files: the queued events, and the names in them.
#include <algorithm>

#include "domain/inotify/inotify_actions.hpp"
#include "ports/inotify.hpp"

namespace gfsd::domain {

namespace {

// GUESTFS_MESSAGE_MAX. The original filled a reply up to half of it, by its
// own estimate of each event's encoded size, so that a reply always fits.
constexpr int64_t kMessageMax = 4 * 1024 * 1024;

int64_t estimated_size(const ports::InotifyEvent& e) {
  return 16 + 4 + static_cast<int64_t>(e.name.size()) + 4;
}

// Reads until the kernel has nothing queued or the reply's room is used up.
// The descriptor is open (need_inotify).
Result<std::vector<api::InotifyEvent>> read_events(ports::Inotify& port) {
  std::vector<api::InotifyEvent> out;
  int64_t room = kMessageMax / 2;
  while (room > 0) {
    auto batch = port.read_queued();
    if (!batch) return forward(batch.error());
    if (batch->empty()) break;
    for (auto& e : *batch) {
      room -= estimated_size(e);
      out.push_back(api::InotifyEvent{e.wd, e.mask, e.cookie, std::move(e.name)});
    }
  }
  return out;
}

// The original piped each name, one a line, through `sort -u` (C locale) and
// read the lines back: a name with a newline in it came back as its pieces.
void add_lines(const std::string& name, std::vector<std::string>& out) {
  size_t start = 0;
  for (size_t nl; (nl = name.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(name.substr(start, nl - start));
  out.push_back(name.substr(start));
}

}  // namespace

Result<std::vector<api::InotifyEvent>> inotify_read(Ctx& ctx) {
  auto port = inotify::need_inotify(ctx, "do_inotify_read");
  if (!port) return forward(port.error());
  return read_events(**port);
}

Result<std::vector<std::string>> inotify_files(Ctx& ctx) {
  auto port = inotify::need_inotify(ctx, "do_inotify_files");
  if (!port) return forward(port.error());
  std::vector<std::string> names;
  for (;;) {
    auto events = read_events(**port);
    if (!events) return forward(events.error());
    if (events->empty()) break;
    for (const auto& e : *events)
      if (!e.in_name.empty()) add_lines(e.in_name, names);
  }
  // Byte order, each name once: sort -u in the appliance's C locale.
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace gfsd::domain
