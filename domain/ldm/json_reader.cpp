#include "domain/ldm/json_reader.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace gfsd::domain {

const JsonValue* JsonValue::member(std::string_view key) const {
  if (kind != Kind::Object) return nullptr;
  for (size_t i = keys.size(); i-- > 0;)
    if (keys[i] == key) return &items[i];
  return nullptr;
}

namespace {

// Reading a byte can also give these.
constexpr int kEnd = -1;  // the end of the document
constexpr int kBad = -2;  // a byte that does not start valid UTF-8 (sticky)

// Tokens: the structural characters stand for themselves.
enum Token : int {
  kInvalid = -1,
  kEof = 0,
  kString = 256,
  kInteger,
  kReal,
  kTrue,
  kFalse,
  kNull,
};

constexpr size_t kMaxDepth = 2048;
constexpr size_t kMaxContext = 20;     // a token longer than this is not quoted
constexpr size_t kMaxErrorText = 159;  // jansson's text buffer, less its NUL

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// printf's %x, as in "unable to decode byte 0xff".
std::string hex(unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", v);
  return buf;
}

// printf's %04X, as in "invalid Unicode '\uD800'".
std::string hex4_upper(unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", v);
  return buf;
}

// How many bytes the UTF-8 sequence that starts with `lead` has; 0 when
// `lead` cannot start one (a continuation byte, an overlong or a too large
// lead).
size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Whether seq holds a valid sequence of n bytes: continuation bytes, the
// shortest form, no surrogate, at most U+10FFFF.
bool utf8_valid(std::string_view seq, size_t n) {
  if (seq.size() < n) return false;
  uint32_t cp = static_cast<unsigned char>(seq[0]) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < n; ++i) {
    const auto u = static_cast<unsigned char>(seq[i]);
    if (u < 0x80 || u > 0xBF) return false;
    cp = (cp << 6) | (u & 0x3F);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  const uint32_t least = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  return cp >= least;
}

void append_utf8(std::string& out, uint32_t cp) {
  auto byte = [&](uint32_t b) { out.push_back(static_cast<char>(b)); };
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xC0 | (cp >> 6));
    byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    byte(0xE0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  } else {
    byte(0xF0 | (cp >> 18));
    byte(0x80 | ((cp >> 12) & 0x3F));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  }
}

// Four hex digits (already checked by the lexer).
uint32_t hex4(std::string_view s) {
  uint32_t v = 0;
  for (char c : s.substr(0, 4)) {
    v <<= 4;
    if (c >= '0' && c <= '9')
      v += static_cast<uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v += static_cast<uint32_t>(c - 'a' + 10);
    else
      v += static_cast<uint32_t>(c - 'A' + 10);
  }
  return v;
}

// jansson's lexer and parser, step for step where it shows in an error: the
// text of the token being read is kept ("saved") and quoted in the message;
// only the first error counts, so reading stops there.
class Reader {
 public:
  explicit Reader(std::string_view text) : in_(text.substr(0, text.find('\0'))) {}

  Result<JsonValue> document() {
    JsonValue root;
    if (!scan()) return failure();
    if (token_ != '[' && token_ != '{') {
      error("'[' or '{' expected");
      return failure();
    }
    if (!value(root)) return failure();
    if (!scan()) return failure();
    if (token_ != kEof) {
      error("end of file expected");
      return failure();
    }
    return root;
  }

 private:
  tl::unexpected<Error> failure() const { return fail(error_); }

  // The error with the current token for context: quoted if it is short,
  // "near end of file" when there is none, nothing after an undecodable byte.
  void error(const std::string& what) {
    if (failed_) return;
    failed_ = true;
    if (!saved_.empty())
      error_ = saved_.size() <= kMaxContext ? what + " near '" + saved_ + "'" : what;
    else
      error_ = bad_ ? what : what + " near end of file";
    if (error_.size() > kMaxErrorText) error_.resize(kMaxErrorText);
  }

  // ---- bytes ----------------------------------------------------------------

  // The next byte. A byte that starts a UTF-8 sequence has the whole
  // sequence checked when it is first read.
  int get() {
    if (bad_) return kBad;
    if (pos_ >= in_.size()) return kEnd;
    const auto u = static_cast<unsigned char>(in_[pos_]);
    if (pos_ >= checked_ && u >= 0x80) {
      const size_t n = utf8_length(u);
      if (n == 0 || !utf8_valid(in_.substr(pos_), n)) {
        bad_ = true;
        error("unable to decode byte 0x" + hex(u));
        return kBad;
      }
      checked_ = pos_ + n;
    }
    ++pos_;
    return u;
  }
  void unget(int c) {
    if (c >= 0) --pos_;
  }
  void save(int c) { saved_.push_back(static_cast<char>(c)); }
  int get_save() {
    const int c = get();
    if (c >= 0) save(c);
    return c;
  }
  void unget_unsave(int c) {
    if (c < 0) return;
    --pos_;
    saved_.pop_back();
  }

  // ---- tokens ---------------------------------------------------------------

  // The next token in token_ (and string_); false once an error is set.
  bool scan() {
    saved_.clear();
    string_.clear();
    int c;
    do c = get();
    while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
    if (c == kEnd) {
      token_ = kEof;
      return true;
    }
    if (c == kBad) {
      token_ = kInvalid;
      return false;
    }
    save(c);
    if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',') {
      token_ = c;
    } else if (c == '"') {
      scan_string();
    } else if (is_digit(c) || c == '-') {
      scan_number(c);
    } else if (is_alpha(c)) {
      do c = get_save();
      while (is_alpha(c));
      unget_unsave(c);
      token_ = saved_ == "true"    ? kTrue
               : saved_ == "false" ? kFalse
               : saved_ == "null"  ? kNull
                                   : kInvalid;
    } else {
      // The rest of a multi-byte character, so that the message quotes it whole.
      while (pos_ < checked_) save(static_cast<unsigned char>(in_[pos_++]));
      token_ = kInvalid;
    }
    return !failed_;
  }

  void scan_string() {
    token_ = kInvalid;
    int c = get_save();
    while (c != '"') {
      if (c == kBad) return;
      if (c == kEnd) return error("premature end of input");
      if (c >= 0 && c <= 0x1F) {
        unget_unsave(c);
        return error(c == '\n' ? "unexpected newline"
                               : "control character 0x" + hex(static_cast<unsigned>(c)));
      }
      if (c == '\\') {
        c = get_save();
        if (c == 'u') {
          c = get_save();
          for (int i = 0; i < 4; ++i) {
            if (!is_xdigit(c)) return error("invalid escape");
            c = get_save();
          }
        } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' ||
                   c == 'r' || c == 't') {
          c = get_save();
        } else {
          return error("invalid escape");
        }
      } else {
        c = get_save();
      }
    }
    if (decode_string()) token_ = kString;
  }

  // The value of the string token in saved_ (quotes included, escapes
  // checked) into string_.
  bool decode_string() {
    const std::string_view s(saved_);
    size_t i = 1;
    while (s[i] != '"') {
      if (s[i] != '\\') {
        string_.push_back(s[i++]);
        continue;
      }
      const char e = s[i + 1];
      i += 2;
      if (e != 'u') {
        string_.push_back(e == 'b'   ? '\b'
                          : e == 'f' ? '\f'
                          : e == 'n' ? '\n'
                          : e == 'r' ? '\r'
                          : e == 't' ? '\t'
                                     : e);
        continue;
      }
      uint32_t cp = hex4(s.substr(i));
      i += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (s.substr(i, 2) != "\\u") {
          error("invalid Unicode '\\u" + hex4_upper(cp) + "'");
          return false;
        }
        const uint32_t low = hex4(s.substr(i + 2));
        i += 6;
        if (low < 0xDC00 || low > 0xDFFF) {
          error("invalid Unicode '\\u" + hex4_upper(cp) + "\\u" + hex4_upper(low) + "'");
          return false;
        }
        cp = ((cp - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        error("invalid Unicode '\\u" + hex4_upper(cp) + "'");
        return false;
      }
      append_utf8(string_, cp);
    }
    return true;
  }

  // A malformed number is an invalid token without an error of its own: the
  // parser words it, quoting what was read so far.
  void scan_number(int c) {
    token_ = kInvalid;
    if (c == '-') c = get_save();
    if (c == '0') {
      c = get_save();
      if (is_digit(c)) return unget_unsave(c);
    } else if (is_digit(c)) {
      do c = get_save();
      while (is_digit(c));
    } else {
      return unget_unsave(c);
    }

    if (c != '.' && c != 'e' && c != 'E') {
      unget_unsave(c);
      long long v = 0;
      const auto r = std::from_chars(saved_.data(), saved_.data() + saved_.size(), v);
      if (r.ec == std::errc::result_out_of_range)
        return error(saved_[0] == '-' ? "too big negative integer" : "too big integer");
      token_ = kInteger;
      return;
    }
    if (c == '.') {
      c = get();
      if (!is_digit(c)) return unget(c);
      save(c);
      do c = get_save();
      while (is_digit(c));
    }
    if (c == 'e' || c == 'E') {
      c = get_save();
      if (c == '+' || c == '-') c = get_save();
      if (!is_digit(c)) return unget_unsave(c);
      do c = get_save();
      while (is_digit(c));
    }
    unget_unsave(c);
    errno = 0;
    const double v = std::strtod(saved_.c_str(), nullptr);
    if (errno == ERANGE && std::isinf(v)) return error("real number overflow");
    token_ = kReal;
  }

  // ---- values ---------------------------------------------------------------

  // The value that starts with the current token.
  bool value(JsonValue& out) {
    if (++depth_ > kMaxDepth) {
      error("maximum parsing depth reached");
      return false;
    }
    switch (token_) {
      case kString:
        if (string_.find('\0') != std::string::npos) {
          error("\\u0000 is not allowed without JSON_ALLOW_NUL");
          return false;
        }
        out.kind = JsonValue::Kind::String;
        out.text = std::move(string_);
        break;
      case kInteger:
        out.kind = JsonValue::Kind::Integer;
        break;
      case kReal:
        out.kind = JsonValue::Kind::Real;
        break;
      case kTrue:
        out.kind = JsonValue::Kind::True;
        break;
      case kFalse:
        out.kind = JsonValue::Kind::False;
        break;
      case kNull:
        out.kind = JsonValue::Kind::Null;
        break;
      case '{':
        if (!object(out)) return false;
        break;
      case '[':
        if (!array(out)) return false;
        break;
      case kInvalid:
        error("invalid token");
        return false;
      default:
        error("unexpected token");
        return false;
    }
    --depth_;
    return true;
  }

  bool array(JsonValue& out) {
    out.kind = JsonValue::Kind::Array;
    if (!scan()) return false;
    if (token_ == ']') return true;
    while (token_ != kEof) {
      out.items.emplace_back();
      if (!value(out.items.back())) return false;
      if (!scan()) return false;
      if (token_ != ',') break;
      if (!scan()) return false;
    }
    if (token_ != ']') {
      error("']' expected");
      return false;
    }
    return true;
  }

  bool object(JsonValue& out) {
    out.kind = JsonValue::Kind::Object;
    if (!scan()) return false;
    if (token_ == '}') return true;
    while (true) {
      if (token_ != kString) {
        error("string or '}' expected");
        return false;
      }
      if (string_.find('\0') != std::string::npos) {
        error("NUL byte in object key not supported");
        return false;
      }
      out.keys.push_back(std::move(string_));
      if (!scan()) return false;
      if (token_ != ':') {
        error("':' expected");
        return false;
      }
      if (!scan()) return false;
      out.items.emplace_back();
      if (!value(out.items.back())) return false;
      if (!scan()) return false;
      if (token_ != ',') break;
      if (!scan()) return false;
    }
    if (token_ != '}') {
      error("'}' expected");
      return false;
    }
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
  size_t checked_ = 0;  // bytes before this belong to a sequence already checked
  bool bad_ = false;
  std::string saved_;
  int token_ = kInvalid;
  std::string string_;
  size_t depth_ = 0;
  bool failed_ = false;
  std::string error_;
};

}  // namespace

Result<JsonValue> read_json(std::string_view text) { return Reader(text).document(); }

}  // namespace gfsd::domain
