// Server reflection (what grpcurl asks first) for the servers that should
// have it, and none for the others. Linking gRPC's reflection library
// registers its plugin for every server built in the process; this option
// decides per server.
#pragma once

#include <algorithm>
#include <memory>
#include <vector>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/impl/server_builder_option.h>

namespace gfsd::adapters::grpc_console {

class ReflectionOption final : public grpc::ServerBuilderOption {
 public:
  explicit ReflectionOption(bool wanted) : wanted_(wanted) {}

  void UpdateArguments(grpc::ChannelArguments*) override {}
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>* plugins) override {
    auto reflection = std::make_unique<grpc::reflection::ProtoServerReflectionPlugin>();
    const std::string name = reflection->name();
    plugins->erase(std::remove_if(plugins->begin(), plugins->end(),
                                  [&](const auto& p) { return p->name() == name; }),
                   plugins->end());
    if (wanted_) plugins->push_back(std::move(reflection));
  }

 private:
  bool wanted_;
};

}  // namespace gfsd::adapters::grpc_console
