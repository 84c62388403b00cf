// Raw protocol client: speaks the guestfs wire protocol itself (no library),
// so that what is measured is the daemon and the socket, nothing else.
// bench/run.sh runs it for both daemons inside a private mount namespace with
// a tmpfs /sysroot and prints the ratios. Prints "figure value unit" lines.
//
//   raw_client measure DAEMON   the floor, per-call latency (p50/p99), forks
//                               per call, daemon CPU per GiB moved, peak RSS
//   raw_client repeat DAEMON CALL N   launch, N calls (ping, is_file, statns),
//                               exit: run under callgrind by run.sh to count
//                               the daemon's instructions per call
//
// BENCH_WRAP (optional) is a command prefix for the daemon, e.g. valgrind.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr uint32_t kProgram = 0x2000F5F5;
constexpr uint32_t kVersion = 4;
constexpr uint32_t kLaunchFlag = 0xf5f55ff5;
constexpr uint32_t kProgressFlag = 0xffff5555;
constexpr size_t kChunk = 8192;

// Procedure numbers (proto/actions.tsv).
constexpr uint32_t kIsFile = 37;
constexpr uint32_t kUpload = 66;
constexpr uint32_t kDownload = 67;
constexpr uint32_t kPing = 92;
constexpr uint32_t kInternalWrite = 246;
constexpr uint32_t kStatns = 421;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "raw_client: %s%s%s\n", what.c_str(), errno ? ": " : "",
               errno ? std::strerror(errno) : "");
  std::exit(1);
}

void report(const char* figure, double value, const char* unit) {
  std::printf("%s %.6g %s\n", figure, value, unit);
  std::fflush(stdout);
}

void put32(std::string& s, uint32_t v) {
  const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 8), static_cast<char>(v)};
  s.append(b, 4);
}
void put64(std::string& s, uint64_t v) {
  put32(s, static_cast<uint32_t>(v >> 32));
  put32(s, static_cast<uint32_t>(v));
}
void put_string(std::string& s, const std::string& v) {
  put32(s, static_cast<uint32_t>(v.size()));
  s += v;
  s.resize((s.size() + 3) & ~size_t{3}, '\0');
}
uint32_t get32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

void write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      die("write");
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
}

void read_all(int fd, char* p, size_t n) {
  while (n > 0) {
    const ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) die("the daemon closed the channel");
    p += r;
    n -= static_cast<size_t>(r);
  }
}

// A whole request frame: length word, header, then the arguments.
std::string request(uint32_t proc, uint32_t serial, const std::string& args) {
  std::string body;
  put32(body, kProgram);
  put32(body, kVersion);
  put32(body, proc);
  put32(body, 0);  // call
  put32(body, serial);
  put64(body, 0);  // progress hint
  put64(body, 0);  // optargs bitmask
  put32(body, 0);  // status
  body += args;
  std::string frame;
  put32(frame, static_cast<uint32_t>(body.size()));
  return frame + body;
}

// Reads one reply frame (skipping progress messages); fails on an error reply.
std::string reply(int fd, std::string& buf) {
  for (;;) {
    char word[4];
    read_all(fd, word, 4);
    const uint32_t len = get32(word);
    if (len == kProgressFlag) {
      char skip[24];
      read_all(fd, skip, sizeof skip);
      continue;
    }
    buf.resize(len);
    read_all(fd, buf.data(), len);
    if (len < 40 || get32(buf.data() + 36) != 0) die("error reply");
    return buf;
  }
}

struct Daemon {
  pid_t pid = -1;
  int fd = -1;
};

Daemon start(const char* daemon) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) die("socketpair");
  Daemon d;
  d.pid = fork();
  if (d.pid == 0) {
    close(sv[0]);
    const std::string chan = "fd:" + std::to_string(sv[1]);
    std::vector<std::string> argv;
    if (const char* wrap = std::getenv("BENCH_WRAP")) {
      std::istringstream words(wrap);
      for (std::string w; words >> w;) argv.push_back(w);
    }
    argv.insert(argv.end(), {daemon, "--channel", chan});
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    execvp(cargv[0], cargv.data());
    _exit(127);
  }
  close(sv[1]);
  d.fd = sv[0];
  char word[4];
  read_all(d.fd, word, 4);
  if (get32(word) != kLaunchFlag) die("no launch word");
  return d;
}

// The daemon's own high-water mark (VmHWM, KiB): wait4's ru_maxrss would also
// count this client's image, which the child carries until its exec.
long peak_rss_kib(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  for (std::string key; f >> key;) {
    long v;
    if (key == "VmHWM:" && f >> v) return v;
    f.ignore(1 << 20, '\n');
  }
  return 0;
}

// Closes the channel and waits: the daemon's rusage (CPU).
struct rusage stop(Daemon& d) {
  close(d.fd);
  int status;
  struct rusage ru {};
  if (wait4(d.pid, &status, 0, &ru) == -1) die("wait4");
  return ru;
}

struct Cpu {
  double user = 0, sys = 0;
  double total() const { return user + sys; }
};

Cpu cpu_times(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(f, line);
  std::istringstream rest(line.substr(line.rfind(')') + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  const auto tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  return {static_cast<double>(utime) / tick, static_cast<double>(stime) / tick};
}

// Processes created on the whole machine so far (/proc/stat "processes"):
// on an idle machine, the daemon's forks.
unsigned long long forks_so_far() {
  std::ifstream f("/proc/stat");
  for (std::string key; f >> key;) {
    unsigned long long v;
    if (key == "processes" && f >> v) return v;
    f.ignore(1 << 20, '\n');
  }
  return 0;
}

struct Latency {
  double p50, p99;
};

Latency percentiles(std::vector<double>& us) {
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[us.size() * 99 / 100]};
}

// n round trips of one request; per-call latency in microseconds.
Latency time_calls(Daemon& d, int n, uint32_t proc, const std::string& args,
                   unsigned long long* forks = nullptr) {
  std::string frame = request(proc, 0, args), buf;
  std::vector<double> us;
  us.reserve(static_cast<size_t>(n));
  for (int i = 0; i < 200; ++i) {  // warm up
    write_all(d.fd, frame.data(), frame.size());
    reply(d.fd, buf);
  }
  const auto forks0 = forks_so_far();
  for (int i = 0; i < n; ++i) {
    const auto t0 = Clock::now();
    write_all(d.fd, frame.data(), frame.size());
    reply(d.fd, buf);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  if (forks) *forks = forks_so_far() - forks0;
  return percentiles(us);
}

// The floor: a 44-byte request and a 44-byte answer between two processes
// over a socketpair, nothing else.
Latency floor_latency(int n) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) die("socketpair");
  const pid_t pid = fork();
  if (pid == 0) {
    close(sv[0]);
    char b[44];
    for (;;) {
      size_t got = 0;
      while (got < sizeof b) {
        const ssize_t r = ::read(sv[1], b + got, sizeof b - got);
        if (r <= 0) _exit(0);
        got += static_cast<size_t>(r);
      }
      write_all(sv[1], b, sizeof b);
    }
  }
  close(sv[1]);
  char b[44] = {};
  std::vector<double> us;
  for (int i = 0; i < n + 200; ++i) {
    const auto t0 = Clock::now();
    write_all(sv[0], b, sizeof b);
    read_all(sv[0], b, sizeof b);
    if (i >= 200) us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  close(sv[0]);
  waitpid(pid, nullptr, 0);
  return percentiles(us);
}

void report_latency(const std::string& name, Latency l) {
  report((name + "_p50").c_str(), l.p50, "us");
  report((name + "_p99").c_str(), l.p99, "us");
}

// Uploads `bytes` to path (16 chunks per write, as fast as the daemon takes
// them); returns the daemon's CPU seconds spent.
Cpu delta(const Cpu& a, const Cpu& b) { return {b.user - a.user, b.sys - a.sys}; }

Cpu upload(Daemon& d, const std::string& path, size_t bytes, double* wall) {
  std::string args;
  put_string(args, path);
  const Cpu cpu0 = cpu_times(d.pid);
  const auto t0 = Clock::now();
  const std::string req = request(kUpload, 1, args);
  write_all(d.fd, req.data(), req.size());
  std::string batch;
  const std::string data(kChunk, 'u');
  for (int i = 0; i < 16; ++i) {
    put32(batch, 8 + kChunk);
    put32(batch, 0);
    put32(batch, kChunk);
    batch += data;
  }
  for (size_t sent = 0; sent < bytes; sent += 16 * kChunk) write_all(d.fd, batch.data(), batch.size());
  std::string end;
  put32(end, 8);
  put32(end, 0);
  put32(end, 0);
  write_all(d.fd, end.data(), end.size());
  std::string buf;
  reply(d.fd, buf);
  *wall = std::chrono::duration<double>(Clock::now() - t0).count();
  return delta(cpu0, cpu_times(d.pid));
}

Cpu download(Daemon& d, const std::string& path, size_t* bytes, double* wall) {
  std::string args;
  put_string(args, path);
  const Cpu cpu0 = cpu_times(d.pid);
  const auto t0 = Clock::now();
  const std::string req = request(kDownload, 2, args);
  write_all(d.fd, req.data(), req.size());
  std::string buf;
  reply(d.fd, buf);
  *bytes = 0;
  std::vector<char> chunk(kChunk + 8);
  for (;;) {
    char word[4];
    read_all(d.fd, word, 4);
    const uint32_t len = get32(word);
    if (len == kProgressFlag) {
      read_all(d.fd, chunk.data(), 24);
      continue;
    }
    if (len > chunk.size()) die("chunk too long");
    read_all(d.fd, chunk.data(), len);
    const uint32_t n = get32(chunk.data() + 4);
    if (get32(chunk.data()) != 0) die("download cancelled");
    if (n == 0) break;
    *bytes += n;
  }
  *wall = std::chrono::duration<double>(Clock::now() - t0).count();
  return delta(cpu0, cpu_times(d.pid));
}

int measure(const char* daemon) {
  // What the calls look at, made before the daemon starts.
  if (int fd = open("/sysroot/file", O_CREAT | O_WRONLY, 0644); fd >= 0) close(fd);

  const int n = 20000;
  report_latency("floor", floor_latency(n));

  Daemon d = start(daemon);
  std::string path;
  put_string(path, "/file");
  unsigned long long forks = 0, all_forks = 0;
  report_latency("ping", time_calls(d, n, kPing, "", &forks));
  all_forks += forks;
  std::string is_file_args = path;
  put32(is_file_args, 0);  // the optional argument followsymlinks, unset
  report_latency("is_file", time_calls(d, n, kIsFile, is_file_args, &forks));
  all_forks += forks;
  report_latency("statns", time_calls(d, n, kStatns, path, &forks));
  all_forks += forks;
  std::string write_args;
  put_string(write_args, "/small");
  put_string(write_args, "hello, world\n");
  report_latency("write_small", time_calls(d, 2000, kInternalWrite, write_args, &forks));
  all_forks += forks;
  report("forks_per_call", static_cast<double>(all_forks) / (3.0 * n + 2000), "forks");

  const size_t big = 256u << 20;
  double wall = 0;
  // CPU per GiB, and how much of it the kernel's (copies to and from the
  // socket and the page cache: the same for any daemon).
  Cpu cpu = upload(d, "/big", big, &wall);
  report("upload_256m_wall", wall * 1e3, "ms");
  report("upload_cpu_per_gib", cpu.total() * 1e3 * 4, "ms");
  report("upload_user_per_gib", cpu.user * 1e3 * 4, "ms");
  size_t got = 0;
  cpu = download(d, "/big", &got, &wall);
  if (got != big) die("download size");
  report("download_256m_wall", wall * 1e3, "ms");
  report("download_cpu_per_gib", cpu.total() * 1e3 * 4, "ms");
  report("download_user_per_gib", cpu.user * 1e3 * 4, "ms");

  report("raw_peak_rss", static_cast<double>(peak_rss_kib(d.pid)), "KiB");
  const struct rusage ru = stop(d);
  const double total_cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  report("raw_daemon_cpu", total_cpu * 1e3, "ms");
  unlink("/sysroot/big");
  return 0;
}

// The request `name` stands for, as measure() sends it.
std::string named_request(const std::string& name) {
  std::string path;
  put_string(path, "/file");
  if (name == "ping") return request(kPing, 0, "");
  if (name == "statns") return request(kStatns, 0, path);
  if (name == "is_file") {
    put32(path, 0);  // followsymlinks, unset
    return request(kIsFile, 0, path);
  }
  die("unknown call " + name);
}

// Starts the daemon, makes n calls of one kind, stops it.
int repeat(const char* daemon, const std::string& name, int n) {
  if (int fd = open("/sysroot/file", O_CREAT | O_WRONLY, 0644); fd >= 0) close(fd);
  const std::string frame = named_request(name);
  Daemon d = start(daemon);
  std::string buf;
  for (int i = 0; i < n; ++i) {
    write_all(d.fd, frame.data(), frame.size());
    reply(d.fd, buf);
  }
  stop(d);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "measure") == 0) return measure(argv[2]);
  if (argc == 5 && std::strcmp(argv[1], "repeat") == 0)
    return repeat(argv[2], argv[3], std::atoi(argv[4]));
  std::fprintf(stderr, "usage: raw_client measure DAEMON\n       raw_client repeat DAEMON ping|is_file|statns N\n");
  return 2;
}
