// Formatting LUKS devices and managing their key slots (the original's C
// half): cryptsetup's stderr is the error. Where the original wrote each key
// to a temporary file and named it on the command line, the key is an
// in-memory file the runner names instead (data_args): cryptsetup reads the
// same bytes, an empty key included, and no file holds them.
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/luks/luks_actions.hpp"

namespace gfsd::domain {

namespace {

using Argv = std::vector<std::string>;

// argv gets a key file argument, filled in by the runner with a file holding key.
void add_key_file(Argv& argv, ports::RunOptions& opts, const std::string& key) {
  opts.data_args.push_back({argv.size(), key});
  argv.push_back("");
}

Result<void> format(Ctx& ctx, const std::string& device, const std::string& key, int32_t keyslot,
                    const std::string* cipher) {
  Argv argv{"cryptsetup", "-q"};
  if (cipher) {
    argv.push_back("--cipher");
    argv.push_back(*cipher);
  }
  argv.push_back("--key-slot");
  argv.push_back(std::to_string(keyslot));
  argv.push_back("luksFormat");
  argv.push_back(device);
  ports::RunOptions opts;
  add_key_file(argv, opts, key);
  GFSD_TRY(run_or_fail_stderr(ctx, argv, opts));
  ctx.devices.settle("");
  return {};
}

}  // namespace

Result<void> luks_format(Ctx& ctx, const std::string& device, const std::string& key,
                         int32_t keyslot) {
  return format(ctx, device, key, keyslot, nullptr);
}

Result<void> luks_format_cipher(Ctx& ctx, const std::string& device, const std::string& key,
                                int32_t keyslot, const std::string& cipher) {
  return format(ctx, device, key, keyslot, &cipher);
}

Result<void> luks_add_key(Ctx& ctx, const std::string& device, const std::string& key,
                          const std::string& newkey, int32_t keyslot) {
  Argv argv{"cryptsetup", "-q", "-d"};
  ports::RunOptions opts;
  add_key_file(argv, opts, key);
  for (const auto& a : {std::string("--key-slot"), std::to_string(keyslot),
                        std::string("luksAddKey"), device})
    argv.push_back(a);
  add_key_file(argv, opts, newkey);
  GFSD_TRY(run_or_fail_stderr(ctx, argv, opts));
  return {};
}

Result<void> luks_kill_slot(Ctx& ctx, const std::string& device, const std::string& key,
                            int32_t keyslot) {
  Argv argv{"cryptsetup", "-q", "-d"};
  ports::RunOptions opts;
  add_key_file(argv, opts, key);
  argv.push_back("luksKillSlot");
  argv.push_back(device);
  argv.push_back(std::to_string(keyslot));
  GFSD_TRY(run_or_fail_stderr(ctx, argv, opts));
  return {};
}

Result<std::string> luks_uuid(Ctx& ctx, const std::string& device) {
  auto out = run_or_fail_stderr(ctx, {"cryptsetup", "luksUUID", device});
  if (!out) return forward(out.error());
  return trim(up_to_nul(std::move(*out)));
}

}  // namespace gfsd::domain
