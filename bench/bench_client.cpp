// Benchmark client: the real libguestfs library drives one daemon through the
// stand-in hypervisor (bench/fake-hv.py), so the daemon is the only thing that
// differs between two runs. Prints one "figure value unit" line per measurement;
// bench/run.sh runs it for both daemons and prints the ratios.
//
//   bench_client session DAEMON FIXED_APPLIANCE_DIR FAKE_HV
//   bench_client launch-word DAEMON      (run inside a private mount namespace)
#include <guestfs.h>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

[[noreturn]] void die(guestfs_h* g, const char* what) {
  std::fprintf(stderr, "bench: %s: %s\n", what, g ? guestfs_last_error(g) : strerror(errno));
  std::exit(1);
}

void check(guestfs_h* g, int r, const char* what) {
  if (r == -1) die(g, what);
}

void report(const char* figure, double value, const char* unit) {
  std::printf("%s %.6g %s\n", figure, value, unit);
  std::fflush(stdout);
}

// Median time per call of fn over n calls, in microseconds, taken over 5 batches.
double per_call_us(int n, const std::function<void()>& fn) {
  std::vector<double> batches;
  for (int b = 0; b < 5; ++b) {
    auto t0 = Clock::now();
    for (int i = 0; i < n / 5; ++i) fn();
    batches.push_back(seconds_since(t0) * 1e6 / (n / 5));
  }
  std::sort(batches.begin(), batches.end());
  return batches[2];
}

int session(const char* daemon, const char* appliance, const char* hv) {
  const std::string rss_file = std::string("/tmp/gfsd-bench-rss-") + std::to_string(getpid());
  setenv("GFSD_BENCH_DAEMON", daemon, 1);
  setenv("GFSD_BENCH_RSS_FILE", rss_file.c_str(), 1);
  setenv("LIBGUESTFS_PATH", appliance, 1);
  setenv("LIBGUESTFS_BACKEND", "direct", 1);

  guestfs_h* g = guestfs_create();
  if (!g) die(nullptr, "guestfs_create");
  check(g, guestfs_set_hv(g, hv), "set_hv");
  check(g, guestfs_add_drive_scratch(g, 64 * 1024 * 1024, -1), "add_drive_scratch");
  auto t0 = Clock::now();
  check(g, guestfs_launch(g), "launch");
  report("launch_total", seconds_since(t0) * 1e3, "ms");

  check(g, guestfs_touch(g, "/file"), "touch");
  report("ping", per_call_us(5000, [&] { check(g, guestfs_ping_daemon(g), "ping"); }), "us/call");
  report("is_file", per_call_us(5000, [&] { check(g, guestfs_is_file(g, "/file"), "is_file"); }),
         "us/call");
  report("statns", per_call_us(5000, [&] {
           auto* s = guestfs_statns(g, "/file");
           if (!s) die(g, "statns");
           guestfs_free_statns(s);
         }), "us/call");

  check(g, guestfs_mkdir(g, "/small"), "mkdir");
  int counter = 0;
  report("write_small_files", per_call_us(2000, [&] {
           std::string name = "/small/f" + std::to_string(counter++);
           check(g, guestfs_write(g, name.c_str(), "a small file\n", 13), "write");
         }), "us/file");

  check(g, guestfs_mkdir(g, "/many"), "mkdir");
  for (int i = 0; i < 10000; ++i) {
    std::string name = "/many/entry-" + std::to_string(i);
    check(g, guestfs_touch(g, name.c_str()), "touch");
  }
  {
    std::vector<double> runs;
    for (int r = 0; r < 5; ++r) {
      auto t = Clock::now();
      char** list = guestfs_ls(g, "/many");
      if (!list) die(g, "ls");
      runs.push_back(seconds_since(t) * 1e3);
      size_t n = 0;
      for (; list[n]; ++n) free(list[n]);
      free(list);
      if (n != 10000) die(g, "ls count");
    }
    std::sort(runs.begin(), runs.end());
    report("ls_10000", runs[2], "ms");
  }

  const char* big_local = "/tmp/gfsd-bench-256m";
  {
    std::ofstream f(big_local, std::ios::binary | std::ios::trunc);
    std::string block(1 << 20, '\0');
    for (size_t i = 0; i < block.size(); ++i) block[i] = static_cast<char>(i * 131 + 7);
    for (int i = 0; i < 256; ++i) f.write(block.data(), static_cast<std::streamsize>(block.size()));
  }
  t0 = Clock::now();
  check(g, guestfs_upload(g, big_local, "/big"), "upload");
  report("upload_256m", seconds_since(t0) * 1e3, "ms");
  unlink(big_local);
  t0 = Clock::now();
  check(g, guestfs_download(g, "/big", "/dev/null"), "download");
  report("download_256m", seconds_since(t0) * 1e3, "ms");
  t0 = Clock::now();
  // A figure the daemon cannot produce is left out, not fatal: the others still count.
  if (char* sum = guestfs_checksum(g, "sha256", "/big")) {
    free(sum);
    report("checksum_256m", seconds_since(t0) * 1e3, "ms");
  } else {
    std::fprintf(stderr, "bench: checksum: %s (figure left out)\n", guestfs_last_error(g));
  }

  check(g, guestfs_shutdown(g), "shutdown");
  guestfs_close(g);
  std::ifstream rss(rss_file);
  long kb = 0;
  double cpu = 0;
  if (rss >> kb >> cpu) {
    report("peak_rss", static_cast<double>(kb), "KiB");
    report("daemon_cpu", cpu * 1e3, "ms");  // the whole session; load-independent
  }
  unlink(rss_file.c_str());
  return 0;
}

// Time from exec of the daemon until its launch word arrives on the channel.
int launch_word(const char* daemon) {
  std::vector<double> runs;
  for (int r = 0; r < 31; ++r) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) die(nullptr, "socketpair");
    auto t0 = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
      close(sv[0]);
      std::string chan = "fd:" + std::to_string(sv[1]);
      execl(daemon, daemon, "--channel", chan.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(sv[1]);
    unsigned char word[4];
    size_t got = 0;
    while (got < 4) {
      ssize_t n = read(sv[0], word + got, 4 - got);
      if (n <= 0) die(nullptr, "daemon closed the channel before the launch word");
      got += static_cast<size_t>(n);
    }
    runs.push_back(seconds_since(t0) * 1e6);
    close(sv[0]);  // the daemon sees EOF and exits
    int status;
    waitpid(pid, &status, 0);
  }
  std::sort(runs.begin(), runs.end());
  report("launch_word", runs[runs.size() / 2], "us");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::strcmp(argv[1], "session") == 0) return session(argv[2], argv[3], argv[4]);
  if (argc == 3 && std::strcmp(argv[1], "launch-word") == 0) return launch_word(argv[2]);
  std::fprintf(stderr,
               "usage: bench_client session DAEMON FIXED_APPLIANCE_DIR FAKE_HV\n"
               "       bench_client launch-word DAEMON\n");
  return 2;
}
