// Argument values from text, shared by the command-line codec (text_codec)
// and the gRPC console's codec (adapters/grpc/value_codec): the same text
// means the same value in both, and a mistake gets the same EINVAL message.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/result.hpp"
#include "proto/action_table.hpp"
#include "proto/xdr.hpp"

namespace gfsd::proto {

// FileIn/FileOut: their data travels as chunks, not in the args body.
bool is_file_arg(ArgKind k);
// StringList, DeviceList, FilenameList.
bool is_list_arg(ArgKind k);

// The values an Int (int32 on the wire) or Int64 argument can hold.
struct IntRange {
  int64_t lo;
  int64_t hi;
};
IntRange int_arg_range(ArgKind k);

// An Int/Int64 argument in C syntax, as strtoll(3) with base 0 reads it:
// leading blanks and a sign allowed, then decimal, 0x hex or 0 octal digits,
// nothing after them; in the range of the argument's kind. Otherwise EINVAL
// "<name>: '<text>' is not a valid integer".
Result<int64_t> int_arg_from_text(const ArgInfo& a, const std::string& text);

// A Bool argument: 1/true/yes/on/y/t or 0/false/no/off/n/f, in any case.
// Otherwise EINVAL "<name>: '<text>' is not a boolean".
Result<bool> bool_arg_from_text(const ArgInfo& a, const std::string& text);

// A list argument written as one text: its words, split at C blanks.
std::vector<std::string> list_arg_from_text(const std::string& text);

// An Int/Int64 argument's value (in its range) as its wire type.
void put_int_arg(const ArgInfo& a, int64_t value, XdrEncoder& out);

// What an optional argument that is not set sends on the wire.
void put_unset_optarg(const ArgInfo& a, XdrEncoder& out);

}  // namespace gfsd::proto
