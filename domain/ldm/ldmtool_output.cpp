#include "domain/ldm/ldmtool_output.hpp"

#include <optional>

#include "domain/ldm/json_reader.hpp"

namespace gfsd::domain {

namespace {

// The document, or the original's "parse error: <jansson's text>".
Result<JsonValue> parse(std::string_view json) {
  auto doc = read_json(json);
  if (!doc)
    return fail("parse error: " +
                (doc.error().message.empty() ? "unknown error" : doc.error().message));
  return doc;
}

std::optional<std::vector<std::string>> strings_of(const JsonValue& v) {
  if (!v.is(JsonValue::Kind::Array)) return std::nullopt;
  std::vector<std::string> out;
  out.reserve(v.items.size());
  for (const auto& item : v.items) {
    if (!item.is(JsonValue::Kind::String)) return std::nullopt;
    out.push_back(item.text);
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> ldm_string_list(std::string_view json, const std::string& cmd) {
  auto doc = parse(json);
  if (!doc) return forward(doc.error());
  auto list = strings_of(*doc);
  if (!list) return fail("output of '" + cmd + "' was not a JSON array of strings");
  return std::move(*list);
}

Result<std::string> ldm_object_string(std::string_view json, const std::string& key,
                                      bool null_is_empty, const std::string& cmd) {
  auto doc = parse(json);
  if (!doc) return forward(doc.error());
  const JsonValue* v = doc->member(key);
  if (v != nullptr && null_is_empty && v->is(JsonValue::Kind::Null)) return std::string();
  if (v == nullptr || !v->is(JsonValue::Kind::String))
    return fail("output of '" + cmd + "' was not a JSON object containing a key '" + key +
                "' of type string");
  return v->text;
}

Result<std::vector<std::string>> ldm_object_string_list(std::string_view json,
                                                        const std::string& key,
                                                        const std::string& cmd) {
  auto doc = parse(json);
  if (!doc) return forward(doc.error());
  const JsonValue* v = doc->member(key);
  auto list = v != nullptr ? strings_of(*v) : std::nullopt;
  if (!list)
    return fail("output of '" + cmd + "' was not a JSON object containing a key '" + key +
                "' of type array of strings");
  return std::move(*list);
}

}  // namespace gfsd::domain
