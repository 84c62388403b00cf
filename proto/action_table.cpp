#include "proto/action_table.hpp"

#include <array>
#include <string>
#include <unordered_map>

#include "api.hpp"

namespace gfsd::proto {

namespace {

const std::array<const ActionInfo*, api::kMaxProcNr + 1>& by_proc() {
  static const auto table = [] {
    std::array<const ActionInfo*, api::kMaxProcNr + 1> t{};
    for (int i = 0; i < kNumActionList; ++i) t[static_cast<size_t>(kActionList[i].proc)] = &kActionList[i];
    return t;
  }();
  return table;
}

const std::unordered_map<std::string_view, const ActionInfo*>& by_name() {
  static const auto table = [] {
    std::unordered_map<std::string_view, const ActionInfo*> t;
    for (int i = 0; i < kNumActionList; ++i) t.emplace(kActionList[i].name, &kActionList[i]);
    return t;
  }();
  return table;
}

}  // namespace

const ActionInfo* find_action(int proc) {
  if (proc < 0 || proc > api::kMaxProcNr) return nullptr;
  return by_proc()[static_cast<size_t>(proc)];
}

const ActionInfo* find_action(std::string_view name) {
  auto it = by_name().find(name);
  return it == by_name().end() ? nullptr : it->second;
}

}  // namespace gfsd::proto
