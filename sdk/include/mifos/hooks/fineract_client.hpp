// fineract_client.hpp: typed calls back into the Fineract (or Mifos X) REST API, for receivers
// that need more than a hook carries (a client's mobile number, a loan's account number).
//
//   mifos::hooks::router r;
//   r.on("CLIENT", "CREATE", [](const mifos::hooks::event& e) {
//     auto options = mifos::hooks::fineract_client_options::for_event(e);  // Endpoint, tenant
//     options.username = "mifos";
//     options.password = "password";
//     mifos::hooks::fineract_client api(options);
//     auto client = api.get_client(*e.result.client_id);
//     if (!client) throw std::runtime_error(client.error().message);  // the receiver retries
//     send_sms(client->mobile_no.value_or(""), "Welcome " + client->display_name);
//   });
//
// Errors are values: a call answers either the record or a fineract_error with the status and
// the server's error body. Connection errors and 5xx answers are retried with backoff, 4xx are
// not. Thread-safe; each call is independent.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "mifos/hooks/event.hpp"
#include "mifos/hooks/wire.hpp"

namespace mifos::hooks {

struct fineract_client_options {
  // The API base: "https://host:8443/fineract-provider/api/v1/". An Endpoint header value
  // (".../fineract-provider/api/" from Fineract, ".../mifosng-provider/api/v1/" from Mifos X)
  // works as it is: "v1/" is added when the URL ends at "api".
  std::string base_url;
  std::string tenant = "default";
  // Which tenant header: Fineract-Platform-TenantId, or X-Mifos-Platform-TenantId.
  wire_dialect dialect = wire_dialect::fineract;
  // HTTP Basic with these, or, when token is set, "Authorization: Basic <token>" where token is
  // a stored base64 key (base64EncodedAuthenticationKey from POST /authentication, or the
  // mifosToken an SMS Bridge registration carries).
  std::string username;
  std::string password;
  std::string token;
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(5);
  std::chrono::milliseconds timeout = std::chrono::seconds(10);  // per attempt
  // Attempts on a connection error or a 5xx answer (1 = no retry), waiting retry_backoff,
  // then twice that, ... (at most 10 s) between them.
  int max_attempts = 3;
  std::chrono::milliseconds retry_backoff = std::chrono::milliseconds(200);
  bool verify_tls = true;
  std::string ca_file;  // PEM certificate authorities to trust instead of the system's

  // base_url, tenant and dialect from a hook delivery (its Endpoint header, when it has one).
  static fineract_client_options for_event(const event& e);
};

struct fineract_error {
  int status = 0;       // the HTTP status; 0 when the server never answered
  std::string message;  // developerMessage, else defaultUserMessage, else the transport error
  std::string code;     // userMessageGlobalisationCode, e.g. "error.msg.client.id.invalid"
  nlohmann::json body;  // the server's error body (JSON), or its text as a string
  int attempts = 1;
};

// The record, or the error that stopped the call: `if (r) use(*r); else log(r.error().message);`
template <typename T>
using fineract_result = result<T, fineract_error>;

// GET /clients/{id}
struct fineract_client_record {
  std::int64_t id = 0;
  std::string account_no;
  std::string display_name;
  std::string first_name;  // "firstname" on the wire
  std::string last_name;   // "lastname"
  std::optional<std::string> mobile_no;
  std::optional<std::string> external_id;
  std::optional<std::int64_t> office_id;
  std::string office_name;
  bool active = false;
  nlohmann::json raw;  // the whole answer
};

// GET /loans/{id}
struct fineract_loan {
  std::int64_t id = 0;
  std::string account_no;
  std::optional<std::int64_t> client_id;
  std::string client_name;
  std::string client_account_no;
  std::string product_name;  // "loanProductName"
  std::string status_code;   // "loanStatusType.active"
  std::string status;        // "Active"
  std::optional<double> principal;
  std::string currency;  // the currency's code, e.g. "USD"
  nlohmann::json raw;
};

class fineract_client {
 public:
  explicit fineract_client(fineract_client_options options);

  fineract_result<fineract_client_record> get_client(std::int64_t id) const;
  fineract_result<fineract_loan> get_loan(std::int64_t id) const;
  // Any GET under the base: get("offices/1"), get("clients?limit=10").
  fineract_result<nlohmann::json> get(std::string_view path) const;

  const fineract_client_options& options() const noexcept { return options_; }

 private:
  fineract_client_options options_;
};

// The API base for an endpoint: a trailing '/' added, "v1/" added after a final "api/".
std::string fineract_api_base(std::string_view endpoint);

}  // namespace mifos::hooks
