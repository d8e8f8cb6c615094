// catalog_test.cpp: the 445 hookable pairs, their typed names, lookups and the sorted lists
// `GET /hooks/template` serves.
#include "mifos/hooks/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

TEST(Catalog, Has445Entries) {
  EXPECT_EQ(catalog().size(), 445u);
  EXPECT_EQ(kCatalogSize, 445u);
}

TEST(Catalog, Has116EntitiesAnd25Groupings) {
  std::set<std::string_view> entities, groupings;
  for (const auto& e : catalog()) {
    entities.insert(e.entity);
    groupings.insert(e.grouping);
  }
  EXPECT_EQ(entities.size(), 116u);
  EXPECT_EQ(groupings.size(), 25u);
}

TEST(Catalog, KeepsTheOrderOfTheDataFile) {
  const auto c = catalog();
  EXPECT_EQ(c.front().grouping, "LOAN_PROVISIONING");
  EXPECT_EQ(c.front().entity, "PROVISIONCATEGORY");
  EXPECT_EQ(c.front().action, "CREATE");
}

TEST(Catalog, FindReturnsTheEntryWithItsGrouping) {
  const auto* e = find_in_catalog("LOAN", "REPAYMENT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->grouping, "transaction_loan");
  EXPECT_EQ(e->entity, "LOAN");
  EXPECT_EQ(e->action, "REPAYMENT");
}

TEST(Catalog, FindIgnoresCase) {
  const auto* e = find_in_catalog("loan", "Repayment");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->entity, "LOAN");
  EXPECT_EQ(find_in_catalog("LIKELIHOOD", "update"), find_in_catalog("likelihood", "UPDATE"));
}

TEST(Catalog, LowerCaseEntitiesAreFound) {
  ASSERT_NE(find_in_catalog("likelihood", "UPDATE"), nullptr);
  EXPECT_EQ(find_in_catalog("likelihood", "UPDATE")->grouping, "datatable");
  ASSERT_NE(find_in_catalog("survey", "CREATE"), nullptr);
  EXPECT_EQ(find_in_catalog("survey", "CREATE")->entity, "survey");
}

TEST(Catalog, UnknownPairIsNotFound) {
  EXPECT_EQ(find_in_catalog("LOAN", "REAGE"), nullptr);
  EXPECT_EQ(find_in_catalog("WIDGET", "CREATE"), nullptr);
  EXPECT_EQ(find_in_catalog("", ""), nullptr);
  EXPECT_EQ(find_in_catalog("LOAN", "*"), nullptr);
}

TEST(Catalog, Section10PairsAreAllInTheCatalog) {
  for (const auto& p :
       {pairs::CLIENT_CREATE, pairs::CLIENT_ACTIVATE, pairs::LOAN_CREATE, pairs::LOAN_APPROVE,
        pairs::LOAN_DISBURSE, pairs::LOAN_REPAYMENT, pairs::SAVINGSACCOUNT_DEPOSIT,
        pairs::SAVINGSACCOUNT_WITHDRAWAL, pairs::SAVINGSACCOUNTCHARGE_PAY, pairs::GROUP_CREATE,
        pairs::CENTER_CREATE, pairs::JOURNALENTRY_CREATE, pairs::OFFICE_CREATE}) {
    EXPECT_NE(find_in_catalog(p.entity, p.action), nullptr) << p.entity << " " << p.action;
  }
}

TEST(Catalog, TypedNamesSpellThePair) {
  EXPECT_EQ(pairs::LOAN_REPAYMENT.entity, "LOAN");
  EXPECT_EQ(pairs::LOAN_REPAYMENT.action, "REPAYMENT");
  EXPECT_EQ(pairs::likelihood_UPDATE.entity, "likelihood");
  EXPECT_EQ(entities::SAVINGSACCOUNTCHARGE, "SAVINGSACCOUNTCHARGE");
  EXPECT_EQ(groupings::transaction_loan, "transaction_loan");
}

TEST(Catalog, GroupingsAreSortedUpperCaseFirst) {
  const auto g = catalog_groupings();
  ASSERT_EQ(g.size(), 25u);
  EXPECT_TRUE(std::is_sorted(g.begin(), g.end()));
  EXPECT_EQ(g.front(), "LOAN_PROVISIONING");
  EXPECT_EQ(g[4], "account_transfer");  // after the four upper-case groupings
  EXPECT_EQ(g.back(), "xbrlmapping");
}

TEST(Catalog, EntitiesOfAGroupingAreSortedAndDistinct) {
  const auto e = catalog_entities("portfolio");
  EXPECT_TRUE(std::is_sorted(e.begin(), e.end()));
  EXPECT_EQ(std::adjacent_find(e.begin(), e.end()), e.end());
  EXPECT_NE(std::find(e.begin(), e.end(), "CLIENT"), e.end());
  EXPECT_EQ(std::find(e.begin(), e.end(), "JOURNALENTRY"), e.end());
}

TEST(Catalog, AnEntityCanSitInTwoGroupings) {
  const auto e = catalog_entities("transaction_client");
  EXPECT_NE(std::find(e.begin(), e.end(), "CLIENT"), e.end());
}

TEST(Catalog, ActionsOfAnEntityAreSorted) {
  const auto a = catalog_actions("portfolio", "CLIENT");
  ASSERT_EQ(a.size(), 18u);
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_EQ(a.front(), "ACCEPTTRANSFER");
  EXPECT_EQ(a[1], "ACTIVATE");
}

TEST(Catalog, UnknownGroupingOrEntityHasNoEntries) {
  EXPECT_TRUE(catalog_entities("nope").empty());
  EXPECT_TRUE(catalog_actions("portfolio", "NOPE").empty());
}

TEST(Catalog, EveryPairIsInExactlyOneGrouping) {
  std::size_t listed = 0;
  for (auto g : catalog_groupings()) {
    for (auto e : catalog_entities(g)) listed += catalog_actions(g, e).size();
  }
  EXPECT_EQ(listed, 445u);
}

TEST(Catalog, EventKnowsItsPairIsInTheCatalog) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->in_catalog());
  EXPECT_EQ(e->known(), find_in_catalog("LOAN", "REPAYMENT"));
}

TEST(Catalog, EventOfALowerCaseCatalogEntityIsInTheCatalog) {
  const auto e = parse(load_fixture("deliveries/fineract17-likelihood-update.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity, "likelihood");
  EXPECT_TRUE(e->in_catalog());
}

TEST(Catalog, PairNotInTheCatalogStillParses) {
  const auto e = parse(load_fixture("deliveries/fineract19-loan-reage-not-in-catalog.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->in_catalog());
  EXPECT_EQ(e->known(), nullptr);
  EXPECT_EQ(e->result.loan_id, 5);
}

TEST(Catalog, EntityHeaderWithTheServersTrailingSpaceIsInTheCatalog) {
  // The server stores this entity as "STANDINGINSTRUCTION " (docs/wire-format.md section 11).
  const auto e = parse(make_delivery(wire_dialect::fineract, "STANDINGINSTRUCTION ", "CREATE",
                                     R"({"resourceId":3})"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity, "STANDINGINSTRUCTION");
  EXPECT_TRUE(e->in_catalog());
}

}  // namespace
}  // namespace mifos::hooks
