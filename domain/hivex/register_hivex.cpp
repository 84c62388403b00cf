#include "domain/hivex/hivex_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_hivex(api::Handlers& h) {
  h.hivex_open = &hivex_open;
  h.hivex_close = &hivex_close;
  h.hivex_commit = &hivex_commit;
  h.hivex_root = &hivex_root;
  h.hivex_node_name = &hivex_node_name;
  h.hivex_node_children = &hivex_node_children;
  h.hivex_node_get_child = &hivex_node_get_child;
  h.hivex_node_parent = &hivex_node_parent;
  h.hivex_node_add_child = &hivex_node_add_child;
  h.hivex_node_delete_child = &hivex_node_delete_child;
  h.hivex_node_values = &hivex_node_values;
  h.hivex_node_get_value = &hivex_node_get_value;
  h.hivex_value_key = &hivex_value_key;
  h.hivex_value_type = &hivex_value_type;
  h.hivex_value_value = &hivex_value_value;
  h.hivex_value_string = &hivex_value_string;
  h.hivex_value_utf8 = &hivex_value_utf8;
  h.hivex_node_set_value = &hivex_node_set_value;
}

}  // namespace gfsd::domain
