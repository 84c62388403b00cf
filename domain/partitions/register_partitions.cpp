#include "domain/partitions/partition_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_partitions(api::Handlers& h) {
  h.part_init = &part_init;
  h.part_disk = &part_disk;
  h.part_add = &part_add;
  h.part_del = &part_del;
  h.part_resize = &part_resize;
  h.part_set_bootable = &part_set_bootable;
  h.part_set_name = &part_set_name;

  h.part_list = &part_list;
  h.part_get_parttype = &part_get_parttype;
  h.part_get_bootable = &part_get_bootable;
  h.part_get_name = &part_get_name;

  h.part_get_mbr_id = &part_get_mbr_id;
  h.part_set_mbr_id = &part_set_mbr_id;
  h.part_get_mbr_part_type = &part_get_mbr_part_type;

  h.part_set_gpt_type = &part_set_gpt_type;
  h.part_get_gpt_type = &part_get_gpt_type;
  h.part_set_gpt_guid = &part_set_gpt_guid;
  h.part_get_gpt_guid = &part_get_gpt_guid;
  h.part_set_gpt_attributes = &part_set_gpt_attributes;
  h.part_get_gpt_attributes = &part_get_gpt_attributes;
  h.part_get_disk_guid = &part_get_disk_guid;
  h.part_set_disk_guid = &part_set_disk_guid;
  h.part_set_disk_guid_random = &part_set_disk_guid_random;
  h.part_expand_gpt = &part_expand_gpt;
}

}  // namespace gfsd::domain
