// Run-time description of every action, generated from proto/actions.tsv.
// The dispatcher, the gRPC console, tests and tools read it; nothing else
// keeps a list of actions.
#pragma once

#include <cstdint>
#include <string_view>

namespace gfsd::proto {

enum class ArgKind {
  Pathname, Device, Mountable, MountableOrPath, DevOrPath, String, Key, Guid,
  FileIn, FileOut, StringList, DeviceList, FilenameList, Int, Int64, Bool,
  OptString, BufferIn,
};
enum class RetKind { Err, Int, Int64, Bool, String, StringList, Hashtable, Struct, StructList, Buffer };
enum class FieldKind { String, Buffer, Uuid, Int32, UInt32, Int64, UInt64, Float, Char };
enum class Tier { T1, T2, T3 };

enum ActionFlag : uint32_t {
  kFileIn = 1u << 0,
  kFileOut = 1u << 1,
  kProgress = 1u << 2,
  kCancellable = 1u << 3,
  kDeprecated = 1u << 4,
  kInternal = 1u << 5,
};

struct ArgInfo {
  const char* name;
  ArgKind kind;
};

struct FieldInfo {
  const char* name;
  FieldKind kind;
};

struct StructInfo {
  const char* name;
  const FieldInfo* fields;
  int nfields;
};

struct ActionInfo {
  int proc;
  const char* name;
  const char* optgroup;  // "" when always available
  uint32_t flags;
  const ArgInfo* args;  // FileIn/FileOut included, as declared
  int nargs;
  const ArgInfo* optargs;  // in bitmask order
  int noptargs;
  RetKind ret;
  int ret_struct;  // index in kStructs for Struct/StructList, else -1
  Tier tier;

  bool has(ActionFlag f) const { return (flags & f) != 0; }
};

extern const ActionInfo kActionList[];
extern const int kNumActionList;
extern const StructInfo kStructs[];
extern const int kNumStructs;

// nullptr when no action has that number or name.
const ActionInfo* find_action(int proc);
const ActionInfo* find_action(std::string_view name);

}  // namespace gfsd::proto
