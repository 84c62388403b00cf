// A small, strict JSON reader for ldmtool's output. The original daemon read
// that output with jansson's json_loads(text, 0) and quoted jansson's error
// text in its replies, so this reader accepts and refuses what that call
// does, with the same words for each refusal (json_error_t.text):
//   - the document ends at the first NUL byte, as with a C string;
//   - its top level is an array or an object; nothing but white space after it;
//   - strings are valid UTF-8, with no raw control characters, and no \u0000
//     in values or keys; \u escapes give UTF-8, surrogate pairs joined;
//   - integers fit in 64 bits, reals in a double; nesting at most 2048 deep;
//   - a repeated object key: the last value counts.
// A pure function over text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::domain {

struct JsonValue {
  enum class Kind { Null, True, False, Integer, Real, String, Array, Object };
  Kind kind = Kind::Null;
  std::string text;               // String: the value, decoded
  std::vector<JsonValue> items;   // Array: its elements; Object: its members' values
  std::vector<std::string> keys;  // Object: its members' names (keys[i] names items[i])

  bool is(Kind k) const { return kind == k; }
  // An object's member; nullptr when there is none (or this is no object).
  const JsonValue* member(std::string_view key) const;
};

// The document, or an error whose message is jansson's text for it.
Result<JsonValue> read_json(std::string_view text);

}  // namespace gfsd::domain
