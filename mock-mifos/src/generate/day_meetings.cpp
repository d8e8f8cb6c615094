// day_meetings.cpp: group lending at centers. A quarter of the borrowers of earlier days belong
// to a group under a center that meets weekly on today's weekday (formed two weeks ago, not
// delivered). Today each center meets: the loan officer records attendance (MEETING CREATE), now
// and then marks a latecomer present (MEETING SAVEORUPDATEATTENDANCE), then saves the collection
// sheet (CENTER SAVECOLLECTIONSHEET): the instalments of the members present and the savings
// some of them bring. Centers formed today get their meeting calendar (CALENDAR CREATE).
#include <algorithm>

#include "generate/day_plan.hpp"

namespace mifos::mock::day_plan {
namespace {

constexpr std::size_t kGroupSize = 8, kGroupsPerCenter = 2;

std::string center_path(std::int64_t id) { return "/centers/" + std::to_string(id); }

}  // namespace

void working_day::form_centers() {
  const std::size_t per_center = kGroupSize * kGroupsPerCenter;
  for (std::size_t first = 0, c = 0; first < center_members_.size(); first += per_center, ++c) {
    const std::size_t last = std::min(first + per_center, center_members_.size());
    form_center(c, {center_members_.begin() + static_cast<std::ptrdiff_t>(first),
                    center_members_.begin() + static_cast<std::ptrdiff_t>(last)});
  }
}

// Before the day (not delivered): the center and its groups formed 15 days ago, the weekly
// calendar starting 14 days ago, so that today is a meeting date.
void working_day::form_center(std::size_t index, const std::vector<std::size_t>& members) {
  const std::int64_t formed = -15 * kCalendarDay;
  auto center = run_command(formed, expect::success, "POST", "/centers", {},
                            requests_.group(1000 + index, formed, true));
  const std::int64_t center_id = id_of(center, "resourceId");
  if (!center_id) return;
  for (std::size_t first = 0, g = 0; first < members.size(); first += kGroupSize, ++g) {
    std::vector<std::int64_t> clients;
    for (std::size_t k = first; k < std::min(first + kGroupSize, members.size()); ++k)
      clients.push_back(people_[members[k]].client_id);
    run_command(
        formed + kMinute, expect::success, "POST", "/groups", {},
        requests_.group_in_center(1000 + index * kGroupsPerCenter + g, center_id, clients, formed));
  }
  auto calendar = run_command(-14 * kCalendarDay, expect::success, "POST",
                              center_path(center_id) + "/calendars", {},
                              requests_.center_calendar(-14 * kCalendarDay));
  const std::int64_t calendar_id = id_of(calendar, "resourceId");
  if (!calendar_id) return;
  schedule(rng_.between(30, 240) * kMinute, members.front(),
           [this, center_id, calendar_id, members](std::int64_t t, person&) {
             hold_center_meeting(t, center_id, calendar_id, members);
           });
}

// One member in ten is absent; in three meetings in ten with an absence, one absent member
// arrives late and is marked present before the sheet is saved.
void working_day::hold_center_meeting(std::int64_t t, std::int64_t center_id,
                                      std::int64_t calendar_id, std::vector<std::size_t> members) {
  std::vector<attendance> who;
  std::vector<std::size_t> present, absent;
  for (std::size_t i : members) {
    const bool here = !rng_.chance(0.1);
    who.push_back({people_[i].client_id, here});
    (here ? present : absent).push_back(i);
  }
  auto meeting = run_command(t, expect::success, "POST", center_path(center_id) + "/meetings", {},
                             requests_.meeting(t, calendar_id, who));
  const std::int64_t meeting_id = id_of(meeting, "resourceId");
  if (!meeting_id) return;
  std::int64_t sheet_at = t + rng_.between(20, 40) * kMinute;
  if (!absent.empty() && rng_.chance(0.3)) {
    const std::size_t late = absent[rng_.below(absent.size())];
    const std::int64_t late_at = t + rng_.between(5, 15) * kMinute;
    schedule(late_at, late, [this, center_id, meeting_id, late](std::int64_t t2, person&) {
      run_command(t2, expect::success, "POST",
                  center_path(center_id) + "/meetings/" + std::to_string(meeting_id),
                  {{"command", "saveOrUpdateAttendance"}},
                  requests_.attendance_update({{people_[late].client_id, true}}));
    });
    present.push_back(late);
  }
  schedule(sheet_at, members.front(),
           [this, center_id, calendar_id, present](std::int64_t t2, person&) {
             save_collection_sheet(t2, center_id, calendar_id, present);
           });
}

// Every member present repays the instalment; half of them bring 10 to 100 of savings.
void working_day::save_collection_sheet(std::int64_t t, std::int64_t center_id,
                                        std::int64_t calendar_id,
                                        const std::vector<std::size_t>& present) {
  std::vector<sheet_line> repayments, deposits;
  for (std::size_t i : present) {
    const person& p = people_[i];
    repayments.push_back({p.loan_id, p.installment});
    if (p.savings_active && rng_.chance(0.5))
      deposits.push_back({p.savings_id, 10.0 * static_cast<double>(rng_.between(1, 10))});
  }
  auto r = run_command(t, expect::success, "POST", center_path(center_id),
                       {{"command", "saveCollectionSheet"}},
                       requests_.collection_sheet(t, calendar_id, repayments, deposits));
  if (r.status != 200) return;
  for (const auto& d : deposits)
    for (std::size_t i : present)
      if (people_[i].savings_id == d.account_id) people_[i].savings_balance += d.amount;
}

// A center formed today gets its weekly meeting calendar, starting today.
void working_day::give_calendar(std::int64_t t, std::int64_t center_id) {
  run_command(t, expect::success, "POST", center_path(center_id) + "/calendars", {},
              requests_.center_calendar(t));
}

}  // namespace mifos::mock::day_plan
