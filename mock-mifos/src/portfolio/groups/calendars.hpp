// calendars.hpp: calendars and meetings of groups, centers, clients and loans
// (/{entityType}/{entityId}/calendars: CALENDAR CREATE/UPDATE/DELETE, calendars.cpp;
// /{entityType}/{entityId}/meetings: MEETING CREATE/UPDATE/DELETE/SAVEORUPDATEATTENDANCE,
// meetings.cpp), as Fineract's CalendarWritePlatformServiceJpaRepositoryImpl and
// MeetingWritePlatformServiceJpaRepositoryImpl run them.
//
//   if (const calendar* c = collection_calendar_of(s, center_id)) ...   // the center's meetings
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/rest_call.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// The collection calendar (type 1) of the group or center `id`, or nullptr.
const calendar* collection_calendar_of(const state& s, entity_id id);

// GET .../calendars/{id}: CalendarData's keys the mock knows.
nlohmann::ordered_json calendar_json(const state& s, const calendar& c);

// Whether `date` is one of the calendar's meeting dates (its start date, then every
// interval-th day, week, month or year after it; weekly ones on repeatsOnDay).
bool is_meeting_date(const calendar& c, const local_date& date);

// /{groups|centers|clients|loans}/{id}/calendars[/{calendarId}]; nullopt for other paths.
std::optional<rest_outcome> route_calendars(state& s, const rest_call& call,
                                            const std::vector<std::string>& p);
// /{groups|centers|clients}/{id}/meetings[/{meetingId}]; nullopt for other paths.
std::optional<rest_outcome> route_meetings(state& s, const rest_call& call,
                                           const std::vector<std::string>& p);

}  // namespace mifos::mock::detail
