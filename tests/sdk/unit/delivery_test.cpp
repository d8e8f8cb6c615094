// delivery_test.cpp: the delivery value type: header lookup, path and query parameters.
#include "mifos/hooks/delivery.hpp"

#include <gtest/gtest.h>

namespace mifos::hooks {
namespace {

delivery with_headers(std::vector<header_field> headers, std::string target = "/hooks/") {
  delivery d;
  d.target = std::move(target);
  d.headers = std::move(headers);
  return d;
}

TEST(Delivery, HeaderLookupIgnoresAsciiCase) {
  const auto d = with_headers({{"X-Fineract-Entity", "CLIENT"}});
  EXPECT_EQ(d.header("x-fineract-entity"), "CLIENT");
  EXPECT_EQ(d.header("X-FINERACT-ENTITY"), "CLIENT");
}

TEST(Delivery, HeaderLookupReturnsTheFirstOfDuplicates) {
  const auto d = with_headers({{"Content-Length", "10"}, {"content-length", "20"}});
  EXPECT_EQ(d.header("Content-Length"), "10");
}

TEST(Delivery, HeaderLookupOfAnAbsentHeaderIsEmpty) {
  const auto d = with_headers({{"X-Fineract-Entity", "CLIENT"}});
  EXPECT_FALSE(d.header("X-Fineract-Action").has_value());
}

TEST(Delivery, HeaderLookupDoesNotMatchAPrefix) {
  const auto d = with_headers({{"X-Fineract-Entity-Extra", "CLIENT"}});
  EXPECT_FALSE(d.header("X-Fineract-Entity").has_value());
}

TEST(Delivery, HeaderCountCountsEverySpelling) {
  const auto d = with_headers(
      {{"Content-Length", "10"}, {"Host", "x"}, {"CONTENT-LENGTH", "10"}, {"content-length", "1"}});
  EXPECT_EQ(d.header_count("content-length"), 3u);
  EXPECT_EQ(d.header_count("Host"), 1u);
  EXPECT_EQ(d.header_count("Accept"), 0u);
}

TEST(Delivery, PathIsTheTargetBeforeTheQuery) {
  EXPECT_EQ(with_headers({}, "/hooks/secret?token=abc&x=1").path(), "/hooks/secret");
  EXPECT_EQ(with_headers({}, "/hooks/").path(), "/hooks/");
  EXPECT_EQ(with_headers({}, "/?").path(), "/");
}

TEST(Delivery, QueryParamReturnsTheRawValue) {
  const auto d = with_headers({}, "/hooks?token=a%20b&tenantIdentifier=default");
  EXPECT_EQ(d.query_param("token"), "a%20b");
  EXPECT_EQ(d.query_param("tenantIdentifier"), "default");
}

TEST(Delivery, QueryParamMatchesWholeNamesOnly) {
  const auto d = with_headers({}, "/hooks?xtoken=1&token2=2");
  EXPECT_FALSE(d.query_param("token").has_value());
}

TEST(Delivery, QueryParamWithoutValueIsEmptyText) {
  const auto d = with_headers({}, "/hooks?token&x=1");
  ASSERT_TRUE(d.query_param("token").has_value());
  EXPECT_EQ(*d.query_param("token"), "");
}

TEST(Delivery, QueryParamIsAbsentWithoutAQuery) {
  EXPECT_FALSE(with_headers({}, "/hooks/").query_param("token").has_value());
}

TEST(Delivery, IequalsComparesAsciiCaseInsensitively) {
  EXPECT_TRUE(iequals("X-Mifos-Entity", "x-mifos-entity"));
  EXPECT_FALSE(iequals("X-Mifos-Entity", "X-Mifos-Entit"));
  EXPECT_TRUE(iequals("", ""));
}

TEST(Delivery, EqualDeliveriesCompareEqual) {
  const auto a = with_headers({{"A", "1"}});
  auto b = a;
  EXPECT_EQ(a, b);
  b.body = "x";
  EXPECT_NE(a, b);
}

TEST(Delivery, QueryListsEveryParameterDecodedInOrder) {
  delivery d;
  d.target = "/loans/5?command=approve&note=a%20b+c&flag#frag";
  auto q = d.query();
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0], std::make_pair(std::string("command"), std::string("approve")));
  EXPECT_EQ(q[1], std::make_pair(std::string("note"), std::string("a b c")));
  EXPECT_EQ(q[2], std::make_pair(std::string("flag"), std::string()));
  d.target = "/loans/5";
  EXPECT_TRUE(d.query().empty());
}

}  // namespace
}  // namespace mifos::hooks
