// calendars.cpp: POST /{groups|centers|clients|loans}/{id}/calendars (CALENDAR CREATE), PUT and
// DELETE .../calendars/{calendarId} (UPDATE, DELETE) and the GETs, as Fineract's
// CalendarWritePlatformServiceJpaRepositoryImpl and CalendarCommandFromApiJsonDeserializer do
// them. A group or center has at most one collection calendar (a group under a center uses the
// center's); the collection sheets and meetings read it.
#include "portfolio/groups/calendars.hpp"

#include <array>
#include <chrono>
#include <string>

#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// CalendarSupportedParameters.
constexpr std::string_view kCalendarParameters[] = {"id",
                                                    "entityType",
                                                    "entityId",
                                                    "title",
                                                    "description",
                                                    "location",
                                                    "startDate",
                                                    "endDate",
                                                    "createdDate",
                                                    "duration",
                                                    "typeId",
                                                    "repeating",
                                                    "remindById",
                                                    "firstReminder",
                                                    "secondReminder",
                                                    "locale",
                                                    "dateFormat",
                                                    "frequency",
                                                    "interval",
                                                    "repeatsOnDay",
                                                    "reschedulebasedOnMeetingDates",
                                                    "presentMeetingDate",
                                                    "newMeetingDate",
                                                    "meetingtime",
                                                    "timeFormat",
                                                    "repeatsOnNthDayOfMonth",
                                                    "repeatsOnLastWeekdayOfMonth",
                                                    "repeatsOnDayOfMonth"};

// CalendarEntityType for a path's first segment.
struct entity_kind {
  const char* segment;
  int type;
  const char* name;  // lower-case enum name, as Fineract's messages print it
};
constexpr std::array<entity_kind, 4> kEntityKinds = {{{"clients", 1, "clients"},
                                                      {"groups", 2, "groups"},
                                                      {"loans", 3, "loans"},
                                                      {"centers", 4, "centers"}}};

const entity_kind* kind_of(const std::string& segment) {
  for (const auto& k : kEntityKinds) {
    if (segment == k.segment) return &k;
  }
  return nullptr;
}

constexpr std::array<const char*, 5> kTypeNames = {"", "COLLECTION", "TRAINING", "AUDIT",
                                                   "GENERAL"};
constexpr std::array<const char*, 5> kFrequencyNames = {"", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
constexpr std::array<const char*, 8> kDayNames = {"", "MO", "TU", "WE", "TH", "FR", "SA", "SU"};
constexpr std::array<const char*, 8> kDayWords = {"",         "monday", "tuesday",  "wednesday",
                                                  "thursday", "friday", "saturday", "sunday"};

json option(long id, std::string code, std::string value) {
  return {{"id", id}, {"code", std::move(code)}, {"value", std::move(value)}};
}

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

// Fineract's RRULE text: FREQ=WEEKLY;INTERVAL=1;BYDAY=MO.
std::string recurrence(const calendar& c) {
  if (!c.repeating) return "";
  std::string rule = std::string("FREQ=") + kFrequencyNames[c.frequency] +
                     ";INTERVAL=" + std::to_string(c.interval);
  if (c.frequency == 2 && c.repeats_on_day)
    rule += std::string(";BYDAY=") + kDayNames[*c.repeats_on_day];
  return rule;
}

std::chrono::sys_days days_of(const local_date& d) {
  return std::chrono::sys_days(std::chrono::year_month_day(
      std::chrono::year(d.year), std::chrono::month(static_cast<unsigned>(d.month)),
      std::chrono::day(static_cast<unsigned>(d.day))));
}

// 1 Monday .. 7 Sunday.
int weekday_of(const local_date& d) {
  const unsigned iso = std::chrono::weekday(days_of(d)).iso_encoding();
  return static_cast<int>(iso);
}

api_error calendar_not_found(entity_id id) {
  return api_error::not_found("error.msg.calendar.id.invalid",
                              "Calendar with identifier " + std::to_string(id) + " does not exist",
                              id);
}

// The entity a path names, with the date its calendars may start from (nullopt: not active
// yet), or its 404.
struct owner {
  std::optional<local_date> since;
  const group* as_group = nullptr;
};
std::variant<owner, api_error> find_owner(state& s, const entity_kind& k, entity_id id) {
  switch (k.type) {
    case 1: {
      const client* c = s.find_client(id);
      if (c == nullptr) return client_not_found(id);
      return owner{c->activation_date};
    }
    case 3: {
      const loan* l = s.find_loan(id);
      if (l == nullptr) return loan_not_found(id);
      return owner{l->approved_on.value_or(l->submitted_on)};
    }
    default: {
      // Fineract looks groups and centers up alike and takes the type from what it finds.
      auto it = s.groups.find(id);
      if (it == s.groups.end()) return group_not_found(id, k.type == 4);
      return owner{it->second.activation_date, &it->second};
    }
  }
}

// The calendar fields of a create or update body; `required` on create.
struct calendar_fields {
  std::optional<std::string> title, description, location;
  std::optional<local_date> start_date, end_date;
  std::optional<std::int64_t> type_id, frequency, interval, repeats_on_day;
  std::optional<bool> repeating;
};

calendar_fields read_fields(field_reader& in, bool create) {
  calendar_fields f;
  f.title = in.text("title", create);
  if (f.title && f.title->size() > 50) {
    in.fail_rule("title", "exceeds.max.length", "The parameter `title` exceeds max length of 50.",
                 *f.title);
  }
  f.description = in.text("description", false);
  f.location = in.text("location", false);
  f.start_date = in.date("startDate", create);
  f.end_date = in.date("endDate", false);
  f.type_id = in.whole("typeId", create);
  if (f.type_id && (*f.type_id < 1 || *f.type_id > 4)) {
    in.fail_rule("typeId", "is.not.within.expected.range",
                 "The parameter `typeId` must be between 1 and 4.", *f.type_id);
  }
  f.repeating = in.flag("repeating", false);
  if (f.repeating.value_or(false)) {
    f.frequency = in.whole("frequency");
    if (f.frequency && (*f.frequency < 1 || *f.frequency > 4)) {
      in.fail_rule("frequency", "is.not.within.expected.range",
                   "The parameter `frequency` must be between 1 and 4.", *f.frequency);
    }
    f.interval = in.id("interval", false);
    if (f.frequency == 2) {
      f.repeats_on_day = in.whole("repeatsOnDay");
      if (f.repeats_on_day && (*f.repeats_on_day < 1 || *f.repeats_on_day > 7)) {
        in.fail_rule("repeatsOnDay", "is.not.within.expected.range",
                     "The parameter `repeatsOnDay` must be between 1 and 7.", *f.repeats_on_day);
      }
    }
  }
  return f;
}

// A group's collection calendar lives on its center when it has one.
entity_id collection_owner(const group& g) { return g.center_id.value_or(g.id); }

answer create_calendar(state& s, const entity_kind& k, entity_id id, const json& body) {
  field_reader in(body, "calendar");
  if (!in.only(kCalendarParameters)) return in.error();
  const calendar_fields f = read_fields(in, true);
  if (!in.ok()) return in.error();
  auto found = find_owner(s, k, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  const owner& o = std::get<owner>(found);
  const int type = o.as_group != nullptr ? (o.as_group->is_center ? 4 : 2) : k.type;
  field_reader rules(body, "calendar");
  if (!o.since || *f.start_date < *o.since) {
    const std::string type_name = type == 4 ? "centers" : type == 2 ? "groups" : k.name;
    const std::string postfix = "cannot.be.before." + type_name + ".activation.date";
    rules.fail("startDate", "Failed data validation due to: " + postfix + ".",
               "validation.msg.calendar." + postfix, value_text(body.at("startDate")));
  }
  if (o.as_group != nullptr && collection_calendar_of(s, collection_owner(*o.as_group))) {
    rules.fail("id", "Failed data validation due to: multiple.collection.calendar.not.supported.",
               "validation.msg.calendar.multiple.collection.calendar.not.supported");
  }
  if (!rules.ok()) return rules.error();
  calendar c;
  c.id = s.calendar_ids.take();
  c.entity_id = id;
  c.entity_type = type;
  c.title = *f.title;
  c.description = f.description;
  c.location = f.location;
  c.start_date = *f.start_date;
  c.end_date = f.end_date;
  c.type_id = static_cast<int>(*f.type_id);
  c.repeating = f.repeating.value_or(false);
  if (c.repeating) {
    c.frequency = static_cast<int>(*f.frequency);
    c.interval = static_cast<int>(f.interval.value_or(1));
    if (f.repeats_on_day) c.repeats_on_day = static_cast<int>(*f.repeats_on_day);
  }
  s.calendars[c.id] = c;
  result_fields r{.resource_id = c.id};
  if (type == 1) r.client_id = id;
  if (type == 2 || type == 4) r.group_id = id;
  if (type == 3) r.loan_id = id;
  return r.to_json();
}

answer update_calendar(state& s, const entity_kind& k, entity_id id, entity_id calendar_id,
                       const json& body) {
  if (k.type == 2 || k.type == 4) {
    // validateIsEditMeetingAllowed: a group under a center does not edit the center's meeting.
    auto it = s.groups.find(id);
    if (it == s.groups.end()) return group_not_found(id, k.type == 4);
    const group& g = it->second;
    if (!g.is_center && g.center_id && collection_calendar_of(s, *g.center_id)) {
      return state_rule(
          "validation.msg.calendar.meeting.created.at.center.cannot.be.edited.at."
          "group.level",
          "Failed data validation due to: meeting.created.at.center.cannot.be."
          "edited.at.group.level.");
    }
  }
  field_reader in(body, "calendar");
  if (!in.only(kCalendarParameters)) return in.error();
  const calendar_fields f = read_fields(in, false);
  if (!in.ok()) return in.error();
  auto it = s.calendars.find(calendar_id);
  if (it == s.calendars.end()) return calendar_not_found(calendar_id);
  calendar& c = it->second;
  const std::string old_rule = recurrence(c);
  json changes = json::object();
  auto text_change = [&](const char* key, const std::optional<std::string>& value, auto& field) {
    if (value && field != value) {
      changes[key] = *value;
      field = *value;
    }
  };
  if (f.title && *f.title != c.title) {
    changes["title"] = *f.title;
    c.title = *f.title;
  }
  text_change("description", f.description, c.description);
  text_change("location", f.location, c.location);
  if (f.start_date && *f.start_date != c.start_date) {
    changes["startDate"] = value_text(body.at("startDate"));
    c.start_date = *f.start_date;
  }
  if (f.end_date && f.end_date != c.end_date) {
    changes["endDate"] = value_text(body.at("endDate"));
    c.end_date = f.end_date;
  }
  if (f.type_id && *f.type_id != c.type_id) {
    changes["typeId"] = *f.type_id;
    c.type_id = static_cast<int>(*f.type_id);
  }
  if (f.repeating && *f.repeating != c.repeating) {
    changes["repeating"] = *f.repeating;
    c.repeating = *f.repeating;
  }
  if (f.frequency) c.frequency = static_cast<int>(*f.frequency);
  if (f.interval) c.interval = static_cast<int>(*f.interval);
  if (f.repeats_on_day) c.repeats_on_day = static_cast<int>(*f.repeats_on_day);
  if (recurrence(c) != old_rule) changes["recurrence"] = recurrence(c);
  if (!changes.empty() && changes.contains("startDate")) {
    changes["dateFormat"] = value_text(body.at("dateFormat"));
    changes["locale"] = value_text(body.at("locale"));
  }
  return result_fields{.resource_id = c.id, .changes = changes}.to_json();
}

answer delete_calendar(state& s, entity_id calendar_id) {
  if (s.calendars.erase(calendar_id) == 0) return calendar_not_found(calendar_id);
  std::erase_if(s.meetings, [&](const auto& m) { return m.second.calendar_id == calendar_id; });
  return result_fields{.resource_id = calendar_id}.to_json();
}

}  // namespace

const calendar* collection_calendar_of(const state& s, entity_id id) {
  for (const auto& [cid, c] : s.calendars) {
    if (c.entity_id == id && (c.entity_type == 2 || c.entity_type == 4) && c.type_id == 1) {
      return &c;
    }
  }
  return nullptr;
}

bool is_meeting_date(const calendar& c, const local_date& date) {
  if (date < c.start_date || (c.end_date && *c.end_date < date)) return false;
  if (!c.repeating) return date == c.start_date;
  const auto days = (days_of(date) - days_of(c.start_date)).count();
  const int months = (date.year - c.start_date.year) * 12 + (date.month - c.start_date.month);
  switch (c.frequency) {
    case 1:
      return days % c.interval == 0;
    case 2: {
      // Weekly on repeatsOnDay, counting weeks from the start date's week.
      const int day = c.repeats_on_day.value_or(weekday_of(c.start_date));
      if (weekday_of(date) != day) return false;
      const auto start_monday =
          days_of(c.start_date) - std::chrono::days(weekday_of(c.start_date) - 1);
      const auto weeks = (days_of(date) - start_monday).count() / 7;
      return weeks % c.interval == 0;
    }
    case 3:
      return date.day == c.start_date.day && months % c.interval == 0;
    default:
      return date.day == c.start_date.day && date.month == c.start_date.month &&
             (date.year - c.start_date.year) % c.interval == 0;
  }
}

json calendar_json(const state&, const calendar& c) {
  const auto& k = *kind_of(c.entity_type == 1   ? "clients"
                           : c.entity_type == 2 ? "groups"
                           : c.entity_type == 3 ? "loans"
                                                : "centers");
  std::string entity_name = lower(k.name);
  json j = {{"id", c.id},
            {"calendarInstanceId", c.id},
            {"entityId", c.entity_id},
            {"entityType", option(c.entity_type, "calendarEntityType." + entity_name,
                                  [&] {
                                    std::string upper = k.name;
                                    for (char& ch : upper) ch = static_cast<char>(std::toupper(ch));
                                    return upper;
                                  }())},
            {"title", c.title}};
  if (c.description) j["description"] = *c.description;
  if (c.location) j["location"] = *c.location;
  j["startDate"] = date_json(c.start_date);
  if (c.end_date) j["endDate"] = date_json(*c.end_date);
  j["type"] =
      option(c.type_id, "calendarType." + lower(kTypeNames[c.type_id]), kTypeNames[c.type_id]);
  j["repeating"] = c.repeating;
  if (c.repeating) {
    j["recurrence"] = recurrence(c);
    j["frequency"] =
        option(c.frequency, "calendarFrequencyType." + lower(kFrequencyNames[c.frequency]),
               kFrequencyNames[c.frequency]);
    j["interval"] = c.interval;
    if (c.repeats_on_day) {
      j["repeatsOnDay"] = option(
          *c.repeats_on_day, std::string("calendarWeekDaysType.") + kDayWords[*c.repeats_on_day],
          kDayNames[*c.repeats_on_day]);
    }
  }
  return j;
}

std::optional<rest_outcome> route_calendars(state& s, const rest_call& call, const segments& p) {
  if (p.size() < 3 || p.size() > 4 || p[2] != "calendars") return std::nullopt;
  const entity_kind* kind = kind_of(p[0]);
  auto id = parse_id(p[1]);
  if (kind == nullptr || !id) return std::nullopt;
  const entity_kind& k = *kind;
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "CALENDAR", "CREATE",
                         [&](const json& body) { return create_calendar(s, k, *id, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    auto found = find_owner(s, k, *id);
    if (auto* e = std::get_if<api_error>(&found)) return read_outcome(*e);
    json list = json::array();
    for (const auto& [cid, c] : s.calendars) {
      if (c.entity_id == *id) list.push_back(calendar_json(s, c));
    }
    return read_outcome(list);
  }
  if (p[3] == "template") return std::nullopt;
  auto calendar_id = parse_id(p[3]);
  if (!calendar_id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "CALENDAR", "UPDATE", [&](const json& body) {
      return update_calendar(s, k, *id, *calendar_id, body);
    });
  }
  if (call.method == "DELETE") {
    return run_command(call, "CALENDAR", "DELETE",
                       [&](const json&) { return delete_calendar(s, *calendar_id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.calendars.find(*calendar_id);
  if (it == s.calendars.end() || it->second.entity_id != *id) {
    return read_outcome(calendar_not_found(*calendar_id));
  }
  return read_outcome(calendar_json(s, it->second));
}

}  // namespace mifos::mock::detail
