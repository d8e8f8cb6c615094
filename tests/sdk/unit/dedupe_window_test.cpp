// dedupe_window_test.cpp: the bounded window of delivery keys and the default key.
#include "dedupe_window.hpp"

#include <gtest/gtest.h>

namespace mifos::hooks::detail {
namespace {

TEST(DedupeWindow, AKeySeenInTheWindowIsADuplicate) {
  dedupe_window w(3);
  EXPECT_TRUE(w.insert("a"));
  EXPECT_FALSE(w.insert("a"));
  EXPECT_TRUE(w.insert("b"));
}

TEST(DedupeWindow, TheOldestKeyIsForgottenPastTheCapacity) {
  dedupe_window w(2);
  w.insert("a");
  w.insert("b");
  w.insert("c");  // forgets "a"
  EXPECT_EQ(w.size(), 2u);
  EXPECT_TRUE(w.insert("a"));
  EXPECT_FALSE(w.insert("c"));
}

TEST(DedupeWindow, AnErasedKeyIsNewAgainAndTheWindowStaysBounded) {
  dedupe_window w(2);
  for (int i = 0; i < 1000; ++i) {
    std::string key = "k" + std::to_string(i);
    ASSERT_TRUE(w.insert(key));
    w.erase(key);
    ASSERT_TRUE(w.insert(key));
  }
  EXPECT_EQ(w.size(), 2u);
}

TEST(DedupeWindow, DefaultKeyDependsOnTenantPairAndBody) {
  event e;
  e.tenant = "default";
  e.entity = "CLIENT";
  e.action = "CREATE";
  delivery d;
  d.body = R"({"officeId":1,"clientId":5,"resourceId":5})";
  const std::string key = default_dedupe_key(e, d);
  EXPECT_EQ(key.size(), 16u);
  EXPECT_EQ(default_dedupe_key(e, d), key);
  d.headers.push_back({"User-Agent", "other"});  // headers are not part of the key
  EXPECT_EQ(default_dedupe_key(e, d), key);
  event other_tenant = e;
  other_tenant.tenant = "branch1";
  EXPECT_NE(default_dedupe_key(other_tenant, d), key);
  event other_action = e;
  other_action.action = "ACTIVATE";
  EXPECT_NE(default_dedupe_key(other_action, d), key);
  delivery other_body = d;
  other_body.body = R"({"officeId":1,"clientId":6,"resourceId":6})";
  EXPECT_NE(default_dedupe_key(e, other_body), key);
}

}  // namespace
}  // namespace mifos::hooks::detail
