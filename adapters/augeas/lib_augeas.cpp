#include "adapters/augeas/lib_augeas.hpp"

#include <augeas.h>

#include <cerrno>
#include <cstdlib>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define AUGEAS_FUNCTIONS(X) \
  X(aug_init) \
  X(aug_close) \
  X(aug_error) \
  X(aug_error_message) \
  X(aug_error_minor_message) \
  X(aug_error_details) \
  X(aug_get) \
  X(aug_set) \
  X(aug_setm) \
  X(aug_insert) \
  X(aug_rm) \
  X(aug_mv) \
  X(aug_match) \
  X(aug_defvar) \
  X(aug_defnode) \
  X(aug_label) \
  X(aug_load) \
  X(aug_save) \
  X(aug_transform)

// Loaded on first use: library().get() in every entry point, then lib().
GFSD_LAZY_API(AugeasApi, AUGEAS_FUNCTIONS, "libaugeas.so.0")

const char* c_str_or_null(const std::optional<std::string>& s) {
  return s ? s->c_str() : nullptr;
}

// The handle's pending error, worded "<message>[: <minor>][: <details>]".
tl::unexpected<Error> aug_failure(augeas* aug) {
  if (lib().aug_error(aug) == AUG_ENOMEM) return fail_with(ENOMEM, "");
  std::string text;
  if (const char* m = lib().aug_error_message(aug)) text = m;
  if (const char* minor = lib().aug_error_minor_message(aug)) text += std::string(": ") + minor;
  if (const char* details = lib().aug_error_details(aug)) text += std::string(": ") + details;
  return fail(std::move(text));
}

class LibAugeasTree final : public ports::AugeasTree {
 public:
  explicit LibAugeasTree(augeas* aug) : aug_(aug) {}
  ~LibAugeasTree() override { lib().aug_close(aug_); }
  LibAugeasTree(const LibAugeasTree&) = delete;
  LibAugeasTree& operator=(const LibAugeasTree&) = delete;

  Result<ports::AugeasValue> get(const std::string& path) override {
    const char* value = nullptr;
    const int r = lib().aug_get(aug_, path.c_str(), &value);
    if (r < 0) return aug_failure(aug_);
    ports::AugeasValue out;
    out.matched = r == 1;
    if (r == 1 && value != nullptr) out.value = value;
    return out;
  }

  Result<void> set(const std::string& path, const std::optional<std::string>& value) override {
    if (lib().aug_set(aug_, path.c_str(), c_str_or_null(value)) < 0) return aug_failure(aug_);
    return {};
  }

  Result<int32_t> setm(const std::string& base, const std::optional<std::string>& sub,
                       const std::string& value) override {
    const int r = lib().aug_setm(aug_, base.c_str(), c_str_or_null(sub), value.c_str());
    if (r < 0) return aug_failure(aug_);
    return r;
  }

  Result<void> insert(const std::string& path, const std::string& label, bool before) override {
    if (lib().aug_insert(aug_, path.c_str(), label.c_str(), before ? 1 : 0) < 0)
      return aug_failure(aug_);
    return {};
  }

  Result<int32_t> rm(const std::string& path) override {
    const int r = lib().aug_rm(aug_, path.c_str());
    if (r < 0) return aug_failure(aug_);
    return r;
  }

  Result<void> mv(const std::string& src, const std::string& dest) override {
    if (lib().aug_mv(aug_, src.c_str(), dest.c_str()) < 0) return aug_failure(aug_);
    return {};
  }

  Result<std::vector<std::string>> match(const std::string& path) override {
    char** matches = nullptr;
    const int r = lib().aug_match(aug_, path.c_str(), &matches);
    if (r < 0) return aug_failure(aug_);
    std::vector<std::string> out;
    out.reserve(static_cast<size_t>(r));
    for (int i = 0; i < r; ++i) {
      out.emplace_back(matches[i]);
      std::free(matches[i]);
    }
    std::free(matches);
    return out;
  }

  Result<int32_t> defvar(const std::string& name, const std::optional<std::string>& expr) override {
    const int r = lib().aug_defvar(aug_, name.c_str(), c_str_or_null(expr));
    if (r < 0) return aug_failure(aug_);
    return r;
  }

  Result<std::pair<int32_t, bool>> defnode(const std::string& name, const std::string& expr,
                                           const std::string& value) override {
    int created = 0;
    const int r = lib().aug_defnode(aug_, name.c_str(), expr.c_str(), value.c_str(), &created);
    if (r < 0) return aug_failure(aug_);
    return std::pair<int32_t, bool>(r, created != 0);
  }

  Result<std::optional<std::string>> label(const std::string& path) override {
    const char* label = nullptr;
    const int r = lib().aug_label(aug_, path.c_str(), &label);
    if (r < 0) return aug_failure(aug_);
    if (r == 0) return std::optional<std::string>();
    if (label == nullptr) return fail_with(EINVAL, "");
    return std::optional<std::string>(label);
  }

  Result<void> load() override {
    if (lib().aug_load(aug_) < 0) return aug_failure(aug_);
    return {};
  }

  Result<void> save() override {
    if (lib().aug_save(aug_) < 0) return aug_failure(aug_);
    return {};
  }

  Result<void> transform(const std::string& lens, const std::string& file, bool exclude) override {
    if (lib().aug_transform(aug_, lens.c_str(), file.c_str(), exclude ? 1 : 0) < 0)
      return aug_failure(aug_);
    return {};
  }

 private:
  augeas* aug_;
};

}  // namespace

Result<std::unique_ptr<ports::AugeasTree>> LibAugeas::open(const std::string& root,
                                                           int32_t flags) {
  // Loaded here, before any fork, on the first use.
  if (auto api = library().get(); !api) return forward(api.error());
  augeas* aug = lib().aug_init(root.c_str(), nullptr, static_cast<unsigned>(flags) | AUG_NO_ERR_CLOSE);
  if (aug == nullptr) return fail("");
  if (lib().aug_error(aug) != AUG_NOERROR) {
    auto err = aug_failure(aug);
    lib().aug_close(aug);
    return err;
  }
  return std::unique_ptr<ports::AugeasTree>(std::make_unique<LibAugeasTree>(aug));
}

}  // namespace gfsd::adapters
