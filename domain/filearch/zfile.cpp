// zfile (deprecated for file, which looks into compressed files itself):
// file(1) of a gzip- or bzip2-compressed file's contents.
#include <algorithm>

#include "domain/core/text.hpp"
#include "domain/filearch/filearch_actions.hpp"
#include "domain/filearch/pipeline.hpp"

namespace gfsd::domain {

namespace {

// The original read one line of at most this many bytes (fgets into 256).
constexpr size_t kLineMax = 255;

}  // namespace

Result<std::string> zfile(Ctx& ctx, const std::string& method, const std::string& path) {
  std::string zcat;
  if (method == "gzip" || method == "compress")
    zcat = "zcat";
  else if (method == "bzip2")
    zcat = "bzcat";
  else
    return fail("unknown method");

  // The pipeline's exit status did not matter to the original: a file that
  // does not decompress reads as "empty".
  auto r = filearch::run_on_guest_file(ctx, {"sh", "-c", zcat + " | file -bsL -"}, path);
  if (!r) return forward(r.error());
  // Nothing read: fgets found EOF, errno untouched (0).
  if (r->out.empty()) return fail("fgets: Success");
  const size_t newline = r->out.find('\n');
  const size_t length = newline == std::string::npos ? r->out.size() : newline + 1;
  std::string line = up_to_nul(r->out.substr(0, std::min(length, kLineMax)));
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return line;
}

}  // namespace gfsd::domain
