// rewrite.cpp: a recorded delivery changed for replay: another target, another tenant, or the
// other era's header family and body shape (Mifos X's bare result <-> Fineract's envelope).
//
// Bodies are rebuilt with the mock's own writer (wire/hook_payload.hpp), so a rewritten delivery
// is byte for byte what the mock would have sent for that command in the other era.
#include "play/rewrite.hpp"

#include <array>
#include <mifos/hooks/event.hpp>
#include <string_view>
#include <utility>

#include "model/command_event.hpp"
#include "wire/hook_payload.hpp"

namespace mifos::mock {
namespace {

using hooks::wire_dialect;
using ojson = nlohmann::ordered_json;

// The five hook headers of a family, in one order for both.
std::array<std::string_view, 5> names_of(wire_dialect d) {
  const auto& n = hooks::wire::header_names_for(d);
  return {n.entity, n.action, n.tenant, n.endpoint, n.api_key};
}

wire_dialect other(wire_dialect d) {
  return d == wire_dialect::mifos ? wire_dialect::fineract : wire_dialect::mifos;
}

bool is(const hooks::header_field& h, std::string_view name) {
  return hooks::iequals(h.name, name);
}

// Every hook header of either family gets its name in `to`, where it stands.
void rename_headers(hooks::delivery& d, wire_dialect to) {
  const auto from = names_of(other(to));
  const auto target = names_of(to);
  for (auto& h : d.headers) {
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (is(h, from[i]) || is(h, target[i])) h.name = target[i];
    }
    // A recording keeps its sender's client name; the other era's sender had another one.
    if (is(h, "User-Agent") && h.value == hooks::wire::user_agent_for(other(to)))
      h.value = hooks::wire::user_agent_for(to);
  }
}

// The first `name` header gets `value` where it stands, or one is added at the end; later copies
// of it go.
void set_header(hooks::delivery& d, std::string_view name, std::string_view value) {
  bool seen = false;
  std::vector<hooks::header_field> kept;
  kept.reserve(d.headers.size() + 1);
  for (auto& h : d.headers) {
    if (!is(h, name)) {
      kept.push_back(std::move(h));
    } else if (!seen) {
      seen = true;
      kept.push_back({std::move(h.name), std::string(value)});
    }
  }
  if (!seen) kept.push_back({std::string(name), std::string(value)});
  d.headers = std::move(kept);
}

void set_tenant(hooks::delivery& d, const std::string& tenant,
                std::optional<wire_dialect> dialect) {
  const std::string_view fineract = hooks::wire::kFineractHeaders.tenant;
  const std::string_view mifos = hooks::wire::kMifosHeaders.tenant;
  bool found = false;
  for (auto& h : d.headers) {
    if (is(h, fineract) || is(h, mifos)) {
      h.value = tenant;
      found = true;
    }
  }
  if (found) return;
  // None recorded: add one in the family the delivery speaks.
  if (!dialect)
    dialect =
        d.header(hooks::wire::kMifosHeaders.entity) ? wire_dialect::mifos : wire_dialect::fineract;
  d.headers.push_back({std::string(hooks::wire::header_names_for(*dialect).tenant), tenant});
}

// `object` with every id the SDK read as an integer, added where missing: an envelope's
// top-level officeId and clientId go back into the result, and form values ("5.0") become 5.
ojson with_integer_ids(ojson object, const hooks::command_result& r) {
  if (!object.is_object()) object = ojson::object();
  const std::pair<const char*, const std::optional<std::int64_t>*> ids[] = {
      {"commandId", &r.command_id},   {"officeId", &r.office_id},
      {"groupId", &r.group_id},       {"clientId", &r.client_id},
      {"loanId", &r.loan_id},         {"savingsId", &r.savings_id},
      {"resourceId", &r.resource_id}, {"subResourceId", &r.sub_resource_id},
      {"productId", &r.product_id},   {"gsimId", &r.gsim_id},
      {"glimId", &r.glim_id}};
  for (const auto& [key, id] : ids) {
    if (*id) object[key] = **id;
  }
  return object;
}

// The body as ordered JSON: JSON bodies re-read keeping their key order (the SDK's payload sorts
// keys), form bodies from the SDK's decoding of each field.
ojson ordered_body(const hooks::delivery& d, const hooks::event& e) {
  if (e.format == hooks::body_format::json) {
    ojson body = ojson::parse(d.body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_discarded()) return body;
  }
  return ojson(e.payload);
}

// The body in `to`'s shape, or nothing when it keeps its bytes.
std::optional<std::string> converted_body(const hooks::delivery& d, const hooks::event& e,
                                          wire_dialect to) {
  const bool envelope = e.shape == hooks::body_shape::envelope;
  payload_settings settings;
  settings.dialect = to;
  command_event command;
  command.entity = e.entity;
  command.action = e.action;
  command.tenant = e.tenant;
  if (to == wire_dialect::mifos) {
    // Mifos X fired no hook for a failed command, so a failure has no Mifos X form to take: it
    // keeps the Fineract body and only its headers change.
    if (!envelope || e.failed) return std::nullopt;
    ojson body = ordered_body(d, e);
    const auto response = body.find("response");
    command.result = with_integer_ids(response != body.end() ? *response : ojson(), e.result);
  } else {
    if (envelope) return std::nullopt;
    // A bare result names no user and no time: the envelope gets the mock's default user
    // (api_user: mifos, id 1) and the epoch, and an empty `request`, since the caller's request
    // was never sent in that era.
    command.result = with_integer_ids(ordered_body(d, e), e.result);
  }
  return hook_body(command, e.format, settings);
}

// True when the body changed.
bool rewrite_dialect(hooks::delivery& out, const hooks::delivery& in, wire_dialect to) {
  rename_headers(out, to);
  const auto parsed = hooks::parse(in);
  if (!parsed) return false;  // headers only: there is no body we could read to convert
  auto body = converted_body(in, *parsed, to);
  if (body) {
    out.body = std::move(*body);
    std::erase_if(out.headers,
                  [](const hooks::header_field& h) { return is(h, "Transfer-Encoding"); });
  }
  const bool form = parsed->format == hooks::body_format::form;
  set_header(out, "Content-Type",
             !form                       ? hooks::wire::kJsonContentType
             : to == wire_dialect::mifos ? hooks::wire::kMifosFormContentType
                                         : hooks::wire::kFineractFormContentType);
  return body.has_value();
}

}  // namespace

hooks::delivery rewrite(const hooks::delivery& d, const rewrite_options& r) {
  hooks::delivery out = d;
  if (r.path) out.target = *r.path;
  const bool new_body = r.dialect && rewrite_dialect(out, d, *r.dialect);
  if (r.tenant) set_tenant(out, *r.tenant, r.dialect);
  if (new_body || out.header("Content-Length"))
    set_header(out, "Content-Length", std::to_string(out.body.size()));
  return out;
}

}  // namespace mifos::mock
