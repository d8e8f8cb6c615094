// router_test.cpp: which handlers an event reaches, in which order, and what happens when one
// throws.
#include "mifos/hooks/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "fixture.hpp"

namespace mifos::hooks {
namespace {

event make_event(std::string entity, std::string action, std::string tenant = "default") {
  event e;
  e.entity = std::move(entity);
  e.action = std::move(action);
  e.tenant = std::move(tenant);
  return e;
}

// A handler that appends `tag` to `log`.
router::handler record(std::vector<std::string>& log, std::string tag) {
  return [&log, tag](const event&) { log.push_back(tag); };
}

TEST(Router, ExactPairHandlerRunsForItsPairOnly) {
  std::vector<std::string> log;
  router r;
  r.on("LOAN", "REPAYMENT", record(log, "repayment"));
  r.dispatch(make_event("LOAN", "DISBURSE"));
  r.dispatch(make_event("CLIENT", "REPAYMENT"));
  EXPECT_TRUE(log.empty());
  r.dispatch(make_event("LOAN", "REPAYMENT"));
  EXPECT_EQ(log, (std::vector<std::string>{"repayment"}));
}

TEST(Router, EntityWildcardRunsForEveryActionOfTheEntity) {
  std::vector<std::string> log;
  router r;
  r.on("LOAN", "*", record(log, "loan"));
  r.dispatch(make_event("LOAN", "REPAYMENT"));
  r.dispatch(make_event("LOAN", "DISBURSE"));
  r.dispatch(make_event("CLIENT", "CREATE"));
  EXPECT_EQ(log, (std::vector<std::string>{"loan", "loan"}));
}

TEST(Router, OnAnyRunsForEveryEvent) {
  std::vector<std::string> log;
  router r;
  r.on_any(record(log, "any"));
  r.dispatch(make_event("LOAN", "REPAYMENT"));
  r.dispatch(make_event("LOAN", "REAGE"));
  EXPECT_EQ(log.size(), 2u);
}

TEST(Router, OnUnknownRunsOnlyForPairsNotInTheCatalog) {
  std::vector<std::string> log;
  router r;
  r.on_unknown(record(log, "unknown"));
  r.dispatch(make_event("LOAN", "REPAYMENT"));
  EXPECT_TRUE(log.empty());
  r.dispatch(make_event("LOAN", "REAGE"));
  EXPECT_EQ(log, (std::vector<std::string>{"unknown"}));
}

TEST(Router, UnknownPairIsRoutedToItsPairAndEntityHandlers) {
  std::vector<std::string> log;
  router r;
  r.on("LOAN", "REAGE", record(log, "pair")).on("LOAN", "*", record(log, "entity"));
  const auto outcome = r.dispatch(make_event("LOAN", "REAGE"));
  EXPECT_EQ(log, (std::vector<std::string>{"pair", "entity"}));
  EXPECT_EQ(outcome.handlers_run, 2u);
}

TEST(Router, DispatchOrderIsPairEntityUnknownAnyInRegistrationOrder) {
  std::vector<std::string> log;
  router r;
  r.on_any(record(log, "any1"))
      .on_unknown(record(log, "unknown1"))
      .on("LOAN", "*", record(log, "entity1"))
      .on("LOAN", "REAGE", record(log, "pair1"))
      .on_any(record(log, "any2"))
      .on("LOAN", "REAGE", record(log, "pair2"))
      .on("LOAN", "*", record(log, "entity2"))
      .on_unknown(record(log, "unknown2"));
  r.dispatch(make_event("LOAN", "REAGE"));
  EXPECT_EQ(log, (std::vector<std::string>{"pair1", "pair2", "entity1", "entity2", "unknown1",
                                           "unknown2", "any1", "any2"}));
}

TEST(Router, MatchingIgnoresCase) {
  std::vector<std::string> log;
  router r;
  r.on("loan", "repayment", record(log, "pair")).on("Loan", "*", record(log, "entity"));
  r.dispatch(make_event("LOAN", "REPAYMENT"));
  EXPECT_EQ(log, (std::vector<std::string>{"pair", "entity"}));
}

TEST(Router, LowerCaseCatalogEntityMatchesUpperCaseRegistration) {
  std::vector<std::string> log;
  router r;
  r.on("LIKELIHOOD", "UPDATE", record(log, "likelihood"));
  r.dispatch(make_event("likelihood", "UPDATE"));
  EXPECT_EQ(log.size(), 1u);
}

TEST(Router, TypedPairNameRegistersThePair) {
  std::vector<std::string> log;
  router r;
  r.on(pairs::SAVINGSACCOUNT_DEPOSIT, record(log, "deposit"));
  r.dispatch(make_event("SAVINGSACCOUNT", "DEPOSIT"));
  EXPECT_EQ(log.size(), 1u);
}

TEST(Router, OnErrorReceivesTheExceptionAndOtherHandlersStillRun) {
  std::vector<std::string> log;
  std::string caught;
  router r;
  r.on("LOAN", "REPAYMENT", [](const event&) { throw std::runtime_error("ledger down"); })
      .on("LOAN", "*", record(log, "entity"))
      .on_any(record(log, "any"))
      .on_error([&](const event& e, std::exception_ptr ex) {
        try {
          std::rethrow_exception(ex);
        } catch (const std::runtime_error& err) {
          caught = e.action + ": " + err.what();
        }
      });
  const auto outcome = r.dispatch(make_event("LOAN", "REPAYMENT"));
  EXPECT_EQ(caught, "REPAYMENT: ledger down");
  EXPECT_EQ(log, (std::vector<std::string>{"entity", "any"}));
  EXPECT_EQ(outcome.handlers_run, 3u);
  EXPECT_EQ(outcome.handlers_failed, 1u);
  EXPECT_FALSE(outcome.ok());
}

TEST(Router, NonStandardExceptionReachesOnError) {
  int errors = 0;
  router r;
  r.on_any([](const event&) { throw 42; }).on_error([&](const event&, std::exception_ptr ex) {
    try {
      std::rethrow_exception(ex);
    } catch (int v) {
      errors += v;
    }
  });
  EXPECT_NO_THROW(r.dispatch(make_event("LOAN", "REPAYMENT")));
  EXPECT_EQ(errors, 42);
}

TEST(Router, ThrowingHandlerWithoutOnErrorDoesNotEscapeDispatch) {
  router r;
  r.on_any([](const event&) { throw std::runtime_error("x"); });
  dispatch_outcome outcome;
  EXPECT_NO_THROW(outcome = r.dispatch(make_event("LOAN", "REPAYMENT")));
  EXPECT_EQ(outcome.handlers_failed, 1u);
}

TEST(Router, TenantFilterSkipsOtherTenants) {
  std::vector<std::string> log;
  router r;
  r.only_tenants({"default"}).on_any(record(log, "any"));
  const auto skipped = r.dispatch(make_event("LOAN", "REPAYMENT", "mfi-kenya"));
  EXPECT_TRUE(log.empty());
  EXPECT_TRUE(skipped.tenant_filtered);
  EXPECT_EQ(skipped.handlers_run, 0u);
  const auto ran = r.dispatch(make_event("LOAN", "REPAYMENT", "default"));
  EXPECT_EQ(log.size(), 1u);
  EXPECT_FALSE(ran.tenant_filtered);
}

TEST(Router, WithoutTenantFilterEveryTenantRuns) {
  std::vector<std::string> log;
  router r;
  r.on_any(record(log, "any"));
  r.dispatch(make_event("LOAN", "REPAYMENT", "mfi-kenya"));
  r.dispatch(make_event("LOAN", "REPAYMENT", ""));
  EXPECT_EQ(log.size(), 2u);
}

TEST(Router, TypedOverloadReadsTheRequestView) {
  std::optional<std::string> amount;
  std::optional<std::int64_t> payment_type;
  router r;
  r.on<loan_repayment_request>([&](const event&, const loan_repayment_request& req) {
    amount = req.transaction_amount;
    payment_type = req.payment_type_id;
  });
  const auto e = parse(load_fixture("deliveries/fineract17-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  r.dispatch(*e);
  EXPECT_EQ(amount, "500.00");
  EXPECT_EQ(payment_type, 12);
}

TEST(Router, TypedOverloadRunsOnlyForItsPair) {
  int calls = 0;
  router r;
  r.on<savings_deposit_request>([&](const event&, const savings_deposit_request&) { ++calls; });
  r.dispatch(make_event("SAVINGSACCOUNT", "WITHDRAWAL"));
  EXPECT_EQ(calls, 0);
  r.dispatch(make_event("savingsaccount", "deposit"));
  EXPECT_EQ(calls, 1);
}

TEST(Router, EveryRegistrationReturnsTheSameRouter) {
  router r;
  auto noop = [](const event&) {};
  EXPECT_EQ(&r.on("LOAN", "REPAYMENT", noop), &r);
  EXPECT_EQ(&r.on(pairs::LOAN_CREATE, noop), &r);
  EXPECT_EQ(&r.on<loan_create_request>([](const event&, const loan_create_request&) {}), &r);
  EXPECT_EQ(&r.on_any(noop), &r);
  EXPECT_EQ(&r.on_unknown(noop), &r);
  EXPECT_EQ(&r.on_error([](const event&, std::exception_ptr) {}), &r);
  EXPECT_EQ(&r.only_tenants({"default"}), &r);
}

TEST(Router, EmptyUntilAHandlerIsRegistered) {
  router r;
  EXPECT_TRUE(r.empty());
  r.on_unknown([](const event&) {});
  EXPECT_FALSE(r.empty());
}

TEST(Router, OutcomeCountsTheHandlersRun) {
  router r;
  r.on("LOAN", "REPAYMENT", [](const event&) {}).on_any([](const event&) {});
  const auto outcome = r.dispatch(make_event("LOAN", "REPAYMENT"));
  EXPECT_EQ(outcome.handlers_run, 2u);
  EXPECT_TRUE(outcome.ok());
}

TEST(Router, FailedDeliveriesAreRoutedLikeSuccesses) {
  int calls = 0;
  router r;
  r.on("LOAN", "DISBURSE", [&](const event& e) { calls += e.failed ? 1 : 100; });
  const auto e = parse(load_fixture("deliveries/fineract19-failure-loan-disburse.http"));
  ASSERT_TRUE(e.ok());
  r.dispatch(*e);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace mifos::hooks
