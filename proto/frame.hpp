// Encoding of the fixed parts of the wire: header, error body, chunks,
// progress messages. Everything here is byte-exact XDR.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "proto/be32.hpp"
#include "proto/protocol.hpp"
#include "proto/xdr.hpp"

namespace gfsd::proto {

bool put_header(XdrEncoder& e, const Header& h);
bool get_header(XdrDecoder& d, Header& h);

// guestfs_message_error: errno name, message cut to kErrorLen bytes.
bool put_error(XdrEncoder& e, int errnum, const std::string& message);

// A whole chunk frame (length word included) into buf, which must hold
// kMaxChunkSize + 16 bytes. Returns the frame size.
size_t encode_chunk(char* buf, bool cancel, const char* data, size_t n);

// A whole progress message (flag word + 24 bytes) into buf[28].
void encode_progress(char* buf, int32_t proc, uint32_t serial, uint64_t position, uint64_t total);


}  // namespace gfsd::proto
