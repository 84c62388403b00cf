// isoinfo, isoinfo_device: the primary volume descriptor of an ISO 9660
// image, read directly (no isoinfo or xorriso process), as the original.
#include <memory>
#include <string>

#include "domain/files/file_actions.hpp"
#include "domain/files/iso_pvd.hpp"

namespace gfsd::domain {

namespace {

// The original's errors are OCaml Unix errors: "<call>: <argument>: <strerror>".
Result<api::Isoinfo> read_pvd(Result<std::unique_ptr<ports::File>> file, const std::string& name) {
  if (!file) return fail_errno(file.error().errnum, "open: " + name);
  // A failed seek goes unnoticed, as it did in the original; the read then
  // finds no descriptor where it is.
  (void)(*file)->seek(iso::kPvdOffset);
  std::string pvd(iso::kPvdSize, '\0');
  size_t got = 0;
  while (got < pvd.size()) {
    auto n = (*file)->read(pvd.data() + got, pvd.size() - got);
    if (!n) return fail_errno(n.error().errnum, "read: ");
    if (*n == 0) break;
    got += *n;
  }
  (void)(*file)->close();  // read only: nothing deferred to report
  pvd.resize(got);
  return iso::parse_pvd(pvd, name);
}

}  // namespace

Result<api::Isoinfo> isoinfo_device(Ctx& ctx, const std::string& device) {
  return read_pvd(ctx.devices.open(device, ports::OpenFor::Read), device);
}

// The file is opened inside the guest (symlinks followed there).
Result<api::Isoinfo> isoinfo(Ctx& ctx, const std::string& isofile) {
  return read_pvd(ctx.fs.open(isofile, ports::OpenFor::Read, 0), isofile);
}

}  // namespace gfsd::domain
