// The same call sequence against Debian's original guestfsd and ours, each in
// its own namespace with its own tmpfs /sysroot. Every step renders the reply
// as text (status, errno, message, decoded return value with the fields that
// depend on inode numbers, times or the instance left out) and the two texts
// must be equal.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
#include <string>
#include <type_traits>

#include "integration/quoted_text.hpp"
#include "integration/fixture.hpp"
#include "proto/action_table.hpp"

namespace gfsd::test {
namespace {

using proto::RetKind;
using std::string_literals::operator""s;

// Decides, for one struct field, what to compare: nullopt drops the field.
using FieldFilter =
    std::function<std::optional<std::string>(const std::string& field, const std::string& value)>;

std::optional<std::string> keep_all(const std::string&, const std::string& v) { return v; }

// stat fields that differ between two tmpfs instances or two runs.
std::optional<std::string> stable_stat(const std::string& f, const std::string& v) {
  if (f == "st_ino") return v == "-1" ? v : "<ino>";  // -1 marks a failed entry in lists
  if (f == "st_dev" || f.find("time") != std::string::npos) return std::nullopt;
  return v;
}

std::optional<std::string> stable_statvfs(const std::string& f, const std::string& v) {
  if (f == "bsize" || f == "frsize" || f == "namemax") return v;
  return std::nullopt;
}

std::string render_fields(const Fields& f, const FieldFilter& filter) {
  std::string out = "{";
  for (const auto& [k, v] : f) {
    auto kept = filter(k, v);
    if (!kept) continue;
    if (out.size() > 1) out += ", ";
    out += k + "=" + quote(*kept);
  }
  return out + "}";
}

std::string render_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + quote(v[i]);
  return out + "]";
}

// The reply as one line: what the library would report, decoded by the
// action's return type from the action table.
std::string render(const Reply& r, const proto::ActionInfo& a,
                   const FieldFilter& filter = keep_all) {
  if (!r.problem.empty()) return "PROTOCOL PROBLEM: " + r.problem;
  if (!r.ok) return "ERROR errno=" + quote(r.err) + " message=" + quote(r.message);
  const std::string bad = "OK but undecodable body (" + std::to_string(r.body.size()) + " bytes)";
  const char* sname = a.ret_struct >= 0 ? proto::kStructs[a.ret_struct].name : "";
  switch (a.ret) {
    case RetKind::Err:
      return r.body.empty() ? "OK" : bad;
    case RetKind::Int: {
      auto v = as_int(r);
      return v ? "OK " + std::to_string(*v) : bad;
    }
    case RetKind::Int64: {
      auto v = as_int64(r);
      return v ? "OK " + std::to_string(*v) : bad;
    }
    case RetKind::Bool: {
      auto v = as_bool(r);
      return v ? std::string("OK ") + (*v ? "true" : "false") : bad;
    }
    case RetKind::String:
    case RetKind::Buffer: {
      std::string v;
      proto::XdrDecoder d(r.body.data(), r.body.size());
      return d.get_bytes(v) && d.at_end() ? "OK " + quote(v) : bad;
    }
    case RetKind::StringList:
    case RetKind::Hashtable: {
      auto v = as_strings(r);
      return v ? "OK " + render_list(*v) : bad;
    }
    case RetKind::Struct: {
      auto v = as_struct(r, sname);
      return v ? "OK " + render_fields(*v, filter) : bad;
    }
    case RetKind::StructList: {
      auto v = as_struct_list(r, sname);
      if (!v) return bad;
      std::string out = "OK [";
      for (size_t i = 0; i < v->size(); ++i)
        out += (i ? ", " : "") + render_fields((*v)[i], filter);
      return out + "]";
    }
  }
  return bad;
}

ArgsFn path_and(const std::string& path, const std::vector<std::string>& names) {
  return [path, names](proto::XdrEncoder& e) {
    e.put(path);
    e.put(names);
  };
}

ArgsFn bool_opt(const std::string& path, bool v) {
  return [path, v](proto::XdrEncoder& e) {
    e.put(path);
    e.put(v);
  };
}

ArgsFn int_path(int32_t n, const std::string& path) {
  return [n, path](proto::XdrEncoder& e) {
    e.put(n);
    e.put(path);
  };
}

// Arguments in order; strings must be std::string (a char* would encode as a bool).
template <class... A>
ArgsFn args_of(A... a) {
  static_assert((!std::is_pointer_v<A> && ...), "pass std::string, not char*");
  return [=](proto::XdrEncoder& e) { (e.put(a), ...); };
}

// Only the times that a test sets itself.
std::optional<std::string> set_times_only(const std::string& f, const std::string& v) {
  if (f.starts_with("st_atime") || f.starts_with("st_mtime")) return v;
  return std::nullopt;
}

std::optional<std::string> owner_and_mode(const std::string& f, const std::string& v) {
  if (f == "st_uid" || f == "st_gid" || f == "st_mode" || f == "st_rdev" || f == "st_nlink")
    return v;
  return std::nullopt;
}

class SideBySide : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    GFSD_REQUIRE_ORIGINAL();
    DaemonOptions o;
    o.binary = kOriginalDaemon;
    orig_ = std::make_unique<Served>(o);
    ours_ = std::make_unique<Served>();
    ASSERT_TRUE(orig_->start()) << "original daemon";
    ASSERT_TRUE(ours_->start()) << "our daemon";
  }

  // Runs `probe` on both daemons and expects the same text.
  void same(const std::string& label, const std::function<std::string(TestClient&)>& probe) {
    const std::string want = probe(orig_->client());
    const std::string got = probe(ours_->client());
    // GFSD_SIDE_BY_SIDE_LOG=1 prints every step, equal or not.
    if (std::getenv("GFSD_SIDE_BY_SIDE_LOG"))
      std::printf("%s %s\n    original: %s\n    ours:     %s\n", got == want ? "SAME" : "DIFF",
                  label.c_str(), want.c_str(), got.c_str());
    if (got != want)
      ADD_FAILURE() << "DIFFERENCE in " << label << "\n  original: " << want
                    << "\n  ours:     " << got;
  }

  // One call, rendered by its return type.
  void same_call(const std::string& name, const ArgsFn& args = {}, uint64_t optargs = 0,
                 const FieldFilter& filter = keep_all, const std::string& note = "") {
    const proto::ActionInfo* a = proto::find_action(name);
    ASSERT_NE(a, nullptr) << name;
    std::string label = name + args_text(args);
    if (optargs) label += " optargs=" + std::to_string(optargs);
    if (!note.empty()) label += " [" + note + "]";
    same(label, [&](TestClient& c) { return render(c.call(name, args, optargs), *a, filter); });
  }

  // Prepares files straight in both private /sysroots, so that a test does
  // not depend on the daemon action that would otherwise create them.
  void on_both_roots(const std::function<bool(const std::string& root)>& fn) {
    ASSERT_TRUE(fn(orig_->daemon().host_path(""))) << "host-side setup failed (original)";
    ASSERT_TRUE(fn(ours_->daemon().host_path(""))) << "host-side setup failed (ours)";
  }
  void host_symlink(const std::string& target, const std::string& link) {
    on_both_roots([&](const std::string& root) {
      return symlink(target.c_str(), (root + link).c_str()) == 0;
    });
  }

  // Steps that build the same tree in both daemons; they must agree too.
  void setup_call(const std::string& name, const ArgsFn& args) { same_call(name, args); }

  void same_download(const std::string& name, const std::string& path, bool sort_nul_list) {
    same_download(name, str_arg(path), "(" + quote(path) + ")", sort_nul_list);
  }
  void same_download(const std::string& name, const ArgsFn& args, const std::string& label,
                     bool sort_nul_list) {
    same(name + label + " stream", [&](TestClient& c) {
      DownloadResult d = c.download(name, args);
      std::string head = render(d.reply, *proto::find_action(name));
      if (!d.reply.ok || !d.reply.problem.empty()) return head;
      if (!d.ended) return head + " stream not ended properly";
      if (!sort_nul_list) return head + " data=" + quote(d.data);
      std::vector<std::string> names;
      size_t start = 0;
      for (size_t i = 0; i < d.data.size(); ++i)
        if (d.data[i] == '\0') {
          names.push_back(d.data.substr(start, i - start));
          start = i + 1;
        }
      if (start != d.data.size()) names.push_back("<unterminated:" + d.data.substr(start) + ">");
      std::sort(names.begin(), names.end());
      return head + " names=" + render_list(names);
    });
  }

  static std::string args_text(const ArgsFn& args) {
    if (!args) return "()";
    const std::string b = encode_args(args);
    // Show the string arguments, enough to tell steps apart.
    std::string out = "(";
    for (size_t i = 0; i + 4 <= b.size();) {
      const uint32_t n = (uint32_t{static_cast<unsigned char>(b[i])} << 24) |
                         (uint32_t{static_cast<unsigned char>(b[i + 1])} << 16) |
                         (uint32_t{static_cast<unsigned char>(b[i + 2])} << 8) |
                         static_cast<unsigned char>(b[i + 3]);
      if (n > 0 && n < 1u << 24 && i + 4 + n <= b.size() && b[i + 4] != '\0') {
        out += (n <= 40 ? quote(b.substr(i + 4, n)) : "<" + std::to_string(n) + " bytes>") + " ";
        i += 4 + ((n + 3) & ~3u);
      } else {
        out += std::to_string(static_cast<int32_t>(n)) + " ";
        i += 4;
      }
    }
    if (out.size() > 1) out.pop_back();
    return out + ")";
  }

  std::unique_ptr<Served> orig_;
  std::unique_ptr<Served> ours_;
};

TEST_F(SideBySide, PingEchoAndFeatures) {
  same_call("ping_daemon");
  same_call("echo_daemon", strs_arg({"hello", "", "world"}));
  same_call("echo_daemon", strs_arg({}));
  // Depends on the host: `lvm` is installed here, so both should say 0.
  same_call("internal_feature_available", str_arg("lvm2"), 0, keep_all, "host-dependent");
  same_call("internal_feature_available", str_arg("nosuchgroup"));
  same_call("internal_feature_available", str_arg("linuxxattrs"));
  // The same 38 names, available or not.
  same_call("available_all_groups");
}

// The groups the original serves from libraries linked into it: complete here
// too, and available as the original's once their libraries load.
TEST_F(SideBySide, LibraryGroupsAreAvailableAsTheOriginals) {
  for (const char* group : {"acl", "journal", "inotify", "libyara", "libtsk", "linuxcaps", "selinux"})
    same_call("internal_feature_available", str_arg(group));
}

// LUKS and MD: complete groups now, available as the original's where the
// host has cryptsetup and mdadm; md_create's checks before mdadm runs (no
// device is touched), the md listing, findfs of names nothing has.
TEST_F(SideBySide, LuksMdGroupsMdCreateChecksAndFindfs) {
  for (const char* group : {"luks", "mdadm"})
    same_call("internal_feature_available", str_arg(group), 0, keep_all, "host-dependent");
  auto md = [](int64_t missing, int32_t nr, int32_t spare, int64_t chunk,
               const std::string& level) {
    return args_of(std::string("/dev/md9"), std::vector<std::string>{}, missing, nr, spare,
                   chunk, level);
  };
  // optargs bits: 1 missingbitmap, 2 nrdevices, 4 spare, 8 chunk, 16 level.
  same_call("md_create", md(0, 1, 0, 0, ""), 2);
  same_call("md_create", md(0, 0, -1, 0, "x"), 4 | 16, keep_all, "spare is checked first");
  same_call("md_create", md(0, 0, 0, 0, "raid7"), 16);
  same_call("md_create", md(0, 0, 0, 1000, ""), 8);
  same_call("md_create", md(0, 3, 0, 0, ""), 2);
  same_call("md_create", md(-1, 0, 1, 0, ""), 1 | 4);
  same_call("list_md_devices");
  same_call("findfs_label", str_arg("gfsd-no-such-label"));
  same_call("findfs_uuid", str_arg("00000000-gfsd-0000"));
}

TEST_F(SideBySide, TouchAndMkdir) {
  same_call("touch", str_arg("/f"));
  same_call("touch", str_arg("/f"));
  same_call("touch", str_arg("/nodir/f"));
  same_call("mkdir", str_arg("/d"));
  same_call("mkdir", str_arg("/d"));
  same_call("mkdir", str_arg("/x/y/z"));
  same_call("mkdir", str_arg("/f/sub"));
  same_call("mkdir_p", str_arg("/d"));
  same_call("mkdir_p", str_arg("/a/b/c"));
  same_call("mkdir_p", str_arg("/a/b/c/"));
  same_call("mkdir_p", str_arg("/f"));
  same_call("mkdir_p", str_arg("/f/sub/deeper"));
  same_call("is_dir", bool_opt("/a/b/c", false));
  same_call("touch", str_arg("/d"));
}

TEST_F(SideBySide, RemoveFamily) {
  setup_call("mkdir_p", str_arg("/full/sub"));
  setup_call("touch", str_arg("/full/file"));
  setup_call("touch", str_arg("/f"));
  setup_call("mkdir", str_arg("/empty"));
  same_call("rmdir", str_arg("/full"));
  same_call("rmdir", str_arg("/f"));
  same_call("rmdir", str_arg("/missing"));
  same_call("rmdir", str_arg("/empty"));
  same_call("rm", str_arg("/full"));
  same_call("rm", str_arg("/missing"));
  same_call("rm", str_arg("/f"));
  same_call("rm_f", str_arg("/missing"));
  same_call("rm_f", str_arg("/full"));
  same_call("rm_f", str_arg("/full/file"));
  same_call("rm_f", str_arg("/nodir/x"));
  same_call("rm_rf", str_arg("/missing"));
  same_call("rm_rf", str_arg("/full"));
  same_call("exists", str_arg("/full"));
  same_call("rm_rf", str_arg("/"), 0, keep_all, "removes the contents of /");
  same_call("exists", str_arg("/"));
}

TEST_F(SideBySide, ExistsAndIsPredicates) {
  setup_call("touch", str_arg("/file"));
  setup_call("mkdir", str_arg("/dir"));
  host_symlink("file", "/link-file");
  host_symlink("/dir", "/link-dir");  // absolute: resolved inside the guest
  host_symlink("/nowhere", "/dangling");
  for (const char* p :
       {"/", "/file", "/dir", "/link-file", "/link-dir", "/dangling", "/missing", "/file/x"}) {
    same_call("exists", str_arg(p));
    same_call("is_file", bool_opt(p, false));
    same_call("is_file", bool_opt(p, true), 1);
    same_call("is_file", bool_opt(p, true), 0, keep_all, "value ignored, bit clear");
    same_call("is_dir", bool_opt(p, false));
    same_call("is_dir", bool_opt(p, true), 1);
    same_call("is_symlink", str_arg(p));
  }
  same_call("is_symlink", str_arg("/link-file"), 1, keep_all, "no optargs");
}

TEST_F(SideBySide, Ls0) {
  setup_call("mkdir", str_arg("/dir"));
  for (const char* n : {"/dir/b", "/dir/a", "/dir/.hidden", "/dir/with space", "/dir/nl\nname"})
    setup_call("touch", str_arg(n));
  setup_call("mkdir", str_arg("/dir/sub"));
  setup_call("mkdir", str_arg("/emptydir"));
  same_download("ls0", "/dir", true);
  same_download("ls0", "/emptydir", true);
  same_download("ls0", "/missing", true);
  same_download("ls0", "/dir/a", true);
}

TEST_F(SideBySide, StatFamily) {
  setup_call("mkdir", str_arg("/dir"));
  setup_call("internal_write", [](proto::XdrEncoder& e) {
    e.put(std::string("/dir/f"));
    e.put_bytes(std::string(5000, 'x'));
  });
  host_symlink("f", "/dir/l");
  for (const char* p : {"/", "/dir", "/dir/f", "/dir/l", "/missing"}) {
    same_call("statns", str_arg(p), 0, stable_stat);
    same_call("lstatns", str_arg(p), 0, stable_stat);
  }
  same_call("internal_lstatnslist", path_and("/dir", {"f", "l", "missing", ".", ".."}), 0,
            stable_stat);
  same_call("internal_lstatnslist", path_and("/dir", {}), 0, stable_stat);
  same_call("internal_lstatnslist", path_and("/dir", {"a/b"}), 0, stable_stat);
  same_call("internal_lstatnslist", path_and("/missing", {"f"}), 0, stable_stat);
  same_call("filesize", str_arg("/dir/f"));
  same_call("filesize", str_arg("/dir"));
  same_call("filesize", str_arg("/missing"));
  same_call("statvfs", str_arg("/"), 0, stable_statvfs);
  same_call("statvfs", str_arg("/missing"), 0, stable_statvfs);
}

TEST_F(SideBySide, Readlink) {
  setup_call("touch", str_arg("/f"));
  host_symlink("../../f", "/rel");
  host_symlink("/abs/target", "/abs");
  same_call("readlink", str_arg("/rel"));
  same_call("readlink", str_arg("/abs"));
  same_call("readlink", str_arg("/f"));
  same_call("readlink", str_arg("/missing"));
  same_call("internal_readlinklist", path_and("/", {"rel", "abs", "f", "missing"}));
  same_call("internal_readlinklist", path_and("/missing", {"rel"}));
  same_call("internal_readlinklist", path_and("/", {"x/y"}));
}

// grep, file_architecture, initrd_*, zfile: files made on the host side with
// the same tools in both roots (the host's /bin/ls as a binary).
class SideBySideFileTools : public SideBySide {
 protected:
  void SetUp() override {
    SideBySide::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    on_both_roots([](const std::string& root) {
      const std::string script =
          "set -e; cd '" + root + "'; "
          "printf 'abc\\ndef\\nghi\\nghi\\n\\nabc123\\nABC\\n' > test-grep.txt; "
          "gzip -c test-grep.txt > test-grep.txt.gz; bzip2 -c test-grep.txt > test-grep.txt.bz2; "
          "mkdir directory; ln -s /test-grep.txt abssymlink; "
          "cp /bin/ls ls; gzip -c ls > ls.gz; xz -c ls > ls.xz; "
          "mkdir -p t/bin; cp /bin/ls t/bin/ls; printf 'abc\\n' > t/known-1; "
          "(cd t && find . -mindepth 1 | sed 's|^\\./||' | sort | cpio --quiet -o -H newc)"
          " > initrd.img; "
          "gzip -c initrd.img > initrd; rm -rf t";
      return std::system(("{ " + script + "; } >/dev/null 2>&1").c_str()) == 0;
    });
  }
};

TEST_F(SideBySideFileTools, GrepFamily) {
  auto re_path = [](const std::string& re, const std::string& path) {
    return args_of(re, path);
  };
  auto grep_opts = [](const std::string& re, const std::string& path, bool e, bool f, bool i,
                      bool z) { return args_of(re, path, e, f, i, z); };
  for (uint64_t bits = 0; bits < 16; ++bits) {
    const bool e = bits & 1, f = bits & 2, i = bits & 4, z = bits & 8;
    same_call("grep", grep_opts("abc", z ? "/test-grep.txt.gz" : "/test-grep.txt", e, f, i, z),
              bits);
  }
  same_call("grep", grep_opts("nomatch", "/test-grep.txt", false, false, false, false));
  same_call("grep", grep_opts("abc", "/abssymlink", false, false, false, false));
  same_call("grep", grep_opts("abc", "/directory", false, false, false, false));
  same_call("grep", grep_opts("abc", "/directory", false, false, false, true), 8);
  same_call("grep", grep_opts("abc", "/missing", false, false, false, false));
  same_call("grep", grep_opts("abc", "/nodir/x", false, false, false, false));
  same_call("grep", grep_opts("[", "/test-grep.txt", false, false, false, false));
  same_call("grep", grep_opts("^$", "/test-grep.txt", false, false, false, false));
  same_call("grep", grep_opts("abc", "/test-grep.txt.gz", false, false, false, false));
  for (const char* alias : {"grepi", "egrep", "egrepi", "fgrep", "fgrepi", "zgrep", "zgrepi",
                            "zegrep", "zegrepi", "zfgrep", "zfgrepi"}) {
    const bool z = alias[0] == 'z';
    same_call(alias, re_path("abc|ABC", z ? "/test-grep.txt.gz" : "/test-grep.txt"));
    same_call(alias, re_path("a.c", "/test-grep.txt"));
    same_call(alias, re_path("abc", "/directory"));
  }
}

// Computed in our daemon, by the coreutils tools in the original's: the same
// sums, the same lines in find's order with the same escapes, the same errors.
TEST_F(SideBySideFileTools, Checksums) {
  on_both_roots([](const std::string& root) {
    const std::string script =
        "set -e; cd '" + root + "'; mkdir -p sums/sub 'sums/a b'; "
        "printf x > 'sums/a b/n\nl'; printf y > 'sums/back\\slash'; "
        "printf z > \"sums/cr$(printf '\r')r\"; printf w > sums/plain; ln -s plain sums/link; "
        "mkfifo sums/fifo; head -c 3000000 /bin/ls > sums/sub/big; : > sums/sub/empty";
    return std::system(("{ " + script + "; } >/dev/null 2>&1").c_str()) == 0;
  });
  for (const char* type : {"crc", "md5", "sha1", "sha224", "SHA256", "sha384", "sha512", "sha3"}) {
    for (const char* p : {"/test-grep.txt", "/ls", "/sums/sub/empty", "/directory", "/abssymlink",
                          "/missing"})
      same_call("checksum", args_of(std::string(type), std::string(p)));
    for (const char* dir : {"/sums", "/sums/sub", "/missing", "/test-grep.txt"})
      same_download("checksums_out", args_of(std::string(type), std::string(dir)),
                    std::string("(") + type + ", " + dir + ")", false);
  }
}

TEST_F(SideBySideFileTools, FileArchitecture) {
  for (const char* p : {"/ls", "/ls.gz", "/ls.xz", "/initrd", "/initrd.img", "/test-grep.txt",
                        "/test-grep.txt.gz", "/directory", "/abssymlink", "/missing", "/nodir/x"})
    same_call("file_architecture", str_arg(p));
}

TEST_F(SideBySideFileTools, InitrdListAndCat) {
  for (const char* p : {"/initrd", "/initrd.img", "/test-grep.txt.gz", "/directory", "/missing",
                        "/nodir/x"})
    same_call("initrd_list", str_arg(p));
  // (Not a directory of the archive, nor a pattern such as "known-*": the
  // original leaves what cpio extracted for those in the host's /tmp.)
  for (const auto& [initrd, name] : std::vector<std::pair<std::string, std::string>>{
           {"/initrd", "known-1"}, {"/initrd", "bin/ls"},
           {"/initrd", "nothere"}, {"/initrd", "../x"},
           {"/initrd.img", "known-1"}, {"/missing", "known-1"}})
    same_call("initrd_cat", args_of(initrd, name));
}

TEST_F(SideBySideFileTools, Zfile) {
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"gzip", "/test-grep.txt.gz"}, {"compress", "/ls.gz"}, {"bzip2", "/test-grep.txt.bz2"},
           {"bzip2", "/test-grep.txt.gz"}, {"xz", "/ls.xz"}, {"gzip", "/missing"},
           {"gzip", "/nodir/x"}, {"gzip", "/directory"}, {"gzip", "/abssymlink"}})
    same_call("zfile", args_of(method, path));
}

TEST_F(SideBySide, Xattrs) {
  // tmpfs keeps user.* attributes from Linux 6.6 and trusted.* for root.
  setup_call("touch", str_arg("/f"));
  setup_call("touch", str_arg("/g"));
  auto set = [](const std::string& name, const std::string& val, const std::string& path) {
    return [=](proto::XdrEncoder& e) {
      e.put(name);
      e.put(val);
      e.put(static_cast<int32_t>(val.size()));
      e.put(path);
    };
  };
  on_both_roots([](const std::string& root) {
    const std::string f = root + "/f";
    return lsetxattr(f.c_str(), "user.b", "two", 3, 0) == 0 &&
           lsetxattr(f.c_str(), "user.a", "one", 3, 0) == 0 &&
           lsetxattr(f.c_str(), "trusted.t", "bin\x01", 4, 0) == 0;
  });
  same_call("lgetxattrs", str_arg("/f"), 0, keep_all, "host kernel dependent");
  same_call("lgetxattrs", str_arg("/g"));
  same_call("lgetxattrs", str_arg("/missing"));
  same_call("internal_lxattrlist", path_and("/", {"f", "g", "missing"}), 0, keep_all,
            "host kernel dependent");
  same_call("internal_lxattrlist", path_and("/", {}));
  same_call("internal_lxattrlist", path_and("/", {"a/b"}));
  // And through the daemon's own setters.
  same_call("lsetxattr", set("user.c", "three", "/g"));
  // vallen shorter than the string: only vallen bytes are stored.
  same_call("setxattr", [](proto::XdrEncoder& e) {
    e.put(std::string("user.d"));
    e.put(std::string("fourXX"));
    e.put(int32_t{4});
    e.put(std::string("/g"));
  });
  same_call("lsetxattr", set("user.e", "x", "/missing"));
  same_call("lsetxattr", set("nonamespace", "x", "/g"));
  same_call("lgetxattrs", str_arg("/g"));
}

TEST_F(SideBySide, LnS) {
  setup_call("touch", str_arg("/f"));
  auto ln = [](const std::string& target, const std::string& link) {
    return [=](proto::XdrEncoder& e) {
      e.put(target);
      e.put(link);
    };
  };
  same_call("ln_s", ln("f", "/l"));
  same_call("ln_s", ln("f", "/l"));
  same_call("ln_s", ln("/whatever", "/nodir/l"));
  same_call("ln_s", ln("", "/empty-target"));
  same_call("readlink", str_arg("/l"));
  same_call("is_symlink", str_arg("/l"));
  same_call("is_file", bool_opt("/l", true), 1);
}

TEST_F(SideBySide, WriteAppendFilesize) {
  auto write = [](const std::string& path, const std::string& content) {
    return [=](proto::XdrEncoder& e) {
      e.put(path);
      e.put_bytes(content);
    };
  };
  same_call("internal_write", write("/w", std::string("abc\0def", 7)));
  same_call("filesize", str_arg("/w"));
  same_call("internal_write_append", write("/w", "ghi"));
  same_call("filesize", str_arg("/w"));
  same_download("download", "/w", false);
  same_call("internal_write", write("/w", ""));
  same_call("filesize", str_arg("/w"));
  same_call("internal_write_append", write("/new", "created"));
  same_call("internal_write", write("/nodir/w", "x"));
  same_call("internal_write_append", write("/nodir/w", "x"));
  setup_call("mkdir", str_arg("/dir"));
  same_call("internal_write", write("/dir", "x"));
}

TEST_F(SideBySide, Mktemp) {
  setup_call("mkdir", str_arg("/tmp"));
  // The random part differs; compare its shape and that the file exists.
  auto shape = [](const std::string& tmpl, std::optional<std::string> suffix, uint64_t bits) {
    return [=](TestClient& c) {
      Reply r = c.call(
          "mktemp",
          [&](proto::XdrEncoder& e) {
            e.put(tmpl);
            e.put(suffix.value_or(""));  // OString is a plain string on the wire
          },
          bits);
      if (!r.ok || !r.problem.empty()) {
        // The random part shows up in the error text too.
        std::string msg = render(r, *proto::find_action("mktemp"));
        const size_t x = tmpl.rfind("XXXXXX");
        const size_t at = x == std::string::npos ? x : msg.find(tmpl.substr(0, x));
        if (at != std::string::npos && at + x + 6 <= msg.size()) msg.replace(at + x, 6, "<rand>");
        return msg;
      }
      auto s = as_string(r);
      if (!s) return std::string("undecodable");
      std::string out = "OK len=" + std::to_string(s->size());
      const size_t x = tmpl.rfind("XXXXXX");
      if (x != std::string::npos && s->size() >= x) out += " prefix=" + quote(s->substr(0, x));
      const std::string sfx = (bits & 1) && suffix ? *suffix : "";
      out += s->ends_with(sfx) ? " suffix-ok" : " suffix-WRONG";
      out += " is_file=" +
             render(c.call("is_file", bool_opt(*s, false)), *proto::find_action("is_file"));
      return out;
    };
  };
  same("mktemp /tmp/fooXXXXXX", shape("/tmp/fooXXXXXX", std::nullopt, 0));
  same("mktemp /tmp/barXXXXXX suffix .txt", shape("/tmp/barXXXXXX", ".txt", 1));
  same("mktemp suffix given but bit clear", shape("/tmp/bazXXXXXX", ".ign", 0));
  same("mktemp /tmp/noX", shape("/tmp/noX", std::nullopt, 0));
  same("mktemp /tmp/abc suffix .s", shape("/tmp/abc", ".s", 1));
  same("mktemp /nodir/XXXXXX", shape("/nodir/XXXXXX", std::nullopt, 0));
  same("mktemp relative", shape("tmpXXXXXX", std::nullopt, 0));
}

TEST_F(SideBySide, ChmodChown) {
  setup_call("touch", str_arg("/f"));
  same_call("chmod", int_path(0700, "/f"));
  same_call("statns", str_arg("/f"), 0, stable_stat);
  same_call("chmod", int_path(04755, "/f"));
  same_call("statns", str_arg("/f"), 0, stable_stat);
  same_call("chmod", int_path(-1, "/f"), 0, keep_all, "negative mode");
  same_call("chmod", int_path(07777777, "/f"));
  same_call("statns", str_arg("/f"), 0, stable_stat);
  same_call("chmod", int_path(0644, "/missing"));
  same_call("chown", [](proto::XdrEncoder& e) {
    e.put(int32_t{1000});
    e.put(int32_t{2000});
    e.put(std::string("/f"));
  });
  same_call("statns", str_arg("/f"), 0, stable_stat);
  same_call("chown", [](proto::XdrEncoder& e) {
    e.put(int32_t{-1});
    e.put(int32_t{3000});
    e.put(std::string("/f"));
  });
  same_call("statns", str_arg("/f"), 0, stable_stat);
  same_call("chown", [](proto::XdrEncoder& e) {
    e.put(int32_t{0});
    e.put(int32_t{0});
    e.put(std::string("/missing"));
  });
}

TEST_F(SideBySide, TruncateAndUmask) {
  setup_call("internal_write", [](proto::XdrEncoder& e) {
    e.put(std::string("/f"));
    e.put_bytes(std::string("0123456789"));
  });
  same_call("truncate", str_arg("/f"));
  same_call("filesize", str_arg("/f"));
  same_call("truncate", str_arg("/missing"));
  same_call("truncate_size", [](proto::XdrEncoder& e) {
    e.put(std::string("/f"));
    e.put(int64_t{12345});
  });
  same_call("filesize", str_arg("/f"));
  same_call("truncate_size", [](proto::XdrEncoder& e) {
    e.put(std::string("/f"));
    e.put(int64_t{-1});
  });
  same_call("umask", [](proto::XdrEncoder& e) { e.put(int32_t{077}); });
  same_call("umask", [](proto::XdrEncoder& e) { e.put(int32_t{022}); });
  same_call("umask", [](proto::XdrEncoder& e) { e.put(int32_t{-1}); });
  same_call("umask", [](proto::XdrEncoder& e) { e.put(int32_t{01777}); });
  same_call("umask", [](proto::XdrEncoder& e) { e.put(int32_t{027}); });
  same_call("touch", str_arg("/after-umask"));
  same_call("statns", str_arg("/after-umask"), 0, stable_stat, "mode reflects umask 027");
  same_call("mkdir", str_arg("/dir-after-umask"));
  same_call("statns", str_arg("/dir-after-umask"), 0, stable_stat);
}

TEST_F(SideBySide, RelativeAndOddPaths) {
  for (const char* name : {"touch", "mkdir", "mkdir_p", "rm", "rm_rf", "exists", "is_symlink",
                           "statns", "readlink", "filesize", "truncate"})
    same_call(name, str_arg("relative"));
  same_call("is_file", bool_opt("relative", false));
  same_call("touch", str_arg(""));
  same_call("exists", str_arg("/../../.."));
  same_call("touch", str_arg("/../escape"));
  same_call("exists", str_arg("/escape"));
  same_call("internal_lstatnslist", path_and("rel", {"x"}), 0, stable_stat);
  same_download("download", "relative", false);
}

TEST_F(SideBySide, UploadDownload) {
  std::string data;
  for (int i = 0; i < 30000; ++i) data += static_cast<char>((i * 7) % 251);
  same("upload /up (30000 bytes) then download", [&](TestClient& c) {
    UploadResult u = c.upload("upload", str_arg("/up"), data);
    std::string out = render(u.reply, *proto::find_action("upload"));
    out += u.daemon_cancelled ? " daemon-cancelled" : "";
    DownloadResult d = c.download("download", str_arg("/up"));
    out += " | " + render(d.reply, *proto::find_action("download"));
    out += d.data == data ? " same-data" : " DATA DIFFERS (" + std::to_string(d.data.size()) + ")";
    return out;
  });
  same("upload to /nodir/up", [&](TestClient& c) {
    UploadResult u = c.upload("upload", str_arg("/nodir/up"), data);
    return render(u.reply, *proto::find_action("upload")) +
           (u.daemon_cancelled ? " daemon-cancelled" : " no-cancel");
  });
  same("upload cancelled by client", [&](TestClient& c) {
    UploadOptions o;
    o.cancel_after = 2;
    UploadResult u = c.upload("upload", str_arg("/cancelled"), data, o);
    return render(u.reply, *proto::find_action("upload")) + " then " +
           render(c.call("ping_daemon"), *proto::find_action("ping_daemon"));
  });
  same_download("download", "/missing", false);
  setup_call("mkdir", str_arg("/dir"));
  same_download("download", "/dir", false);
  // Big enough that the daemon is still sending when our CANCEL arrives.
  same("upload /big (8 MiB)", [&](TestClient& c) {
    return render(c.upload("upload", str_arg("/big"), std::string(8 << 20, 'b')).reply,
                  *proto::find_action("upload"));
  });
  same("download cancelled by client", [&](TestClient& c) {
    DownloadOptions o;
    o.cancel_after = 1;
    DownloadResult d = c.download("download", str_arg("/big"), o);
    return render(d.reply, *proto::find_action("download")) +
           (d.cancel_chunk ? " cancel-chunk"
            : d.ended      ? " ended"
                           : " ???") +
           " then " + render(c.call("ping_daemon"), *proto::find_action("ping_daemon"));
  });
}

TEST_F(SideBySide, HardLinksAndRename) {
  setup_call("internal_write", args_of("/f"s, "data"s));
  setup_call("mkdir", str_arg("/d"));
  host_symlink("d", "/rel_d");
  same_call("ln", args_of("/f"s, "/h"s));
  same_call("lstatns", str_arg("/h"), 0, owner_and_mode, "nlink 2");
  same_call("ln", args_of("/f"s, "/h"s));
  same_call("ln", args_of("/missing"s, "/x"s));
  same_call("ln", args_of("/d"s, "/dl"s));
  same_call("ln", args_of("/f"s, "/nodir/x"s));
  same_call("ln", args_of("/f"s, "/"s));
  same_call("ln", args_of("/f"s, "/f/"s));
  same_call("ln", args_of("/rel_d"s, "/hl"s));
  same_call("lstatns", str_arg("/hl"), 0, owner_and_mode, "a link to the symlink itself");
  same_call("ln", args_of("/f"s, "/rel_d/h"s));
  same_call("ln_f", args_of("/f"s, "/h"s));
  same_call("ln_f", args_of("/f"s, "/d"s));
  same_call("ln_f", args_of("/missing"s, "/h"s));
  same_call("exists", str_arg("/h"), 0, keep_all, "ln_f removed it before failing");
  same_call("ln_f", args_of("/f"s, "/new"s));
  same_call("rename", args_of("/f"s, "/g"s));
  same_call("exists", str_arg("/f"));
  same_call("rename", args_of("/missing"s, "/x"s));
  same_call("rename", args_of("/"s, "/x"s));
  same_call("rename", args_of("/g"s, "/.."s));
  same_call("rename", args_of("/d"s, "/g"s));
  same_call("rename", args_of("/g"s, "/d"s));
  same_call("rename", args_of("/g"s, "/nodir/x"s));
  same_call("rename", args_of("/d"s, "/d/sub"s));
  same_call("rename", args_of("/g/"s, "/x"s));
  same_call("rename", args_of("/g"s, "/rel_d/g"s));
  same_call("rename", args_of("/rel_d"s, "/moved_link"s));
  same_call("is_symlink", str_arg("/moved_link"));
  same_call("pread", args_of("/d/g"s, int32_t{10}, int64_t{0}));
}

TEST_F(SideBySide, LnSIntoDirectoriesAndLnSf) {
  setup_call("touch", str_arg("/f"));
  setup_call("touch", str_arg("/g"));
  setup_call("mkdir_p", str_arg("/d/sub"));
  host_symlink("d", "/rel_d");
  auto ln = [](const std::string& target, const std::string& link) {
    return args_of(target, link);
  };
  same_call("ln_s", ln("/f", "/d"));
  same_call("readlink", str_arg("/d/f"));
  same_call("ln_s", ln("/x/target/", "/d"));
  same_call("ln_s", ln("/x/target/", "/d"));
  same_call("ln_s", ln("/x/target2", "/rel_d"));
  same_call("readlink", str_arg("/d/target2"));
  same_call("ln_s", ln("a/..", "/d"));
  same_call("ln_sf", ln("a/..", "/d"));
  same_call("ln_sf", ln("/q/sub", "/d"));
  same_call("ln_sf", ln("/", "/d"));
  same_call("ln_s", ln("/", "/d"));
  same_call("ln_s", ln("x", "/"));
  same_call("readlink", str_arg("/x"));
  same_call("ln_s", ln("x", "/"));
  same_call("ln_sf", ln("new", "/f"));
  same_call("readlink", str_arg("/f"));
  same_call("ln_sf", ln("newer", "/f"));
  same_call("readlink", str_arg("/f"));
  same_call("ln_sf", ln("x", "/f/"));
  same_call("ln_sf", ln("x", "/g/"));
  same_call("ln_s", ln("x", "/g/"));
  same_call("ln_s", ln("x", "/g/y"));
  same_call("ln_sf", ln("x", "/g/y"));
  same_call("ln_sf", ln("t", "/nodir/l"));
  same_call("ln_sf", ln("t", "/new"));
  same_call("readlink", str_arg("/new"));
  same_call("ln_sf", ln("", "/g"));
  same_call("ln_s", ln("", "/d"));
  same_call("ln_sf", ln("", "/d"));
  same_call("ln_s", ln("x", "/no dir/a'b\n"));
  same_call("ln_s", ln("x", "/nodir/it's"));
  same_call("ln_s", ln("x", "/nodir/\x01\xc3\xa9"));
  setup_call("mkdir", str_arg("/d/a:b"));
  same_call("ln_sf", ln("/q/a:b", "/d"), 0, keep_all, "':' is quoted");
  same_call("ln_s", ln(std::string(5000, 'a'), "/toolong"));
  same_call("ln_s", ln("-f", "/dash"));
  same_call("readlink", str_arg("/dash"));
}

TEST_F(SideBySide, XattrsFollowAndRemove) {
  setup_call("touch", str_arg("/f"));
  host_symlink("f", "/l");
  auto set = [](const std::string& name, const std::string& val, int32_t len,
                const std::string& path) { return args_of(name, val, len, path); };
  same_call("setxattr", set("user.a", "1", 1, "/l"));
  same_call("getxattr", args_of("/l"s, "user.a"s));
  same_call("lgetxattr", args_of("/l"s, "user.a"s));
  same_call("lgetxattr", args_of("/f"s, "user.a"s));
  same_call("getxattrs", str_arg("/l"));
  same_call("lgetxattrs", str_arg("/f"));
  same_call("lsetxattr", set("user.b", "2", 1, "/l"));
  same_call("setxattr", set("user.c", "ab", 3, "/f"), 0, keep_all, "vallen counts the NUL");
  same_call("lgetxattr", args_of("/f"s, "user.c"s));
  same_call("setxattr", set("user.big", "x", 65537, "/f"));
  same_call("setxattr", set("user.neg", "x", -1, "/f"));
  same_call("setxattr", set("user.neg", "x", -1, "/missing"));
  same_call("setxattr", set("", "x", 1, "/missing"));
  same_call("setxattr", set("user.max", std::string(65536, 'm'), 65536, "/f"));
  same_call("getxattr", args_of("/f"s, "user.max"s));
  same_call("getxattr", args_of("/missing"s, "user.a"s));
  same_call("getxattr", args_of("/f"s, ""s));
  same_call("getxattr", args_of("/f"s, "user.none"s));
  same_call("getxattrs", str_arg("/missing"));
  same_call("removexattr", args_of("user.a"s, "/l"s));
  same_call("removexattr", args_of("user.a"s, "/l"s));
  same_call("lremovexattr", args_of("user.c"s, "/l"s));
  same_call("lremovexattr", args_of("user.c"s, "/f"s));
  same_call("lremovexattr", args_of("user.c"s, "/missing"s));
  same_call("removexattr", args_of("nonamespace"s, "/f"s));
  same_call("lgetxattrs", str_arg("/f"));
}

TEST_F(SideBySide, PreadPwrite) {
  setup_call("internal_write", args_of("/f"s, "0123456789"s));
  setup_call("mkdir", str_arg("/d"));
  host_symlink("f", "/l");
  auto rd = [](const std::string& path, int32_t count, int64_t offset) {
    return args_of(path, count, offset);
  };
  auto wr = [](const std::string& path, const std::string& data, int64_t offset) {
    return args_of(path, data, offset);
  };
  same_call("pread", rd("/f", 4, 3));
  same_call("pread", rd("/f", 100, 8));
  same_call("pread", rd("/f", 4, 100));
  same_call("pread", rd("/f", 0, 0));
  same_call("pread", rd("/l", 3, 0));
  same_call("pread", rd("/f", -1, 0));
  same_call("pread", rd("/f", 1, -1));
  same_call("pread", rd("/f", 4 * 1024 * 1024, 0));
  same_call("pread", rd("/f", 4 * 1024 * 1024 - 1, 0));
  same_call("pread", rd("/missing", -1, 0));
  same_call("pread", rd("/missing", 1, 0));
  same_call("pread", rd("/d", 1, 0));
  same_call("pwrite", wr("/f", "XY", 2));
  same_call("pread", rd("/f", 100, 0));
  same_call("pwrite", wr("/l", "end", 12));
  same_call("pread", rd("/f", 100, 0));
  same_call("pwrite", wr("/f", "", 0));
  same_call("pwrite", wr("/missing", "x", 0));
  same_call("pwrite", wr("/missing", "x", -1));
  same_call("pwrite", wr("/d", "x", 0));
  same_call("filesize", str_arg("/f"));
}

TEST_F(SideBySide, NodesAndDirectories) {
  auto node = [](int32_t mode, int32_t major, int32_t minor, const std::string& path) {
    return args_of(mode, major, minor, path);
  };
  same_call("mknod", node(0010644, 0, 0, "/fifo"));
  same_call("lstatns", str_arg("/fifo"), 0, owner_and_mode);
  same_call("mkfifo", args_of(int32_t{0600}, "/p"s));
  same_call("mkfifo", args_of(int32_t{0600}, "/p"s));
  same_call("mkfifo", args_of(int32_t{010644}, "/q"s));
  same_call("mkfifo", args_of(int32_t{0600}, "/nodir/p"s));
  same_call("mkfifo", args_of(int32_t{0600}, "/"s));
  same_call("mkfifo", args_of(int32_t{0600}, "/nf/"s));
  same_call("mknod_b", node(0600, 8, 1, "/b"));
  same_call("lstatns", str_arg("/b"), 0, owner_and_mode);
  same_call("mknod_c", node(0644, 1, 3, "/c"));
  same_call("lstatns", str_arg("/c"), 0, owner_and_mode);
  same_call("mknod_c", node(0644, 4095, 1048575, "/c-max"));
  same_call("lstatns", str_arg("/c-max"), 0, owner_and_mode);
  same_call("mknod_b", node(0600, -1, 0, "/bad"));
  same_call("mknod_c", node(0600, 0, -1, "/bad"));
  same_call("mknod_c", node(-1, 0, 0, "/bad"));
  same_call("mknod", node(-1, 0, 0, "/bad"));
  same_call("mknod", node(0, 0, 0, "/reg"));
  same_call("lstatns", str_arg("/reg"), 0, owner_and_mode);
  same_call("mknod", node(0040755, 0, 0, "/dirnode"));
  same_call("mknod", node(0140755, 0, 0, "/sock"));
  same_call("mkdir_mode", args_of("/m"s, int32_t{0700}));
  same_call("lstatns", str_arg("/m"), 0, owner_and_mode);
  same_call("mkdir_mode", args_of("/m"s, int32_t{0700}));
  same_call("mkdir_mode", args_of("/m2"s, int32_t{-1}));
  same_call("mkdir_mode", args_of("/m3"s, int32_t{07777}));
  same_call("lstatns", str_arg("/m3"), 0, owner_and_mode);
  same_call("mkdir_mode", args_of("/nodir/x"s, int32_t{0755}));
  host_symlink("fifo", "/link");
  // Entries sorted by name, inode numbers only checked to be there.
  auto listing = [](const std::string& dir) {
    return [dir](TestClient& c) {
      Reply r = c.call("readdir", str_arg(dir));
      if (!r.ok || !r.problem.empty()) return render(r, *proto::find_action("readdir"));
      auto v = as_struct_list(r, "dirent");
      if (!v) return std::string("undecodable");
      std::vector<std::string> rows;
      for (auto& e : *v)
        rows.push_back(e["name"] + ":" + e["ftyp"] + (e["ino"] == "0" ? ":ino0" : ""));
      std::sort(rows.begin(), rows.end());
      return "OK " + render_list(rows);
    };
  };
  same("readdir /", listing("/"));
  same("readdir /m", listing("/m"));
  same("readdir /missing", listing("/missing"));
  same("readdir /fifo", listing("/fifo"));
}

TEST_F(SideBySide, TimesOwnersUmaskRealpath) {
  setup_call("touch", str_arg("/f"));
  setup_call("mkdir", str_arg("/d"));
  host_symlink("f", "/l");
  host_symlink("/d", "/abs_d");
  auto times = [](const std::string& path, int64_t as, int64_t an, int64_t ms, int64_t mn) {
    return args_of(path, as, an, ms, mn);
  };
  same_call("utimens", times("/f", 1000, 5, 2000, 6));
  same_call("lstatns", str_arg("/f"), 0, set_times_only);
  same_call("utimens", times("/l", 3000, 0, 4000, 0));
  same_call("lstatns", str_arg("/l"), 0, set_times_only);
  same_call("lstatns", str_arg("/f"), 0, set_times_only, "the target kept its times");
  same_call("utimens", times("/f", 10, -2, 20, -2));
  same_call("lstatns", str_arg("/f"), 0, set_times_only, "both omitted");
  same_call("utimens", times("/f", 10, -1, 20, -1));
  same_call("utimens", times("/f", 0, 2000000000, 0, 0));
  same_call("utimens", times("/f", 0, -3, 0, 0));
  same_call("utimens", times("/missing", 0, 0, 0, 0));
  same_call("utimens", times("/", 50, 0, 60, 0));
  same_call("lstatns", str_arg("/"), 0, set_times_only);
  same_call("utimens", times("/abs_d/", 70, 0, 80, 0));
  same_call("lstatns", str_arg("/d"), 0, set_times_only);
  same_call("lchown", args_of(int32_t{1000}, int32_t{1001}, "/l"s));
  same_call("lstatns", str_arg("/l"), 0, owner_and_mode);
  same_call("lstatns", str_arg("/f"), 0, owner_and_mode);
  same_call("lchown", args_of(int32_t{-1}, int32_t{7}, "/f"s));
  same_call("lstatns", str_arg("/f"), 0, owner_and_mode);
  same_call("lchown", args_of(int32_t{0}, int32_t{0}, "/missing"s));
  same_call("get_umask");
  same_call("umask", args_of(int32_t{027}));
  same_call("get_umask");
  same_call("get_umask");
  same_call("truncate_size", args_of("/l"s, int64_t{3}));
  same_call("filesize", str_arg("/f"));
  same_call("truncate_size", args_of("/d"s, int64_t{3}));
  same_call("truncate_size", args_of("/missing"s, int64_t{3}));
  for (const char* p : {"/l", "/d/../l", "/abs_d/..", "/", "/f/", "/missing", "/../../..",
                        "/abs_d", "/d/.", "/l/x"})
    same_call("realpath", str_arg(p));
}

// Wire-level corner cases that a client other than the library could send.
TEST_F(SideBySide, ProtocolEdges) {
  const proto::ActionInfo& echo = *proto::find_action("echo_daemon");
  same_call("ping_daemon", {}, 1);
  same_call("is_file", bool_opt("/", true), 2);
  same("unknown procedure 4",
       [](TestClient& c) { return render(c.call_proc(4), *proto::find_action("ping_daemon")); });
  same("unknown procedure 9999",
       [](TestClient& c) { return render(c.call_proc(9999), *proto::find_action("ping_daemon")); });
  same("echo_daemon with a truncated list", [&](TestClient& c) {
    return render(c.call("echo_daemon", [](proto::XdrEncoder& e) { e.put(uint32_t{3}); }), echo);
  });
  same("bare CANCEL words, then ping", [&](TestClient& c) {
    c.send_word(proto::kCancelFlag);
    return render(c.call("ping_daemon"), *proto::find_action("ping_daemon"));
  });
  same("progress_hint on a call without FileIn", [&](TestClient& c) {
    return render(c.call("echo_daemon", strs_arg({"x"}), 0, 12345), echo);
  });
}

// The block I/O actions on files (no devices here): copies, offsets, sparse
// copies, and their error texts.
TEST_F(SideBySide, CopiesBetweenFiles) {
  setup_call("internal_write", args_of("/src"s, "hello, world"s));
  setup_call("internal_write", args_of("/zeros"s, std::string(20000, '\0') + "end"));
  setup_call("mkdir", str_arg("/d"));
  auto cp = [](const std::string& s, const std::string& d, int64_t so, int64_t doff, int64_t size,
               bool sparse, bool append) { return args_of(s, d, so, doff, size, sparse, append); };
  auto rd = [](const std::string& path) { return args_of(path, int32_t{100000}, int64_t{0}); };
  // Optional argument bits: srcoffset 1, destoffset 2, size 4, sparse 8, append 16.
  same_call("copy_file_to_file", cp("/src", "/dest", 0, 0, 0, false, false));
  same_call("pread", rd("/dest"));
  same_call("copy_file_to_file", cp("/src", "/dest", 7, 3, 5, false, false), 1 | 2 | 4);
  same_call("pread", rd("/dest"));
  same_call("copy_file_to_file", cp("/src", "/dest", 0, 0, 0, false, true), 16);
  same_call("copy_file_to_file", cp("/src", "/dest", 0, 0, 0, false, true), 16);
  same_call("pread", rd("/dest"));
  same_call("copy_file_to_file", cp("/zeros", "/sparse", 0, 0, 0, true, false), 8);
  same_call("pread", rd("/sparse"));
  same_call("copy_file_to_file", cp("/src", "/dest", -1, 0, 0, false, false), 1);
  same_call("copy_file_to_file", cp("/src", "/dest", 0, -1, 0, false, false), 2);
  same_call("copy_file_to_file", cp("/src", "/dest", 0, 0, -1, false, false), 4);
  same_call("copy_file_to_file", cp("/src", "/dest", -1, 0, 0, false, false), 0, keep_all,
            "bits clear: the values do not count");
  same_call("copy_file_to_file", cp("/src", "/short", 0, 0, 100, false, false), 4);
  same_call("exists", str_arg("/short"));
  same_call("copy_file_to_file", cp("/missing", "/dest", 0, 0, 0, false, false));
  same_call("copy_file_to_file", cp("/src", "/nodir/x", 0, 0, 0, false, false));
  same_call("copy_file_to_file", cp("/src", "/d", 0, 0, 0, false, false));
  same_call("copy_file_to_file", cp("/d", "/fromdir", 0, 0, 0, false, false));
  same_call("exists", str_arg("/fromdir"));
  same_call("copy_file_to_file", cp("/src", "/src", 0, 0, 0, false, false), 0, keep_all, "onto itself");
  same_call("pread", rd("/src"));

  setup_call("internal_write", args_of("/src"s, "hello, world"s));
  same_call("copy_size", args_of("/src"s, "/cs"s, int64_t{5}));
  same_call("pread", rd("/cs"));
  same_call("copy_size", args_of("/src"s, "/cs"s, int64_t{100}));
  same_call("copy_size", args_of("/src"s, "/cs"s, int64_t{-1}));
  same_call("copy_size", args_of("/missing"s, "/cs"s, int64_t{1}));
  same_call("copy_size", args_of("/src"s, "/d"s, int64_t{1}));
  same_call("copy_size", args_of("/d"s, "/cs"s, int64_t{1}));

  same_call("dd", args_of("/src"s, "/dd"s));
  same_call("pread", rd("/dd"));
  same_call("dd", args_of("/missing"s, "/dd"s));
  same_call("dd", args_of("/src"s, "/nodir/dd"s));
  same_call("dd", args_of("/src"s, "/d"s));
}

TEST_F(SideBySide, OffsetTransfers) {
  setup_call("internal_write", args_of("/f"s, "0123456789"s));
  setup_call("mkdir", str_arg("/d"));
  for (auto [off, size] : {std::pair<int64_t, int64_t>{3, 4}, {8, 100}, {100, 1}, {0, 0},
                           {-1, 1}, {0, -1}}) {
    same("download_offset /f " + std::to_string(off) + " " + std::to_string(size),
         [&](TestClient& c) {
           DownloadResult d = c.download("download_offset", args_of("/f"s, off, size));
           return render(d.reply, *proto::find_action("download_offset")) + " data=" +
                  quote(d.data);
         });
  }
  for (const std::string p : {"/missing", "/d"}) {
    same("download_offset " + p, [&](TestClient& c) {
      DownloadResult d = c.download("download_offset", args_of(p, int64_t{0}, int64_t{1}));
      return render(d.reply, *proto::find_action("download_offset"));
    });
  }
  for (auto [path, off] : {std::pair<std::string, int64_t>{"/f", 4}, {"/new", 5},
                           {"/nodir/x", 0}, {"/d", 0}}) {
    same("upload_offset " + path + " " + std::to_string(off), [&](TestClient& c) {
      UploadResult u = c.upload("upload_offset", args_of(path, off), "abc");
      return render(u.reply, *proto::find_action("upload_offset")) +
             (u.daemon_cancelled ? " daemon-cancelled" : "") + " then " +
             render(c.call("ping_daemon"), *proto::find_action("ping_daemon"));
    });
  }
  same_call("pread", args_of("/f"s, int32_t{100}, int64_t{0}));
  same_call("pread", args_of("/new"s, int32_t{100}, int64_t{0}));
  // Last: on a negative offset the original replies without cancelling the
  // upload, then takes the chunks that follow for requests and drops the
  // connection. Ours cancels and drains, as for upload_offset's other errors
  // (the same reply either way).
  same("upload_offset /f -1 (reply only)", [&](TestClient& c) {
    UploadResult u = c.upload("upload_offset", args_of("/f"s, int64_t{-1}), "abc");
    return render(u.reply, *proto::find_action("upload_offset"));
  });
}

// The original decodes arguments with libtirpc, which does not mind bytes
// after the arguments, any non-zero bool, or a NUL inside a string.
// A chunk whose cancel field is neither 0 nor 1: the original fails the
// upload (cancel, drain, error reply) and keeps the connection.
TEST_F(SideBySide, UploadChunkWithBadCancelValue) {
  same("upload chunk with cancel = 2", [](TestClient& c) {
    const proto::ActionInfo& up = *proto::find_action("upload");
    proto::Header h;
    h.proc = up.proc;
    h.serial = c.next_serial();
    c.send_frame(h, encode_args(str_arg("/weird")));
    const char chunk[] = {0, 0, 0, 12, 0, 0, 0, 2, 0, 0, 0, 4, 'd', 'a', 't', 'a'};
    c.send_raw(chunk, sizeof chunk);
    const char end[] = {0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0};
    c.send_raw(end, sizeof end);
    bool saw_cancel = false;
    Reply r = c.read_reply(h.proc, h.serial, &saw_cancel);
    std::string out = render(r, up) + (saw_cancel ? " daemon-cancelled" : "");
    if (!r.problem.empty()) out += c.wait_eof(3000) ? " (connection closed)" : " (still open)";
    return out;
  });
  same_call("ping_daemon");
}

// is_<kind>, equal, mkdtemp, write_file, scrub_file, isoinfo: results and
// error texts (cmp, scrub and the ISO reader of each daemon on the same tree).
TEST_F(SideBySide, FileHelpers) {
  setup_call("mkdir", str_arg("/dir"));
  setup_call("mkfifo", args_of(int32_t{0600}, "/fifo"s));
  setup_call("mknod_b", args_of(int32_t{0600}, int32_t{8}, int32_t{1}, "/blk"s));
  setup_call("mknod_c", args_of(int32_t{0600}, int32_t{1}, int32_t{3}, "/chr"s));
  host_symlink("/blk", "/link-blk");
  for (const char* p : {"/dir", "/fifo", "/blk", "/chr", "/link-blk", "/missing", "/fifo/x"}) {
    for (const char* action : {"is_blockdev", "is_chardev", "is_fifo", "is_socket"}) {
      same_call(action, bool_opt(p, false));
      same_call(action, bool_opt(p, true), 1);
    }
  }

  // write_file: size 0 is the whole string; a size beyond it is refused.
  same_call("write_file", args_of("/a"s, "same text"s, int32_t{0}));
  same_call("write_file", args_of("/b"s, "same text and more"s, int32_t{9}));
  same_call("write_file", args_of("/c"s, "other"s, int32_t{0}));
  same_call("write_file", args_of("/write_file"s, "abc"s, int32_t{10000}));
  same_call("write_file", args_of("/w"s, "abc"s, int32_t{-1}));
  same_call("write_file", args_of("/nodir/w"s, "abc"s, int32_t{0}));
  same_call("write_file", args_of("/dir"s, "abc"s, int32_t{0}));

  same_call("equal", args_of("/a"s, "/b"s));
  same_call("equal", args_of("/a"s, "/c"s));
  same_call("equal", args_of("/dir/file1"s, "/dir/file2"s));  // C API test equal_2
  same_call("equal", args_of("/nodir/file1"s, "/a"s));
  same_call("equal", args_of("/dir"s, "/a"s));
  same_call("equal", args_of("/a"s, "/dir"s));

  // mkdtemp's random name differs: only its errors are compared.
  same_call("mkdtemp", str_arg("/dir/tmpXXX"));
  same_call("mkdtemp", str_arg("/dir/tmpXXXXXX/"));
  same_call("mkdtemp", str_arg("/nodir/tmpXXXXXX"));
  same_call("mkdtemp", str_arg("/a/tmpXXXXXX"));
  Reply made = ours_->client().call("mkdtemp", str_arg("/dir/tmpXXXXXX"));
  ASSERT_REPLY_OK(made);
  auto dir_made = as_string(made);
  ASSERT_TRUE(dir_made && dir_made->starts_with("/dir/tmp") && dir_made->size() == 14);
  EXPECT_EQ(as_bool(ours_->client().call("is_dir", bool_opt(*dir_made, false))), true);

  host_symlink("/nowhere", "/dangling");
  host_symlink("../sysroot/a", "/outside");
  same_call("scrub_file", str_arg("/dir"));       // scrub refuses a directory
  same_call("scrub_file", str_arg("/dangling"));  // C API test scrub_file_2
  same_call("scrub_file", str_arg("/outside"));   // C API test scrub_file_3
  same_call("scrub_file", str_arg("/c"));
  same_call("exists", str_arg("/c"));

  // A hand-made ISO 9660 image: the primary volume descriptor at 32768.
  on_both_roots([](const std::string& root) {
    std::string pvd(2048, '\0');
    auto put = [&](size_t off, const std::string& v) { pvd.replace(off, v.size(), v); };
    auto text = [&](size_t off, size_t len, const std::string& v) {
      put(off, v + std::string(len - v.size(), ' '));
    };
    put(0, "\1CD001\1");
    text(8, 32, "LINUX");
    text(40, 32, "ISOIMAGE");
    put(80, "\xb5\0\0\0\0\0\0\xb5"s);  // both-endian 181
    put(120, "\1\0\0\1"s);
    put(124, "\1\0\0\1"s);
    put(128, "\0\x08\x08\0"s);
    text(190, 128, "");
    text(318, 128, "PUBLISHER");
    text(446, 128, "PREPARER");
    text(574, 128, "APP");
    text(702, 37, "COPYING");
    text(739, 37, "");
    text(776, 37, "BIB");
    put(813, "2023120512304500\x04");
    put(830, "2024133100000000\xec"s);
    put(847, "0000000000000000\0"s);
    put(864, "1969123123595800\0"s);
    auto write = [&](const std::string& name) {
      const std::string image = std::string(32768, '\0') + pvd + std::string(2048, '\0');
      FILE* f = std::fopen((root + name).c_str(), "wb");
      if (!f) return false;
      const bool ok = std::fwrite(image.data(), 1, image.size(), f) == image.size();
      return std::fclose(f) == 0 && ok;
    };
    if (!write("/cd.iso")) return false;
    put(864, "1969123123595900\0"s);  // mktime's -1: an error in the original
    if (!write("/minus-one.iso")) return false;
    put(864, "19691231  595900\0"s);  // not a number
    return write("/blank.iso");
  });
  same_call("isoinfo", str_arg("/cd.iso"));
  same_call("isoinfo", str_arg("/minus-one.iso"));
  same_call("isoinfo", str_arg("/blank.iso"));
  same_call("isoinfo", str_arg("/a"));
  same_call("isoinfo", str_arg("/missing"));
  same_call("isoinfo", str_arg("/dir"));
}

}  // namespace
}  // namespace gfsd::test
