// staff.hpp: looking up a member of staff the way Fineract does when a client, group or loan
// names one (StaffRepositoryWrapper.findByOfficeHierarchyWithNotFoundDetection).
//
//   const staff_member* officer = staff_for_office(s, staff_id, client.office_id);
//   if (officer == nullptr) return staff_not_found(staff_id);
#pragma once

#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// The staff member `staff_id` when it works in `office_id` or an office above it (its office's
// hierarchy is a prefix of that office's); nullptr otherwise, which Fineract reports as the same
// 404 as an unknown id (staff_not_found).
const staff_member* staff_for_office(const state& s, entity_id staff_id, entity_id office_id);

}  // namespace mifos::mock::detail
