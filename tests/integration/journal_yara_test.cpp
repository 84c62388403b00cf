// The journal and YARA actions on a real daemon: a journal made by
// systemd-journal-remote in the private /sysroot, rules uploaded as source
// and as compiled rules. Side by side with the original daemon (same
// replies, same errors, the same bytes in the FileOut streams), and ours
// alone opened and closed, loaded and destroyed a few hundred times without
// its descriptors growing or a rules file staying behind in /tmp.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yara.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "integration/quoted_text.hpp"
#include "integration/fixture.hpp"

namespace gfsd::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kJournalRemote = "/lib/systemd/systemd-journal-remote";

// 200 kB of text, different all along.
std::string large_value() {
  std::string v;
  for (int i = 0; v.size() < 200000; ++i) v += "line " + std::to_string(i) + ";";
  return v;
}

// Four entries in journal export format. The third has a binary field and
// one of 8000 bytes; the fourth one of 200 kB (over libsystemd's default
// data threshold of 64 KiB, uncompressed as systemd-journal-remote writes it).
// The original daemon sends each field as one protocol chunk and gives up on
// a field over 8192 bytes without ending the transfer, so the library waits
// for ever: the side-by-side steps never fetch the fourth entry.
std::string export_entries() {
  std::string e;
  e += "__REALTIME_TIMESTAMP=1700000000000000\n__MONOTONIC_TIMESTAMP=12345\n"
       "_BOOT_ID=1678ffea9ef14d87a96fa4aecd575842\nMESSAGE=hello world\nPRIORITY=6\n"
       "SYSLOG_IDENTIFIER=kernel\n\n";
  e += "__REALTIME_TIMESTAMP=1700000001000000\n__MONOTONIC_TIMESTAMP=22345\n"
       "_BOOT_ID=1678ffea9ef14d87a96fa4aecd575842\nMESSAGE=second\n_UID=0\n\n";
  auto binary_field = [](const std::string& name, const std::string& value) {
    std::string f = name + "\n";
    for (int i = 0; i < 8; ++i) f += static_cast<char>((value.size() >> (8 * i)) & 0xff);
    return f + value + "\n";
  };
  e += "__REALTIME_TIMESTAMP=1700000002000000\n__MONOTONIC_TIMESTAMP=32345\n"
       "_BOOT_ID=1678ffea9ef14d87a96fa4aecd575842\n";
  e += binary_field("BINARY", std::string("a\0b\nc\xff", 6));
  e.append("MEDIUM=").append(8000 - 7, 'm').append("\nMESSAGE=third\n\n");
  e += "__REALTIME_TIMESTAMP=1700000003000000\n__MONOTONIC_TIMESTAMP=42345\n"
       "_BOOT_ID=1678ffea9ef14d87a96fa4aecd575842\n";
  e.append("LARGE=").append(large_value()).append("\nMESSAGE=fourth\n\n");
  return e;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream o;
  o << f.rdbuf();
  return o.str();
}

bool put_file(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
  return static_cast<bool>(f);
}

// One journal file, made once per test binary and copied into each sysroot,
// so that both daemons read the very same bytes.
const std::string& journal_file() {
  static const std::string made = [] {
    if (access(kJournalRemote, X_OK) != 0) return std::string();
    static TempDir dir;
    const std::string input = dir.path() + "/entries.export";
    const std::string output = dir.path() + "/remote.journal";
    if (!put_file(input, export_entries())) return std::string();
    const std::string cmd = std::string(kJournalRemote) + " --output=" + output + " - < " + input +
                            " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return std::string();
    return slurp(output);
  }();
  return made;
}

// YARA rules compiled with the host's libyara (what yarac writes), or "".
std::string compiled_rules(const std::string& source) {
  void* lib = dlopen("libyara.so.9", RTLD_NOW | RTLD_LOCAL);
  if (!lib) return "";
  auto sym = [lib](const char* name) { return dlsym(lib, name); };
  auto init = reinterpret_cast<decltype(&yr_initialize)>(sym("yr_initialize"));
  auto fini = reinterpret_cast<decltype(&yr_finalize)>(sym("yr_finalize"));
  auto create = reinterpret_cast<decltype(&yr_compiler_create)>(sym("yr_compiler_create"));
  auto add = reinterpret_cast<decltype(&yr_compiler_add_string)>(sym("yr_compiler_add_string"));
  auto get = reinterpret_cast<decltype(&yr_compiler_get_rules)>(sym("yr_compiler_get_rules"));
  auto save = reinterpret_cast<decltype(&yr_rules_save)>(sym("yr_rules_save"));
  auto drop = reinterpret_cast<decltype(&yr_rules_destroy)>(sym("yr_rules_destroy"));
  auto done = reinterpret_cast<decltype(&yr_compiler_destroy)>(sym("yr_compiler_destroy"));
  std::string out;
  TempDir dir;
  const std::string path = dir.path() + "/rules.yarc";
  if (init && init() == ERROR_SUCCESS) {
    YR_COMPILER* c = nullptr;
    YR_RULES* rules = nullptr;
    if (create(&c) == ERROR_SUCCESS) {
      if (add(c, source.c_str(), nullptr) == 0 && get(c, &rules) == ERROR_SUCCESS) {
        if (save(rules, path.c_str()) == ERROR_SUCCESS) out = slurp(path);
        drop(rules);
      }
      done(c);
    }
    fini();
  }
  dlclose(lib);
  return out;
}

constexpr const char* kRules =
    "rule TestRule { strings: $a = \"some text\" condition: $a }\n"
    "rule Big { condition: filesize > 100 }\n"
    "rule Never { condition: false }\n";

std::string render(const Reply& r) {
  if (!r.problem.empty()) return "PROTOCOL PROBLEM: " + r.problem;
  if (!r.ok) return "ERROR errno=" + quote(r.err) + " message=" + quote(r.message);
  return "OK body=" + quote(r.body);
}

// The stream of internal_journal_get as the library decodes it (lib/journal.c):
// a big-endian 64-bit length, then "NAME=data". Fields are shown in full
// unless longer than 300 bytes (then their length and a checksum).
std::string render_fields(const std::string& data) {
  std::string out;
  size_t i = 0;
  while (i < data.size()) {
    if (i + 8 > data.size()) return out + " <truncated length>";
    uint64_t len = 0;
    for (int k = 0; k < 8; ++k) len = (len << 8) | static_cast<unsigned char>(data[i + k]);
    i += 8;
    if (len > data.size() - i) return out + " <length too large>";
    const std::string f = data.substr(i, len);
    i += len;
    if (f.find('=') == std::string::npos) return out + " <no '='>";
    if (f.size() <= 300) {
      out += " " + quote(f);
    } else {
      uint64_t h = 1469598103934665603ull;
      for (unsigned char ch : f) h = (h ^ ch) * 1099511628211ull;
      out += " <" + f.substr(0, f.find('=')) + ": " + std::to_string(f.size()) + " bytes, fnv " +
             std::to_string(h) + ">";
    }
  }
  return out;
}

// The stream of internal_yara_scan as the library decodes it (lib/yara.c):
// XDR { string yara_name; string yara_rule; } records back to back.
std::string render_detections(const std::string& data) {
  std::string out;
  size_t i = 0;
  auto string_at = [&](std::string& s) {
    if (i + 4 > data.size()) return false;
    uint32_t n = 0;
    for (int k = 0; k < 4; ++k) n = (n << 8) | static_cast<unsigned char>(data[i + k]);
    i += 4;
    const size_t padded = (n + 3u) & ~size_t{3};
    if (padded > data.size() - i) return false;
    s = data.substr(i, n);
    i += padded;
    return true;
  };
  while (i < data.size()) {
    std::string name, rule;
    if (!string_at(name) || !string_at(rule)) return out + " <undecodable>";
    out += " {" + quote(name) + " " + quote(rule) + "}";
  }
  return out;
}

std::string render(const DownloadResult& d, const std::function<std::string(const std::string&)>& decode) {
  std::string head = render(d.reply);
  if (!d.reply.ok || !d.reply.problem.empty()) return head;
  head = "OK";
  if (d.cancel_chunk) return head + " cancelled after " + std::to_string(d.data.size()) + " bytes";
  if (!d.ended) return head + " stream not ended";
  return head + " data:" + decode(d.data);
}

ArgsFn int64_arg(int64_t v) {
  return [v](proto::XdrEncoder& e) { e.put(v); };
}

// The files a daemon sees in its /tmp whose names are those of the rules files.
std::set<std::string> rules_files(const DaemonProcess& d) {
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc/" + std::to_string(d.pid()) + "/root/tmp", ec)) {
    const std::string n = e.path().filename().string();
    if (n.size() == 10 && n.rfind("yara", 0) == 0) names.insert(n);
  }
  return names;
}

std::multiset<std::string> descriptors(const DaemonProcess& d) {
  std::multiset<std::string> fds;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc/" + std::to_string(d.pid()) + "/fd", ec)) {
    std::string link = fs::read_symlink(e.path(), ec).string();
    const size_t bracket = link.find(":[");
    fds.insert(bracket == std::string::npos ? link : link.substr(0, bracket + 1));
  }
  return fds;
}

// Puts the journal file and the files to scan into a daemon's sysroot.
bool prepare_root(const std::string& root) {
  std::error_code ec;
  fs::create_directories(root + "/var/log/journal/69d27b356a94476da859461d3a3bc6fd", ec);
  fs::create_directories(root + "/empty", ec);
  fs::create_directories(root + "/corrupt", ec);
  fs::create_directories(root + "/dir", ec);
  return !ec && put_file(root + "/var/log/journal/69d27b356a94476da859461d3a3bc6fd/remote.journal", journal_file()) &&
         put_file(root + "/corrupt/system.journal", std::string(8192, 'x')) &&
         put_file(root + "/text.txt", "some text") &&
         put_file(root + "/big.bin", std::string(300, 'x') + "some text") &&
         put_file(root + "/plain", "nothing here") && put_file(root + "/empty.txt", "") &&
         symlink("/text.txt", (root + "/dir/abs-link").c_str()) == 0 &&
         symlink("../../../../text.txt", (root + "/dir/up-link").c_str()) == 0 &&
         symlink("/nowhere", (root + "/dir/dangling").c_str()) == 0 &&
         chmod(root.c_str(), 0755) == 0;
}

class JournalYara : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    if (journal_file().empty())
      GFSD_SKIP_WITHOUT(std::string(kJournalRemote) + " could not make a journal file");
  }
};

class JournalYaraSideBySide : public JournalYara {
 protected:
  void SetUp() override {
    JournalYara::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    GFSD_REQUIRE_ORIGINAL();
    DaemonOptions o;
    o.binary = kOriginalDaemon;
    orig_ = std::make_unique<Served>(o);
    ours_ = std::make_unique<Served>();
    ASSERT_TRUE(orig_->start()) << "original daemon";
    ASSERT_TRUE(ours_->start()) << "our daemon";
    ASSERT_TRUE(prepare_root(orig_->daemon().host_path(""))) << "setup (original)";
    ASSERT_TRUE(prepare_root(ours_->daemon().host_path(""))) << "setup (ours)";
  }

  void same(const std::string& label, const std::function<std::string(TestClient&)>& probe) {
    const std::string want = probe(orig_->client());
    const std::string got = probe(ours_->client());
    if (std::getenv("GFSD_SIDE_BY_SIDE_LOG"))
      std::printf("%s %s\n    original: %s\n    ours:     %s\n", got == want ? "SAME" : "DIFF",
                  label.c_str(), want.c_str(), got.c_str());
    if (got != want)
      ADD_FAILURE() << "DIFFERENCE in " << label << "\n  original: " << want
                    << "\n  ours:     " << got;
  }
  void same_call(const std::string& name, const ArgsFn& args = {}, const std::string& note = "") {
    same(name + (note.empty() ? "" : " [" + note + "]"),
         [&](TestClient& c) { return render(c.call(name, args)); });
  }
  void same_journal_get(const std::string& note) {
    same("internal_journal_get [" + note + "]", [&](TestClient& c) {
      return render(c.download("internal_journal_get", {}), render_fields);
    });
  }
  void same_load(const std::string& rules, const std::string& note) {
    same("yara_load [" + note + "]", [&](TestClient& c) {
      UploadResult u = c.upload("yara_load", {}, rules);
      return render(u.reply) + (u.daemon_cancelled ? " (daemon cancelled)" : "");
    });
  }
  void same_scan(const std::string& path) {
    same("internal_yara_scan " + path, [&](TestClient& c) {
      return render(c.download("internal_yara_scan", str_arg(path)), render_detections);
    });
  }

  void host_symlink_both(const std::string& target, const std::string& link) {
    for (Served* d : {orig_.get(), ours_.get()})
      ASSERT_EQ(symlink(target.c_str(), d->daemon().host_path(link).c_str()), 0) << link;
  }

  std::unique_ptr<Served> orig_;
  std::unique_ptr<Served> ours_;
};

TEST_F(JournalYaraSideBySide, JournalCallsBeforeOpen) {
  same_call("journal_close");
  same_call("journal_next");
  same_call("journal_skip", int64_arg(0));
  same_call("journal_get_data_threshold");
  same_call("journal_set_data_threshold", int64_arg(100));
  same_call("journal_get_realtime_usec");
  same_journal_get("before open");
}

TEST_F(JournalYaraSideBySide, ReadingTheJournal) {
  same_call("journal_open", str_arg("/var/log/journal"));
  same_journal_get("no entry yet");
  same_call("journal_get_realtime_usec", {}, "no entry yet");
  same_call("journal_get_data_threshold");
  same_call("journal_next");
  same_journal_get("first entry");
  same_call("journal_get_realtime_usec");
  same_call("journal_skip", int64_arg(1));
  same_journal_get("second entry");
  same_call("journal_next");
  same_journal_get("third entry, threshold 64 KiB");
  same_call("journal_set_data_threshold", int64_arg(0));
  same_call("journal_get_data_threshold");
  same_journal_get("third entry, no threshold");
  same_call("journal_set_data_threshold", int64_arg(10));
  same_journal_get("third entry, threshold 10");
  same_call("journal_skip", int64_arg(1), "to the fourth entry, not fetched");
  same_call("journal_get_realtime_usec");
  same_call("journal_next", {}, "at the end");
  same_call("journal_next", {}, "past the end");
  same_call("journal_skip", int64_arg(-2));
  same_call("journal_get_realtime_usec");
  same_call("journal_skip", int64_arg(-5));
  same_call("journal_skip", int64_arg(100));
  same_call("journal_skip", int64_arg(INT64_MIN));
  same_call("journal_skip", int64_arg(INT64_MAX));
  same_call("journal_set_data_threshold", int64_arg(-1));
  // (journal_get_data_threshold now would be -1: the original sends no reply.)
  same_call("journal_set_data_threshold", int64_arg(4096));
  same_call("journal_get_data_threshold");
  same_call("journal_open", str_arg("/var/log/journal/69d27b356a94476da859461d3a3bc6fd"), "reopen replaces");
  same_call("journal_get_data_threshold", {}, "back to the default");
  same_call("journal_next");
  same_journal_get("first entry again");
  same_call("journal_close");
  same_call("journal_close", {}, "twice");
  same_call("journal_next", {}, "after close");
  same_call("ping_daemon");
}

TEST_F(JournalYaraSideBySide, DirectoriesThatAreNoJournal) {
  for (const char* dir : {"/empty", "/corrupt", "/nonexistent", "/nonexistent/deeper", "/text.txt",
                          "/dir/dangling", "/", "relative", ""}) {
    same_call("journal_open", str_arg(dir), dir);
    same_call("journal_next", {}, std::string("after open ") + dir);
  }
  same_call("journal_close");
  same_call("ping_daemon");
  // Deliberately different: the original handed libsystemd "/sysroot/dir/abs-link",
  // whose absolute target the kernel then looked up outside the guest (here
  // and in the appliance: ENOENT). Ours resolves it inside: /text.txt, a file.
  Reply abs = ours_->client().call("journal_open", str_arg("/dir/abs-link"));
  EXPECT_EQ(render(abs), "ERROR errno=\"ENOTDIR\" message=\"sd_journal_open_directory: "
                         "/dir/abs-link: Not a directory\"");
  host_symlink_both("/var/log/journal", "/dir/journal-link");
  Reply linked = ours_->client().call("journal_open", str_arg("/dir/journal-link"));
  ASSERT_REPLY_OK(linked);
  EXPECT_EQ(as_bool(ours_->client().call("journal_next")), true);
}

TEST_F(JournalYaraSideBySide, YaraRulesAndScans) {
  same_call("yara_destroy", {}, "nothing loaded");
  same_scan("/text.txt");
  same_load(kRules, "source");
  for (const char* p : {"/text.txt", "/big.bin", "/plain", "/empty.txt", "/dir/abs-link",
                        "/dir/up-link", "/dir/dangling", "/nonexistent", "/dir", "relative"})
    same_scan(p);
  same_load("rule Bad { condition: $nope }\nrule { }\n", "malformed");
  same_scan("/text.txt");  // the old rules went with the failed load
  same_load("", "empty");
  same_scan("/text.txt");
  same_load("rule A { condition: true }", "one rule");
  same_call("yara_destroy");
  same_call("yara_destroy", {}, "twice");
  const std::string compiled = compiled_rules(kRules);
  ASSERT_FALSE(compiled.empty()) << "could not compile rules with the host's libyara";
  same_load(compiled, "compiled");
  same_scan("/big.bin");
  same_call("ping_daemon");
  // Deliberately different: compiled rules that libyara refuses (another
  // version's, or cut short) got no reply at all from the original, and the
  // library waited for ever. Ours says why.
  std::string other_version("YARA");
  other_version.append(64, '\x7f');
  UploadResult refused = ours_->client().upload("yara_load", {}, other_version);
  EXPECT_EQ(render(refused.reply), "ERROR errno=\"\" message=\"yr_rules_load: error 8\"");
  UploadResult cut = ours_->client().upload("yara_load", {}, compiled.substr(0, compiled.size() / 2));
  EXPECT_EQ(render(cut.reply), "ERROR errno=\"\" message=\"yr_rules_load: error 7\"");
  EXPECT_FALSE(ours_->client().call("yara_destroy").ok);  // the rules before went
}

// A field far over a protocol chunk goes out whole, in chunks (the original
// stops the transfer there without ending it, and the library hangs).
TEST_F(JournalYara, AFieldOfAnySizeComesThroughWhole) {
  Served s;
  ASSERT_TRUE(s.start());
  ASSERT_TRUE(prepare_root(s.daemon().host_path("")));
  TestClient& c = s.client();
  ASSERT_REPLY_OK(c.call("journal_open", str_arg("/var/log/journal")));
  Reply skipped = c.call("journal_skip", int64_arg(4));
  ASSERT_REPLY_OK(skipped);
  ASSERT_EQ(as_int64(skipped), 4);
  DownloadResult d = c.download("internal_journal_get", {});
  ASSERT_REPLY_OK(d.reply);
  ASSERT_TRUE(d.ended);
  EXPECT_GT(d.chunks, 20u);
  std::string expected;
  auto add = [&expected](const std::string& field) {
    for (int i = 7; i >= 0; --i) expected += static_cast<char>((field.size() >> (8 * i)) & 0xff);
    expected += field;
  };
  add("_BOOT_ID=1678ffea9ef14d87a96fa4aecd575842");
  add(std::string("LARGE=").append(large_value()));
  add("MESSAGE=fourth");
  EXPECT_EQ(d.data.size(), expected.size());
  EXPECT_TRUE(d.data == expected) << render_fields(d.data);
  // The default threshold does not cut it: journal-remote stores it uncompressed.
  ASSERT_REPLY_OK(c.call("journal_close"));
}

// Many opens and loads, and every error path once per round: the daemon's
// descriptors do not grow and no rules file is left in /tmp.
TEST_F(JournalYara, NothingLeaksOverManyRounds) {
  Served s;
  ASSERT_TRUE(s.start());
  ASSERT_TRUE(prepare_root(s.daemon().host_path("")));
  TestClient& c = s.client();
  const std::string compiled = compiled_rules(kRules);
  ASSERT_FALSE(compiled.empty());
  auto round = [&](int i) {
    ASSERT_REPLY_OK(c.call("journal_open", str_arg("/var/log/journal")));
    Reply next = c.call("journal_next");
    ASSERT_REPLY_OK(next);
    ASSERT_EQ(as_bool(next), true);
    DownloadResult d = c.download("internal_journal_get", {});
    ASSERT_REPLY_OK(d.reply);
    ASSERT_TRUE(d.ended);
    ASSERT_EQ(render_fields(d.data).find('<'), std::string::npos);
    // Opening again without closing drops the journal open before.
    ASSERT_REPLY_OK(c.call("journal_open", str_arg("/corrupt")));
    EXPECT_FALSE(c.call("journal_open", str_arg("/nonexistent")).ok);
    EXPECT_FALSE(c.call("journal_close").ok);  // the failed open left none
    ASSERT_REPLY_OK(c.call("journal_open", str_arg("/var/log/journal")));
    ASSERT_REPLY_OK(c.call("journal_close"));

    ASSERT_REPLY_OK(c.upload("yara_load", {}, i % 2 ? kRules : compiled).reply);
    DownloadResult scan = c.download("internal_yara_scan", str_arg("/big.bin"));
    ASSERT_REPLY_OK(scan.reply);
    ASSERT_EQ(render_detections(scan.data), " {\"/big.bin\" \"TestRule\"} {\"/big.bin\" \"Big\"}");
    EXPECT_TRUE(c.download("internal_yara_scan", str_arg("/dir")).cancel_chunk);
    EXPECT_FALSE(c.download("internal_yara_scan", str_arg("/nonexistent")).reply.ok);
    ASSERT_REPLY_OK(c.call("yara_destroy"));
    EXPECT_FALSE(c.upload("yara_load", {}, "rule {").reply.ok);
    UploadOptions cancel;
    cancel.cancel_after = 1;
    c.upload("yara_load", {}, std::string(20000, ' '), cancel);
    EXPECT_FALSE(c.call("yara_destroy").ok);
  };
  round(0);
  ASSERT_FALSE(HasFatalFailure());
  const auto fds_before = descriptors(s.daemon());
  const auto tmp_before = rules_files(s.daemon());
  for (int i = 1; i <= 200 && !HasFatalFailure(); ++i) round(i);
  ASSERT_REPLY_OK(c.call("ping_daemon"));
  EXPECT_EQ(descriptors(s.daemon()), fds_before);
  EXPECT_EQ(rules_files(s.daemon()), tmp_before);
}

}  // namespace
}  // namespace gfsd::test
