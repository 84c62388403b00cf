// Everything a domain operation may use: the ports, the daemon's settings,
// and the per-request streams. Built once by app/wiring.cpp; no globals.
#pragma once

#include <memory>
#include <string>

#include "ports/augeas.hpp"
#include "ports/file_transfer.hpp"
#include "ports/filesystem.hpp"
#include "ports/hivex.hpp"
#include "ports/process_runner.hpp"
#include "ports/rpm_database.hpp"
#include "ports/system.hpp"

namespace gfsd::api { struct Handlers; }

// Ports only some actions use, declared here and defined in their own headers
// (ports/acl.hpp ...), so that a change to one rebuilds only its users.
namespace gfsd::ports {
class Acls;
class Capabilities;
class SELinux;
class Journal;
class Inotify;
class Yara;
class SleuthKit;
}  // namespace gfsd::ports

namespace gfsd::domain {

struct Config {
  std::string sysroot = "/sysroot";  // "" in live mode (-r)
  bool live = false;                 // -r: do not unmount at exit
  bool network = false;              // -n
  bool verbose = false;              // -v
};

namespace inspect { struct Inspection; }

// State that outlives one request.
struct DaemonState {
  bool exit_requested = false;  // internal_exit: reply, then stop
  std::unique_ptr<ports::AugeasTree> augeas;  // aug_init .. aug_close
  std::unique_ptr<ports::Hive> hive;           // hivex_open .. hivex_close
  // What the last inspect_os found (domain/inspect/inspect_types.hpp).
  std::shared_ptr<const inspect::Inspection> inspection;
  // Tool capabilities probed once (-1 unknown, 0 no, 1 yes): sfdisk --part-type,
  // lvs -S, lvm's devices file, setfiles options.
  int sfdisk_has_part_type = -1;
  int lvs_has_select = -1;
  int lvm_has_devices_file = -1;
  // setfiles -m, setfiles -C (selinux_relabel).
  int setfiles_has_m = -1;
  int setfiles_has_C = -1;
};

struct Ctx {
  const Config& config;
  ports::Filesystem& fs;
  ports::ProcessRunner& runner;
  ports::Mounts& mounts;
  ports::BlockDevices& devices;
  ports::Log& log;
  ports::HostProbe& host;
  ports::Progress& progress;
  DaemonState& state;
  // Set by the session for the duration of a FileIn / FileOut action.
  ports::UploadStream* upload = nullptr;
  ports::DownloadStream* download = nullptr;
  // Library-backed ports; the composition root sets them (null: not available).
  ports::Augeas* augeas = nullptr;
  ports::Hivex* hivex = nullptr;
  ports::RpmDatabase* rpm = nullptr;
  // The appliance's own tree (rooted at "/", not the sysroot), for the debug
  // actions that write appliance files by design (debug_upload, internal_upload).
  ports::Filesystem* appliance_fs = nullptr;
  ports::Acls* acls = nullptr;             // libacl
  ports::Capabilities* caps = nullptr;     // libcap
  ports::SELinux* selinux = nullptr;       // libselinux
  ports::Journal* journal = nullptr;       // libsystemd (sd-journal)
  ports::Inotify* inotify = nullptr;       // the kernel's inotify
  ports::Yara* yara = nullptr;             // libyara
  ports::SleuthKit* tsk = nullptr;         // libtsk
  // The handler table that dispatches this call (set by the dispatcher), so
  // that a feature group is reported available only when every action of the
  // group has a handler (domain/internal/features.hpp).
  const api::Handlers* handlers = nullptr;
};

}  // namespace gfsd::domain
