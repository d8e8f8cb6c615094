// client_transfers.cpp: moving a client between offices, as Fineract's
// TransferWritePlatformServiceJpaRepositoryImpl does it:
//
//   proposeTransfer:  -> transfer in progress (303), transferToOffice set
//   acceptTransfer:   303 only -> active (300) in the new office
//   withdrawTransfer: 303 or 304 -> active, in the old office
//   rejectTransfer:   -> transfer on hold (304) from any status (Fineract checks none)
//   proposeAndAcceptTransfer: both at once, from any status, to any office
//
// Results carry only clientId and resourceId (no commandId, officeId or resourceExternalId).
// Fineract also moves the client's disbursed loans and active savings accounts; the mock's
// accounts follow their client through client_id and keep no office of their own.
#include <algorithm>
#include <string>

#include "portfolio/clients/client_commands.hpp"
#include "portfolio/organisation/staff.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json transfer_result(const client& c) {
  return result_fields{.client_id = c.id, .resource_id = c.id}.to_json();
}

void end_transfer(client& c, client_status to) {
  c.status = to;
  c.transfer_to_office_id.reset();
  c.proposed_transfer_date.reset();
}

// The parts of a transfer request that name things in the destination office.
struct destination {
  std::optional<entity_id> staff_id, group_id;
};

destination read_destination(field_reader& in) {
  return {.staff_id = in.id("staffId", false), .group_id = in.id("destinationGroupId", false)};
}

// Fineract's ACCEPTANCE step: the client becomes active in `office_id`; a client of a group must
// name the group it joins there.
std::optional<api_error> accept_into(state& s, client& c, entity_id office_id,
                                     const destination& to) {
  if (to.staff_id && staff_for_office(s, *to.staff_id, office_id) == nullptr) {
    return staff_not_found(*to.staff_id);
  }
  group* new_group = nullptr;
  if (to.group_id) {
    new_group = s.find_group(*to.group_id, false);
    if (new_group == nullptr || new_group->office_id != office_id) {
      return group_not_found(*to.group_id, false);
    }
  }
  if (c.group_id && new_group == nullptr) {
    return api_error::domain_rule(
        "error.msg.client.transfers.destination.group.absent",
        "Destination Group for transfer of clients originally linked to a group not selected ");
  }
  if (new_group != nullptr && !new_group->active) {
    return api_error::domain_rule(
        "error.msg.group.not.active.exception",
        "The Group with id `" + std::to_string(new_group->id) + "` is not active");
  }
  if (new_group != nullptr) {
    if (c.group_id) {
      if (auto old = s.groups.find(*c.group_id); old != s.groups.end()) {
        std::erase(old->second.client_members, c.id);
      }
    }
    new_group->client_members.push_back(c.id);
    c.group_id = new_group->id;
  }
  if (to.staff_id) c.staff_id = to.staff_id;
  c.office_id = office_id;
  end_transfer(c, client_status::active);
  return std::nullopt;
}

}  // namespace

answer propose_client_transfer(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto office_id = in.id("destinationOfficeId");
  auto staff_id = in.id("staffId", false);
  auto transfer_date = in.date("transferDate", false);
  if (!in.ok()) return in.error();
  const office* o = s.find_office(*office_id);
  if (o == nullptr) return office_not_found(*office_id);
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->office_id == *office_id) {
    return api_error::domain_rule(
        "error.msg.cannot.transfer.client.as.selected.office.and.current.office.are.same",
        "error.msg.cannot.transfer.client.as.selected.office.and.current.office.are.same");
  }
  if (staff_id && staff_for_office(s, *staff_id, *office_id) == nullptr) {
    return staff_not_found(*staff_id);
  }
  c->status = client_status::transfer_in_progress;
  c->transfer_to_office_id = *office_id;
  c->proposed_transfer_date = transfer_date;
  return transfer_result(*c);
}

answer accept_client_transfer(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  const destination to = read_destination(in);
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->status != client_status::transfer_in_progress || !c->transfer_to_office_id) {
    return api_error::domain_rule(
        "error.msg.client.not.awaiting.transfer.approval.exception",
        "The Client with id `" + std::to_string(id) + "` is not awaiting transfer");
  }
  if (auto refused = accept_into(s, *c, *c->transfer_to_office_id, to)) return *refused;
  return transfer_result(*c);
}

answer reject_client_transfer(state& s, const rest_call&, entity_id id, const json&) {
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  end_transfer(*c, client_status::transfer_on_hold);
  return transfer_result(*c);
}

answer withdraw_client_transfer(state& s, const rest_call&, entity_id id, const json&) {
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (!c->under_transfer()) {
    return api_error::domain_rule(
        "error.msg.client.not.awaiting.transfer.approval.or.on.hold.exception",
        "The Client with id `" + std::to_string(id) +
            "` is neither awaiting a transfer nor on hold");
  }
  end_transfer(*c, client_status::active);
  return transfer_result(*c);
}

answer propose_and_accept_client_transfer(state& s, const rest_call&, entity_id id,
                                          const json& body) {
  field_reader in(body, "client");
  auto office_id = in.id("destinationOfficeId");
  const destination to = read_destination(in);
  if (!in.ok()) return in.error();
  if (s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (auto refused = accept_into(s, *c, *office_id, to)) return *refused;
  return transfer_result(*c);
}

}  // namespace mifos::mock::detail
