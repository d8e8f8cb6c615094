// meetings.cpp: POST /{groups|centers|clients}/{id}/meetings (MEETING CREATE), PUT and DELETE
// .../meetings/{meetingId} (UPDATE, DELETE), POST .../meetings/{meetingId}?command=
// saveOrUpdateAttendance (SAVEORUPDATEATTENDANCE) and the GETs, as Fineract's
// MeetingWritePlatformServiceJpaRepositoryImpl and MeetingDataValidator do them: a meeting is
// held on one of its calendar's dates, once per date, with the attendance of the entity's clients.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "portfolio/groups/calendars.hpp"
#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// MeetingDataValidator.MEETING_REQUEST_DATA_PARAMETERS
constexpr std::string_view kMeetingParameters[] = {"meetingDate", "locale", "dateFormat",
                                                   "calendarId", "clientsAttendance"};

constexpr std::array<const char*, 6> kAttendance = {"INVALID",  "PRESENT", "ABSENT",
                                                    "APPROVED", "LEAVE",   "LATE"};

api_error meeting_not_found(entity_id id) {
  return api_error::not_found("error.msg.meeting.id.invalid",
                              "Meeting with identifier " + std::to_string(id) + " does not exist",
                              id);
}

// clientsAttendance [{clientId, attendanceType}], each > 0 (validateAttendanceDetails).
std::vector<std::pair<entity_id, int>> read_attendance(field_reader& in) {
  std::vector<std::pair<entity_id, int>> list;
  const json* array = in.find("clientsAttendance");
  if (array == nullptr || !array->is_array()) return list;
  for (std::size_t i = 0; i < array->size(); ++i) {
    field_reader item = in.nested((*array)[i], "clientsAttendance[" + std::to_string(i) + "].");
    auto client_id = item.id("clientId");
    auto type = item.id("attendanceType");
    in.absorb(item);
    if (client_id && type)
      list.emplace_back(*client_id, static_cast<int>(std::min<std::int64_t>(*type, 5)));
  }
  return list;
}

// The clients of a group meeting must be its members; of a center meeting, members of its
// groups (getClientsAttendance).
std::optional<api_error> check_attendance(const state& s, const meeting& m,
                                          const std::vector<std::pair<entity_id, int>>& list) {
  for (const auto& [client_id, type] : list) {
    auto c = s.clients.find(client_id);
    if (c == s.clients.end()) return client_not_found(client_id);
    if (m.entity_type == 2 && c->second.group_id != m.entity_id) {
      return api_error::domain_rule("error.msg.group.client.not.in.group",
                                    "Client with identifier " + std::to_string(client_id) +
                                        " is not in Group with identifier " +
                                        std::to_string(m.entity_id));
    }
    if (m.entity_type == 4) {
      auto g = c->second.group_id ? s.groups.find(*c->second.group_id) : s.groups.end();
      if (g == s.groups.end() || g->second.center_id != m.entity_id) {
        return api_error::domain_rule("error.msg.client.not.in.center",
                                      "Client with identifier " + std::to_string(client_id) +
                                          " is not in center " + std::to_string(m.entity_id));
      }
    }
  }
  return std::nullopt;
}

api_error not_a_meeting_date(const std::string& message) {
  return api_error::domain_rule("error.msg.calendar.meeting.not.valid.recurring.date", message);
}

std::string iso(const local_date& d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
  return text;
}

std::optional<api_error> duplicate_date(const state& s, const meeting& m) {
  for (const auto& [id, other] : s.meetings) {
    if (id != m.id && other.calendar_id == m.calendar_id && other.date == m.date) {
      return api_error::domain_rule("error.msg.meeting.duplicate",
                                    "A meeting with date '" + iso(m.date) + "' already exists");
    }
  }
  return std::nullopt;
}

json result_for(const meeting& m, std::optional<json> changes = std::nullopt) {
  result_fields r{.resource_id = m.id, .changes = std::move(changes)};
  // Fineract names the group for group meetings only (CalendarEntityType.isGroup).
  if (m.entity_type == 2) r.group_id = m.entity_id;
  return r.to_json();
}

// The calendar `calendar_id` of the entity, or the 404s Fineract answers.
std::variant<const calendar*, api_error> calendar_for(const state& s, entity_id calendar_id,
                                                      entity_id owner, const char* type_name) {
  auto it = s.calendars.find(calendar_id);
  if (it == s.calendars.end()) {
    return api_error::not_found(
        "error.msg.calendar.id.invalid",
        "Calendar with identifier " + std::to_string(calendar_id) + " does not exist", calendar_id);
  }
  if (it->second.entity_id != owner) {
    return api_error::not_found(
        std::string("error.msg.calendar.instance.for.") + type_name + "not.found",
        "No Calendar Instance details found for group with identifier " + std::to_string(owner) +
            " and calendar with identifier " + std::to_string(calendar_id),
        owner);
  }
  return &it->second;
}

json changes_of(const std::vector<std::pair<entity_id, int>>& list, meeting& m) {
  json attendance = json::object();
  for (const auto& [client_id, type] : list) {
    auto old = m.attendance.find(client_id);
    if (old != m.attendance.end() && old->second == type) continue;
    m.attendance[client_id] = type;
    attendance[std::to_string(client_id)] = {{"clientId", client_id}, {"attendanceType", type}};
  }
  return {{"clientsAttendance", attendance}};
}

struct meeting_path {
  int type;
  const char* type_name;
};

std::optional<meeting_path> path_kind(const std::string& segment) {
  if (segment == "groups") return meeting_path{2, "groups"};
  if (segment == "centers") return meeting_path{4, "centers"};
  if (segment == "clients") return meeting_path{1, "clients"};
  return std::nullopt;
}

answer create_meeting(state& s, const meeting_path& k, entity_id owner, const json& body) {
  field_reader in(body, "meeting");
  if (!in.only(kMeetingParameters)) return in.error();
  auto date = in.date("meetingDate");
  auto calendar_id = in.id("calendarId");
  auto attendance = read_attendance(in);
  if (!in.ok()) return in.error();
  auto found = calendar_for(s, *calendar_id, owner, k.type_name);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  const calendar& c = *std::get<const calendar*>(found);
  if (!is_meeting_date(c, *date)) {
    return not_a_meeting_date("The date '" + iso(*date) + "' is not a valid meeting date.");
  }
  meeting m{0, c.id, owner, c.entity_type, *date, {}};
  if (auto e = check_attendance(s, m, attendance)) return *e;
  if (auto e = duplicate_date(s, m)) return *e;
  for (const auto& [client_id, type] : attendance) m.attendance[client_id] = type;
  m.id = s.meeting_ids.take();
  s.meetings[m.id] = m;
  return result_for(m);
}

answer update_meeting(state& s, const meeting_path& k, entity_id owner, entity_id id,
                      const json& body) {
  field_reader in(body, "meeting");
  if (!in.only(kMeetingParameters)) return in.error();
  auto date = in.date("meetingDate", false);
  auto calendar_id = in.id("calendarId", false);
  read_attendance(in);
  if (!in.ok()) return in.error();
  // Fineract finds the calendar instance from calendarId first (a missing one is a 404).
  auto found = calendar_for(s, calendar_id.value_or(0), owner, k.type_name);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  auto it = s.meetings.find(id);
  if (it == s.meetings.end()) return meeting_not_found(id);
  meeting& m = it->second;
  json changes = json::object();
  if (date && *date != m.date) {
    if (!is_meeting_date(s.calendars.at(m.calendar_id), *date)) {
      return not_a_meeting_date("Not a valid meeting date");
    }
    meeting moved = m;
    moved.date = *date;
    if (auto e = duplicate_date(s, moved)) return *e;
    m.date = *date;
    changes["meetingDate"] = value_text(body.at("meetingDate"));
    changes["dateFormat"] = value_text(body.at("dateFormat"));
    changes["locale"] = value_text(body.at("locale"));
  }
  return result_for(m, changes);
}

answer save_attendance(state& s, entity_id id, const json& body) {
  field_reader in(body, "meeting");
  if (!in.only(kMeetingParameters)) return in.error();
  auto attendance = read_attendance(in);
  if (!in.ok()) return in.error();
  auto it = s.meetings.find(id);
  if (it == s.meetings.end()) return meeting_not_found(id);
  meeting& m = it->second;
  if (auto e = check_attendance(s, m, attendance)) return *e;
  return result_for(m, changes_of(attendance, m));
}

json meeting_json(const state& s, const meeting& m) {
  json attendance = json::array();
  for (const auto& [client_id, type] : m.attendance) {
    json entry = {{"clientId", client_id}};
    if (auto c = s.clients.find(client_id); c != s.clients.end()) {
      entry["clientName"] = c->second.display_name();
    }
    std::string code = kAttendance[type];
    for (char& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    entry["attendanceType"] = {
        {"id", type}, {"code", "attendanceType." + code}, {"value", kAttendance[type]}};
    attendance.push_back(entry);
  }
  return {{"id", m.id},
          {"meetingDate", date_json(m.date)},
          {"calendarId", m.calendar_id},
          {"clientsAttendance", attendance}};
}

}  // namespace

std::optional<rest_outcome> route_meetings(state& s, const rest_call& call, const segments& p) {
  if (p.size() < 3 || p.size() > 4 || p[2] != "meetings") return std::nullopt;
  auto kind = path_kind(p[0]);
  auto owner = parse_id(p[1]);
  if (!kind || !owner) return std::nullopt;
  const meeting_path k = *kind;
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "MEETING", "CREATE",
                         [&](const json& body) { return create_meeting(s, k, *owner, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, m] : s.meetings) {
      if (m.entity_id == *owner) list.push_back(meeting_json(s, m));
    }
    return read_outcome(list);
  }
  if (p[3] == "template") return std::nullopt;
  auto id = parse_id(p[3]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "MEETING", "UPDATE",
                       [&](const json& body) { return update_meeting(s, k, *owner, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "MEETING", "DELETE", [&](const json&) -> answer {
      if (s.meetings.erase(*id) == 0) return meeting_not_found(*id);
      return result_fields{.resource_id = *id}.to_json();
    });
  }
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command == nullptr || *command != "saveOrUpdateAttendance") {
      return unsupported_command(call);
    }
    return run_command(call, "MEETING", "SAVEORUPDATEATTENDANCE",
                       [&](const json& body) { return save_attendance(s, *id, body); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.meetings.find(*id);
  if (it == s.meetings.end() || it->second.entity_id != *owner) {
    return read_outcome(meeting_not_found(*id));
  }
  return read_outcome(meeting_json(s, it->second));
}

}  // namespace mifos::mock::detail
