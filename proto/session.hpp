// One connection with the library: the launch word, then request after
// request until end of stream. Implements the FileIn/FileOut streams and
// progress messages that domain code sees through ports.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "domain/ctx.hpp"
#include "ports/channel.hpp"
#include "ports/file_transfer.hpp"
#include "ports/system.hpp"
#include "proto/dispatcher.hpp"
#include "proto/frame_reader.hpp"
#include "proto/protocol.hpp"

namespace gfsd::proto {

class Session final : public ports::UploadStream,
                      public ports::DownloadStream,
                      public ports::Progress {
 public:
  enum class End {
    Eof,            // the library closed the stream: the normal end
    ExitRequested,  // internal_exit
    ProtocolError,  // a frame we cannot make sense of; the stream is unusable
  };

  Session(ports::Channel& channel, const Dispatcher& dispatcher, ports::Clock& clock,
          ports::Log& log);

  // Sends the launch word and serves requests until the stream ends. The
  // ctx's progress port should be this session; its upload/download
  // streams are set here for each FileIn/FileOut request.
  End run(domain::Ctx& ctx);

  // ports::UploadStream
  Result<size_t> read(char* buf, size_t n) override;
  // ports::DownloadStream
  Result<void> start() override;
  Result<void> write(const char* data, size_t n) override;
  Result<void> finish() override;
  // ports::Progress
  void report(uint64_t position, uint64_t total) override;

 private:
  End serve();

  bool send(const char* buf, size_t n);
  bool serve_one(uint32_t len);
  void send_reply(const Header& req, const Result<void>& r, size_t body_len);
  void send_error(const Header& req, const Error& e);
  Result<void> next_chunk();
  bool next_chunk_buffered() const;
  void cancel_receive();
  void close_frame(char* frame, size_t dlen, bool cancel = false);
  Result<void> send_batch(bool cancel, bool end);
  bool send_queued();
  bool library_cancelled();
  tl::unexpected<Error> protocol_error(const std::string& what);

  ports::Channel& channel_;
  const Dispatcher& dispatcher_;
  domain::Ctx* ctx_ = nullptr;  // during run()
  ports::Clock& clock_;
  ports::Log& log_;

  // Buffers sized for the largest frame, allocated once; untouched pages
  // cost no memory. rx_ holds what the library sent (requests and upload
  // chunks, parsed in place); out_ the reply; batch_ the download chunks
  // queued for one write.
  FrameReader rx_;
  std::unique_ptr<char[]> out_;
  std::unique_ptr<char[]> batch_;

  bool broken_ = false;  // the stream lost synchronisation

  // Current request.
  Header req_;
  int64_t start_us_ = 0;
  int64_t last_progress_us_ = 0;
  uint64_t progress_count_ = 0;

  // FileIn state.
  bool up_ended_ = false;      // end or cancel chunk seen
  bool up_cancelled_ = false;  // by the library
  uint64_t up_received_ = 0;
  const char* up_data_ = nullptr;   // the current chunk's data, in rx_
  size_t up_pos_ = 0, up_len_ = 0;  // its unread part

  // FileOut state.
  bool down_started_ = false;
  bool down_finished_ = false;
  bool down_cancelled_ = false;
  size_t down_frames_ = 0;  // whole chunk frames queued in batch_
  size_t down_fill_ = 0;    // data bytes in the chunk being built after them
};

}  // namespace gfsd::proto
