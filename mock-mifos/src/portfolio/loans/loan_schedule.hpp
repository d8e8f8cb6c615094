// loan_schedule.hpp: a loan's repayment schedule, as GET /loans/{id}?associations=repaymentSchedule
// shows it (Fineract's LoanScheduleData): a disbursement period, then one period per repayment
// with its due date, what is due, paid and outstanding, and whether it is complete.
//
//   if (wants("repaymentSchedule")) j["repaymentSchedule"] = repayment_schedule_json(l, currency);
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// Due dates run every `repayment_every` days, weeks, months or years (the loan's frequency) from
// the disbursement date (expected, until disbursed). Interest and principal per period follow
// scheduled_interest()'s walk, so the periods add up to the loan's interest. What was paid fills
// each period's interest, then its principal, in order; waivers and write-offs follow.
nlohmann::ordered_json repayment_schedule_json(const loan& l, const std::string& currency);

}  // namespace mifos::mock::detail
