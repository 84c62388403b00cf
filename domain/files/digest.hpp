// The checksums of checksum, checksum_device and checksums_out, computed in the
// daemon as the coreutils tools the original ran compute them: cksum's CRC
// (POSIX 1003.2, the length folded in) here, md5 and the SHA family with
// libgcrypt (already in every appliance, under librpm and libsystemd). A pure
// computation over bytes: no file, no process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ports/result.hpp"

namespace gfsd::domain::files {

enum class DigestKind { Crc, Md5, Sha1, Sha224, Sha256, Sha384, Sha512 };

// The kind for a checksum type in any case ("SHA256"), or the original's error.
Result<DigestKind> digest_kind(const std::string& csumtype);

// The coreutils tool of that kind: "cksum", "md5sum", "sha256sum" ...
const char* digest_tool(DigestKind kind);

class Digest {
 public:
  // Fails only where libgcrypt refuses the algorithm (md5 in FIPS mode).
  static Result<std::unique_ptr<Digest>> start(DigestKind kind);
  ~Digest();
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;

  void update(const char* data, size_t n);
  // What the tool prints first: lower-case hex, or cksum's CRC in decimal.
  // Ends the digest.
  std::string finish();
  uint64_t length() const { return length_; }

 private:
  explicit Digest(DigestKind kind);
  struct Gcrypt;
  DigestKind kind_;
  uint64_t length_ = 0;
  uint32_t crc_ = 0;
  std::unique_ptr<Gcrypt> md_;
};

// cksum's CRC of the bytes so far (exposed for tests of the table).
uint32_t cksum_crc_update(uint32_t crc, const unsigned char* p, size_t n);

}  // namespace gfsd::domain::files
