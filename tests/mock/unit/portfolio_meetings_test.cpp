// Group roles, client transfers between groups, calendars and meetings.
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

std::string group_path(std::int64_t id) { return "/groups/" + std::to_string(id); }

// An active group (from 15 May 2013) of `office_id` with `members`; returns its id.
std::int64_t new_group(portfolio& p, json members, std::int64_t office_id = 1) {
  auto out = call(p, post("/groups", dated({{"officeId", office_id},
                                            {"name", "Sunrise"},
                                            {"active", true},
                                            {"activationDate", "15 May 2013"},
                                            {"clientMembers", std::move(members)}})));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  return out.body["resourceId"].get<std::int64_t>();
}

rest_outcome group_command(portfolio& p, std::int64_t id, const std::string& name, json body,
                           query q = {}) {
  q["command"] = name;
  return call(p, post(group_path(id), std::move(body), std::move(q)));
}

json weekly(const char* start = "20 May 2013") {
  return dated({{"title", "Monday collection"},
                {"startDate", start},
                {"typeId", 1},
                {"repeating", true},
                {"frequency", 2},
                {"interval", 1},
                {"repeatsOnDay", 1}});
}

// --- roles ----------------------------------------------------------------------------------

TEST(PortfolioGroupRoles, AssignAnswersGroupClientAndRoleIdAndShowsInAssociations) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto group = new_group(p, json::array({client}));
  auto out = group_command(p, group, "assignRole", {{"role", 8}, {"clientId", client}});
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"groupId":1,"clientId":1,"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "ASSIGNROLE");
  auto g = call(p, get(group_path(group), {{"associations", "groupRoles"}})).body;
  EXPECT_EQ(
      g["groupRoles"].dump(),
      R"([{"id":1,"role":{"id":8,"name":"Leader","active":false,"mandatory":false},"clientId":1,"clientName":"Petra Yton"}])");
  EXPECT_FALSE(call(p, get(group_path(group))).body.contains("groupRoles"));
}

TEST(PortfolioGroupRoles, AssignRefusesAClientOutsideTheGroupAndATwin) {
  portfolio p;
  const auto member = new_client(p, true);
  const auto outsider = new_client(p, true);
  const auto group = new_group(p, json::array({member}));
  expect_refused(group_command(p, group, "assignRole", {{"role", 8}, {"clientId", outsider}}), 403,
                 "error.msg.group.client.not.in.group");
  group_command(p, group, "assignRole", {{"role", 8}, {"clientId", member}});
  expect_refused(group_command(p, group, "assignRole", {{"role", 8}, {"clientId", member}}), 403,
                 "error.msg.group.role.already.exists");
  expect_refused(group_command(p, group, "assignRole", {{"clientId", member}}), 400,
                 "validation.msg.grouprole.role.cannot.be.blank");
}

TEST(PortfolioGroupRoles, UpdateNamesTheChangeAndUnassignRemovesTheRole) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto group = new_group(p, json::array({client}));
  group_command(p, group, "assignRole", {{"role", 8}, {"clientId", client}});
  auto out = group_command(p, group, "updateRole", {{"role", 9}}, {{"roleId", "1"}});
  EXPECT_EQ(out.body.dump(), R"({"groupId":1,"resourceId":1,"changes":{"role":9}})");
  expect_refused(group_command(p, group, "updateRole", {{"role", 9}}, {{"roleId", "7"}}), 404,
                 "error.msg.group.role.id.invalid");
  out = group_command(p, group, "unassignRole", json::object(), {{"roleId", "1"}});
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  expect_refused(group_command(p, group, "unassignRole", json::object(), {{"roleId", "1"}}), 404,
                 "error.msg.group.role.id.invalid");
}

// --- transfers ------------------------------------------------------------------------------

TEST(PortfolioGroupTransfers, MovesTheClientAndTakesTheDestinationsOfficer) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto source = new_group(p, json::array({client}));
  const auto destination = new_group(p, json::array());
  const auto officer = new_staff(p);
  group_command(p, destination, "assignStaff", {{"staffId", officer}});
  auto out = group_command(
      p, source, "transferClients",
      {{"destinationGroupId", destination}, {"clients", json::array({{{"id", client}}})}});
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  EXPECT_EQ(call(p, get(group_path(source))).body["clientMembers"].size(), 0u);
  EXPECT_EQ(call(p, get(group_path(destination))).body["clientMembers"][0]["id"], client);
  EXPECT_EQ(call(p, get(client_path(client))).body["staffId"], officer);
}

TEST(PortfolioGroupTransfers, RefusesTheSameGroupAnotherOfficeAndANonMember) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto source = new_group(p, json::array({client}));
  const json clients = {{"clients", json::array({{{"id", client}}})}};
  json body = clients;
  body["destinationGroupId"] = source;
  expect_refused(group_command(p, source, "transferClients", body), 403,
                 "error.msg.groups.bulk.client.transfers.to.same.group");
  body["destinationGroupId"] = new_group(p, json::array(), new_office(p));
  expect_refused(group_command(p, source, "transferClients", body), 403,
                 "error.msg.groups.bulk.client.transfers.to.different.office");
  body["destinationGroupId"] = new_group(p, json::array());
  body["clients"] = json::array({{{"id", new_client(p, true)}}});
  expect_refused(group_command(p, source, "transferClients", body), 403,
                 "error.msg.group.client.not.in.group");
  expect_refused(group_command(p, source, "transferClients", clients), 400,
                 "validation.msg.group.destinationGroupId.cannot.be.blank");
}

// --- calendars ------------------------------------------------------------------------------

TEST(PortfolioCalendars, CreateAnswersTheGroupAndShowsAsTheCollectionCalendar) {
  portfolio p;
  const auto group = new_group(p, json::array({new_client(p, true)}));
  auto out = call(p, post(group_path(group) + "/calendars", weekly()));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"groupId":1,"resourceId":1})");
  auto c = call(p, get(group_path(group) + "/calendars/1")).body;
  EXPECT_EQ(c["recurrence"], "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO");
  EXPECT_EQ(c["startDate"].dump(), "[2013,5,20]");
  EXPECT_EQ(c["entityType"]["code"], "calendarEntityType.groups");
  auto g = call(p, get(group_path(group), {{"associations", "collectionMeetingCalendar"}})).body;
  EXPECT_EQ(g["collectionMeetingCalendar"]["id"], 1);
}

TEST(PortfolioCalendars, CreateRefusesAStartBeforeActivationAndASecondCollectionCalendar) {
  portfolio p;
  const auto group = new_group(p, json::array());
  expect_refused(call(p, post(group_path(group) + "/calendars", weekly("10 May 2013"))), 400,
                 "validation.msg.calendar.cannot.be.before.groups.activation.date");
  call(p, post(group_path(group) + "/calendars", weekly()));
  expect_refused(call(p, post(group_path(group) + "/calendars", weekly())), 400,
                 "validation.msg.calendar.multiple.collection.calendar.not.supported");
  expect_refused(call(p, post(group_path(group) + "/calendars",
                              dated({{"startDate", "20 May 2013"}, {"typeId", 1}}))),
                 400, "validation.msg.calendar.title.cannot.be.blank");
}

TEST(PortfolioCalendars, UpdateNamesTheChangesAndDeleteRemovesIt) {
  portfolio p;
  const auto group = new_group(p, json::array());
  call(p, post(group_path(group) + "/calendars", weekly()));
  auto out = put_call(p, group_path(group) + "/calendars/1",
                      {{"title", "Tuesday collection"},
                       {"repeatsOnDay", 2},
                       {"repeating", true},
                       {"frequency", 2}});
  EXPECT_EQ(
      out.body.dump(),
      R"({"resourceId":1,"changes":{"title":"Tuesday collection","recurrence":"FREQ=WEEKLY;INTERVAL=1;BYDAY=TU"}})");
  EXPECT_EQ(delete_call(p, group_path(group) + "/calendars/1").body.dump(), R"({"resourceId":1})");
  expect_refused(delete_call(p, group_path(group) + "/calendars/1"), 404,
                 "error.msg.calendar.id.invalid");
}

// --- meetings -------------------------------------------------------------------------------

TEST(PortfolioMeetings, CreateOnAMeetingDateRecordsAttendance) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto group = new_group(p, json::array({client}));
  call(p, post(group_path(group) + "/calendars", weekly()));
  auto out = call(p, post(group_path(group) + "/meetings",
                          dated({{"meetingDate", "27 May 2013"},
                                 {"calendarId", 1},
                                 {"clientsAttendance",
                                  json::array({{{"clientId", client}, {"attendanceType", 1}}})}})));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"groupId":1,"resourceId":1})");
  auto m = call(p, get(group_path(group) + "/meetings/1")).body;
  EXPECT_EQ(m["meetingDate"].dump(), "[2013,5,27]");
  EXPECT_EQ(m["clientsAttendance"][0]["attendanceType"]["value"], "PRESENT");
}

TEST(PortfolioMeetings, CreateRefusesADayTheCalendarDoesNotMeetAndATwin) {
  portfolio p;
  const auto group = new_group(p, json::array());
  call(p, post(group_path(group) + "/calendars", weekly()));
  const auto at = [](const char* date) {
    return dated({{"meetingDate", date}, {"calendarId", 1}});
  };
  expect_refused(call(p, post(group_path(group) + "/meetings", at("28 May 2013"))), 403,
                 "error.msg.calendar.meeting.not.valid.recurring.date");
  call(p, post(group_path(group) + "/meetings", at("03 June 2013")));
  expect_refused(call(p, post(group_path(group) + "/meetings", at("03 June 2013"))), 403,
                 "error.msg.meeting.duplicate");
  expect_refused(call(p, post(group_path(group) + "/meetings",
                              dated({{"meetingDate", "03 June 2013"}, {"calendarId", 9}}))),
                 404, "error.msg.calendar.id.invalid");
}

TEST(PortfolioMeetings, AttendanceNamesWhatChangedAndUpdateMovesTheDate) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto group = new_group(p, json::array({client}));
  call(p, post(group_path(group) + "/calendars", weekly()));
  call(p, post(group_path(group) + "/meetings",
               dated({{"meetingDate", "27 May 2013"}, {"calendarId", 1}})));
  auto out = call(
      p, post(group_path(group) + "/meetings/1",
              {{"clientsAttendance", json::array({{{"clientId", client}, {"attendanceType", 2}}})}},
              {{"command", "saveOrUpdateAttendance"}}));
  EXPECT_EQ(
      out.body.dump(),
      R"({"groupId":1,"resourceId":1,"changes":{"clientsAttendance":{"1":{"clientId":1,"attendanceType":2}}}})");
  out = put_call(p, group_path(group) + "/meetings/1",
                 dated({{"calendarId", 1}, {"meetingDate", "03 June 2013"}}));
  EXPECT_EQ(
      out.body.dump(),
      R"({"groupId":1,"resourceId":1,"changes":{"meetingDate":"03 June 2013","dateFormat":"dd MMMM yyyy","locale":"en"}})");
  EXPECT_EQ(delete_call(p, group_path(group) + "/meetings/1").body.dump(), R"({"resourceId":1})");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
