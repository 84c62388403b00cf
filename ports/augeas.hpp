// Augeas, the configuration-file editing library: one open tree per handle.
// The methods mirror libaugeas calls one to one; the domain words the errors.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::ports {

// Failures of the tree methods carry Augeas's own description in `message`:
// "<message>[: <minor message>][: <details>]", errnum 0; or errnum ENOMEM and
// an empty message when Augeas ran out of memory.

// aug_get: whether a node matched, and its value (a node may have none).
struct AugeasValue {
  bool matched = false;
  std::optional<std::string> value;
};

class AugeasTree {
 public:
  virtual ~AugeasTree() = default;
  virtual Result<AugeasValue> get(const std::string& path) = 0;
  // No value (nullopt) clears the node's value.
  virtual Result<void> set(const std::string& path, const std::optional<std::string>& value) = 0;
  virtual Result<int32_t> setm(const std::string& base, const std::optional<std::string>& sub,
                               const std::string& value) = 0;
  virtual Result<void> insert(const std::string& path, const std::string& label, bool before) = 0;
  virtual Result<int32_t> rm(const std::string& path) = 0;
  virtual Result<void> mv(const std::string& src, const std::string& dest) = 0;
  // Matching paths, in Augeas's order.
  virtual Result<std::vector<std::string>> match(const std::string& path) = 0;
  // No expression (nullopt) undefines the variable.
  virtual Result<int32_t> defvar(const std::string& name,
                                 const std::optional<std::string>& expr) = 0;
  // Number of nodes the variable holds, and whether one was created.
  virtual Result<std::pair<int32_t, bool>> defnode(const std::string& name,
                                                   const std::string& expr,
                                                   const std::string& value) = 0;
  // The label of the single node matching path; nullopt when none matches.
  virtual Result<std::optional<std::string>> label(const std::string& path) = 0;
  virtual Result<void> load() = 0;
  virtual Result<void> save() = 0;
  virtual Result<void> transform(const std::string& lens, const std::string& file,
                                 bool exclude) = 0;
};

class Augeas {
 public:
  virtual ~Augeas() = default;
  // aug_init on `root` (an appliance path) with Augeas's own flag bits, errors
  // kept open (AUG_NO_ERR_CLOSE is added). Fails with the tree's error as above,
  // or with errnum 0 and an empty message when no handle could be made at all.
  virtual Result<std::unique_ptr<AugeasTree>> open(const std::string& root, int32_t flags) = 0;
};

// libaugeas flag bits (augeas.h), as aug_init's callers pass them.
inline constexpr int32_t kAugSaveNoop = 1 << 4;
inline constexpr int32_t kAugNoLoad = 1 << 5;

}  // namespace gfsd::ports
