// rest_lookup.cpp: fineract_lookup over hooks::fineract_client. Apart from compose.cpp so that
// the pure composing links without the HTTP client.
#include <utility>

#include "compose.hpp"

namespace sms_bridge {

rest_lookup::rest_lookup(mifos::hooks::fineract_client_options options)
    : api_(std::move(options)) {}

mifos::hooks::fineract_result<mifos::hooks::fineract_client_record> rest_lookup::client(
    std::int64_t id) const {
  return api_.get_client(id);
}

mifos::hooks::fineract_result<mifos::hooks::fineract_loan> rest_lookup::loan(
    std::int64_t id) const {
  return api_.get_loan(id);
}

}  // namespace sms_bridge
