// An in-memory registry hive for tests: nodes and values with handles.
#pragma once

#include <cerrno>
#include <map>
#include <string>
#include <vector>

#include "ports/hivex.hpp"

namespace gfsd::domain::inspect::test {

class FakeHive : public ports::Hive {
 public:
  struct Node {
    std::string name;
    int64_t parent = 0;
    std::vector<int64_t> children, values;
  };
  struct Value {
    std::string key;
    int64_t type = 0;
    std::string data;
  };

  FakeHive() { nodes_[kRoot] = Node{"ROOT", 0, {}, {}}; }

  static constexpr int64_t kRoot = 0x1000;

  // Creates (or finds) the node at "A\\B\\C" below the root.
  int64_t node(const std::string& path) {
    int64_t cur = kRoot;
    size_t i = 0;
    while (i <= path.size() && !path.empty()) {
      size_t sep = path.find('\\', i);
      if (sep == std::string::npos) sep = path.size();
      const std::string name = path.substr(i, sep - i);
      int64_t found = 0;
      for (int64_t c : nodes_[cur].children)
        if (nodes_[c].name == name) found = c;
      if (found == 0) {
        found = next_++;
        nodes_[found] = Node{name, cur, {}, {}};
        nodes_[cur].children.push_back(found);
      }
      cur = found;
      i = sep + 1;
    }
    return cur;
  }
  int64_t set(const std::string& path, const std::string& key, int64_t type,
              const std::string& data) {
    const int64_t n = node(path);
    const int64_t v = next_++;
    values_[v] = Value{key, type, data};
    nodes_[n].values.push_back(v);
    return v;
  }
  // REG_SZ as UTF-8 for value_string (a test shortcut: the data is the text).
  void set_string(const std::string& path, const std::string& key, const std::string& s) {
    set(path, key, 1, s);
  }
  void set_dword(const std::string& path, const std::string& key, int32_t v) {
    std::string d(4, '\0');
    for (int i = 0; i < 4; ++i) d[i] = static_cast<char>((static_cast<uint32_t>(v) >> (8 * i)) & 0xff);
    set(path, key, 4, d);
  }

  Result<int64_t> root() override { return kRoot; }
  Result<std::string> node_name(int64_t n) override {
    if (!nodes_.count(n)) return fail_with(EINVAL, "");
    return nodes_[n].name;
  }
  Result<std::vector<int64_t>> node_children(int64_t n) override {
    if (!nodes_.count(n)) return fail_with(EINVAL, "");
    return nodes_[n].children;
  }
  Result<int64_t> node_get_child(int64_t n, const std::string& name) override {
    if (!nodes_.count(n)) return fail_with(EINVAL, "");
    for (int64_t c : nodes_[n].children)
      if (nodes_[c].name == name) return c;
    return int64_t{0};
  }
  Result<int64_t> node_parent(int64_t n) override {
    if (!nodes_.count(n) || n == kRoot) return fail_with(EINVAL, "");
    return nodes_[n].parent;
  }
  Result<std::vector<int64_t>> node_values(int64_t n) override {
    if (!nodes_.count(n)) return fail_with(EINVAL, "");
    return nodes_[n].values;
  }
  Result<int64_t> node_get_value(int64_t n, const std::string& key) override {
    if (!nodes_.count(n)) return fail_with(EINVAL, "");
    for (int64_t v : nodes_[n].values)
      if (values_[v].key == key) return v;
    return int64_t{0};
  }
  Result<std::string> value_key(int64_t v) override {
    if (!values_.count(v)) return fail_with(EINVAL, "");
    return values_[v].key;
  }
  Result<int64_t> value_type(int64_t v) override {
    if (!values_.count(v)) return fail_with(EINVAL, "");
    return values_[v].type;
  }
  Result<ports::HiveValueData> value_value(int64_t v) override {
    if (!values_.count(v)) return fail_with(EINVAL, "");
    return ports::HiveValueData{values_[v].type, values_[v].data};
  }
  Result<std::string> value_string(int64_t v) override {
    if (!values_.count(v) || values_[v].type != 1) return fail_with(EINVAL, "");
    return values_[v].data;
  }
  Result<int32_t> value_dword(int64_t v) override {
    if (!values_.count(v) || values_[v].type != 4) return fail_with(EINVAL, "");
    uint32_t r = 0;
    for (int i = 0; i < 4; ++i) r |= uint32_t(static_cast<unsigned char>(values_[v].data[i])) << (8 * i);
    return static_cast<int32_t>(r);
  }
  Result<void> commit(const std::string&) override { return {}; }
  Result<int64_t> node_add_child(int64_t parent, const std::string& name) override {
    const int64_t n = next_++;
    nodes_[n] = Node{name, parent, {}, {}};
    nodes_[parent].children.push_back(n);
    return n;
  }
  Result<void> node_delete_child(int64_t) override { return {}; }
  Result<void> node_set_value(int64_t n, const std::string& key, int64_t type,
                              const std::string& data) override {
    const int64_t v = next_++;
    values_[v] = Value{key, type, data};
    nodes_[n].values.push_back(v);
    return {};
  }

 private:
  std::map<int64_t, Node> nodes_;
  std::map<int64_t, Value> values_;
  int64_t next_ = 0x2000;
};

}  // namespace gfsd::domain::inspect::test
