// url_test.cpp: splitting http(s) URLs into origin, Host header and request target, and
// Fineract 1.7+'s trailing-slash rule for Payload URLs.
#include "wire/url.hpp"

#include <gtest/gtest.h>

namespace mifos::mock {
namespace {

TEST(Url, SplitsSchemeHostPortAndTarget) {
  const auto u = parse_http_url("http://127.0.0.1:9000/hooks/?a=1");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->scheme, "http");
  EXPECT_EQ(u->host, "127.0.0.1");
  EXPECT_EQ(u->port, 9000);
  EXPECT_EQ(u->target, "/hooks/?a=1");
  EXPECT_EQ(u->origin(), "http://127.0.0.1:9000");
  EXPECT_EQ(u->host_header(), "127.0.0.1:9000");
}

TEST(Url, DefaultPortsAndTheRootTarget) {
  const auto http = parse_http_url("http://example.org");
  ASSERT_TRUE(http.has_value());
  EXPECT_EQ(http->port, 80);
  EXPECT_EQ(http->target, "/");
  EXPECT_EQ(http->host_header(), "example.org");
  const auto https = parse_http_url("HTTPS://example.org:443/x");
  ASSERT_TRUE(https.has_value());
  EXPECT_EQ(https->scheme, "https");
  EXPECT_EQ(https->port, 443);
  EXPECT_EQ(https->host_header(), "example.org");
  EXPECT_EQ(https->origin(), "https://example.org:443");
}

TEST(Url, QueryWithoutPathGetsASlashAndTheFragmentIsDropped) {
  EXPECT_EQ(parse_http_url("http://h?x=1")->target, "/?x=1");
  EXPECT_EQ(parse_http_url("http://h/p#frag")->target, "/p");
}

TEST(Url, Ipv6LiteralsKeepTheirBrackets) {
  const auto u = parse_http_url("http://[::1]:9000/hooks/");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->host, "[::1]");
  EXPECT_EQ(u->port, 9000);
  EXPECT_EQ(u->host_header(), "[::1]:9000");
}

TEST(Url, RefusesWhatIsNotAnAbsoluteHttpUrl) {
  EXPECT_FALSE(parse_http_url("").has_value());
  EXPECT_FALSE(parse_http_url("/hooks/").has_value());
  EXPECT_FALSE(parse_http_url("ftp://h/").has_value());
  EXPECT_FALSE(parse_http_url("http:///hooks").has_value());
  EXPECT_FALSE(parse_http_url("http://h:0/").has_value());
  EXPECT_FALSE(parse_http_url("http://h:65536/").has_value());
  EXPECT_FALSE(parse_http_url("http://h:9x/").has_value());
  EXPECT_FALSE(parse_http_url("http://h/a b").has_value());
  EXPECT_FALSE(parse_http_url("http://[::1/").has_value());
}

TEST(Url, RefusesUserInfoRatherThanDroppingCredentials) {
  EXPECT_FALSE(parse_http_url("http://user:pw@h/hooks/").has_value());
}

TEST(Url, TrailingSlashRule) {
  EXPECT_TRUE(has_path_without_trailing_slash(*parse_http_url("http://h/hooks")));
  EXPECT_TRUE(has_path_without_trailing_slash(*parse_http_url("http://h/hooks?x=/")));
  EXPECT_FALSE(has_path_without_trailing_slash(*parse_http_url("http://h/hooks/")));
  EXPECT_FALSE(has_path_without_trailing_slash(*parse_http_url("http://h/hooks/?x=1")));
  EXPECT_FALSE(has_path_without_trailing_slash(*parse_http_url("http://h")));
  EXPECT_FALSE(has_path_without_trailing_slash(*parse_http_url("http://h/")));
}

}  // namespace
}  // namespace mifos::mock
