// Everything a domain operation may use: the ports, the daemon's settings,
// and the per-request streams. Built once by app/wiring.cpp; no globals.
#pragma once

#include <string>

#include "ports/file_transfer.hpp"
#include "ports/filesystem.hpp"
#include "ports/process_runner.hpp"
#include "ports/system.hpp"

namespace gfsd::domain {

struct Config {
  std::string sysroot = "/sysroot";  // "" in live mode (-r)
  bool live = false;                 // -r: do not unmount at exit
  bool network = false;              // -n
  bool verbose = false;              // -v
};

// State that outlives one request.
struct DaemonState {
  bool exit_requested = false;  // internal_exit: reply, then stop
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
};

}  // namespace gfsd::domain
