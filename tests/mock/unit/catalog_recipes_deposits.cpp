// catalog_recipes_deposits.cpp: FIXEDDEPOSITPRODUCT, RECURRINGDEPOSITPRODUCT, INTERESTRATECHART,
// CHARTSLAB, FIXEDDEPOSITACCOUNT and RECURRINGDEPOSITACCOUNT (catalog_recipes.hpp says how
// recipes work). FD DEPOSIT and WITHDRAWAL have none: Fineract 2024-10 refuses them always
// (portfolio_deposits_test.cpp checks the 503s).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

std::int64_t id_of(const json& result) { return result["resourceId"].get<std::int64_t>(); }

std::string fd(std::int64_t id) { return id_path("/fixeddepositaccounts", id); }
std::string rd(std::int64_t id) { return id_path("/recurringdepositaccounts", id); }

// Seeded product 2 (fixed, 6% a year) and 3 (recurring, 5%).
json fd_application(std::int64_t client, const char* submitted) {
  return dated({{"clientId", client},
                {"productId", 2},
                {"submittedOnDate", submitted},
                {"depositAmount", "5000.00"},
                {"depositPeriod", 12},
                {"depositPeriodFrequencyId", 2}});
}

json rd_application(std::int64_t client, const char* submitted) {
  return dated({{"clientId", client},
                {"productId", 3},
                {"submittedOnDate", submitted},
                {"mandatoryRecommendedDepositAmount", "100.00"},
                {"depositPeriod", 12},
                {"depositPeriodFrequencyId", 2},
                {"isCalendarInherited", false},
                {"recurringFrequency", 1},
                {"recurringFrequencyType", 2},
                {"allowWithdrawal", true}});
}

// A deposit taken to `steps` (1 submitted, 2 approved, 3 active). An old one is activated on
// 16 May 2013 for 12 months, so it has matured by the calls' date (24 October 2024); a young one
// is activated on 2 October 2024 and runs until October 2025. An active fixed deposit holds
// 5000.00.
std::int64_t deposit(recipe_context& c, bool fixed, int steps, bool young = false) {
  const auto client = c.active_client();
  const char* submitted = young ? "01 October 2024" : "14 May 2013";
  const auto id = id_of(
      c.setup(post(fixed ? "/fixeddepositaccounts" : "/recurringdepositaccounts",
                   fixed ? fd_application(client, submitted) : rd_application(client, submitted))));
  const std::string path = fixed ? fd(id) : rd(id);
  if (steps >= 2) {
    c.setup(
        command(path, "approve", dated({{"approvedOnDate", young ? submitted : "15 May 2013"}})));
  }
  if (steps >= 3) {
    c.setup(command(path, "activate",
                    dated({{"activatedOnDate", young ? "02 October 2024" : "16 May 2013"}})));
  }
  return id;
}

// A young recurring deposit with a 100.00 installment paid on 10 October 2024.
std::int64_t rd_with_deposit(recipe_context& c, std::int64_t* transaction) {
  const auto id = deposit(c, false, 3, true);
  *transaction = id_of(c.setup(
      command(rd(id) + "/transactions", "deposit",
              dated({{"transactionDate", "10 October 2024"}, {"transactionAmount", "100.00"}}))));
  return id;
}

json fd_product() {
  return json{{"name", "FD 24"},
              {"shortName", "F24"},
              {"description", "Two years"},
              {"currencyCode", "USD"},
              {"digitsAfterDecimal", 2},
              {"interestCompoundingPeriodType", 1},
              {"interestPostingPeriodType", 4},
              {"interestCalculationType", 1},
              {"interestCalculationDaysInYearType", 365},
              {"accountingRule", 1},
              {"minDepositTerm", 6},
              {"minDepositTermTypeId", 2},
              {"depositAmount", 1000},
              {"locale", "en"},
              {"charts",
               {dated({{"fromDate", "01 January 2013"},
                       {"chartSlabs",
                        {{{"periodType", 2}, {"fromPeriod", 6}, {"annualInterestRate", 7.5}}}}})}}};
}

json chart() {
  return dated({{"name", "Promo"}, {"fromDate", "01 January 2013"}, {"productId", 2}});
}

std::int64_t new_chart(recipe_context& c) {
  return id_of(c.setup(post("/interestratecharts", chart())));
}

std::string slabs(std::int64_t chart_id) {
  return id_path("/interestratecharts", chart_id) + "/chartslabs";
}

json slab() {
  return json{{"periodType", 2}, {"fromPeriod", 1}, {"annualInterestRate", 4.5}, {"locale", "en"}};
}

const register_recipes kDepositRecipes{{
    {"FIXEDDEPOSITPRODUCT", "CREATE",
     [](recipe_context&) { return post("/fixeddepositproducts", fd_product()); }},
    {"FIXEDDEPOSITPRODUCT", "UPDATE",
     [](recipe_context&) {
       return put("/fixeddepositproducts/2", json{{"description", "New terms"}});
     }},
    {"FIXEDDEPOSITPRODUCT", "DELETE",
     [](recipe_context& c) {
       return del(id_path("/fixeddepositproducts",
                          id_of(c.setup(post("/fixeddepositproducts", fd_product())))));
     }},
    {"RECURRINGDEPOSITPRODUCT", "CREATE",
     [](recipe_context&) {
       json body = fd_product();
       body["name"] = "RD 24";
       body["allowWithdrawal"] = true;
       return post("/recurringdepositproducts", body);
     }},
    {"RECURRINGDEPOSITPRODUCT", "UPDATE",
     [](recipe_context&) {
       return put("/recurringdepositproducts/3", json{{"description", "Monthly saving"}});
     }},
    {"RECURRINGDEPOSITPRODUCT", "DELETE",
     [](recipe_context& c) {
       json body = fd_product();
       body["name"] = "RD 24";
       return del(id_path("/recurringdepositproducts",
                          id_of(c.setup(post("/recurringdepositproducts", body)))));
     }},
    {"INTERESTRATECHART", "CREATE",
     [](recipe_context&) { return post("/interestratecharts", chart()); }},
    {"INTERESTRATECHART", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/interestratecharts", new_chart(c)), json{{"name", "Promo 2"}});
     }},
    {"INTERESTRATECHART", "DELETE",
     [](recipe_context& c) { return del(id_path("/interestratecharts", new_chart(c))); }},
    {"CHARTSLAB", "CREATE", [](recipe_context& c) { return post(slabs(new_chart(c)), slab()); }},
    {"CHARTSLAB", "UPDATE",
     [](recipe_context& c) {
       const auto path = slabs(new_chart(c));
       return put(id_path(path, id_of(c.setup(post(path, slab())))),
                  json{{"annualInterestRate", 4.75}, {"locale", "en"}});
     }},
    {"CHARTSLAB", "DELETE",
     [](recipe_context& c) {
       const auto path = slabs(new_chart(c));
       return del(id_path(path, id_of(c.setup(post(path, slab())))));
     }},
    {"FIXEDDEPOSITACCOUNT", "CREATE",
     [](recipe_context& c) {
       return post("/fixeddepositaccounts", fd_application(c.active_client(), "14 May 2013"));
     }},
    {"FIXEDDEPOSITACCOUNT", "UPDATE",
     [](recipe_context& c) {
       return put(fd(deposit(c, true, 1)), json{{"depositAmount", "6000.00"}, {"locale", "en"}});
     }},
    {"FIXEDDEPOSITACCOUNT", "DELETE",
     [](recipe_context& c) { return del(fd(deposit(c, true, 1))); }},
    {"FIXEDDEPOSITACCOUNT", "APPROVE",
     [](recipe_context& c) {
       return command(fd(deposit(c, true, 1)), "approve",
                      dated({{"approvedOnDate", "15 May 2013"}}));
     }},
    {"FIXEDDEPOSITACCOUNT", "APPROVALUNDO",
     [](recipe_context& c) { return command(fd(deposit(c, true, 2)), "undoapproval"); }},
    {"FIXEDDEPOSITACCOUNT", "REJECT",
     [](recipe_context& c) {
       return command(fd(deposit(c, true, 1)), "reject",
                      dated({{"rejectedOnDate", "16 May 2013"}}));
     }},
    {"FIXEDDEPOSITACCOUNT", "WITHDRAW",
     [](recipe_context& c) {
       return command(fd(deposit(c, true, 1)), "withdrawnByApplicant",
                      dated({{"withdrawnOnDate", "16 May 2013"}}));
     }},
    {"FIXEDDEPOSITACCOUNT", "ACTIVATE",
     [](recipe_context& c) {
       return command(fd(deposit(c, true, 2)), "activate",
                      dated({{"activatedOnDate", "16 May 2013"}}));
     }},
    {"FIXEDDEPOSITACCOUNT", "POSTINTEREST",
     [](recipe_context& c) { return command(fd(deposit(c, true, 3, true)), "postInterest"); }},
    {"FIXEDDEPOSITACCOUNT", "CALCULATEINTEREST",
     [](recipe_context& c) { return command(fd(deposit(c, true, 3, true)), "calculateInterest"); }},
    {"FIXEDDEPOSITACCOUNT", "PREMATURECLOSE",
     [](recipe_context& c) {
       return command(fd(deposit(c, true, 3, true)), "prematureClose",
                      dated({{"closedOnDate", "20 October 2024"}, {"onAccountClosureId", 100}}));
     }},
    {"FIXEDDEPOSITACCOUNT", "CLOSE",
     [](recipe_context& c) {
       return command(fd(deposit(c, true, 3)), "close",
                      dated({{"closedOnDate", "20 May 2014"}, {"onAccountClosureId", 100}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "CREATE",
     [](recipe_context& c) {
       return post("/recurringdepositaccounts", rd_application(c.active_client(), "14 May 2013"));
     }},
    {"RECURRINGDEPOSITACCOUNT", "UPDATE",
     [](recipe_context& c) {
       return put(rd(deposit(c, false, 1)), json{{"depositPeriod", 18}});
     }},
    {"RECURRINGDEPOSITACCOUNT", "DELETE",
     [](recipe_context& c) { return del(rd(deposit(c, false, 1))); }},
    {"RECURRINGDEPOSITACCOUNT", "APPROVE",
     [](recipe_context& c) {
       return command(rd(deposit(c, false, 1)), "approve",
                      dated({{"approvedOnDate", "15 May 2013"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "APPROVALUNDO",
     [](recipe_context& c) { return command(rd(deposit(c, false, 2)), "undoapproval"); }},
    {"RECURRINGDEPOSITACCOUNT", "REJECT",
     [](recipe_context& c) {
       return command(rd(deposit(c, false, 1)), "reject",
                      dated({{"rejectedOnDate", "16 May 2013"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "WITHDRAW",
     [](recipe_context& c) {
       return command(rd(deposit(c, false, 1)), "withdrawnByApplicant",
                      dated({{"withdrawnOnDate", "16 May 2013"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "ACTIVATE",
     [](recipe_context& c) {
       return command(rd(deposit(c, false, 2)), "activate",
                      dated({{"activatedOnDate", "16 May 2013"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "DEPOSIT",
     [](recipe_context& c) {
       return command(
           rd(deposit(c, false, 3, true)) + "/transactions", "deposit",
           dated({{"transactionDate", "10 October 2024"}, {"transactionAmount", "100.00"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "WITHDRAWAL",
     [](recipe_context& c) {
       std::int64_t t = 0;
       const auto id = rd_with_deposit(c, &t);
       return command(
           rd(id) + "/transactions", "withdrawal",
           dated({{"transactionDate", "11 October 2024"}, {"transactionAmount", "40.00"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "UNDOTRANSACTION",
     [](recipe_context& c) {
       std::int64_t t = 0;
       const auto id = rd_with_deposit(c, &t);
       return command(id_path(rd(id) + "/transactions", t), "undo");
     }},
    {"RECURRINGDEPOSITACCOUNT", "ADJUSTTRANSACTION",
     [](recipe_context& c) {
       std::int64_t t = 0;
       const auto id = rd_with_deposit(c, &t);
       return command(
           id_path(rd(id) + "/transactions", t), "modify",
           dated({{"transactionDate", "10 October 2024"}, {"transactionAmount", "120.00"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "UPDATEDEPOSITAMOUNT",
     [](recipe_context& c) {
       return command(rd(deposit(c, false, 3, true)), "updateDepositAmount",
                      dated({{"mandatoryRecommendedDepositAmount", "150.00"},
                             {"effectiveDate", "01 November 2024"}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "POSTINTEREST",
     [](recipe_context& c) { return command(rd(deposit(c, false, 3)), "postInterest"); }},
    {"RECURRINGDEPOSITACCOUNT", "CALCULATEINTEREST",
     [](recipe_context& c) { return command(rd(deposit(c, false, 3)), "calculateInterest"); }},
    {"RECURRINGDEPOSITACCOUNT", "PREMATURECLOSE",
     [](recipe_context& c) {
       std::int64_t t = 0;
       const auto id = rd_with_deposit(c, &t);
       const auto savings = c.active_savings(c.active_client());
       return command(rd(id), "prematureClose",
                      dated({{"closedOnDate", "20 October 2024"},
                             {"onAccountClosureId", 200},
                             {"toSavingsAccountId", savings}}));
     }},
    {"RECURRINGDEPOSITACCOUNT", "CLOSE",
     [](recipe_context& c) {
       return command(rd(deposit(c, false, 3)), "close",
                      dated({{"closedOnDate", "20 May 2014"}, {"onAccountClosureId", 100}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
