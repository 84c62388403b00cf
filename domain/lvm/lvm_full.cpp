// pvs_full, vgs_full, lvs_full: every column of `lvm pvs|vgs|lvs` in bytes,
// one line per object, columns separated by '\r'.
#include <cctype>
#include <cstdlib>
#include <optional>

#include "domain/core/arg_checks.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// The columns of one line, consumed left to right; any mismatch spoils the line.
class Columns {
 public:
  explicit Columns(const std::string& line) {
    size_t pos = 0;
    for (;;) {
      const size_t sep = line.find('\r', pos);
      cols_.push_back(line.substr(pos, sep == std::string::npos ? sep : sep - pos));
      if (sep == std::string::npos) break;
      pos = sep + 1;
    }
  }

  bool ok() const { return ok_ && next_ == cols_.size(); }

  void text(std::string& out) {
    if (auto c = take()) out = std::move(*c);
  }
  // lvm prints UUIDs with dashes; the struct keeps the 32 characters without them.
  void uuid(std::string& out) {
    auto c = take();
    if (!c) return;
    out.clear();
    for (char ch : *c)
      if (ch != '-' && out.size() < 32) out.push_back(ch);
    if (out.size() < 32) ok_ = false;
  }
  void number(int64_t& out) {
    auto c = take();
    if (!c) return;
    auto v = leading_integer(*c, 0);  // sscanf "%i"
    if (!v) ok_ = false;
    else out = *v;
  }
  // Empty means "not applicable": -1.
  void percent(float& out) {
    auto c = take();
    if (!c) return;
    if (c->empty()) {
      out = -1;
      return;
    }
    char* end = nullptr;
    out = std::strtof(c->c_str(), &end);
    if (end == c->c_str()) ok_ = false;
  }

 private:
  std::optional<std::string> take() {
    if (!ok_ || next_ >= cols_.size()) {
      ok_ = false;
      return std::nullopt;
    }
    return cols_[next_++];
  }

  std::vector<std::string> cols_;
  size_t next_ = 0;
  bool ok_ = true;
};

void read_columns(Columns& c, api::LvmPv& pv) {
  c.text(pv.pv_name);
  c.uuid(pv.pv_uuid);
  c.text(pv.pv_fmt);
  c.number(pv.pv_size);
  c.number(pv.dev_size);
  c.number(pv.pv_free);
  c.number(pv.pv_used);
  c.text(pv.pv_attr);
  c.number(pv.pv_pe_count);
  c.number(pv.pv_pe_alloc_count);
  c.text(pv.pv_tags);
  c.number(pv.pe_start);
  c.number(pv.pv_mda_count);
  c.number(pv.pv_mda_free);
}

void read_columns(Columns& c, api::LvmVg& vg) {
  c.text(vg.vg_name);
  c.uuid(vg.vg_uuid);
  c.text(vg.vg_fmt);
  c.text(vg.vg_attr);
  c.number(vg.vg_size);
  c.number(vg.vg_free);
  c.text(vg.vg_sysid);
  c.number(vg.vg_extent_size);
  c.number(vg.vg_extent_count);
  c.number(vg.vg_free_count);
  c.number(vg.max_lv);
  c.number(vg.max_pv);
  c.number(vg.pv_count);
  c.number(vg.lv_count);
  c.number(vg.snap_count);
  c.number(vg.vg_seqno);
  c.text(vg.vg_tags);
  c.number(vg.vg_mda_count);
  c.number(vg.vg_mda_free);
}

void read_columns(Columns& c, api::LvmLv& lv) {
  c.text(lv.lv_name);
  c.uuid(lv.lv_uuid);
  c.text(lv.lv_attr);
  c.number(lv.lv_major);
  c.number(lv.lv_minor);
  c.number(lv.lv_kernel_major);
  c.number(lv.lv_kernel_minor);
  c.number(lv.lv_size);
  c.number(lv.seg_count);
  c.text(lv.origin);
  c.percent(lv.snap_percent);
  c.percent(lv.copy_percent);
  c.text(lv.move_pv);
  c.text(lv.lv_tags);
  c.text(lv.mirror_log);
  c.text(lv.modules);
}

template <class T>
Result<std::vector<T>> list_full(Ctx& ctx, const std::string& command, const char* columns) {
  auto out = run_lvm_or_fail_stderr(ctx, {command, "-o", columns, "--unbuffered", "--noheadings",
                                          "--nosuffix", "--separator", "\r", "--units", "b"});
  if (!out) return forward(out.error());
  std::vector<T> items;
  size_t pos = 0;
  while (pos < out->size()) {
    size_t end = out->find('\n', pos);
    if (end == std::string::npos) end = out->size();
    size_t start = pos;
    while (start < end && std::isspace(static_cast<unsigned char>((*out)[start]))) ++start;
    pos = end + 1;
    if (start == end) continue;
    Columns c(out->substr(start, end - start));
    T item;
    read_columns(c, item);
    if (!c.ok()) return fail("failed to parse output of '" + command + "' command");
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Result<std::vector<api::LvmPv>> pvs_full(Ctx& ctx) {
  auto pvs = list_full<api::LvmPv>(ctx, "pvs",
                                   "pv_name,pv_uuid,pv_fmt,pv_size,dev_size,pv_free,pv_used,pv_attr,"
                                   "pv_pe_count,pv_pe_alloc_count,pv_tags,pe_start,pv_mda_count,"
                                   "pv_mda_free");
  // Deliberately unlike the original, which returns lvm's own name: when the
  // kernel enumerates the appliance disk first, that is /dev/sdb2 for the
  // library's /dev/sda2 (virt-filesystems then shows a PV that does not exist).
  if (pvs)
    for (auto& pv : *pvs) reverse_device(ctx, pv.pv_name);
  return pvs;
}

Result<std::vector<api::LvmVg>> vgs_full(Ctx& ctx) {
  return list_full<api::LvmVg>(ctx, "vgs",
                               "vg_name,vg_uuid,vg_fmt,vg_attr,vg_size,vg_free,vg_sysid,"
                               "vg_extent_size,vg_extent_count,vg_free_count,max_lv,max_pv,"
                               "pv_count,lv_count,snap_count,vg_seqno,vg_tags,vg_mda_count,"
                               "vg_mda_free");
}

Result<std::vector<api::LvmLv>> lvs_full(Ctx& ctx) {
  return list_full<api::LvmLv>(ctx, "lvs",
                               "lv_name,lv_uuid,lv_attr,lv_major,lv_minor,lv_kernel_major,"
                               "lv_kernel_minor,lv_size,seg_count,origin,snap_percent,"
                               "copy_percent,move_pv,lv_tags,mirror_log,modules");
}

}  // namespace gfsd::domain
