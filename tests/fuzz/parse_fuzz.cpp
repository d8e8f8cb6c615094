// parse_fuzz.cpp: the libFuzzer target for mifos::hooks::parse(). It builds a delivery from the
// fuzzer's bytes, parses it, and traps (a crash libFuzzer records) when parse() throws or breaks
// a promise of event.hpp. make_seeds.cpp writes the fixture corpus in this encoding.
//
// Input encoding, chosen so that the fuzzer controls every header parse() reads and the body:
//
//   byte 0  layout: bits 0-1 header family (0 Fineract, 1 Mifos X, 2 both with Mifos X first,
//           3 both with Fineract first); bits 2-3 header-name case (0 as spelled, 1 lower,
//           2 upper, 3 alternating); bit 4 tenant spelled X-Fineract-Platform-TenantId;
//           bit 5 a second, empty entity header after the first
//   byte 1  which headers are sent: bit i for field i below
//   then seven '\n'-terminated fields: entity, action, tenant, Content-Type, endpoint, API key,
//           one extra header "Name: value"; everything after the seventh '\n' is the body.
//
//   printf '\x00\x0f%s\n' LOAN REPAYMENT default application/json x x x > seed
//   printf '{"loanId":1.0E7}' >> seed     # then: parse_fuzz seed
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/event.hpp"
#include "mifos/hooks/requests.hpp"
#include "mifos/hooks/wire.hpp"

namespace mifos::hooks::fuzz {
namespace {

enum field : std::size_t { kEntity, kAction, kTenant, kContentType, kEndpoint, kApiKey, kExtra };
constexpr std::size_t kFields = 7;
constexpr std::string_view kProxyTenant = "X-Fineract-Platform-TenantId";

struct fuzz_input {
  std::uint8_t layout = 0;
  std::uint8_t sent = 0;
  std::array<std::string_view, kFields> fields{};
  std::string_view body;

  int family() const { return layout & 0x03; }
  int name_case() const { return (layout >> 2) & 0x03; }
  bool proxy_tenant() const { return (layout & 0x10) != 0; }
  bool repeat_entity() const { return (layout & 0x20) != 0; }
  bool has(field f) const { return (sent >> f & 1) != 0; }
};

// Missing bytes and fields read as zero and empty: every input decodes to something.
fuzz_input decode(const std::uint8_t* data, std::size_t size) {
  fuzz_input in;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (std::uint8_t* byte : {&in.layout, &in.sent}) {
    if (rest.empty()) break;
    *byte = static_cast<std::uint8_t>(rest.front());
    rest.remove_prefix(1);
  }
  for (auto& f : in.fields) {
    const auto end = std::min(rest.find('\n'), rest.size());
    f = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  in.body = rest;
  return in;
}

// Header names spelled as some sender or proxy might: parse() must ignore their case.
std::string cased(std::string_view name, int name_case) {
  std::string out(name);
  if (name_case == 0) return out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const bool upper = name_case == 2 || (name_case == 3 && i % 2 == 1);
    const auto c = static_cast<unsigned char>(out[i]);
    if (upper && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
    if (!upper && c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
  }
  return out;
}

delivery to_delivery(const fuzz_input& in) {
  delivery d;
  d.target = "/hooks/";
  auto add = [&](std::string_view name, std::string_view value) {
    d.headers.push_back({cased(name, in.name_case()), std::string(value)});
  };
  const int family = in.family();
  const wire::header_names* order[2] = {&wire::kFineractHeaders, nullptr};
  if (family == 1 || family == 2) order[0] = &wire::kMifosHeaders;
  if (family == 2) order[1] = &wire::kFineractHeaders;
  if (family == 3) order[1] = &wire::kMifosHeaders;
  for (const wire::header_names* names : order) {
    if (names == nullptr) continue;
    if (in.has(kEntity)) add(names->entity, in.fields[kEntity]);
    if (in.has(kEntity) && in.repeat_entity()) add(names->entity, "");
    if (in.has(kAction)) add(names->action, in.fields[kAction]);
    if (in.has(kTenant)) add(in.proxy_tenant() ? kProxyTenant : names->tenant, in.fields[kTenant]);
    if (in.has(kEndpoint)) add(names->endpoint, in.fields[kEndpoint]);
    if (in.has(kApiKey)) add(names->api_key, in.fields[kApiKey]);
  }
  if (in.has(kContentType)) add("Content-Type", in.fields[kContentType]);
  if (in.has(kExtra)) {
    const std::string_view extra = in.fields[kExtra];
    const auto colon = std::min(extra.find(':'), extra.size());
    std::string_view value = extra.substr(std::min(colon + 1, extra.size()));
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    d.headers.push_back({std::string(extra.substr(0, colon)), std::string(value)});
  }
  d.body = std::string(in.body);
  return d;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// What the headers promise about the event; skipped when the extra header may shadow one.
void check_headers(const fuzz_input& in, const event& e) {
  if (in.has(kExtra)) return;
  check(e.entity == trimmed(in.fields[kEntity]), "entity is not the trimmed header value");
  check(e.action == trimmed(in.fields[kAction]), "action is not the trimmed header value");
  const auto tenant = in.has(kTenant) ? trimmed(in.fields[kTenant]) : std::string_view();
  check(e.tenant == tenant, "tenant is not the trimmed header value");
  const auto want = in.family() == 1 ? wire_dialect::mifos : wire_dialect::fineract;
  check(e.dialect == want, "dialect is not the entity header's family");
}

void check_ids(const event& e) {
  const command_result& r = e.result;
  for (const auto* id :
       {&r.command_id, &r.office_id, &r.group_id, &r.client_id, &r.loan_id, &r.savings_id,
        &r.resource_id, &r.sub_resource_id, &r.product_id, &r.gsim_id, &r.glim_id, &e.created_by}) {
    check(!*id || **id >= 0, "an id is negative");
  }
}

// Every string an event holds must be UTF-8 (event.hpp), or a receiver's dump of it would throw.
void check_utf8(const std::optional<std::string>& s) {
  if (!s) return;
  try {
    (void)nlohmann::json(*s).dump();
  } catch (const nlohmann::json::type_error&) {
    fail("a string in the event is not UTF-8");
  }
}

void check_strings(const event& e) {
  for (const auto& s : {e.endpoint, e.api_key, e.created_by_full_name, e.result.resource_identifier,
                        e.result.resource_external_id, e.result.sub_resource_external_id})
    check_utf8(s);
  for (const auto& [name, value] : e.form_fields) check_utf8(name), check_utf8(value);
  if (e.error) {
    check_utf8(e.error->developer_message);
    check_utf8(e.error->default_user_message);
    check_utf8(e.error->user_message_globalisation_code);
  }
}

// The typed request views must read any event; their results are not specified for junk.
void read_views(const event& e) {
  (void)read_request<client_create_request>(e);
  (void)read_request<client_activate_request>(e);
  (void)read_request<loan_create_request>(e);
  (void)read_request<loan_approve_request>(e);
  (void)read_request<loan_disburse_request>(e);
  (void)read_request<loan_repayment_request>(e);
  (void)read_request<savings_charge_pay_request>(e);
  (void)read_request<group_create_request>(e);
  (void)read_request<journal_entry_request>(e);
  (void)read_request<center_save_collection_sheet_request>(e);
  (void)read_request<client_update_request>(e);
  (void)read_request<loan_adjust_request>(e);
  (void)read_request<savings_close_request>(e);
  (void)read_request<standing_instruction_create_request>(e);
  (void)read_request<user_create_request>(e);
}

void check_event(const fuzz_input& in, const event& e) {
  check(!e.entity.empty() && !e.action.empty(), "an event without entity or action");
  check(e.payload.is_object(), "payload is not an object");
  check((e.format == body_format::form) != e.form_fields.empty(),
        "form_fields disagree with format");
  check(e.failed || !e.error, "an error body on an event that did not fail");
  if (e.shape == body_shape::result) {
    check(!e.failed && !e.created_by && !e.created_by_name && !e.timestamp,
          "envelope fields on a bare result");
    check(&e.result_object() == &e.payload, "a bare result's result_object is not the payload");
    check(e.request().is_null(), "a bare result has a request");
  }
  check(e.changes().is_object(), "changes() is not an object");
  if (const catalog_entry* entry = e.known()) {
    check(iequals(entry->entity, e.entity) && iequals(entry->action, e.action),
          "known() returned another pair");
  }
  check_headers(in, e);
  check_ids(e);
  check_strings(e);
  read_views(e);

  // parse() keeps every string UTF-8, so the strict dump must succeed and read back the same.
  const nlohmann::ordered_json normalized = to_json(e);
  const std::string text = normalized.dump();
  const auto back = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  check(!back.is_discarded() && back == normalized, "to_json(e).dump() does not read back");
}

void run_one(const std::uint8_t* data, std::size_t size) {
  const fuzz_input in = decode(data, size);
  const delivery d = to_delivery(in);
  const parse_result r = parse(d);
  if (r) {
    check_event(in, *r);
    return;
  }
  const parse_error& err = r.error();
  check(err.status == 400 || err.status == 415, "error status is neither 400 nor 415");
  check(!err.reason.empty(), "error reason is empty");
  check(err.reason.find_first_of("\r\n") == std::string::npos, "error reason is not one line");
}

}  // namespace

// For make_seeds: what parse() makes of an encoded input, to check that a seed says what its
// fixture says.
parse_result parse_input(std::string_view input) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(input.data());
  return parse(to_delivery(decode(data, input.size())));
}

}  // namespace mifos::hooks::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return mifos::hooks::fuzz::run_guarded([&] { mifos::hooks::fuzz::run_one(data, size); });
}
