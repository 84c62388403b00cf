#include "integration/test_client.hpp"

#include "proto/text_codec.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "proto/action_table.hpp"
#include "proto/frame.hpp"
#include "proto/text_codec.hpp"

namespace gfsd::test {

using proto::get_be32;
using proto::put_be32;

namespace {

constexpr size_t kBufSize = proto::kMessageMax;

std::string hex32(uint32_t v) {
  char b[16];
  std::snprintf(b, sizeof b, "0x%08x", v);
  return b;
}

template <class F>
bool decode_body(const Reply& r, F f) {
  if (r.problem.size() || !r.ok) return false;
  proto::XdrDecoder d(r.body.data(), r.body.size());
  return f(d) && d.at_end();
}

bool get_field(proto::XdrDecoder& d, proto::FieldKind k, std::string& out) {
  out.clear();
  return proto::field_to_text(k, d, out);
}

const proto::StructInfo* find_struct(const std::string& name) {
  for (int i = 0; i < proto::kNumStructs; ++i)
    if (name == proto::kStructs[i].name) return &proto::kStructs[i];
  return nullptr;
}

bool get_struct(proto::XdrDecoder& d, const proto::StructInfo& s, Fields& out) {
  for (int i = 0; i < s.nfields; ++i)
    if (!get_field(d, s.fields[i].kind, out[s.fields[i].name])) return false;
  return true;
}

}  // namespace

TestClient::TestClient(int fd) : fd_(fd) {}

TestClient::~TestClient() {
  if (fd_ >= 0) close(fd_);
}

std::unique_ptr<TestClient> TestClient::connect_unix(const std::string& path, int timeout_ms) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof addr.sun_path) return nullptr;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return nullptr;
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0)
      return std::make_unique<TestClient>(fd);
    const int e = errno;
    close(fd);
    // ENOENT/ECONNREFUSED: bound but not yet listening, or between clients.
    if ((e != ENOENT && e != ECONNREFUSED) || std::chrono::steady_clock::now() >= deadline)
      return nullptr;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TestClient::Word TestClient::read_exact(void* buf, size_t n) {
  auto* p = static_cast<char*>(buf);
  size_t got = 0;
  while (got < n) {
    pollfd pfd{fd_, POLLIN, 0};
    const int pr = poll(&pfd, 1, timeout_ms_);
    if (pr < 0 && errno == EINTR) continue;
    if (pr == 0) return Word::Timeout;
    if (pr < 0) return Word::Error;
    const ssize_t r = ::read(fd_, p + got, n - got);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (r < 0) return Word::Error;
    if (r == 0) return Word::Eof;
    got += static_cast<size_t>(r);
  }
  return Word::Ok;
}

bool TestClient::readable() {
  pollfd pfd{fd_, POLLIN, 0};
  return poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN);
}

bool TestClient::send_raw(const void* data, size_t n) {
  const auto* p = static_cast<const char*>(data);
  while (n > 0) {
    const ssize_t w = ::send(fd_, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == ENOTSOCK) {
      const ssize_t w2 = ::write(fd_, p, n);  // a tty
      if (w2 < 0 && errno == EINTR) continue;
      if (w2 <= 0) return false;
      p += w2;
      n -= static_cast<size_t>(w2);
      continue;
    }
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool TestClient::send_word(uint32_t w) {
  char b[4];
  put_be32(b, w);
  return send_raw(b, 4);
}

bool TestClient::send_frame(const proto::Header& hdr, const std::string& body) {
  std::string buf(4 + proto::kHeaderSize, '\0');
  {
    proto::XdrEncoder e(buf.data() + 4, proto::kHeaderSize);
    if (!proto::put_header(e, hdr)) return false;
  }
  put_be32(buf.data(), static_cast<uint32_t>(proto::kHeaderSize + body.size()));
  buf += body;
  return send_raw(buf.data(), buf.size());
}

bool TestClient::read_launch(std::string* why) {
  char b[4];
  const Word w = read_exact(b, 4);
  if (w != Word::Ok) {
    *why = w == Word::Timeout ? "timed out waiting for the launch word" : "no launch word (EOF)";
    return false;
  }
  if (get_be32(b) != proto::kLaunchFlag) {
    *why = "first word is " + hex32(get_be32(b)) + ", not the launch flag";
    return false;
  }
  return true;
}

bool TestClient::read_progress_body(std::string* problem) {
  char b[proto::kProgressSize];
  if (read_exact(b, sizeof b) != Word::Ok) {
    *problem = "truncated progress message";
    return false;
  }
  proto::XdrDecoder d(b, sizeof b);
  ProgressMsg m{};
  d.get(m.proc);
  d.get(m.serial);
  d.get(m.position);
  d.get(m.total);
  progress_.push_back(m);
  return true;
}

std::optional<uint32_t> TestClient::next_length(bool skip_cancel, std::string* problem,
                                                bool* saw_cancel) {
  for (;;) {
    char b[4];
    switch (read_exact(b, 4)) {
      case Word::Ok:
        break;
      case Word::Eof:
        *problem = "EOF from daemon";
        return std::nullopt;
      case Word::Timeout:
        *problem = "timed out waiting for the daemon";
        return std::nullopt;
      case Word::Error:
        *problem = std::string("read error: ") + std::strerror(errno);
        return std::nullopt;
    }
    const uint32_t len = get_be32(b);
    if (len == proto::kProgressFlag) {
      if (!read_progress_body(problem)) return std::nullopt;
      continue;
    }
    if (len == proto::kCancelFlag) {
      if (saw_cancel) *saw_cancel = true;
      if (skip_cancel) continue;
    }
    return len;
  }
}

Reply TestClient::read_reply(int32_t proc, uint32_t serial, bool* saw_cancel) {
  Reply r;
  const auto len = next_length(true, &r.problem, saw_cancel);
  if (!len) return r;
  if (*len > proto::kMessageMax || *len < proto::kHeaderSize) {
    r.problem = "bad reply length word " + hex32(*len);
    return r;
  }
  std::string buf(*len, '\0');
  if (read_exact(buf.data(), buf.size()) != Word::Ok) {
    r.problem = "truncated reply";
    return r;
  }
  proto::XdrDecoder d(buf.data(), buf.size());
  if (!proto::get_header(d, r.hdr)) {
    r.problem = "undecodable reply header";
    return r;
  }
  // The library's header checks (protocol.md §1.5).
  if (r.hdr.prog != proto::kProgram || r.hdr.vers != proto::kProtocolVersion ||
      r.hdr.direction != proto::Direction::Reply) {
    r.problem = "bad reply header (prog/vers/direction)";
    return r;
  }
  if (r.hdr.proc != proc || r.hdr.serial != serial) {
    r.problem = "reply for proc " + std::to_string(r.hdr.proc) + " serial " + hex32(r.hdr.serial) +
                ", expected proc " + std::to_string(proc) + " serial " + hex32(serial);
    return r;
  }
  if (r.hdr.status == proto::Status::Ok) {
    r.ok = true;
    r.body = buf.substr(proto::kHeaderSize);
    return r;
  }
  if (!d.get(r.err) || !d.get(r.message) || !d.at_end()) r.problem = "undecodable error body";
  return r;
}

std::string encode_args(const ArgsFn& args) {
  if (!args) return {};
  std::string buf(kBufSize, '\0');
  proto::XdrEncoder e(buf.data(), buf.size());
  args(e);
  buf.resize(e.size());
  return buf;
}

Reply TestClient::call_raw(const proto::Header& hdr, const std::string& body) {
  if (!send_frame(hdr, body)) {
    Reply r;
    r.problem = "send failed";
    return r;
  }
  return read_reply(hdr.proc, hdr.serial);
}

Reply TestClient::call_proc(int32_t proc, const ArgsFn& args, uint64_t optargs,
                            uint64_t progress_hint) {
  proto::Header h;
  h.proc = proc;
  h.serial = next_serial();
  h.optargs_bitmask = optargs;
  h.progress_hint = progress_hint;
  return call_raw(h, encode_args(args));
}

Reply TestClient::call(const std::string& name, const ArgsFn& args, uint64_t optargs,
                       uint64_t progress_hint) {
  const proto::ActionInfo* a = proto::find_action(name);
  if (!a) {
    Reply r;
    r.problem = "no action named " + name;
    return r;
  }
  return call_proc(a->proc, args, optargs, progress_hint);
}

bool TestClient::send_chunk(bool cancel, const char* data, size_t n) {
  std::string buf(proto::kMaxChunkSize + 16, '\0');
  const size_t len = proto::encode_chunk(buf.data(), cancel, data, n);
  return send_raw(buf.data(), len);
}

bool TestClient::send_request(const std::string& name, const ArgsFn& args, uint64_t optargs,
                              uint64_t progress_hint, proto::Header& h, Reply& failure) {
  const proto::ActionInfo* a = proto::find_action(name);
  if (!a) {
    failure.problem = "no action named " + name;
    return false;
  }
  h.proc = a->proc;
  h.serial = next_serial();
  h.optargs_bitmask = optargs;
  h.progress_hint = progress_hint;
  if (!send_frame(h, encode_args(args))) {
    failure.problem = "send failed";
    return false;
  }
  return true;
}

UploadResult TestClient::upload(const std::string& name, const ArgsFn& args,
                                const std::string& data, const UploadOptions& opts) {
  UploadResult res;
  proto::Header h;
  if (!send_request(name, args, opts.optargs, opts.progress_hint, h, res.reply)) return res;
  size_t off = 0;
  bool cancel = false;
  while (off < data.size()) {
    // Like the library: look for a CANCEL (or progress) from the daemon first.
    while (readable()) {
      std::string problem;
      const auto w = next_length(false, &problem);
      if (!w) {
        res.reply.problem = "during upload: " + problem;
        return res;
      }
      if (*w != proto::kCancelFlag) {
        res.reply.problem = "lost protocol synchronization: " + hex32(*w) + " during upload";
        return res;
      }
      res.daemon_cancelled = cancel = true;
      break;
    }
    if (cancel) break;
    if (opts.cancel_after >= 0 && res.chunks_sent == static_cast<size_t>(opts.cancel_after)) {
      cancel = true;
      break;
    }
    const size_t n = std::min(opts.chunk_size, data.size() - off);
    if (!send_chunk(false, data.data() + off, n)) {
      res.reply.problem = "send failed during upload";
      return res;
    }
    off += n;
    ++res.chunks_sent;
  }
  if (!send_chunk(cancel, nullptr, 0)) {
    res.reply.problem = "send failed at the end of the upload";
    return res;
  }
  bool saw_cancel = false;
  res.reply = read_reply(h.proc, h.serial, &saw_cancel);
  // A CANCEL that raced with our end chunk arrives where the reply should be.
  if (saw_cancel) res.daemon_cancelled = true;
  return res;
}

DownloadResult TestClient::download(const std::string& name, const ArgsFn& args,
                                    const DownloadOptions& opts) {
  DownloadResult res;
  proto::Header h;
  if (!send_request(name, args, opts.optargs, 0, h, res.reply)) return res;
  // The reply comes first; chunks follow only an OK reply (protocol.md §1.10).
  res.reply = read_reply(h.proc, h.serial);
  if (!res.reply.problem.empty() || !res.reply.ok) return res;
  bool sent_cancel = false;
  std::string buf(proto::kMessageMax, '\0');
  for (;;) {
    const auto len = next_length(false, &res.reply.problem);
    if (!len) return res;
    if (*len < 8 || *len > 8 + proto::kMaxChunkSize) {
      res.reply.problem = "bad chunk length word " + hex32(*len);
      return res;
    }
    if (read_exact(buf.data(), *len) != Word::Ok) {
      res.reply.problem = "truncated chunk";
      return res;
    }
    proto::XdrDecoder d(buf.data(), *len);
    int32_t cancel;
    std::string data;
    if (!d.get(cancel) || !d.get_bytes(data) || !d.at_end()) {
      res.reply.problem = "undecodable chunk";
      return res;
    }
    if (cancel != 0) {
      res.cancel_chunk = true;
      return res;
    }
    if (data.empty()) {
      res.ended = true;
      return res;
    }
    if (!sent_cancel) res.data += data;
    if (opts.on_chunk) opts.on_chunk(res.chunks);
    ++res.chunks;
    if (!sent_cancel && opts.cancel_after >= 0 &&
        res.chunks >= static_cast<size_t>(opts.cancel_after)) {
      // Like the library: one CANCEL word, then drain to the end/cancel chunk.
      if (!send_word(proto::kCancelFlag)) {
        res.reply.problem = "send failed while cancelling";
        return res;
      }
      sent_cancel = true;
    }
  }
}

bool TestClient::wait_eof(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char b[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{fd_, POLLIN, 50};
    const int pr = poll(&pfd, 1, 50);
    if (pr <= 0) continue;
    const ssize_t r = ::read(fd_, b, sizeof b);
    if (r == 0) return true;
    if (r < 0 && errno != EINTR && errno != EAGAIN) return true;  // ECONNRESET, EIO
  }
  return false;
}

std::string describe(const Reply& r) {
  if (!r.problem.empty()) return "protocol problem: " + r.problem;
  if (r.ok) return "OK (" + std::to_string(r.body.size()) + " body bytes)";
  return "error errno=\"" + r.err + "\" message=\"" + r.message + "\"";
}

std::optional<int32_t> as_int(const Reply& r) {
  int32_t v = 0;
  if (!decode_body(r, [&](proto::XdrDecoder& d) { return d.get(v); })) return std::nullopt;
  return v;
}

std::optional<int64_t> as_int64(const Reply& r) {
  int64_t v = 0;
  if (!decode_body(r, [&](proto::XdrDecoder& d) { return d.get(v); })) return std::nullopt;
  return v;
}

std::optional<bool> as_bool(const Reply& r) {
  bool v = false;
  if (!decode_body(r, [&](proto::XdrDecoder& d) { return d.get(v); })) return std::nullopt;
  return v;
}

std::optional<std::string> as_string(const Reply& r) {
  std::string v;
  if (!decode_body(r, [&](proto::XdrDecoder& d) { return d.get(v); })) return std::nullopt;
  return v;
}

std::optional<std::vector<std::string>> as_strings(const Reply& r) {
  std::vector<std::string> v;
  if (!decode_body(r, [&](proto::XdrDecoder& d) { return d.get(v); })) return std::nullopt;
  return v;
}

std::optional<Fields> as_struct(const Reply& r, const std::string& struct_name) {
  const proto::StructInfo* s = find_struct(struct_name);
  if (!s) return std::nullopt;
  Fields f;
  if (!decode_body(r, [&](proto::XdrDecoder& d) { return get_struct(d, *s, f); }))
    return std::nullopt;
  return f;
}

std::optional<std::vector<Fields>> as_struct_list(const Reply& r, const std::string& struct_name) {
  const proto::StructInfo* s = find_struct(struct_name);
  if (!s) return std::nullopt;
  std::vector<Fields> out;
  const bool ok = decode_body(r, [&](proto::XdrDecoder& d) {
    uint32_t n;
    if (!d.get(n) || n > d.remaining()) return false;
    for (uint32_t i = 0; i < n; ++i) {
      Fields f;
      if (!get_struct(d, *s, f)) return false;
      out.push_back(std::move(f));
    }
    return true;
  });
  if (!ok) return std::nullopt;
  return out;
}

ArgsFn str_arg(const std::string& s) {
  return [s](proto::XdrEncoder& e) { e.put(s); };
}

ArgsFn strs_arg(const std::vector<std::string>& v) {
  return [v](proto::XdrEncoder& e) { e.put(v); };
}

}  // namespace gfsd::test
