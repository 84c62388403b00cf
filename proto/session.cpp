#include "proto/session.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include "proto/action_table.hpp"
#include "proto/frame.hpp"

namespace gfsd::proto {

namespace {

constexpr int64_t kProgressInitialDelayUs = 2'000'000;
constexpr int64_t kProgressPeriodUs = 333'333;
constexpr size_t kChunkHead = 12;  // length word, cancel, data length
constexpr size_t kChunkFrameMax = kChunkHead + kMaxChunkSize;
// Download chunks go out this many to a write(2); upload chunks come in up
// to this many to a read(2). 16 is where a socket's throughput levels off
// (about 3x one chunk per call) while the buffers stay at 128 KiB.
constexpr size_t kBatchChunks = 16;
constexpr size_t kReadWindow = kBatchChunks * kChunkFrameMax;

size_t pad4(size_t n) { return (n + 3) & ~size_t{3}; }

std::string hex(int32_t v) {
  char b[16];
  std::snprintf(b, sizeof b, "0x%x", static_cast<unsigned>(v));
  return b;
}

// What is wrong with a request header, if anything (stock wording).
std::optional<std::string> header_problem(const Header& h) {
  if (h.prog != kProgram) return "wrong program (" + std::to_string(h.prog) + ")";
  if (h.vers != kProtocolVersion) return "wrong protocol version (" + std::to_string(h.vers) + ")";
  if (h.direction != Direction::Call)
    return "unexpected message direction (" + std::to_string(static_cast<int>(h.direction)) + ")";
  if (h.status != Status::Ok)
    return "unexpected message status (" + std::to_string(static_cast<int>(h.status)) + ")";
  return std::nullopt;
}

const char* proc_name(const ActionInfo* a) { return a ? a->name : "UNKNOWN PROCEDURE"; }

}  // namespace

Session::Session(ports::Channel& channel, const Dispatcher& dispatcher, ports::Clock& clock,
                 ports::Log& log)
    : channel_(channel),
      dispatcher_(dispatcher),
      clock_(clock),
      log_(log),
      rx_(channel, 4 + kMessageMax, kReadWindow),
      out_(new char[4 + kMessageMax]),
      // the batch, then room for a closing end or cancel chunk
      batch_(new char[kBatchChunks * kChunkFrameMax + kChunkHead]) {}

bool Session::send(const char* buf, size_t n) {
  if (broken_) return false;
  if (!channel_.write_all(buf, n)) broken_ = true;
  return !broken_;
}

tl::unexpected<Error> Session::protocol_error(const std::string& what) {
  broken_ = true;
  log_.error("guestfsd: " + what);
  return fail_with(EPROTO, what);
}

Session::End Session::run(domain::Ctx& ctx) {
  ctx_ = &ctx;
  broken_ = false;  // run() may be called again once the channel has a new stream (fuzzers do)
  rx_.reset();
  const End end = serve();
  ctx.upload = nullptr;
  ctx.download = nullptr;
  ctx_ = nullptr;
  return end;
}

Session::End Session::serve() {
  char launch[4];
  put_be32(launch, kLaunchFlag);
  if (!send(launch, 4)) return End::ProtocolError;
  for (;;) {
    const char* word = nullptr;
    switch (rx_.take(4, &word)) {
      case FrameReader::Status::Eof:
        return End::Eof;
      case FrameReader::Status::Failed:
        log_.error("guestfsd: connection lost in the middle of a length word");
        return End::ProtocolError;
      case FrameReader::Status::Ok:
        break;
    }
    const uint32_t len = get_be32(word);
    if (len == kCancelFlag) continue;  // a cancel that came after its request ended
    if (len > kMessageMax) {
      log_.error("guestfsd: incoming message is too long (" + std::to_string(len) + " bytes)");
      return End::ProtocolError;
    }
    if (!serve_one(len)) return End::ProtocolError;
    if (ctx_->state.exit_requested) return End::ExitRequested;
  }
}

bool Session::serve_one(uint32_t len) {
  // The arguments are decoded in place; the frame's bytes may move once an
  // upload reads its chunks, and nothing looks at them after decoding.
  const char* in = nullptr;
  if (rx_.take(len, &in) != FrameReader::Status::Ok) {
    log_.error("guestfsd: connection lost in the middle of a request");
    return false;
  }
  start_us_ = clock_.now_us();
  last_progress_us_ = start_us_;
  progress_count_ = 0;

  Header h;
  {
    XdrDecoder d(in, len);
    if (!get_header(d, h)) {
      log_.error("guestfsd: could not decode message header");
      return false;
    }
  }
  req_ = h;
  if (auto problem = header_problem(h)) {
    // Unlike stock, the reply echoes this request's proc and serial, so the
    // library can match it.
    send_error(h, {0, *problem});
    return !broken_;
  }

  const ActionInfo* info = find_action(h.proc);
  const char* name = proc_name(info);
  if (log_.verbose())
    log_.debug(std::string("guestfsd: <= ") + name + " (" + hex(h.proc) + ") request length " +
               std::to_string(len) + " bytes");

  up_ended_ = up_cancelled_ = false;
  up_received_ = 0;
  up_data_ = nullptr;
  up_pos_ = up_len_ = 0;
  down_started_ = down_finished_ = down_cancelled_ = false;
  down_frames_ = down_fill_ = 0;
  ctx_->upload = info && info->has(kFileIn) ? this : nullptr;
  ctx_->download = info && info->has(kFileOut) ? this : nullptr;

  XdrEncoder body(out_.get() + 4 + kHeaderSize, kMessageMax - kHeaderSize);
  Result<void> r = dispatcher_.call(*ctx_, h.proc, h.optargs_bitmask, in + kHeaderSize,
                                    len - kHeaderSize, body);

  if (ctx_->upload && !up_ended_ && !broken_) cancel_receive();
  if (ctx_->download && r && !down_started_)
    r = fail("internal error: " + std::string(name) + " sent no file data");
  if (ctx_->download && down_started_) {
    // The reply went out already: an error can only cancel the stream.
    if (!r) log_.error("guestfsd: error: " + r.error().message);
    if (!down_finished_ && !down_cancelled_) (void)send_batch(true, false);
  } else if (!broken_) {
    send_reply(h, r, body.size());
  }
  ctx_->upload = nullptr;
  ctx_->download = nullptr;

  if (log_.verbose()) {
    const int64_t us = clock_.now_us() - start_us_;
    char took[64];
    std::snprintf(took, sizeof took, "%d.%02d", static_cast<int>(us / 1000000),
                  static_cast<int>((us / 10000) % 100));
    log_.debug(std::string("guestfsd: => ") + name + " (" + hex(h.proc) + ") took " + took +
               " secs");
  }
  return !broken_;
}

void Session::send_reply(const Header& req, const Result<void>& r, size_t body_len) {
  if (!r) return send_error(req, r.error());
  Header rep;
  rep.proc = req.proc;
  rep.serial = req.serial;
  rep.direction = Direction::Reply;
  rep.status = Status::Ok;
  XdrEncoder he(out_.get() + 4, kHeaderSize);
  put_header(he, rep);
  put_be32(out_.get(), static_cast<uint32_t>(kHeaderSize + body_len));
  send(out_.get(), 4 + kHeaderSize + body_len);
}

void Session::send_error(const Header& req, const Error& e) {
  log_.error("guestfsd: error: " + e.message);
  Header rep;
  rep.proc = req.proc;
  rep.serial = req.serial;
  rep.direction = Direction::Reply;
  rep.status = Status::Error;
  XdrEncoder enc(out_.get() + 4, kMessageMax);
  put_header(enc, rep);
  put_error(enc, e.errnum, e.message);
  const size_t len = enc.size();
  put_be32(out_.get(), static_cast<uint32_t>(len));
  send(out_.get(), 4 + len);
}

// ---- FileIn -------------------------------------------------------------------

// Reads the next chunk frame of an upload. A frame we can delimit but not
// decode is the caller's error (the upload fails, the stream is drained);
// only a frame we cannot even delimit breaks the connection.
Result<void> Session::next_chunk() {
  for (;;) {
    const char* word = nullptr;
    if (rx_.take(4, &word) != FrameReader::Status::Ok)
      return protocol_error("connection lost during upload");
    const uint32_t len = get_be32(word);
    if (len == kCancelFlag) continue;
    if (len > kMessageMax)
      return protocol_error("incoming message is too long (" + std::to_string(len) + " bytes)");
    const char* buf = nullptr;
    if (rx_.take(len, &buf) != FrameReader::Status::Ok)
      return protocol_error("connection lost during upload");
    const uint32_t cancel = len >= 8 ? get_be32(buf) : 0;
    const uint32_t dlen = len >= 8 ? get_be32(buf + 4) : 0;
    if (len < 8 || dlen > kMaxChunkSize || 8 + pad4(dlen) > len || cancel > 1) {
      log_.error("guestfsd: receive_file: malformed chunk (length " + std::to_string(len) +
                 ", cancel " + std::to_string(cancel) + ")");
      return fail_with(EPROTO, "malformed file chunk");
    }
    if (log_.verbose())
      log_.debug("guestfsd: receive_file: got chunk: cancel = " + hex(static_cast<int32_t>(cancel)) +
                 ", len = " + std::to_string(dlen));
    if (cancel) {
      up_ended_ = up_cancelled_ = true;
      return {};
    }
    if (dlen == 0) {
      up_ended_ = true;
      return {};
    }
    up_data_ = buf + 8;
    up_pos_ = 0;
    up_len_ = dlen;
    up_received_ += dlen;
    if (req_.progress_hint > 0) report(up_received_, req_.progress_hint);
    return {};
  }
}

// Whether the next chunk frame is wholly in rx_ already, so that taking it
// cannot block.
bool Session::next_chunk_buffered() const {
  if (rx_.buffered() < 4) return false;
  const uint32_t len = get_be32(rx_.peek());
  return len != kCancelFlag && len <= kMessageMax && rx_.buffered() - 4 >= len;
}

// Fills buf from as many chunks as have arrived, so that the caller writes
// in large blocks; blocks only when it has nothing to return yet.
Result<size_t> Session::read(char* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    if (up_pos_ >= up_len_) {
      if (got > 0 && (up_ended_ || broken_ || !next_chunk_buffered())) break;
      if (up_ended_) {
        if (up_cancelled_) return fail_with(ECANCELED, "file upload cancelled");
        return size_t{0};
      }
      if (broken_) return protocol_error("stream lost");
      up_data_ = nullptr;
      up_pos_ = up_len_ = 0;
      auto r = next_chunk();
      if (!r) {
        if (got > 0 && !broken_) break;  // the data first; the error on the next read
        return tl::unexpected(r.error());
      }
      continue;
    }
    const size_t k = std::min(n - got, up_len_ - up_pos_);
    std::memcpy(buf + got, up_data_ + up_pos_, k);
    up_pos_ += k;
    got += k;
  }
  return got;
}

// The library goes on sending until it sees our cancel word; read and drop
// everything up to its end or cancel chunk, so the next request starts clean.
void Session::cancel_receive() {
  char word[4];
  put_be32(word, kCancelFlag);
  if (!send(word, 4)) return;
  while (!up_ended_ && !broken_) {
    up_pos_ = up_len_ = 0;
    (void)next_chunk();  // malformed chunks are dropped like any other
  }
  up_data_ = nullptr;
  up_pos_ = up_len_ = 0;
}

// ---- FileOut ------------------------------------------------------------------
//
// Whole chunks are queued in batch_ and go out kBatchChunks to a write;
// before each write the library's cancel word is looked for, as the original
// does before each chunk.

Result<void> Session::start() {
  if (down_started_) return fail("internal error: file transfer started twice");
  down_started_ = true;
  send_reply(req_, Result<void>{}, 0);
  if (broken_) return protocol_error("connection lost");
  return {};
}

bool Session::library_cancelled() {
  if (rx_.buffered() == 0) {
    if (!channel_.readable(0)) return false;
    if (rx_.fill() != FrameReader::Status::Ok) {
      broken_ = true;
      return true;
    }
  } else if (rx_.buffered() >= 4 && get_be32(rx_.peek()) != kCancelFlag) {
    return false;  // bytes read ahead with the request: a request sent early, not a cancel
  }
  const char* word = nullptr;
  if (rx_.take(4, &word) != FrameReader::Status::Ok) {
    broken_ = true;
    return true;
  }
  const uint32_t flag = get_be32(word);
  if (flag == kCancelFlag) return true;
  // Anything else here means the two sides disagree about the protocol.
  (void)protocol_error("check_for_library_cancellation: read " + hex(static_cast<int32_t>(flag)) +
                       " from library, expected " + hex(static_cast<int32_t>(kCancelFlag)));
  return true;
}

// Writes the chunk head (and the padding of a short chunk) around data
// already in place at frame + kChunkHead; with dlen 0, an end or cancel chunk.
void Session::close_frame(char* frame, size_t dlen, bool cancel) {
  const size_t padded = pad4(dlen);
  std::memset(frame + kChunkHead + dlen, 0, padded - dlen);
  put_be32(frame, static_cast<uint32_t>(8 + padded));
  put_be32(frame + 4, cancel ? 1 : 0);
  put_be32(frame + 8, static_cast<uint32_t>(dlen));
}

// Sends the whole chunks queued so far (no cancel check: the caller did it
// or is about to send something that must follow them).
bool Session::send_queued() {
  const size_t bytes = down_frames_ * kChunkFrameMax;
  down_frames_ = 0;
  if (bytes == 0) return true;
  // Keep the chunk being built at the front for the next batch.
  const bool ok = send(batch_.get(), bytes);
  if (down_fill_ > 0)
    std::memmove(batch_.get() + kChunkHead, batch_.get() + bytes + kChunkHead, down_fill_);
  return ok;
}

// Sends what is queued, then with `end` the short chunk being built and the
// end chunk, in one write. With `cancel`, only a cancel chunk: what is
// queued is dropped, since the library discards every chunk after its
// cancel word anyway (and after our error, the file is not wanted).
Result<void> Session::send_batch(bool cancel, bool end) {
  if (!cancel && !end) {
    if (!send_queued()) return protocol_error("connection lost during download");
    return {};
  }
  if (cancel) down_frames_ = 0;
  char* tail = batch_.get() + down_frames_ * kChunkFrameMax;
  size_t bytes = down_frames_ * kChunkFrameMax;
  if (!cancel && down_fill_ > 0) {
    close_frame(tail, down_fill_);
    const size_t n = kChunkHead + pad4(down_fill_);
    tail += n;
    bytes += n;
  }
  close_frame(tail, 0, cancel);
  bytes += kChunkHead;
  down_frames_ = down_fill_ = 0;
  if (!send(batch_.get(), bytes)) return protocol_error("connection lost during download");
  if (cancel) {
    down_cancelled_ = true;
    return fail_with(ECANCELED, "file transfer cancelled");
  }
  return {};
}

Result<void> Session::write(const char* data, size_t n) {
  if (!down_started_ || down_finished_) return fail("internal error: download not in progress");
  if (down_cancelled_) return fail_with(ECANCELED, "file transfer cancelled");
  while (n > 0) {
    char* frame = batch_.get() + down_frames_ * kChunkFrameMax;
    const size_t k = std::min(n, kMaxChunkSize - down_fill_);
    std::memcpy(frame + kChunkHead + down_fill_, data, k);
    down_fill_ += k;
    data += k;
    n -= k;
    if (down_fill_ == kMaxChunkSize) {
      close_frame(frame, kMaxChunkSize);
      down_fill_ = 0;
      if (++down_frames_ == kBatchChunks) GFSD_TRY(send_batch(library_cancelled(), false));
    }
  }
  return {};
}

Result<void> Session::finish() {
  if (!down_started_ || down_finished_) return fail("internal error: download not in progress");
  if (down_cancelled_) return fail_with(ECANCELED, "file transfer cancelled");
  // As the original: the cancel word is looked for only when data is due.
  const bool data_due = down_frames_ > 0 || down_fill_ > 0;
  GFSD_TRY(send_batch(data_due && library_cancelled(), true));
  down_finished_ = true;
  return {};
}

// ---- Progress -----------------------------------------------------------------

void Session::report(uint64_t position, uint64_t total) {
  const int64_t now = clock_.now_us();
  if (!(progress_count_ > 0 && position == total)) {
    const int64_t elapsed = now - last_progress_us_;
    if (progress_count_ == 0 ? elapsed < kProgressInitialDelayUs : elapsed < kProgressPeriodUs)
      return;
  }
  // Chunks queued before this point go first, so the data never lags the
  // progress the library shows.
  if (down_started_ && !down_finished_ && !down_cancelled_ && !send_queued()) return;
  char buf[4 + kProgressSize];
  encode_progress(buf, req_.proc, req_.serial, position, total);
  if (!send(buf, sizeof buf)) return;
  ++progress_count_;
  last_progress_us_ = now;
}

}  // namespace gfsd::proto
