// kinds.hpp: the record kinds each file of records/ declares, and the routes of the resources
// that need more than the generic engine (crud.hpp). record_db.cpp dispatches to them.
#pragma once

#include <optional>
#include <span>

#include "records/crud.hpp"

namespace mifos::mock::records {

// authorisation.cpp: /users, /roles, /passwordpreferences
const record_kind& users_kind();
const record_kind& roles_kind();
const record_kind& password_preferences_kind();
// PUT /roles/{id}/permissions (ROLE PERMISSIONS), GET of the same.
std::optional<rest_outcome> route_role_permissions(record_db& db, const rest_call& call,
                                                   const segments& p);

// codes.cpp: /codes and /codes/{id}/codevalues (CODE, CODEVALUE)
const record_kind& codes_kind();
const record_kind& code_values_kind();
std::optional<rest_outcome> route_codes(record_db& db, const rest_call& call, const segments& p);

// configuration.cpp: /configurations (CONFIGURATION UPDATE), /permissions (PERMISSION UPDATE),
// /currencies (CURRENCY UPDATE)
const record_kind& configurations_kind();
std::optional<rest_outcome> route_configurations(record_db& db, const rest_call& call,
                                                 const segments& p);
std::optional<rest_outcome> route_permissions(record_db& db, const rest_call& call,
                                              const segments& p);
std::optional<rest_outcome> route_currencies(record_db& db, const rest_call& call,
                                             const segments& p);

// datatables.cpp: /datatables (DATATABLE CREATE/UPDATE/DELETE/REGISTER) and
// /entityDatatableChecks (ENTITY_DATATABLE_CHECK CREATE/DELETE)
std::optional<rest_outcome> route_datatables(record_db& db, const rest_call& call,
                                             const segments& p);
const record_kind& entity_datatable_checks_kind();
std::optional<rest_outcome> route_entity_datatable_checks(record_db& db, const rest_call& call,
                                                          const segments& p);

// jobs.cpp: /jobs (SCHEDULER UPDATE; executeJob runs silently), /reportmailingjobs,
// /mixmapping (XBRLMAPPING UPDATE)
const record_kind& jobs_kind();
const record_kind& report_mailing_jobs_kind();
const record_kind& mix_mapping_kind();
std::optional<rest_outcome> route_jobs(record_db& db, const rest_call& call, const segments& p);

// organisation.cpp: /funds, /holidays, /workingdays, /paymenttypes
const record_kind& funds_kind();
const record_kind& holidays_kind();
const record_kind& working_days_kind();
const record_kind& payment_types_kind();

// templates.cpp: /templates (TEMPLATE CREATE/UPDATE/DELETE), /templates/template,
// /templates/{id}/template; rows in the table "templates".
std::optional<rest_outcome> route_templates(record_db& db, const rest_call& call,
                                            const segments& p);
// GET /templates/{id}: a stored row as Fineract's Gson writes the Template entity.
json template_view(const json& row);

// Every kind, for seeding; and those served by route_kind alone.
std::span<const record_kind* const> all_kinds();
std::span<const record_kind* const> plain_kinds();

}  // namespace mifos::mock::records
