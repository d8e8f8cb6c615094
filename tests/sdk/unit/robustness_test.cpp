// robustness_test.cpp: parse(), to_json(), the request views and answer() never throw or crash,
// whatever the bytes: mutations of every fixture (fixed seed, bounded) and deep nesting.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fixture.hpp"
#include "mifos/hooks/answer.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

constexpr char kInteresting[] = "{}[]\",:=&%+\\u0E.-1 \x00\xff\xc3";

class mutator {
 public:
  explicit mutator(unsigned seed) : rng_(seed) {}

  std::string mutate(std::string s) {
    const int edits = pick(1, 4);
    for (int i = 0; i < edits; ++i) {
      const std::size_t at =
          s.empty() ? 0 : static_cast<std::size_t>(pick(0, static_cast<int>(s.size()) - 1));
      switch (pick(0, 4)) {
        case 0:
          if (!s.empty()) s[at] = static_cast<char>(pick(0, 255));
          break;
        case 1:
          s.insert(at, 1, kInteresting[pick(0, sizeof(kInteresting) - 2)]);
          break;
        case 2:
          if (!s.empty()) s.erase(at, static_cast<std::size_t>(pick(1, 8)));
          break;
        case 3:
          s.resize(at);
          break;
        default:
          s.insert(at, s.substr(at, static_cast<std::size_t>(pick(1, 16))));
          break;
      }
    }
    return s;
  }

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

 private:
  std::mt19937 rng_;
};

// Everything a receiver does with a delivery; any exception fails the test.
void survive(const delivery& d) {
  const auto parsed = parse(d);
  if (parsed.ok()) {
    (void)to_json(*parsed).dump();  // strict: the payload must be valid UTF-8
    (void)read_request<loan_repayment_request>(*parsed);
    (void)read_request<client_create_request>(*parsed);
    (void)read_request<journal_entry_request>(*parsed);
    (void)read_request<group_create_request>(*parsed);
    (void)read_request<center_save_collection_sheet_request>(*parsed);
    (void)read_request<client_update_request>(*parsed);
    (void)read_request<loan_adjust_request>(*parsed);
    (void)read_request<user_create_request>(*parsed);
  } else {
    EXPECT_TRUE(parsed.error().status == 400 || parsed.error().status == 415)
        << parsed.error().status;
  }
  router r;
  r.on_any([](const event& e) { (void)to_json(e); });
  receiver_options options;
  options.paths = {"/hooks"};
  const auto a = answer(d, r, options);
  EXPECT_TRUE(a.status == 200 || a.status == 400 || a.status == 415 || a.status == 413) << a.status;
}

TEST(Robustness, MutatedBodiesNeverThrow) {
  mutator m(20241024);
  int cases = 0;
  for (const auto& name : fixture_names("deliveries")) {
    const auto original = load_fixture(name);
    for (int i = 0; i < 12; ++i, ++cases) {
      auto d = original;
      d.body = m.mutate(d.body);
      EXPECT_NO_THROW(survive(d)) << name << " body: " << d.body;
    }
  }
  EXPECT_GE(cases, 300);
}

TEST(Robustness, MutatedHeadersNeverThrow) {
  mutator m(7);
  for (const auto& name : fixture_names("deliveries")) {
    const auto original = load_fixture(name);
    for (int i = 0; i < 4; ++i) {
      auto d = original;
      auto& h =
          d.headers[static_cast<std::size_t>(m.pick(0, static_cast<int>(d.headers.size()) - 1))];
      if (m.pick(0, 1) == 0)
        h.value = m.mutate(h.value);
      else
        h.name = m.mutate(h.name);
      EXPECT_NO_THROW(survive(d)) << name;
    }
  }
}

TEST(Robustness, RandomBytesNeverThrow) {
  mutator m(99);
  for (int i = 0; i < 200; ++i) {
    std::string body(static_cast<std::size_t>(m.pick(0, 300)), '\0');
    for (char& c : body) c = static_cast<char>(m.pick(0, 255));
    const auto type =
        i % 2 == 0 ? "application/json; charset=UTF-8" : "application/x-www-form-urlencoded";
    EXPECT_NO_THROW(
        survive(make_delivery(wire_dialect::fineract, "LOAN", "REPAYMENT", body, type)));
  }
}

TEST(Robustness, DeeplyNestedJsonDoesNotOverflowTheStack) {
  const std::size_t depth = 200000;
  const std::string body =
      R"({"changes":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
  EXPECT_NO_THROW(survive(make_delivery(wire_dialect::fineract, "LOAN", "REPAYMENT", body)));
}

TEST(Robustness, DeeplyNestedJavaMapTextDoesNotOverflowTheStack) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "%7Ba%3D";
  text += "1.0";
  for (int i = 0; i < 100000; ++i) text += "%7D";
  EXPECT_NO_THROW(survive(make_delivery(wire_dialect::fineract, "LOAN", "REPAYMENT",
                                        "changes=" + text, "application/x-www-form-urlencoded")));
}

TEST(Robustness, FormWithBrokenPercentEscapesNeverThrows) {
  for (const char* body : {"a=%", "a=%2", "a=%zz", "%=1", "=&=&", "&&&", "a", "a==b", "a=%00b"}) {
    EXPECT_NO_THROW(survive(make_delivery(wire_dialect::fineract, "LOAN", "REPAYMENT", body,
                                          "application/x-www-form-urlencoded")))
        << body;
  }
}

}  // namespace
}  // namespace mifos::hooks
