// Sysroot escapes. A hostile tree in the daemon's tmpfs /sysroot (absolute
// and relative symlinks leading out, "..", symlink loops, symlinks swapped
// between and during calls) and a sentinel directory outside it, in this
// test's own namespace (a fresh directory under /tmp, which the daemon sees
// too). Every implemented action that takes a path (per the action table:
// Pathname, Dev_or_Path, Mountable_or_Path arguments and the paths of FileIn /
// FileOut actions) is called with each hostile path in each such position;
// then with each hostile path in its plain String arguments as well (ln's
// target, say). Afterwards nothing in the sentinel may have been created,
// deleted, written, chmod'ed, chown'ed or touched (each entry's lstat, ctime
// included, and content are compared), and no reply may carry anything only
// reading or listing the sentinel could reveal.
//
// The list of actions comes from the table and the handlers registered in
// this tree, so an action implemented later is covered without a change here.
// Inside the sysroot the hostile paths resolve as in a chroot: to a decoy
// copy of the sentinel at the same path below /sysroot.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api.hpp"
#include "domain/register.hpp"
#include "integration/fixture.hpp"
#include "proto/action_table.hpp"
#include "proto/dispatcher.hpp"
#include "proto/text_codec.hpp"

namespace gfsd::test {
namespace {

namespace fs = std::filesystem;
using proto::ArgKind;

// ---- the sentinel outside the sysroot ------------------------------------------

std::string random_token() {
  std::random_device rd;
  char b[32];
  std::snprintf(b, sizeof b, "T%08x%08x", rd(), rd());
  return b;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream o;
  o << f.rdbuf();
  return o.str();
}

bool spit(const std::string& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << data;
  return static_cast<bool>(f);
}

// Everything observable about one entry, without following it.
std::string describe_entry(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return "missing";
  std::ostringstream o;
  o << "mode=" << std::oct << st.st_mode << std::dec << " uid=" << st.st_uid
    << " gid=" << st.st_gid << " nlink=" << st.st_nlink << " size=" << st.st_size
    << " mtime=" << st.st_mtim.tv_sec << "." << st.st_mtim.tv_nsec
    << " ctime=" << st.st_ctim.tv_sec << "." << st.st_ctim.tv_nsec;
  if (S_ISREG(st.st_mode)) o << " content=" << slurp(path);
  if (S_ISLNK(st.st_mode)) o << " target=" << fs::read_symlink(path).string();
  char names[4096];
  const ssize_t n = llistxattr(path.c_str(), names, sizeof names);
  if (n > 0) o << " xattrs=" << std::string(names, static_cast<size_t>(n));
  return o.str();
}

class Sentinel {
 public:
  Sentinel() : token_(random_token()) {
    root_ = dir_.path();
    ok_ = !root_.empty() && chmod(root_.c_str(), 0755) == 0 &&
          spit(root_ + "/secret", "SECRET " + token_ + "\n") &&
          spit(root_ + "/hidden-" + token_, "") && mkdir((root_ + "/sub").c_str(), 0755) == 0 &&
          spit(root_ + "/sub/file", "SECRET " + token_ + " in sub\n") &&
          mkdir((root_ + "/only-outside").c_str(), 0755) == 0;
  }

  bool ok() const { return ok_; }
  // The sentinel directory: a host path, also valid in the daemon's namespace.
  const std::string& root() const { return root_; }
  // Appears only in the sentinel's contents and entry names: a reply that
  // holds it read or listed the sentinel.
  const std::string& token() const { return token_; }

  std::map<std::string, std::string> state() const {
    std::map<std::string, std::string> s;
    s[root_] = describe_entry(root_);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root_, ec); !ec && it != fs::end(it);
         it.increment(ec))
      s[it->path().string()] = describe_entry(it->path().string());
    return s;
  }

 private:
  TempDir dir_;
  std::string root_;
  std::string token_;
  bool ok_ = false;
};

std::string diff(const std::map<std::string, std::string>& a,
                 const std::map<std::string, std::string>& b) {
  std::string out;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if (it == b.end())
      out += "  gone: " + k + "\n";
    else if (it->second != v)
      out += "  changed: " + k + "\n    was: " + v + "\n    now: " + it->second + "\n";
  }
  for (const auto& [k, v] : b)
    if (!a.count(k)) out += "  new: " + k + " " + v + "\n";
  return out;
}

// ---- the actions under test -----------------------------------------------------

bool is_path_kind(ArgKind k) {
  return k == ArgKind::Pathname || k == ArgKind::DevOrPath || k == ArgKind::MountableOrPath;
}

const api::Handlers& our_handlers() {
  static const api::Handlers h = [] {
    api::Handlers t;
    domain::register_all(t);
    return t;
  }();
  return h;
}

// Implemented actions with at least one path argument.
std::vector<const proto::ActionInfo*> path_actions() {
  const proto::Dispatcher d(our_handlers());
  std::vector<const proto::ActionInfo*> out;
  for (int i = 0; i < proto::kNumActionList; ++i) {
    const proto::ActionInfo& a = proto::kActionList[i];
    if (!d.implemented(a.proc)) continue;
    for (int j = 0; j < a.nargs; ++j)
      if (is_path_kind(a.args[j].kind)) {
        out.push_back(&a);
        break;
      }
  }
  return out;
}

// Harmless values for the arguments that are not under attack. Numbers are
// chosen to change something visible if they reached the sentinel (a mode,
// an owner, a size, a time); a device name that exists nowhere.
std::string benign(ArgKind k, bool existing) {
  switch (k) {
    case ArgKind::Pathname:
    case ArgKind::DevOrPath:
    case ArgKind::MountableOrPath:
      return existing ? "/benign" : "/fresh";
    case ArgKind::Device:
    case ArgKind::Mountable:
    case ArgKind::DeviceList:
      return "/dev/sdzz9";
    case ArgKind::StringList:
    case ArgKind::FilenameList:
      return "secret .. sub";
    case ArgKind::Int:
    case ArgKind::Int64:
      return "1234";
    case ArgKind::Bool:
      return "true";
    case ArgKind::OptString:
      return "~";
    default:
      return "user.escape";
  }
}

struct Outcome {
  std::string seen;     // everything the client received, as text
  std::string problem;  // a protocol-level failure: no proper reply
};

// One call of any action from text arguments (proto/text_codec.hpp); every
// optional argument is passed, with the same harmless values.
Outcome call_action(TestClient& c, const proto::ActionInfo& a, const std::vector<std::string>& args) {
  proto::TextCall call;
  call.args = args;
  for (int i = 0; i < a.noptargs; ++i) {
    const ArgKind k = a.optargs[i].kind;
    call.optargs.push_back({a.optargs[i].name, k == ArgKind::String ? "XXXXXX" : benign(k, true)});
  }
  std::string scratch(1 << 16, '\0');
  proto::XdrEncoder probe(scratch.data(), scratch.size());
  const auto mask = proto::encode_args(a, call, probe);
  if (!mask) return {"", "cannot encode: " + mask.error().message};
  const ArgsFn enc = [&a, call](proto::XdrEncoder& e) { (void)proto::encode_args(a, call, e); };

  Outcome o;
  Reply r;
  if (a.has(proto::kFileIn)) {
    UploadOptions opts;
    opts.optargs = *mask;
    UploadResult u = c.upload(a.name, enc, "PLANTED by the escape test\n", opts);
    r = u.reply;
  } else if (a.has(proto::kFileOut)) {
    DownloadOptions opts;
    opts.optargs = *mask;
    DownloadResult d = c.download(a.name, enc, opts);
    r = d.reply;
    o.seen = d.data;
  } else {
    r = c.call_proc(a.proc, enc, *mask);
  }
  o.problem = r.problem;
  o.seen += "\n" + describe(r) + "\n" + r.body;
  return o;
}

// ---- the hostile tree --------------------------------------------------------------

class Escape : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    ASSERT_TRUE(sentinel_->ok()) << "cannot make the sentinel under /tmp";
    ASSERT_TRUE(s_.start());
    root_ = s_.daemon().host_path("");
    ASSERT_TRUE(build_tree()) << "cannot build the hostile tree in " << root_;
    initial_ = sentinel_->state();
  }

  TestClient& c() { return s_.client(); }
  const std::string& S() const { return sentinel_->root(); }

  // Paths that lead out if anything follows them outside the sysroot.
  std::vector<std::string> hostile_paths() const {
    const std::string up = "../../../../../../../..";
    return {"/abs/secret",       "/abs_secret",          "/abs",
            "/abs/",             "/abs/sub",             "/abs/sub/file",
            "/abs/newXXXXXX",    "/abs/sub/new",         "/rel/secret",
            "/rel_secret",       "/rel/",                "/rel/newXXXXXX",
            "/dir/up/secret",    "/dir/up",              "/dir/up/newXXXXXX",
            "/chain",            "/chain/",              "/dotdot/dotdot" + S() + "/secret",
            "/.." + S() + "/secret", "/" + up + S(),     "/" + up + S() + "/newXXXXXX",
            "/..",               "/loop_a",              "/loop_a/x",
            "/self/x",           "/dev/.." + S() + "/secret", S() + "/secret",
            S(),                 "/abs/sub/../secret",
            // Links that dangle inside the sysroot (the decoy has no
            // only-outside) but lead to a directory outside it.
            "/dangle_abs",       "/dangle_rel",          "/dangle_abs/",
            "/dangle_abs/x",     "/dir/dangle_up",       "/dir/dangle_up/x"};
  }

  // The hostile tree, and a decoy of the sentinel where the absolute paths
  // land when resolved inside the sysroot (as in a chroot).
  bool build_tree() {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root_, ec)) fs::remove_all(e.path(), ec);
    const std::string up = "../../../../../../../..";
    const std::string decoy = root_ + S();
    bool ok = chmod(root_.c_str(), 0755) == 0 && chown(root_.c_str(), 0, 0) == 0;
    fs::create_directories(decoy + "/sub", ec);
    ok = ok && !ec && spit(decoy + "/secret", "decoy\n") && spit(decoy + "/sub/file", "decoy\n") &&
         spit(root_ + "/benign", "benign\n") && mkdir((root_ + "/dir").c_str(), 0755) == 0 &&
         mkdir((root_ + "/benign_dir").c_str(), 0755) == 0 &&
         spit(root_ + "/benign_dir/inside", "inside\n");
    const std::vector<std::pair<std::string, std::string>> links = {
        {"/abs", S()},
        {"/abs_secret", S() + "/secret"},
        {"/rel", up + S()},
        {"/rel_secret", up + S() + "/secret"},
        {"/dir/up", "../" + up + S()},
        {"/chain", "abs_secret"},
        {"/dotdot", ".."},
        {"/loop_a", "loop_b"},
        {"/loop_b", "loop_a"},
        {"/self", "self"},
        {"/dangle_abs", S() + "/only-outside"},
        {"/dangle_rel", up + S() + "/only-outside"},
        {"/dir/dangle_up", "../" + up + S() + "/only-outside"},
    };
    for (const auto& [link, target] : links)
      ok = ok && symlink(target.c_str(), (root_ + link).c_str()) == 0;
    return ok;
  }

  // Fails the test if the sentinel changed or a reply revealed it.
  void check(const std::string& what, const Outcome& o) {
    const auto now = sentinel_->state();
    if (now != initial_) {
      ADD_FAILURE() << what << " changed the sentinel outside the sysroot:\n" << diff(initial_, now);
      restore_sentinel();
    }
    EXPECT_EQ(o.seen.find(sentinel_->token()), std::string::npos)
        << what << " revealed the sentinel's contents or names:\n" << o.seen;
    EXPECT_EQ(o.problem, "") << what << ": no proper reply";
    // The sweep needs the sysroot mounted: a call that took it away (umount of
    // a path that resolves to the guest's root, say) would hide every later one.
    EXPECT_EQ(o.seen.find("you must call 'mount' first"), std::string::npos)
        << what << ": the sysroot is not mounted (any more)";
    if (!o.problem.empty()) {
      ASSERT_TRUE(s_.reconnect());
    }
  }

  // umount of a path that resolves to the guest's root ("/..", "/dotdot")
  // rightly unmounts the sysroot: mount a fresh one, as the fixture did, so
  // that the calls after it still run on a mounted root.
  void keep_sysroot_mounted() {
    const std::string pid = std::to_string(s_.daemon().pid());
    if (slurp("/proc/" + pid + "/mountinfo").find(" /sysroot ") != std::string::npos) return;
    ASSERT_EQ(std::system(("nsenter -t " + pid + " -m mount -t tmpfs -o size=256m tmpfs /sysroot")
                              .c_str()),
              0);
    root_ = s_.daemon().host_path("");
  }

  // After a failure: the sentinel as it was, so that one escape is not
  // reported again by every later call.
  void restore_sentinel() {
    sentinel_ = std::make_unique<Sentinel>();
    // A new sentinel has a new path: rebuild the links to it.
    ASSERT_TRUE(sentinel_->ok());
    ASSERT_TRUE(build_tree());
    initial_ = sentinel_->state();
  }

  // Every action, every path position, every hostile path.
  void sweep(bool strings_too) {
    size_t calls = 0;
    for (const proto::ActionInfo* a : path_actions()) {
      std::vector<int> positions;  // indexes among the wire arguments
      std::vector<ArgKind> kinds;
      for (int j = 0; j < a->nargs; ++j) {
        const ArgKind k = a->args[j].kind;
        if (k == ArgKind::FileIn || k == ArgKind::FileOut) continue;
        const bool attack = is_path_kind(k) ||
                            (strings_too && (k == ArgKind::String || k == ArgKind::FilenameList));
        if (attack) positions.push_back(static_cast<int>(kinds.size()));
        kinds.push_back(k);
      }
      if (strings_too &&
          positions.size() == static_cast<size_t>(std::count_if(kinds.begin(), kinds.end(), is_path_kind)))
        continue;  // nothing new to attack
      for (int pos : positions) {
        if (!strings_too && !is_path_kind(kinds[static_cast<size_t>(pos)])) continue;
        for (bool existing : {true, false}) {
          // The other path arguments: an existing file, then a fresh name.
          if (!existing && kinds.size() == 1) continue;
          for (const auto& hostile : hostile_paths()) {
            std::vector<std::string> args;
            for (size_t j = 0; j < kinds.size(); ++j)
              args.push_back(static_cast<int>(j) == pos ? hostile : benign(kinds[j], existing));
            const Outcome o = call_action(c(), *a, args);
            ++calls;
            const std::string what = std::string(a->name) + " with argument " +
                                     std::to_string(pos) + " = \"" + hostile + "\"" +
                                     (existing ? "" : " (others fresh)");
            check(what, o);
            keep_sysroot_mounted();
            ASSERT_TRUE(build_tree()) << "cannot rebuild the tree after " << what << ":\n"
                                      << o.seen;
          }
        }
      }
    }
    RecordProperty("calls", static_cast<int>(calls));
    EXPECT_GT(calls, 0u);
  }

  std::unique_ptr<Sentinel> sentinel_ = std::make_unique<Sentinel>();
  Served s_;
  std::string root_;
  std::map<std::string, std::string> initial_;
};

TEST_F(Escape, HostilePathsResolveInsideTheSysroot) {
  // What a chroot would give: the decoy, never the sentinel.
  for (const char* p : {"/abs_secret", "/rel_secret", "/dir/up/secret", "/chain"}) {
    DownloadResult d = c().download("download", str_arg(p));
    ASSERT_REPLY_OK(d.reply);
    EXPECT_EQ(d.data, "decoy\n") << p;
  }
  Reply r = c().call("realpath", str_arg("/rel/sub/file"));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), S() + "/sub/file");
  r = c().call("realpath", str_arg("/../../.."));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_string(r), "/");
  // exists does not follow a final symlink (the original's get_mode with
  // followsymlinks=0 is an lstat), so the loop's first link exists; that the
  // loop leads nowhere shows when something resolves through it.
  r = c().call("exists", str_arg("/loop_a"));
  ASSERT_REPLY_OK(r);
  EXPECT_EQ(as_bool(r), true);
  r = c().call("realpath", str_arg("/loop_a"));
  EXPECT_EQ(r.problem, "");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "ELOOP") << describe(r);
  check("the resolution checks", {});
}

TEST_F(Escape, EveryPathActionWithHostilePaths) { sweep(false); }

TEST_F(Escape, EveryPathActionWithHostileStrings) { sweep(true); }

// Mount points reached through symlinks that lead out (absolute, relative, via
// ".."): the filesystem lands on the decoy inside the sysroot, and umount
// takes it off there; the sentinel's directory is never mounted over.
TEST_F(Escape, MountPointsThroughSymlinksStayInside) {
  const std::string image = root_ + "/img";
  if (std::system(("mke2fs -q -F -t ext2 " + image + " 512 >/dev/null 2>&1").c_str()) != 0)
    GFSD_SKIP_WITHOUT("mke2fs cannot make a test image");
  const proto::ActionInfo* mount_loop = proto::find_action("mount_loop");
  const proto::ActionInfo* umount = proto::find_action("umount");
  ASSERT_TRUE(mount_loop && umount);
  const std::string mountinfo = "/proc/" + std::to_string(s_.daemon().pid()) + "/mountinfo";
  auto mounted_on = [&](const std::string& dir) {
    return slurp(mountinfo).find(" " + dir + " ") != std::string::npos;
  };
  const std::string decoy = "/sysroot" + S();
  for (const char* mp : {"/abs", "/rel", "/dir/up", "/abs/"}) {
    Outcome o = call_action(c(), *mount_loop, {"/img", mp});
    if (o.seen.find("loop") != std::string::npos && !mounted_on(decoy) && !mounted_on(S()))
      GFSD_SKIP_WITHOUT("no loop devices here: " + o.seen);
    check(std::string("mount_loop /img ") + mp, o);
    EXPECT_TRUE(mounted_on(decoy)) << mp << ": " << o.seen << "\n" << slurp(mountinfo);
    EXPECT_FALSE(mounted_on(S())) << mp << " mounted over the sentinel";
    EXPECT_TRUE(fs::exists(root_ + S() + "/lost+found")) << mp;
    o = call_action(c(), *umount, {mp});
    check(std::string("umount ") + mp, o);
    EXPECT_FALSE(mounted_on(decoy)) << mp << ": " << o.seen;
    EXPECT_FALSE(mounted_on(S()));
  }
}

// A filesystem mounted outside the sysroot, on a directory that guest links
// name but that does not exist inside (the links dangle there): umount
// through such a link must fail and leave that mount alone.
TEST_F(Escape, UmountThroughALinkThatDanglesInsideLeavesOutsideMountsAlone) {
  const std::string outside = S() + "/only-outside";
  const std::string pid = std::to_string(s_.daemon().pid());
  const std::string mountinfo = "/proc/" + pid + "/mountinfo";
  auto outside_mounted = [&] { return slurp(mountinfo).find(" " + outside + " ") != std::string::npos; };
  auto mount_outside = [&] {
    return std::system(("nsenter -t " + pid + " -m mount -t tmpfs -o size=1m gfsd-sentinel " +
                        outside).c_str()) == 0;
  };
  ASSERT_TRUE(mount_outside()) << "cannot mount a tmpfs on " << outside << " for the daemon";
  ASSERT_TRUE(outside_mounted());
  const proto::ActionInfo* umount = proto::find_action("umount");
  ASSERT_NE(umount, nullptr);
  for (const char* link : {"/dangle_abs", "/dangle_rel", "/dangle_abs/", "/dir/dangle_up"}) {
    const Outcome o = call_action(c(), *umount, {link});  // force and lazy unmount too
    EXPECT_EQ(o.problem, "") << link;
    EXPECT_NE(o.seen.find("error"), std::string::npos) << "umount " << link << " succeeded: " << o.seen;
    EXPECT_TRUE(outside_mounted()) << "umount " << link << " unmounted " << outside
                                   << " outside the sysroot: " << o.seen;
    if (!outside_mounted()) {
      ASSERT_TRUE(mount_outside());
    }
  }
  EXPECT_EQ(std::system(("nsenter -t " + pid + " -m umount " + outside).c_str()), 0);
}

// The same name leads inside for one call and outside for the next: nothing
// may be remembered from the first resolution.
TEST_F(Escape, SymlinkSwappedBetweenCalls) {
  const std::string swap = root_ + "/swap";
  auto point = [&](const std::string& target) {
    const std::string tmp = root_ + "/swap.new";
    unlink(tmp.c_str());
    return symlink(target.c_str(), tmp.c_str()) == 0 && rename(tmp.c_str(), swap.c_str()) == 0;
  };
  for (const proto::ActionInfo* a : path_actions()) {
    for (const char* path : {"/swap", "/swap/", "/swap/secret", "/swap/sub/file"}) {
      std::vector<std::string> args;
      std::vector<ArgKind> kinds;
      for (int j = 0; j < a->nargs; ++j)
        if (a->args[j].kind != ArgKind::FileIn && a->args[j].kind != ArgKind::FileOut)
          kinds.push_back(a->args[j].kind);
      bool first = true;
      for (ArgKind k : kinds) {
        args.push_back(is_path_kind(k) && first ? path : benign(k, true));
        if (is_path_kind(k)) first = false;
      }
      keep_sysroot_mounted();
      ASSERT_TRUE(build_tree());
      ASSERT_TRUE(mkdir((root_ + "/inner").c_str(), 0755) == 0 &&
                  spit(root_ + "/inner/secret", "inner\n") &&
                  mkdir((root_ + "/inner/sub").c_str(), 0755) == 0 &&
                  spit(root_ + "/inner/sub/file", "inner\n"));
      ASSERT_TRUE(point("inner"));
      check(std::string(a->name) + "(\"" + path + "\") before the swap", call_action(c(), *a, args));
      ASSERT_TRUE(point(S()));
      check(std::string(a->name) + "(\"" + path + "\") after the swap", call_action(c(), *a, args));
    }
  }
}

// A thread swaps, as fast as it can, a directory inside the sysroot with a
// symlink that leads out (renameat2 RENAME_EXCHANGE: the name always exists),
// while every path action runs on paths through that name.
TEST_F(Escape, SymlinkSwappedDuringCalls) {
  const std::string race = root_ + "/race";
  const std::string other = root_ + "/race.other";
  std::mutex tree;  // held by the swapper for each exchange, by the test to rebuild
  auto make_race = [&] {
    std::error_code ec;
    fs::remove_all(race, ec);
    fs::remove_all(other, ec);
    return mkdir(race.c_str(), 0755) == 0 && spit(race + "/secret", "inner\n") &&
           mkdir((race + "/sub").c_str(), 0755) == 0 && spit(race + "/sub/file", "inner\n") &&
           symlink(S().c_str(), other.c_str()) == 0;
  };
  std::atomic<bool> stop{false};
  std::atomic<size_t> swaps{0};
  std::thread swapper([&] {
    while (!stop) {
      {
        std::lock_guard<std::mutex> lock(tree);
        if (renameat2(AT_FDCWD, race.c_str(), AT_FDCWD, other.c_str(), RENAME_EXCHANGE) == 0)
          ++swaps;
      }
      std::this_thread::yield();
    }
  });

  const auto actions = path_actions();
  for (int round = 0; round < 4; ++round) {
    for (const proto::ActionInfo* a : actions) {
      for (const char* path : {"/race/secret", "/race/sub/file", "/race/", "/race/newXXXXXX"}) {
        std::vector<std::string> args;
        bool first = true;
        for (int j = 0; j < a->nargs; ++j) {
          const ArgKind k = a->args[j].kind;
          if (k == ArgKind::FileIn || k == ArgKind::FileOut) continue;
          args.push_back(is_path_kind(k) && first ? path : benign(k, true));
          if (is_path_kind(k)) first = false;
        }
        {
          std::lock_guard<std::mutex> lock(tree);
          keep_sysroot_mounted();
          ASSERT_TRUE(build_tree() && make_race());
        }
        check(std::string(a->name) + "(\"" + path + "\") during swaps", call_action(c(), *a, args));
      }
    }
  }
  stop = true;
  swapper.join();
  RecordProperty("swaps", static_cast<int>(swaps.load()));
  EXPECT_GT(swaps.load(), 0u);
}

}  // namespace
}  // namespace gfsd::test
