// faults_test.cpp: the play's fault plans (deterministic per seed and index, at the asked
// rates, inside their windows) and the three malformations.
#include "play/faults.hpp"

#include <gtest/gtest.h>

#include <mifos/hooks/event.hpp>
#include <mifos/hooks/wire.hpp>

namespace mifos::mock {
namespace {

fault_spec probability(double p) {
  fault_spec s;
  s.probability = p;
  return s;
}

fault_spec window(std::int64_t from_us, std::int64_t to_us) {
  fault_spec s;
  s.from_us = from_us;
  s.to_us = to_us;
  return s;
}

fault_options every_fault(double p, std::uint64_t seed = 7) {
  fault_options o;
  o.seed = seed;
  o.duplicate = o.reorder = o.delay = o.malform = o.disconnect = probability(p);
  return o;
}

bool same(const fault_plan& a, const fault_plan& b) {
  return a.drop == b.drop && a.duplicate == b.duplicate && a.reorder == b.reorder &&
         a.delay_us == b.delay_us && a.malform == b.malform && a.disconnect == b.disconnect;
}

hooks::delivery repayment() {
  hooks::delivery d;
  d.target = "/hooks";
  d.headers = {{std::string(hooks::wire::kFineractHeaders.entity), "LOAN"},
               {std::string(hooks::wire::kFineractHeaders.action), "REPAYMENT"},
               {std::string(hooks::wire::kFineractHeaders.tenant), "default"},
               {"Content-Type", std::string(hooks::wire::kJsonContentType)},
               {"Content-Length", "36"}};
  d.body = R"({"officeId":1,"loanId":5,"clientId":1})";
  d.headers[4].value = std::to_string(d.body.size());
  return d;
}

TEST(FaultsPlan, SameSeedAndIndexGiveTheSamePlanWhateverTheOrderOfCalls) {
  const fault_injector a(every_fault(0.3));
  const fault_injector b(every_fault(0.3));
  std::vector<fault_plan> forward;
  for (std::uint64_t i = 0; i < 1000; ++i) forward.push_back(a.plan_for(i, 0));
  for (std::uint64_t i = 1000; i-- > 0;) {
    EXPECT_TRUE(same(b.plan_for(i, 0), forward[i])) << "index " << i;
  }
}

TEST(FaultsPlan, AnotherSeedGivesOtherPlans) {
  const fault_injector a(every_fault(0.5, 1));
  const fault_injector b(every_fault(0.5, 2));
  int differ = 0;
  for (std::uint64_t i = 0; i < 1000; ++i)
    differ += same(a.plan_for(i, 0), b.plan_for(i, 0)) ? 0 : 1;
  EXPECT_GT(differ, 900);
}

TEST(FaultsPlan, EachFaultFiresAtItsRateOver100kDeliveries) {
  fault_options o;
  o.seed = 42;
  o.duplicate = probability(0.05);
  o.reorder = probability(0.10);
  o.delay = probability(0.20);
  o.malform = probability(0.01);
  o.disconnect = probability(0.5);
  const fault_injector f(o);
  constexpr int kN = 100'000;
  int dup = 0, reorder = 0, delay = 0, malform = 0, disconnect = 0;
  int kinds[4] = {};
  for (std::uint64_t i = 0; i < kN; ++i) {
    const fault_plan p = f.plan_for(i, 0);
    dup += p.duplicate;
    reorder += p.reorder;
    delay += p.delay_us > 0;
    malform += p.malform != malformation::none;
    disconnect += p.disconnect;
    ++kinds[static_cast<int>(p.malform)];
  }
  // Binomial: 4 standard deviations of each rate at n = 100k.
  EXPECT_NEAR(dup, 5'000, 280);
  EXPECT_NEAR(reorder, 10'000, 380);
  EXPECT_NEAR(delay, 20'000, 510);
  EXPECT_NEAR(malform, 1'000, 130);
  EXPECT_NEAR(disconnect, 50'000, 640);
  // The three malformations share the malformed ones evenly.
  for (int k = 1; k <= 3; ++k) EXPECT_NEAR(kinds[k], 1'000 / 3.0, 80) << "kind " << k;
}

TEST(FaultsPlan, DelayUsesTheDelayOfTheOptions) {
  fault_options o;
  o.delay = probability(1);
  o.delay_us = 250'000;
  EXPECT_EQ(fault_injector(o).plan_for(3, 0).delay_us, 250'000);
}

TEST(FaultsPlan, NoFaultAskedGivesAnEmptyPlan) {
  const fault_injector f{fault_options{}};
  for (std::uint64_t i = 0; i < 1000; ++i) EXPECT_TRUE(same(f.plan_for(i, 0), fault_plan{}));
}

TEST(FaultsPlan, AWindowTakesEveryDeliveryDueInsideItAndNoneOutside) {
  fault_options o;
  o.duplicate = window(10'000'000, 20'000'000);
  const fault_injector f(o);
  EXPECT_FALSE(f.plan_for(0, 9'999'999).duplicate);
  EXPECT_TRUE(f.plan_for(1, 10'000'000).duplicate);
  EXPECT_TRUE(f.plan_for(2, 19'999'999).duplicate);
  EXPECT_FALSE(f.plan_for(3, 20'000'000).duplicate);
}

TEST(FaultsPlan, ADroppedDeliveryGetsNoOtherFault) {
  fault_options o = every_fault(1);
  o.drop = probability(0.5);
  const fault_injector f(o);
  int dropped = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const fault_plan p = f.plan_for(i, 0);
    if (!p.drop) {
      EXPECT_TRUE(p.duplicate && p.reorder && p.disconnect);
      continue;
    }
    ++dropped;
    EXPECT_TRUE(same(p, fault_plan{.drop = true})) << "index " << i;
  }
  EXPECT_NEAR(dropped, 500, 70);
}

TEST(FaultsPlan, FaultsOfOneDeliveryAreIndependentOfEachOther) {
  fault_options o;
  o.duplicate = probability(0.5);
  o.reorder = probability(0.5);
  const fault_injector f(o);
  int both = 0;
  for (std::uint64_t i = 0; i < 100'000; ++i) {
    const fault_plan p = f.plan_for(i, 0);
    both += p.duplicate && p.reorder;
  }
  EXPECT_NEAR(both, 25'000, 600);
}

TEST(FaultsParse, AcceptsAProbabilityAPercentageAndZero) {
  auto a = parse_fault_spec("drop", "0.05");
  auto b = parse_fault_spec("drop", "5%");
  auto c = parse_fault_spec("drop", "0");
  ASSERT_TRUE(std::holds_alternative<fault_spec>(a));
  ASSERT_TRUE(std::holds_alternative<fault_spec>(b));
  ASSERT_TRUE(std::holds_alternative<fault_spec>(c));
  EXPECT_DOUBLE_EQ(std::get<fault_spec>(a).probability, 0.05);
  EXPECT_DOUBLE_EQ(std::get<fault_spec>(b).probability, 0.05);
  EXPECT_FALSE(std::get<fault_spec>(c).active());
  EXPECT_DOUBLE_EQ(std::get<fault_spec>(parse_fault_spec("drop", "1")).probability, 1.0);
}

TEST(FaultsParse, ReadsWindowsInSecondsMillisecondsAndMinutes) {
  struct {
    const char* text;
    std::int64_t from, to;
  } cases[] = {{"10s-20s", 10'000'000, 20'000'000},
               {"500ms-2s", 500'000, 2'000'000},
               {"1m-2m", 60'000'000, 120'000'000}};
  for (const auto& c : cases) {
    auto spec = parse_fault_spec("duplicate", c.text);
    ASSERT_TRUE(std::holds_alternative<fault_spec>(spec)) << c.text;
    const auto& s = std::get<fault_spec>(spec);
    EXPECT_EQ(s.from_us, c.from) << c.text;
    EXPECT_EQ(s.to_us, c.to) << c.text;
    EXPECT_TRUE(s.active());
  }
}

TEST(FaultsParse, RefusesProbabilitiesOutside0To1NamingTheFlag) {
  for (const char* text : {"1.5", "-1", "150%", "abc", "", "0.5x"}) {
    auto spec = parse_fault_spec("drop", text);
    ASSERT_TRUE(std::holds_alternative<std::string>(spec)) << text;
    const auto& error = std::get<std::string>(spec);
    EXPECT_NE(error.find("--drop"), std::string::npos) << error;
    EXPECT_NE(error.find(std::string("\"") + text + "\""), std::string::npos) << error;
  }
}

TEST(FaultsParse, ReadsBareNumbersInWindowsAsSecondsAndRefusesBackwardsOnes) {
  // One grammar for every program (cli/): a bare number is seconds, so "10-20" is 10s-20s.
  auto bare = parse_fault_spec("--delay", "10-20");
  ASSERT_TRUE(std::holds_alternative<fault_spec>(bare));
  EXPECT_EQ(std::get<fault_spec>(bare).from_us, 10'000'000);
  EXPECT_EQ(std::get<fault_spec>(bare).to_us, 20'000'000);
  auto bad = parse_fault_spec("--delay", "10x-20");
  ASSERT_TRUE(std::holds_alternative<std::string>(bad));
  EXPECT_EQ(std::get<std::string>(bad),
            "--delay window \"10x-20\" needs a duration on each side (us, ms, s, m, h, d; a bare "
            "number is seconds), e.g. 10s-20s");
  auto backwards = parse_fault_spec("delay", "20s-10s");
  ASSERT_TRUE(std::holds_alternative<std::string>(backwards));
  EXPECT_EQ(std::get<std::string>(backwards), "--delay window \"20s-10s\" ends before it starts");
}

TEST(FaultsMalformed, TruncatedBodyKeepsHalfTheBodyAndTheOldContentLength) {
  const hooks::delivery d = repayment();
  const hooks::delivery m = malformed(d, malformation::truncated_body);
  EXPECT_EQ(m.body, d.body.substr(0, d.body.size() / 2));
  EXPECT_EQ(m.header("Content-Length"), std::to_string(d.body.size()));
  EXPECT_EQ(m.headers.size(), d.headers.size());
}

TEST(FaultsMalformed, TruncatedBodyWithoutContentLengthAnnouncesTheFullLength) {
  hooks::delivery d = repayment();
  d.headers.pop_back();
  const hooks::delivery m = malformed(d, malformation::truncated_body);
  EXPECT_EQ(m.header("Content-Length"), std::to_string(d.body.size()));
  EXPECT_LT(m.body.size(), d.body.size());
}

TEST(FaultsMalformed, WrongContentTypeReplacesItInPlace) {
  const hooks::delivery m = malformed(repayment(), malformation::wrong_content_type);
  ASSERT_EQ(m.headers.size(), 5u);
  EXPECT_EQ(m.headers[3].name, "Content-Type");
  EXPECT_EQ(m.headers[3].value, "text/plain");
  EXPECT_EQ(m.header_count("content-type"), 1u);
  EXPECT_EQ(m.body, repayment().body);
}

TEST(FaultsMalformed, WrongContentTypeIsAddedWhenThereWasNone) {
  hooks::delivery d = repayment();
  d.headers.erase(d.headers.begin() + 3);
  const hooks::delivery m = malformed(d, malformation::wrong_content_type);
  EXPECT_EQ(m.header("content-type"), "text/plain");
}

TEST(FaultsMalformed, MissingEntityHeaderRemovesBothFamiliesInAnyCase) {
  hooks::delivery d = repayment();
  d.headers.push_back({"x-mifos-entity", "LOAN"});
  d.headers.push_back({"X-FINERACT-ENTITY", "LOAN"});
  const hooks::delivery m = malformed(d, malformation::missing_entity_header);
  EXPECT_EQ(m.header_count(hooks::wire::kFineractHeaders.entity), 0u);
  EXPECT_EQ(m.header_count(hooks::wire::kMifosHeaders.entity), 0u);
  EXPECT_EQ(m.headers.size(), d.headers.size() - 3);
  EXPECT_TRUE(m.header(hooks::wire::kFineractHeaders.action).has_value());
}

TEST(FaultsMalformed, EveryMalformationMakesTheSdkRefuseTheDelivery) {
  ASSERT_TRUE(hooks::parse(repayment()).ok());
  for (auto how : {malformation::truncated_body, malformation::wrong_content_type,
                   malformation::missing_entity_header}) {
    const auto parsed = hooks::parse(malformed(repayment(), how));
    ASSERT_FALSE(parsed.ok()) << static_cast<int>(how);
    EXPECT_GE(parsed.error().status, 400);
    EXPECT_LT(parsed.error().status, 500);
  }
}

TEST(FaultsMalformed, NoneLeavesTheDeliveryAsItWas) {
  EXPECT_EQ(malformed(repayment(), malformation::none), repayment());
}

}  // namespace
}  // namespace mifos::mock
