// day_scenario_test.cpp: the generated working day: same seed, same bytes; every delivery
// reads back with the SDK's parse(); time only moves forward; ids are consistent across events.
#include "generate/day_scenario.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "mifos/hooks/event.hpp"
#include "mifos/hooks/traffic.hpp"

namespace mifos::mock {
namespace {

std::vector<hooks::traffic_record> day_of(scenario_options o) {
  std::vector<hooks::traffic_record> out;
  generate_day(o, [&](const hooks::traffic_record& r) { out.push_back(r); });
  return out;
}

std::string bytes_of(const scenario_options& o) {
  std::string all;
  generate_day(o, [&](const hooks::traffic_record& r) { all += hooks::to_traffic_line(r) + "\n"; });
  return all;
}

scenario_options small_day(std::uint64_t seed = 7) {
  scenario_options o;
  o.clients = 60;
  o.seed = seed;
  return o;
}

TEST(DayScenario, TheSameSeedGivesTheSameBytes) {
  EXPECT_EQ(bytes_of(small_day(7)), bytes_of(small_day(7)));
}

TEST(DayScenario, AnotherSeedGivesAnotherDay) {
  EXPECT_NE(bytes_of(small_day(7)), bytes_of(small_day(8)));
}

TEST(DayScenario, OffsetsStayWithinTheWorkingDayAndNeverGoBack) {
  auto day = day_of(small_day());
  ASSERT_GT(day.size(), 60u);
  std::int64_t last = 0;
  for (const auto& r : day) {
    EXPECT_GE(r.offset_us, last);
    EXPECT_LT(r.offset_us, std::int64_t{9} * 3600 * 1'000'000);
    last = r.offset_us;
  }
}

TEST(DayScenario, EveryDeliveryParsesAndLoanEventsReferToLoansCreatedOrOpenedBefore) {
  std::set<std::int64_t> clients_seen_today;
  std::map<std::string, int> per_event;
  int failed = 0;
  for (const auto& r : day_of(small_day())) {
    auto line = hooks::to_traffic_line(r);
    auto back = hooks::parse_traffic_line(line);
    ASSERT_TRUE(back) << line;
    auto e = hooks::parse(back->message);
    ASSERT_TRUE(e) << e.error().reason << "\n" << line;
    EXPECT_TRUE(e->in_catalog()) << e->entity << "." << e->action;
    EXPECT_EQ(e->tenant, "default");
    ++per_event[e->entity + "." + e->action];
    if (e->failed) {
      ++failed;
      continue;
    }
    if (e->entity == "CLIENT" && e->action == "CREATE")
      clients_seen_today.insert(*e->result.client_id);
    if (e->entity == "LOAN") {
      ASSERT_TRUE(e->result.loan_id) << line;
      ASSERT_TRUE(e->result.client_id) << line;
    }
  }
  for (const char* expected : {"CLIENT.CREATE", "LOAN.REPAYMENT", "SAVINGSACCOUNT.DEPOSIT"})
    EXPECT_GT(per_event[expected], 0) << expected;
  EXPECT_FALSE(clients_seen_today.empty());
  EXPECT_GT(failed, 0) << "a day has some failed commands";
}

// Each command is planned to succeed or to fail; the portfolio must agree, day after day.
TEST(DayScenario, EveryCommandSucceedsOrFailsAsPlanned) {
  for (std::uint64_t seed : {1, 2, 7}) {
    scenario_options o = small_day(seed);
    o.clients = 300;
    auto summary = generate_day(o, [](const hooks::traffic_record&) {});
    EXPECT_GT(summary.commands, 300u);
    EXPECT_GT(summary.failed, 0u);
    // The families of deposits, client charges and center meetings appear on every day.
    for (const char* family :
         {"CENTER.SAVECOLLECTIONSHEET", "MEETING.CREATE", "CLIENTCHARGE.PAY",
          "RECURRINGDEPOSITACCOUNT.DEPOSIT", "FIXEDDEPOSITACCOUNT.CLOSE", "SHAREACCOUNT.CREATE"})
      EXPECT_GT(summary.per_event[family], 0u) << "seed " << seed << ": " << family;
    for (const auto& surprise : summary.unexpected)
      ADD_FAILURE() << "seed " << seed << ": " << surprise;
  }
}

// The counts per (entity, action) of a day of 1000 clients, and which of them failed.
struct day_counts {
  std::map<std::string, int> succeeded, failed;
};

day_counts counts_of(const scenario_options& o) {
  day_counts c;
  for (const auto& r : day_of(o)) {
    auto e = hooks::parse(r.message);
    EXPECT_TRUE(e) << e.error().reason;
    if (!e) continue;
    ++(e->failed ? c.failed : c.succeeded)[e->entity + "." + e->action];
  }
  return c;
}

TEST(DayScenario, ADayUsesTheLifecycleCommandsAndSomeOfThemFail) {
  scenario_options o = small_day(7);
  o.clients = 1000;
  day_counts c = counts_of(o);
  for (const char* expected :
       {"CLIENT.UPDATE", "CLIENT.CLOSE", "SAVINGSACCOUNT.CLOSE", "LOAN.REJECT", "LOAN.WITHDRAW",
        "LOAN.WRITEOFF", "LOAN.RECOVERYPAYMENT", "LOANCHARGE.CREATE", "LOANCHARGE.PAY",
        "LOANCHARGE.WAIVE", "LOAN.ADJUST", "ACCOUNTTRANSFER.CREATE", "SAVINGSACCOUNT.HOLDAMOUNT",
        "SAVINGSACCOUNT.RELEASEAMOUNT", "SAVINGSACCOUNT.UNDOTRANSACTION",
        "SAVINGSACCOUNT.POSTINTEREST"})
    EXPECT_GT(c.succeeded[expected], 0) << expected;
  for (const char* expected :
       {"LOAN.WRITEOFF", "CLIENT.CLOSE", "SAVINGSACCOUNT.RELEASEAMOUNT", "ACCOUNTTRANSFER.CREATE"})
    EXPECT_GT(c.failed[expected], 0) << expected;
  // The day's proportions (mock-mifos/README.md): the counter's everyday work dwarfs the rest.
  EXPECT_GT(c.succeeded["LOAN.REPAYMENT"], 10 * c.succeeded["LOAN.WRITEOFF"]);
  EXPECT_GT(c.succeeded["SAVINGSACCOUNT.DEPOSIT"], 10 * c.succeeded["CLIENT.CLOSE"]);
  EXPECT_GT(c.succeeded["LOAN.APPROVE"], c.succeeded["LOAN.REJECT"] + c.succeeded["LOAN.WITHDRAW"]);
  EXPECT_GT(c.succeeded["CLIENT.UPDATE"], c.succeeded["CLIENT.CLOSE"]);
}

TEST(DayScenario, ADayUsesDepositsSharesMeetingsAndClientCharges) {
  scenario_options o = small_day(7);
  o.clients = 1000;
  day_counts c = counts_of(o);
  for (const char* expected :
       {"FIXEDDEPOSITACCOUNT.CREATE", "FIXEDDEPOSITACCOUNT.APPROVE", "FIXEDDEPOSITACCOUNT.ACTIVATE",
        "FIXEDDEPOSITACCOUNT.CLOSE", "FIXEDDEPOSITACCOUNT.PREMATURECLOSE",
        "RECURRINGDEPOSITACCOUNT.DEPOSIT", "SHAREACCOUNT.CREATE", "SHAREACCOUNT.APPROVE",
        "SHAREACCOUNT.ACTIVATE", "SHAREACCOUNT.APPLYADDITIONALSHARES",
        "SHAREACCOUNT.APPROVEADDITIONALSHARES", "CLIENTCHARGE.CREATE", "CLIENTCHARGE.PAY",
        "CALENDAR.CREATE", "MEETING.CREATE", "MEETING.SAVEORUPDATEATTENDANCE",
        "CENTER.SAVECOLLECTIONSHEET"})
    EXPECT_GT(c.succeeded[expected], 0) << expected;
  // The proportions (mock-mifos/README.md): every center meeting saves one collection sheet;
  // deposits and shares stay well below the counter's everyday work.
  EXPECT_EQ(c.succeeded["MEETING.CREATE"], c.succeeded["CENTER.SAVECOLLECTIONSHEET"]);
  EXPECT_LE(c.succeeded["CLIENTCHARGE.PAY"], c.succeeded["CLIENTCHARGE.CREATE"]);
  EXPECT_GT(c.succeeded["SAVINGSACCOUNT.DEPOSIT"],
            10 * c.succeeded["RECURRINGDEPOSITACCOUNT.DEPOSIT"]);
  EXPECT_GT(c.succeeded["LOAN.REPAYMENT"], 10 * c.succeeded["FIXEDDEPOSITACCOUNT.CLOSE"]);
  EXPECT_GT(c.succeeded["LOAN.REPAYMENT"], 10 * c.succeeded["SHAREACCOUNT.APPLYADDITIONALSHARES"]);
}

// The loan officer records attendance before the collection sheet of the same meeting.
TEST(DayScenario, EachCenterRecordsAttendanceBeforeSavingItsCollectionSheet) {
  std::map<double, std::int64_t> meeting_at;  // calendarId -> offset
  int sheets = 0;
  for (const auto& r : day_of(small_day(7))) {
    auto e = hooks::parse(r.message);
    ASSERT_TRUE(e) << e.error().reason;
    const std::string pair = e->entity + "." + e->action;
    if (pair != "MEETING.CREATE" && pair != "CENTER.SAVECOLLECTIONSHEET") continue;
    const auto& request = e->request();
    ASSERT_TRUE(request.contains("calendarId")) << request.dump();
    const double calendar = request["calendarId"].get<double>();
    if (pair == "MEETING.CREATE") {
      ASSERT_TRUE(request.contains("clientsAttendance")) << request.dump();
      EXPECT_FALSE(request["clientsAttendance"].empty());
      meeting_at[calendar] = r.offset_us;
      continue;
    }
    ++sheets;
    ASSERT_TRUE(meeting_at.count(calendar)) << "a sheet without its meeting: " << request.dump();
    EXPECT_LT(meeting_at[calendar], r.offset_us);
    EXPECT_FALSE(request["bulkRepaymentTransactions"].empty());
  }
  EXPECT_GT(sheets, 0);
}

// On the last day of a month every open savings account has its interest posted after 16:30.
TEST(DayScenario, AtMonthEndEveryOpenSavingsAccountHasItsInterestPosted) {
  scenario_options o = small_day(7);
  o.clients = 200;
  o.month = 10;
  o.day = 31;
  auto summary = generate_day(o, [](const hooks::traffic_record&) {});
  EXPECT_TRUE(summary.unexpected.empty()) << summary.unexpected.front();
  EXPECT_GT(summary.per_event["SAVINGSACCOUNT.POSTINTEREST"], 100u);
  o.day = 30;
  summary = generate_day(o, [](const hooks::traffic_record&) {});
  EXPECT_LT(summary.per_event["SAVINGSACCOUNT.POSTINTEREST"], 20u);
}

TEST(DayScenario, TheMifosDialectSendsBareResultsAndNoFailures) {
  scenario_options o = small_day();
  o.dialect = hooks::wire_dialect::mifos;
  o.format = hooks::body_format::form;
  auto day = day_of(o);
  ASSERT_FALSE(day.empty());
  for (const auto& r : day) {
    auto e = hooks::parse(r.message);
    ASSERT_TRUE(e) << e.error().reason;
    EXPECT_EQ(e->dialect, hooks::wire_dialect::mifos);
    EXPECT_EQ(e->shape, hooks::body_shape::result);
    EXPECT_EQ(e->format, hooks::body_format::form);
    EXPECT_FALSE(e->failed);
  }
}

TEST(DayScenario, RefusesAPayloadUrlFineractWouldRefuse) {
  scenario_options o = small_day();
  o.payload_url = "http://127.0.0.1:9000/hooks";
  EXPECT_THROW(day_of(o), std::invalid_argument);
  o.payload_url = "not a url";
  EXPECT_THROW(day_of(o), std::invalid_argument);
}

}  // namespace
}  // namespace mifos::mock
