#include "app/wiring.hpp"

int main(int argc, char** argv) { return gfsd::app::run_daemon(argc, argv); }
