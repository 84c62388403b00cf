#include "adapters/hivex/lib_hivex.hpp"

#include <hivex.h>

#include <cerrno>
#include <cstdlib>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define HIVEX_FUNCTIONS(X) \
  X(hivex_close) \
  X(hivex_commit) \
  X(hivex_node_add_child) \
  X(hivex_node_children) \
  X(hivex_node_delete_child) \
  X(hivex_node_get_child) \
  X(hivex_node_get_value) \
  X(hivex_node_name) \
  X(hivex_node_parent) \
  X(hivex_node_set_value) \
  X(hivex_node_values) \
  X(hivex_open) \
  X(hivex_root) \
  X(hivex_value_dword) \
  X(hivex_value_key) \
  X(hivex_value_string) \
  X(hivex_value_type) \
  X(hivex_value_value)

// Loaded on first use: library().get() in every entry point, then lib().
GFSD_LAZY_API(HivexApi, HIVEX_FUNCTIONS, "libhivex.so.0")

// hivex reports failures through errno only.
tl::unexpected<Error> hive_failure() { return fail_with(errno, ""); }

// A NULL-free C string hivex allocated, as a std::string.
std::string take_string(char* s) {
  std::string out(s);
  std::free(s);
  return out;
}

class LibHive final : public ports::Hive {
 public:
  explicit LibHive(hive_h* h) : h_(h) {}
  ~LibHive() override { lib().hivex_close(h_); }
  LibHive(const LibHive&) = delete;
  LibHive& operator=(const LibHive&) = delete;

  Result<int64_t> root() override {
    errno = 0;
    const hive_node_h r = lib().hivex_root(h_);
    if (r == 0) return hive_failure();
    return static_cast<int64_t>(r);
  }

  Result<std::string> node_name(int64_t node) override {
    errno = 0;
    char* r = lib().hivex_node_name(h_, static_cast<hive_node_h>(node));
    if (r == nullptr) return hive_failure();
    return take_string(r);
  }

  Result<std::vector<int64_t>> node_children(int64_t node) override {
    errno = 0;
    hive_node_h* r = lib().hivex_node_children(h_, static_cast<hive_node_h>(node));
    if (r == nullptr) return hive_failure();
    return take_handles(r);
  }

  Result<int64_t> node_get_child(int64_t node, const std::string& name) override {
    errno = 0;
    const hive_node_h r = lib().hivex_node_get_child(h_, static_cast<hive_node_h>(node), name.c_str());
    if (r == 0 && errno != 0) return hive_failure();
    return static_cast<int64_t>(r);
  }

  Result<int64_t> node_parent(int64_t node) override {
    errno = 0;
    const hive_node_h r = lib().hivex_node_parent(h_, static_cast<hive_node_h>(node));
    if (r == 0) return hive_failure();
    return static_cast<int64_t>(r);
  }

  Result<std::vector<int64_t>> node_values(int64_t node) override {
    errno = 0;
    hive_value_h* r = lib().hivex_node_values(h_, static_cast<hive_node_h>(node));
    if (r == nullptr) return hive_failure();
    return take_handles(r);
  }

  Result<int64_t> node_get_value(int64_t node, const std::string& key) override {
    errno = 0;
    const hive_value_h r = lib().hivex_node_get_value(h_, static_cast<hive_node_h>(node), key.c_str());
    if (r == 0 && errno != 0) return hive_failure();
    return static_cast<int64_t>(r);
  }

  Result<std::string> value_key(int64_t value) override {
    errno = 0;
    char* r = lib().hivex_value_key(h_, static_cast<hive_value_h>(value));
    if (r == nullptr) return hive_failure();
    return take_string(r);
  }

  Result<int64_t> value_type(int64_t value) override {
    errno = 0;
    hive_type t{};
    if (lib().hivex_value_type(h_, static_cast<hive_value_h>(value), &t, nullptr) == -1)
      return hive_failure();
    return static_cast<int64_t>(t);
  }

  Result<ports::HiveValueData> value_value(int64_t value) override {
    errno = 0;
    hive_type t{};
    size_t len = 0;
    char* r = lib().hivex_value_value(h_, static_cast<hive_value_h>(value), &t, &len);
    if (r == nullptr) return hive_failure();
    ports::HiveValueData out;
    out.type = static_cast<int64_t>(t);
    out.data.assign(r, len);
    std::free(r);
    return out;
  }

  Result<std::string> value_string(int64_t value) override {
    errno = 0;
    char* r = lib().hivex_value_string(h_, static_cast<hive_value_h>(value));
    if (r == nullptr) return hive_failure();
    return take_string(r);
  }

  Result<int32_t> value_dword(int64_t value) override {
    errno = 0;
    const int32_t r = lib().hivex_value_dword(h_, static_cast<hive_value_h>(value));
    if (r == -1 && errno != 0) return hive_failure();
    return r;
  }

  Result<void> commit(const std::string& path) override {
    errno = 0;
    if (lib().hivex_commit(h_, path.empty() ? nullptr : path.c_str(), 0) == -1) return hive_failure();
    return {};
  }

  Result<int64_t> node_add_child(int64_t parent, const std::string& name) override {
    errno = 0;
    const hive_node_h r = lib().hivex_node_add_child(h_, static_cast<hive_node_h>(parent), name.c_str());
    if (r == 0) return hive_failure();
    return static_cast<int64_t>(r);
  }

  Result<void> node_delete_child(int64_t node) override {
    errno = 0;
    if (lib().hivex_node_delete_child(h_, static_cast<hive_node_h>(node)) == -1) return hive_failure();
    return {};
  }

  Result<void> node_set_value(int64_t node, const std::string& key, int64_t type,
                              const std::string& data) override {
    hive_set_value v{};
    v.key = const_cast<char*>(key.c_str());
    v.t = static_cast<hive_type>(type);
    v.len = data.size();
    v.value = const_cast<char*>(data.data());
    errno = 0;
    if (lib().hivex_node_set_value(h_, static_cast<hive_node_h>(node), &v, 0) == -1)
      return hive_failure();
    return {};
  }

 private:
  // A 0-terminated handle array hivex allocated.
  template <class H>
  static std::vector<int64_t> take_handles(H* handles) {
    std::vector<int64_t> out;
    for (size_t i = 0; handles[i] != 0; ++i) out.push_back(static_cast<int64_t>(handles[i]));
    std::free(handles);
    return out;
  }

  hive_h* h_;
};

}  // namespace

Result<std::unique_ptr<ports::Hive>> LibHivex::open(const std::string& path, int32_t flags) {
  // Loaded here, before any fork, on the first use.
  if (auto api = library().get(); !api) return forward(api.error());
  errno = 0;
  hive_h* h = lib().hivex_open(path.c_str(), flags);
  if (h == nullptr) return hive_failure();
  return std::unique_ptr<ports::Hive>(std::make_unique<LibHive>(h));
}

}  // namespace gfsd::adapters
