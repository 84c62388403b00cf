#include "domain/files/digest.hpp"

#include <array>
#include <cctype>
#include <mutex>

#include <gcrypt.h>

namespace gfsd::domain::files {

namespace {

// CRC-32 with the polynomial 0x04C11DB7, most significant bit first, as
// POSIX cksum; eight tables so that eight bytes take one step.
using CrcTables = std::array<std::array<uint32_t, 256>, 8>;

CrcTables make_tables() {
  CrcTables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i << 24;
    for (int bit = 0; bit < 8; ++bit) c = (c & 0x80000000u) ? (c << 1) ^ 0x04C11DB7u : c << 1;
    t[0][i] = c;
  }
  // t[k][i]: byte i followed by k zero bytes.
  for (size_t k = 1; k < 8; ++k)
    for (uint32_t i = 0; i < 256; ++i)
      t[k][i] = (t[k - 1][i] << 8) ^ t[0][t[k - 1][i] >> 24];
  return t;
}

const CrcTables& tables() {
  static const CrcTables t = make_tables();
  return t;
}

uint32_t load_be32(const unsigned char* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | uint32_t{p[3]};
}

int gcrypt_algo(DigestKind kind) {
  switch (kind) {
    case DigestKind::Md5: return GCRY_MD_MD5;
    case DigestKind::Sha1: return GCRY_MD_SHA1;
    case DigestKind::Sha224: return GCRY_MD_SHA224;
    case DigestKind::Sha256: return GCRY_MD_SHA256;
    case DigestKind::Sha384: return GCRY_MD_SHA384;
    case DigestKind::Sha512: return GCRY_MD_SHA512;
    case DigestKind::Crc: break;
  }
  return 0;
}

// libgcrypt wants its version checked once before use; librpm in this process
// may have done it already, which is fine.
void init_gcrypt() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P)) {
      gcry_check_version(nullptr);
      gcry_control(GCRYCTL_DISABLE_SECMEM, 0);  // digests of public data only
      gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    }
  });
}

}  // namespace

uint32_t cksum_crc_update(uint32_t crc, const unsigned char* p, size_t n) {
  const CrcTables& t = tables();
  while (n >= 8) {
    const uint32_t a = crc ^ load_be32(p);
    const uint32_t b = load_be32(p + 4);
    crc = t[7][a >> 24] ^ t[6][(a >> 16) & 0xff] ^ t[5][(a >> 8) & 0xff] ^ t[4][a & 0xff] ^
          t[3][b >> 24] ^ t[2][(b >> 16) & 0xff] ^ t[1][(b >> 8) & 0xff] ^ t[0][b & 0xff];
    p += 8;
    n -= 8;
  }
  while (n--) crc = (crc << 8) ^ t[0][((crc >> 24) ^ *p++) & 0xff];
  return crc;
}

Result<DigestKind> digest_kind(const std::string& csumtype) {
  std::string t;
  for (char c : csumtype) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "crc") return DigestKind::Crc;
  if (t == "md5") return DigestKind::Md5;
  if (t == "sha1") return DigestKind::Sha1;
  if (t == "sha224") return DigestKind::Sha224;
  if (t == "sha256") return DigestKind::Sha256;
  if (t == "sha384") return DigestKind::Sha384;
  if (t == "sha512") return DigestKind::Sha512;
  return fail("unknown checksum type, expecting crc|md5|sha1|sha224|sha256|sha384|sha512");
}

const char* digest_tool(DigestKind kind) {
  switch (kind) {
    case DigestKind::Crc: return "cksum";
    case DigestKind::Md5: return "md5sum";
    case DigestKind::Sha1: return "sha1sum";
    case DigestKind::Sha224: return "sha224sum";
    case DigestKind::Sha256: return "sha256sum";
    case DigestKind::Sha384: return "sha384sum";
    case DigestKind::Sha512: return "sha512sum";
  }
  return "?";
}

struct Digest::Gcrypt {
  gcry_md_hd_t hd = nullptr;
  ~Gcrypt() {
    if (hd) gcry_md_close(hd);
  }
};

Result<std::unique_ptr<Digest>> Digest::start(DigestKind kind) {
  std::unique_ptr<Digest> d(new Digest(kind));
  if (kind == DigestKind::Crc) return d;
  init_gcrypt();
  d->md_ = std::make_unique<Gcrypt>();
  const gcry_error_t err = gcry_md_open(&d->md_->hd, gcrypt_algo(kind), 0);
  if (err) return fail(std::string(digest_tool(kind)) + ": " + gcry_strerror(err));
  return d;
}

Digest::Digest(DigestKind kind) : kind_(kind) {}

Digest::~Digest() = default;

void Digest::update(const char* data, size_t n) {
  length_ += n;
  if (kind_ == DigestKind::Crc) {
    crc_ = cksum_crc_update(crc_, reinterpret_cast<const unsigned char*>(data), n);
  } else {
    gcry_md_write(md_->hd, data, n);
  }
}

std::string Digest::finish() {
  if (kind_ == DigestKind::Crc) {
    // cksum folds in the length, least significant byte first, then inverts.
    uint32_t crc = crc_;
    for (uint64_t len = length_; len; len >>= 8) {
      const unsigned char byte = static_cast<unsigned char>(len & 0xff);
      crc = cksum_crc_update(crc, &byte, 1);
    }
    return std::to_string(~crc & 0xffffffffu);
  }
  const int algo = gcrypt_algo(kind_);
  const unsigned char* sum = gcry_md_read(md_->hd, algo);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  const unsigned len = gcry_md_get_algo_dlen(algo);
  hex.reserve(2 * len);
  for (unsigned i = 0; i < len; ++i) {
    hex += kHex[sum[i] >> 4];
    hex += kHex[sum[i] & 0xf];
  }
  return hex;
}

}  // namespace gfsd::domain::files
