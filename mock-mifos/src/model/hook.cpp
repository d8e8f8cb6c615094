#include "model/hook.hpp"

#include <mifos/hooks/delivery.hpp>

namespace mifos::mock {

bool hook::subscribes_to(std::string_view entity, std::string_view action) const {
  for (const auto& e : events) {
    if (hooks::iequals(e.entity, entity) && hooks::iequals(e.action, action)) return true;
  }
  return false;
}

}  // namespace mifos::mock
