// hivex, the Windows Registry hive library: one open hive per handle.
// Node and value handles are hivex's own (byte offsets into the hive), 0 = none.
// Every failure carries the errno hivex left (possibly 0) and no message.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::ports {

struct HiveValueData {
  int64_t type = 0;  // REG_* number
  std::string data;
};

class Hive {
 public:
  virtual ~Hive() = default;
  virtual Result<int64_t> root() = 0;
  virtual Result<std::string> node_name(int64_t node) = 0;
  virtual Result<std::vector<int64_t>> node_children(int64_t node) = 0;
  // 0 when there is no such child (not an error).
  virtual Result<int64_t> node_get_child(int64_t node, const std::string& name) = 0;
  virtual Result<int64_t> node_parent(int64_t node) = 0;
  virtual Result<std::vector<int64_t>> node_values(int64_t node) = 0;
  // 0 when there is no such value (not an error).
  virtual Result<int64_t> node_get_value(int64_t node, const std::string& key) = 0;
  virtual Result<std::string> value_key(int64_t value) = 0;
  virtual Result<int64_t> value_type(int64_t value) = 0;
  virtual Result<HiveValueData> value_value(int64_t value) = 0;
  // REG_SZ / REG_EXPAND_SZ / REG_LINK as UTF-8.
  virtual Result<std::string> value_string(int64_t value) = 0;
  // REG_DWORD / REG_DWORD_BIG_ENDIAN.
  virtual Result<int32_t> value_dword(int64_t value) = 0;
  // Writes the hive back, to `path` (an appliance path) or, if empty, where it came from.
  virtual Result<void> commit(const std::string& path) = 0;
  virtual Result<int64_t> node_add_child(int64_t parent, const std::string& name) = 0;
  virtual Result<void> node_delete_child(int64_t node) = 0;
  virtual Result<void> node_set_value(int64_t node, const std::string& key, int64_t type,
                                      const std::string& data) = 0;
};

// Open flags, as hivex.h numbers them.
inline constexpr int32_t kHiveOpenVerbose = 1;
inline constexpr int32_t kHiveOpenDebug = 2;
inline constexpr int32_t kHiveOpenWrite = 4;
inline constexpr int32_t kHiveOpenUnsafe = 8;

class Hivex {
 public:
  virtual ~Hivex() = default;
  // hivex_open on an appliance path.
  virtual Result<std::unique_ptr<Hive>> open(const std::string& path, int32_t flags) = 0;
};

}  // namespace gfsd::ports
