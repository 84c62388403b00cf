// The composition root: command line, environment, adapters, session loop.
#pragma once

namespace gfsd::app {

// The whole daemon; returns the process exit status.
int run_daemon(int argc, char** argv);

}  // namespace gfsd::app
