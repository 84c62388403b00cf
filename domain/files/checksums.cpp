// checksum, checksum_device, checksums_out: the coreutils *sum tools' answers,
// computed in the daemon (digest.hpp) over large reads: no process.
#include <algorithm>
#include <cstring>
#include <vector>

#include "domain/files/content_actions.hpp"
#include "domain/files/digest.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

using files::Digest;
using files::DigestKind;

// 256 KiB per read: a thousand reads for 256 MiB cost nothing next to the
// hashing, and a larger buffer only raises the daemon's peak memory.
constexpr size_t kReadBlock = size_t{256} << 10;

// Reads f to its end into digest. A read error is worded as the tool's
// complaint about its standard input, which the original passed on.
Result<void> feed(ports::File& f, Digest& digest, DigestKind kind, std::vector<char>& buf) {
  for (;;) {
    auto n = f.read(buf.data(), buf.size());
    // cksum (coreutils 9.1) takes a read error for the end of its input and
    // prints the CRC of what it read: a directory sums as an empty file.
    if (!n && kind == DigestKind::Crc) return {};
    if (!n) {
      const char* tool = files::digest_tool(kind);
      return fail(std::string(tool) + ": " + tool + ": -: " + std::strerror(n.error().errnum));
    }
    if (*n == 0) return {};
    digest.update(buf.data(), *n);
  }
}

Result<std::string> digest_of(ports::File& f, DigestKind kind) {
  auto digest = Digest::start(kind);
  if (!digest) return forward(digest.error());
  std::vector<char> buf(kReadBlock);
  GFSD_TRY(feed(f, **digest, kind, buf));
  return (*digest)->finish();
}

// find(1) without -xdev or -L under a directory: every regular file, depth first
// in readdir order (a directory of more than 10,000 entries in inode order, as
// gnulib's fts sorts those), named "./relative/path".
class TreeSums {
 public:
  TreeSums(Ctx& ctx, DigestKind kind, std::string top)
      : ctx_(ctx), kind_(kind), top_(std::move(top)), buf_(kReadBlock) {}

  // Streams one line per file; false when some entry could not be read
  // (the tools said so on stderr and went on), as their exit status did.
  Result<bool> run() {
    GFSD_TRY(walk("."));
    return ok_;
  }

 private:
  std::string guest_path(const std::string& rel) const {
    if (rel == ".") return top_;
    const std::string tail = rel.substr(2);  // without "./"
    return top_ == "/" ? "/" + tail : top_ + "/" + tail;
  }

  Result<void> walk(const std::string& rel) {
    auto entries = ctx_.fs.read_dir(guest_path(rel));
    if (!entries) {
      ok_ = false;
      return {};
    }
    std::erase_if(*entries, [](const ports::DirEntry& e) { return e.name == "." || e.name == ".."; });
    if (entries->size() > 10000)
      std::stable_sort(entries->begin(), entries->end(),
                       [](const ports::DirEntry& a, const ports::DirEntry& b) { return a.ino < b.ino; });
    for (const auto& e : *entries) {
      const std::string child = rel + "/" + e.name;
      ports::EntryType type = e.type;
      if (type == ports::EntryType::Unknown) {
        auto st = ctx_.fs.stat(guest_path(child), false);
        if (!st) {
          ok_ = false;
          continue;
        }
        type = files::has_type(st->mode, files::kTypeDirectory) ? ports::EntryType::Directory
               : files::has_type(st->mode, files::kTypeRegular)  ? ports::EntryType::Regular
                                                                 : ports::EntryType::Other;
      }
      if (type == ports::EntryType::Regular) {
        GFSD_TRY(sum_file(child));
      } else if (type == ports::EntryType::Directory) {
        GFSD_TRY(walk(child));
      }
    }
    return {};
  }

  Result<void> sum_file(const std::string& rel) {
    auto f = ctx_.fs.open(guest_path(rel), ports::OpenFor::Read, 0);
    if (!f) {
      ok_ = false;
      return {};
    }
    auto digest = Digest::start(kind_);
    if (!digest) return forward(digest.error());
    if (!feed(**f, **digest, kind_, buf_)) {
      ok_ = false;
      return {};
    }
    const std::string sum = (*digest)->finish();
    std::string line;
    if (kind_ == DigestKind::Crc) {
      // cksum: "CRC LENGTH NAME", the name as it is.
      line = sum + " " + std::to_string((*digest)->length()) + " " + rel + "\n";
    } else {
      // *sum: a name with a backslash, newline or carriage return is escaped,
      // and the line then starts with a backslash.
      std::string name;
      bool escaped = false;
      for (const char c : rel) {
        if (c == '\\' || c == '\n' || c == '\r') {
          escaped = true;
          name += '\\';
          name += c == '\\' ? '\\' : c == '\n' ? 'n' : 'r';
        } else {
          name += c;
        }
      }
      line = (escaped ? "\\" : "") + sum + "  " + name + "\n";
    }
    return ctx_.download->write(line.data(), line.size());
  }

  Ctx& ctx_;
  DigestKind kind_;
  std::string top_;
  std::vector<char> buf_;
  bool ok_ = true;
};

}  // namespace

Result<std::string> checksum(Ctx& ctx, const std::string& csumtype, const std::string& path) {
  // The file is opened before the type is checked, as the original did.
  auto f = ctx.fs.open(path, ports::OpenFor::Read, 0);
  if (!f) return fail_errno(f.error().errnum, path);
  auto kind = files::digest_kind(csumtype);
  if (!kind) return forward(kind.error());
  return digest_of(**f, *kind);
}

Result<std::string> checksum_device(Ctx& ctx, const std::string& csumtype,
                                    const std::string& device) {
  auto f = ctx.devices.open(device, ports::OpenFor::Read);
  if (!f) return fail_errno(f.error().errnum, device);
  auto kind = files::digest_kind(csumtype);
  if (!kind) return forward(kind.error());
  return digest_of(**f, *kind);
}

// FileOut: "<sum>  ./<relative path>" lines for every regular file under dir.
Result<void> checksums_out(Ctx& ctx, const std::string& csumtype, const std::string& directory) {
  auto kind = files::digest_kind(csumtype);
  if (!kind) return forward(kind.error());
  auto st = ctx.fs.stat(directory, true);
  if (!st) return fail_errno(st.error().errnum, directory);
  if (!files::has_type(st->mode, files::kTypeDirectory))
    return fail(directory + ": not a directory");
  if (!ctx.download) return fail("internal error: download without a file stream");

  GFSD_TRY(ctx.download->start());
  TreeSums sums(ctx, *kind, directory);
  auto all_read = sums.run();
  if (!all_read) return forward(all_read.error());
  // After the reply an error can only cancel the transfer.
  if (!*all_read) return fail("pclose: " + directory);
  return ctx.download->finish();
}

}  // namespace gfsd::domain
