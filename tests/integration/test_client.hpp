// A small guestfs protocol client that speaks to a daemon the way the 1.48
// library does (protocol.md §1): serials from 0x123400, header checks on
// every reply, FileIn/FileOut chunk streams with both kinds of cancel, and
// progress messages accepted wherever a length word is expected.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "proto/protocol.hpp"
#include "proto/xdr.hpp"

namespace gfsd::test {

using ArgsFn = std::function<void(proto::XdrEncoder&)>;

struct ProgressMsg {
  int32_t proc;
  uint32_t serial;
  uint64_t position;
  uint64_t total;
};

struct Reply {
  std::string problem;  // a protocol-level failure; empty when a reply was read
  proto::Header hdr;
  bool ok = false;
  std::string err;      // errno_string of an error reply
  std::string message;  // error_message of an error reply
  std::string body;     // the bytes after the header of an OK reply
};

struct UploadOptions {
  size_t chunk_size = proto::kMaxChunkSize;
  int cancel_after = -1;  // send the cancel chunk after this many data chunks
  uint64_t progress_hint = 0;
  uint64_t optargs = 0;
};

struct UploadResult {
  Reply reply;
  bool daemon_cancelled = false;  // a CANCEL word came from the daemon
  size_t chunks_sent = 0;         // data chunks only
};

struct DownloadOptions {
  int cancel_after = -1;  // send a CANCEL word after this many data chunks
  uint64_t optargs = 0;
  // Called after each data chunk is read (index from 0), e.g. to read slowly.
  std::function<void(size_t)> on_chunk;
};

struct DownloadResult {
  Reply reply;
  std::string data;
  bool ended = false;         // saw the end chunk
  bool cancel_chunk = false;  // saw a chunk with cancel = 1
  size_t chunks = 0;          // data chunks
};

class TestClient {
 public:
  // Takes ownership of fd.
  explicit TestClient(int fd);
  ~TestClient();
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  // Connects to a listening daemon, retrying until timeout_ms; nullptr on failure.
  static std::unique_ptr<TestClient> connect_unix(const std::string& path, int timeout_ms = 10000);

  int fd() const { return fd_; }
  void set_timeout_ms(int ms) { timeout_ms_ = ms; }

  // Reads the first word of the connection and checks it is the LAUNCH flag.
  bool read_launch(std::string* why);

  Reply call(const std::string& name, const ArgsFn& args = {}, uint64_t optargs = 0,
             uint64_t progress_hint = 0);
  // The same for any procedure number, known or not.
  Reply call_proc(int32_t proc, const ArgsFn& args = {}, uint64_t optargs = 0,
                  uint64_t progress_hint = 0);
  // A request with a caller-made header and body; the reply must echo hdr.proc/serial.
  Reply call_raw(const proto::Header& hdr, const std::string& body);

  UploadResult upload(const std::string& name, const ArgsFn& args, const std::string& data,
                      const UploadOptions& opts = {});
  DownloadResult download(const std::string& name, const ArgsFn& args,
                          const DownloadOptions& opts = {});

  // Low-level pieces for malformed input.
  bool send_raw(const void* data, size_t n);
  bool send_word(uint32_t w);
  bool send_frame(const proto::Header& hdr, const std::string& body);
  // CANCEL words before the reply are skipped and noted in saw_cancel.
  Reply read_reply(int32_t proc, uint32_t serial, bool* saw_cancel = nullptr);
  // True if the daemon closes the connection within timeout_ms.
  bool wait_eof(int timeout_ms);

  uint32_t next_serial() { return serial_++; }
  uint32_t last_serial() const { return serial_ - 1; }
  const std::vector<ProgressMsg>& progress() const { return progress_; }
  void clear_progress() { progress_.clear(); }

 private:
  enum class Word { Ok, Eof, Timeout, Error };
  Word read_exact(void* buf, size_t n);
  // Next length word, handling progress messages (and CANCEL words when
  // skip_cancel). Returns nullopt on failure with `problem` set.
  std::optional<uint32_t> next_length(bool skip_cancel, std::string* problem,
                                      bool* saw_cancel = nullptr);
  bool read_progress_body(std::string* problem);
  bool send_chunk(bool cancel, const char* data, size_t n);
  // Sends the request frame of a FileIn/FileOut call; on failure says why in failure.
  bool send_request(const std::string& name, const ArgsFn& args, uint64_t optargs,
                    uint64_t progress_hint, proto::Header& h, Reply& failure);
  // Whether bytes from the daemon are waiting, without blocking.
  bool readable();

  int fd_;
  int timeout_ms_ = 30000;
  uint32_t serial_ = 0x123400;
  std::vector<ProgressMsg> progress_;
};

std::string encode_args(const ArgsFn& args);
std::string describe(const Reply& r);  // one line for assertion messages

// Decoders for reply bodies; nullopt if the body does not decode exactly.
std::optional<int32_t> as_int(const Reply& r);
std::optional<int64_t> as_int64(const Reply& r);
std::optional<bool> as_bool(const Reply& r);
std::optional<std::string> as_string(const Reply& r);
std::optional<std::vector<std::string>> as_strings(const Reply& r);
// A struct (or struct list) named in proto/structs.tsv, each field as text.
using Fields = std::map<std::string, std::string>;
std::optional<Fields> as_struct(const Reply& r, const std::string& struct_name);
std::optional<std::vector<Fields>> as_struct_list(const Reply& r, const std::string& struct_name);

// Argument helpers.
ArgsFn str_arg(const std::string& s);
ArgsFn strs_arg(const std::vector<std::string>& v);

}  // namespace gfsd::test
