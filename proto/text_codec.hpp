// Arguments from text and results to text, driven by the action table.
// Used by the command-line client (tests/tools) and by codec tests; the
// same descriptors serve any other front end, so no action is listed twice.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ports/result.hpp"
#include "proto/action_table.hpp"
#include "proto/xdr.hpp"

namespace gfsd::proto {

// Text forms: strings as they are; lists as one token of words separated by
// spaces; OptString "~" for NULL; Bool true/false/1/0/yes/no; integers in
// C syntax (decimal, 0x hex, 0 octal). FileIn/FileOut arguments are not
// encoded (they travel as chunks): `args` holds the other arguments only.
struct TextCall {
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> optargs;  // name, value
};

// Encodes the XDR args body; returns the optargs bitmask to send.
Result<uint64_t> encode_args(const ActionInfo& action, const TextCall& call, XdrEncoder& out);

// Number of arguments `encode_args` expects (file arguments left out).
int wire_arg_count(const ActionInfo& action);

// Decodes one struct field and appends it to out as text.
bool field_to_text(FieldKind kind, XdrDecoder& in, std::string& out);

// Renders a reply body as text, one value per line (fields as "name: value").
Result<std::string> render_ret(const ActionInfo& action, XdrDecoder& in);

// "RStruct(statbuf, statns) <- (String(Pathname) path)"-like one-liner.
std::string signature(const ActionInfo& action);

// The names the signature uses: "String(Pathname)", "Int64"; "RErr", "RStruct".
const char* arg_kind_name(ArgKind k);
const char* ret_kind_name(RetKind k);

}  // namespace gfsd::proto
