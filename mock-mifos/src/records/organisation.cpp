// organisation.cpp: funds (FUND CREATE/UPDATE; Fineract has no fund delete), holidays (HOLIDAY
// CREATE/UPDATE/DELETE, ?command=activate; deleting keeps the holiday with status 300), the
// working days (WORKINGDAYS UPDATE: PUT /workingdays) and payment types (PAYMENTTYPE
// CREATE/UPDATE/DELETE). The UGD message templates have their own file (templates.cpp).
#include <string>

#include "records/kinds.hpp"

namespace mifos::mock::records {
namespace {

json holiday_status_json(int status) {
  switch (status) {
    case 200:
      return {{"id", 200}, {"code", "holidayStatusType.active"}, {"value", "Active"}};
    case 300:
      return {{"id", 300}, {"code", "holidayStatusType.deleted"}, {"value", "Deleted"}};
    default:
      return {{"id", 100},
              {"code", "holidayStatusType.pending.for.activation"},
              {"value", "Pending for activation"}};
  }
}

int holiday_status(const json& row) { return row.value("status", 100); }

// Holiday's failWithCodeNoParameterAddedToErrorCode: validation.msg.holiday.<rule>.
api_error holiday_rule(const std::string& rule) {
  return detail::state_rule("validation.msg.holiday." + rule,
                            "Failed data validation due to: " + rule + ".");
}

std::optional<api_error> holiday_offices_exist(const record_db& db, const json& row) {
  const json& offices = row["offices"];
  if (!offices.is_array() || offices.empty()) {
    return api_error::validation("offices", "The parameter `offices` cannot be empty.",
                                 "validation.msg.holiday.offices.cannot.be.empty");
  }
  for (const json& o : offices) {
    const json id = o.is_object() ? o.value("officeId", json()) : json();
    const entity_id office_id = id.is_number_integer() ? id.get<entity_id>() : 0;
    if (!db.office_exists(office_id)) {
      return api_error::not_found(
          "error.msg.office.id.invalid",
          "Office with identifier " + std::to_string(office_id) + " does not exist", office_id);
    }
  }
  return std::nullopt;
}

json holiday_view(const record_db&, const json& row) {
  json j = {{"id", row["id"]}, {"name", row["name"]}};
  if (row.contains("description")) j["description"] = row["description"];
  j["fromDate"] = row["fromDate"];
  j["toDate"] = row["toDate"];
  if (row.contains("repaymentsRescheduledTo"))
    j["repaymentsRescheduledTo"] = row["repaymentsRescheduledTo"];
  j["status"] = holiday_status_json(holiday_status(row));
  j["reschedulingType"] = row.value("reschedulingType", 2);
  return j;
}

answer activate_holiday(record_db&, json& row) {
  if (holiday_status(row) != 100) return holiday_rule("not.in.pending.for.activation.state");
  row["status"] = 200;
  return detail::result_fields{.resource_id = row["id"].get<entity_id>()}.to_json();
}

json working_days_view(const record_db&, const json& row) {
  static const char* const kTypes[] = {"", "Same day", "Move to next working day",
                                       "Move to next repayment meeting day",
                                       "Move to previous working day"};
  static const char* const kCodes[] = {"", "RepaymentRescheduleType.same.day",
                                       "RepaymentRescheduleType.move.to.next.working.day",
                                       "RepaymentRescheduleType.move.to.next.repayment.meeting.day",
                                       "RepaymentRescheduleType.move.to.previous.working.day"};
  const auto type = row.value("repaymentRescheduleType", 1);
  const std::size_t i = type >= 1 && type <= 4 ? static_cast<std::size_t>(type) : 1;
  return {
      {"id", row["id"]},
      {"recurrence", row["recurrence"]},
      {"repaymentRescheduleType", {{"id", type}, {"code", kCodes[i]}, {"value", kTypes[i]}}},
      {"extendTermForDailyRepayments", row.value("extendTermForDailyRepayments", false)},
      {"extendTermForRepaymentsOnHolidays", row.value("extendTermForRepaymentsOnHolidays", false)}};
}

std::optional<api_error> known_reschedule_type(const record_db&, const json& row) {
  const auto type = row.value("repaymentRescheduleType", 1);
  if (type >= 1 && type <= 4) return std::nullopt;
  return api_error::validation(
      "repaymentRescheduleType", "The parameter `repaymentRescheduleType` must be between 1 and 4.",
      "validation.msg.workingdays.repaymentRescheduleType.is.not.within.expected.range", type);
}

}  // namespace

const record_kind& funds_kind() {
  static const record_kind k{.collection = "funds",
                             .entity = "FUND",
                             .resource = "fund",
                             .not_found_code = "error.msg.fund.id.invalid",
                             .not_found_text = "Fund with identifier {} does not exist",
                             .fields = {{"name", field_type::text, true}, {"externalId"}},
                             .unique = "name",
                             .duplicate_code = "error.msg.fund.duplicate.name",
                             .duplicate_text = "A fund with name '{}' already exists",
                             .deletes = false};
  return k;
}

const record_kind& holidays_kind() {
  static const record_kind k{
      .collection = "holidays",
      .entity = "HOLIDAY",
      .resource = "holiday",
      .not_found_code = "error.msg.holiday.id.invalid",
      .not_found_text = "Holiday with identifier {} does not exist",
      .fields = {{"name", field_type::text, true},
                 {"fromDate", field_type::date, true},
                 {"toDate", field_type::date, true},
                 {"repaymentsRescheduledTo", field_type::date},
                 {"reschedulingType", field_type::whole},
                 {"description"},
                 {"offices", field_type::any, true}},
      .also_allowed = {"locale", "dateFormat"},
      .unique = "name",
      .duplicate_code = "error.msg.holiday.duplicate.name",
      .duplicate_text = "Holiday with name `{}` already exists",
      .validate = &holiday_offices_exist,
      .may_delete = [](const record_db&, const json& row) -> std::optional<api_error> {
        if (holiday_status(row) == 300) return holiday_rule("already.in.deleted.state");
        return std::nullopt;
      },
      .soft_delete = [](json& row) { row["status"] = 300; },
      .view = &holiday_view,
      .commands = {{"activate", "ACTIVATE", &activate_holiday}}};
  return k;
}

const record_kind& working_days_kind() {
  static const record_kind k{
      .collection = "workingdays",
      .entity = "WORKINGDAYS",
      .resource = "workingdays",
      .fields = {{"recurrence"},
                 {"repaymentRescheduleType", field_type::whole},
                 {"extendTermForDailyRepayments", field_type::flag},
                 {"extendTermForRepaymentsOnHolidays", field_type::flag}},
      .also_allowed = {"locale"},
      .creates = false,
      .deletes = false,
      .singleton = 1,
      .validate = &known_reschedule_type,
      .view = &working_days_view,
      .seed = {{{"id", 1},
                {"recurrence", "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR,SA,SU"},
                {"repaymentRescheduleType", 1},
                {"extendTermForDailyRepayments", false},
                {"extendTermForRepaymentsOnHolidays", false}}}};
  return k;
}

const record_kind& payment_types_kind() {
  // Fineract names the validator's resource after the entity: validation.msg.PAYMENTTYPE.*.
  static const record_kind k{.collection = "paymenttypes",
                             .entity = "PAYMENTTYPE",
                             .resource = "PAYMENTTYPE",
                             .not_found_code = "error.msg.payment.type.invalid",
                             .not_found_text = "PaymentType with {} does not exist",
                             .fields = {{"name", field_type::text, true},
                                        {"description"},
                                        {"isCashPayment", field_type::flag},
                                        {"position", field_type::whole},
                                        {"code_name"},
                                        {"system_defined", field_type::flag}},
                             .update_changes = false};
  return k;
}

}  // namespace mifos::mock::records
