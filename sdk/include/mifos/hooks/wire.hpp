// wire.hpp: the one definition of every header name, content type and URL prefix that Mifos X
// and Apache Fineract put on the wire for a hook (see docs/wire-format.md, sections 1-2).
//
// The receiver reads with these names, mock-mifos writes with them. Nothing else in the project
// spells a hook header by hand.
//
//   const auto& names = mifos::hooks::wire::header_names_for(mifos::hooks::wire_dialect::fineract);
//   d.headers.push_back({std::string(names.entity), "LOAN"});
#pragma once

#include <string_view>

namespace mifos::hooks {

// Which header family a delivery uses: `X-Mifos-*` (Mifos X, 2014-2016) or `X-Fineract-*`.
enum class wire_dialect { fineract, mifos };

std::string_view to_string(wire_dialect d) noexcept;  // "fineract" | "mifos"

namespace wire {

struct header_names {
  std::string_view entity;    // X-Fineract-Entity
  std::string_view action;    // X-Fineract-Action
  std::string_view tenant;    // Fineract-Platform-TenantId (no "X-" in the Fineract family)
  std::string_view endpoint;  // X-Fineract-Endpoint: server base URL (Web, Elastic Search)
  std::string_view api_key;   // X-Fineract-API-Key: SMS Bridge only
};

inline constexpr header_names kFineractHeaders{"X-Fineract-Entity", "X-Fineract-Action",
                                               "Fineract-Platform-TenantId", "X-Fineract-Endpoint",
                                               "X-Fineract-API-Key"};
inline constexpr header_names kMifosHeaders{"X-Mifos-Entity", "X-Mifos-Action",
                                            "X-Mifos-Platform-TenantId", "X-Mifos-Endpoint",
                                            "X-Mifos-API-Key"};

constexpr const header_names& header_names_for(wire_dialect d) noexcept {
  return d == wire_dialect::mifos ? kMifosHeaders : kFineractHeaders;
}

// Content types exactly as each sender spells them.
inline constexpr std::string_view kJsonContentType = "application/json; charset=UTF-8";
inline constexpr std::string_view kFineractFormContentType = "application/x-www-form-urlencoded";
inline constexpr std::string_view kMifosFormContentType =
    "application/x-www-form-urlencoded; charset=UTF-8";

// The HTTP clients each sender used: Fineract's OkHttp 4, Mifos X's OkHttp 2 (under Retrofit 1).
inline constexpr std::string_view kFineractUserAgent = "okhttp/4.12.0";
inline constexpr std::string_view kMifosUserAgent = "okhttp/2.4.0";

constexpr std::string_view user_agent_for(wire_dialect d) noexcept {
  return d == wire_dialect::mifos ? kMifosUserAgent : kFineractUserAgent;
}

// REST API roots.
inline constexpr std::string_view kFineractApiRoot = "/fineract-provider/api/v1";
inline constexpr std::string_view kMifosApiRoot = "/mifosng-provider/api/v1";

// Envelope keys in the fixed order Fineract writes them (a Java HashMap's iteration order).
inline constexpr std::string_view kEnvelopeKeyOrder[] = {
    "createdByName", "request",  "clientId",          "createdBy",  "officeId",
    "entityName",    "response", "createdByFullName", "actionName", "timestamp"};

// Command-result keys in the order Fineract's serializer writes them (docs/wire-format.md section
// 3).
inline constexpr std::string_view kCommandResultKeyOrder[] = {"commandId",
                                                              "officeId",
                                                              "groupId",
                                                              "clientId",
                                                              "loanId",
                                                              "savingsId",
                                                              "resourceId",
                                                              "subResourceId",
                                                              "transactionId",
                                                              "changes",
                                                              "creditBureauReportData",
                                                              "resourceIdentifier",
                                                              "productId",
                                                              "gsimId",
                                                              "glimId",
                                                              "resourceExternalId",
                                                              "subResourceExternalId"};

}  // namespace wire
}  // namespace mifos::hooks
