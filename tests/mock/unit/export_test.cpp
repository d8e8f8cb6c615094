// export_test.cpp: traffic as vegeta JSON targets (checked field by field against vegeta's
// documented format) and as a k6 script (every request in it, strings escaped, the recorded pace).
#include "traffic/export.hpp"

#include <gtest/gtest.h>

#include <mifos/hooks/base64.hpp>
#include <nlohmann/json.hpp>
#include <set>

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

hooks::delivery client_create() {
  hooks::delivery d;
  d.method = "POST";
  d.target = "/hooks/?tenant=default";
  d.headers = {{"Host", "127.0.0.1:9000"},
               {"X-Fineract-Entity", "CLIENT"},
               {"X-Fineract-Action", "CREATE"},
               {"Content-Type", "application/json; charset=UTF-8"},
               {"Content-Length", "14"}};
  d.body = R"({"clientId":1})";
  return d;
}

http_url origin(const std::string& url = "http://127.0.0.1:8080") { return *parse_http_url(url); }

json vegeta(const hooks::delivery& d, const std::string& url = "http://127.0.0.1:8080") {
  const std::string line = vegeta_target(d, origin(url));
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one target per line";
  return json::parse(line);
}

TEST(ExportVegeta, FieldsAreExactlyMethodUrlBodyAndHeader) {
  const json t = vegeta(client_create());
  std::vector<std::string> keys;
  for (const auto& [key, value] : t.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"method", "url", "body", "header"}));
}

TEST(ExportVegeta, MethodIsTheRecordedOne) {
  hooks::delivery d = client_create();
  d.method = "PUT";
  EXPECT_EQ(vegeta(d)["method"], "PUT");
}

TEST(ExportVegeta, UrlIsTheTargetOriginPlusTheRecordedPathAndQuery) {
  EXPECT_EQ(vegeta(client_create(), "http://10.1.2.3:9999")["url"],
            "http://10.1.2.3:9999/hooks/?tenant=default");
}

TEST(ExportVegeta, ATargetWithAPathReplacesTheRecordedPath) {
  EXPECT_EQ(vegeta(client_create(), "http://127.0.0.1:7000/in/fineract")["url"],
            "http://127.0.0.1:7000/in/fineract");
}

TEST(ExportVegeta, BodyIsPaddedStandardBase64OfTheExactBytes) {
  hooks::delivery d = client_create();
  d.body = std::string("{\"a\":\"\xC3\xA9\"}\n\x00\xff?>", 15);
  const json t = vegeta(d);
  ASSERT_TRUE(t["body"].is_string());
  const std::string encoded = t["body"];
  EXPECT_EQ(encoded, "eyJhIjoiw6kifQoA/z8+");  // '/' and '+', not the URL alphabet
  EXPECT_EQ(encoded.size() % 4, 0u);
  EXPECT_EQ(hooks::base64_decode(encoded), d.body);
}

TEST(ExportVegeta, AnEmptyBodyIsAnEmptyString) {
  hooks::delivery d = client_create();
  d.method = "GET";
  d.body.clear();
  EXPECT_EQ(vegeta(d)["body"], "");
}

TEST(ExportVegeta, HeaderIsAnObjectOfArraysOfStrings) {
  const json t = vegeta(client_create());
  const json want = {{"X-Fineract-Entity", {"CLIENT"}},
                     {"X-Fineract-Action", {"CREATE"}},
                     {"Content-Type", {"application/json; charset=UTF-8"}}};
  EXPECT_EQ(t["header"], want);
}

TEST(ExportVegeta, RepeatedHeadersKeepTheirOrderUnderTheFirstSpelling) {
  hooks::delivery d = client_create();
  d.headers = {{"X-Tag", "b"}, {"Accept", "*/*"}, {"x-tag", "a"}, {"X-TAG", "c"}};
  const json t = vegeta(d);
  EXPECT_EQ(t["header"], json({{"X-Tag", {"b", "a", "c"}}, {"Accept", {"*/*"}}}));
}

TEST(ExportVegeta, HostAndContentLengthAreLeftToVegeta) {
  hooks::delivery d = client_create();
  d.headers.push_back({"content-length", "14"});
  d.headers.push_back({"HOST", "elsewhere"});
  const json t = vegeta(d);
  for (const auto& [name, values] : t["header"].items()) {
    EXPECT_FALSE(hooks::iequals(name, "Host")) << name;
    EXPECT_FALSE(hooks::iequals(name, "Content-Length")) << name;
  }
  EXPECT_EQ(t["header"].size(), 3u);
}

hooks::traffic_record at(std::int64_t offset_us, hooks::delivery d) {
  return {offset_us, std::move(d)};
}

// The requests array of a k6 script: one JSON object per line between "const requests = [" and
// "];".
std::vector<json> k6_requests(const std::string& js) {
  std::vector<json> out;
  const auto begin = js.find("const requests = [\n");
  const auto end = js.find("\n];\n");
  if (begin == std::string::npos || end == std::string::npos) {
    ADD_FAILURE() << "no requests array in:\n" << js;
    return out;
  }
  std::string_view rest(js.data() + begin + 19, end - begin - 19 + 1);
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    EXPECT_TRUE(line.starts_with("  ") && line.ends_with(",")) << line;
    out.push_back(json::parse(line.substr(2, line.size() - 3)));
  }
  return out;
}

TEST(ExportK6, TheScriptHoldsEveryRequestInFileOrder) {
  hooks::delivery second = client_create();
  second.method = "GET";
  second.target = "/hooks";
  second.body.clear();
  const std::string js =
      k6_script({at(0, client_create()), at(1'000'000, second)}, {origin(), "day.jsonl"});
  const auto requests = k6_requests(js);
  ASSERT_EQ(requests.size(), 2u);
  const json want_headers = {{"X-Fineract-Entity", "CLIENT"},
                             {"X-Fineract-Action", "CREATE"},
                             {"Content-Type", "application/json; charset=UTF-8"}};
  EXPECT_EQ(requests[0], json({{"method", "POST"},
                               {"path", "/hooks/?tenant=default"},
                               {"headers", want_headers},
                               {"body", R"({"clientId":1})"}}));
  EXPECT_EQ(requests[1]["method"], "GET");
  EXPECT_EQ(requests[1]["path"], "/hooks");
  EXPECT_EQ(requests[1]["body"], "");
}

TEST(ExportK6, QuotesNewlinesAndScriptTagsStayInsideOneStringLiteral) {
  hooks::delivery d = client_create();
  d.body = "{\"note\":\"a\\\"b\nc</script>\u2028'`${x}\"}";
  const auto requests = k6_requests(k6_script({at(0, d)}, {origin(), "x.jsonl"}));
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["body"], d.body);
}

TEST(ExportK6, ABodyThatIsNotUtf8TravelsAsBase64) {
  hooks::delivery d = client_create();
  d.body = std::string("\xff\xfe\x00", 3);
  const auto requests = k6_requests(k6_script({at(0, d)}, {origin(), "x.jsonl"}));
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_FALSE(requests[0].contains("body"));
  EXPECT_EQ(hooks::base64_decode(requests[0]["body_base64"].get<std::string>()), d.body);
}

TEST(ExportK6, RepeatedHeadersAreJoinedWithCommas) {
  hooks::delivery d = client_create();
  d.headers = {{"X-Tag", "a"}, {"x-tag", "b"}};
  const auto requests = k6_requests(k6_script({at(0, d)}, {origin(), "x.jsonl"}));
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["headers"], json({{"X-Tag", "a, b"}}));
}

TEST(ExportK6, TheScriptIsAModuleWithOptionsAndADefaultFunction) {
  const std::string js = k6_script({at(0, client_create())}, {origin("http://h:81"), "x.jsonl"});
  EXPECT_NE(js.find("import http from 'k6/http';\n"), std::string::npos);
  EXPECT_NE(js.find("const target = __ENV.TARGET || \"http://h:81\";\n"), std::string::npos);
  EXPECT_NE(js.find("export const options = {"), std::string::npos);
  EXPECT_NE(js.find("executor: 'constant-arrival-rate'"), std::string::npos);
  EXPECT_NE(js.find("export default function () {"), std::string::npos);
  EXPECT_NE(js.find("http.request(r.method, target + r.path, body, { headers: r.headers });"),
            std::string::npos);
}

TEST(ExportK6, RecordedPaceOfTenPerSecond) {
  const k6_pace pace = recorded_pace(101, 10'000'000);  // 100 gaps in 10 s
  EXPECT_EQ(pace.rate, 10);
  EXPECT_EQ(pace.time_unit, "1s");
  EXPECT_EQ(pace.duration_s, 11);  // 101 requests at 10/s
}

TEST(ExportK6, ASlowRecordingIsPacedPerMinuteOrHour) {
  const k6_pace day = recorded_pace(2701, 9LL * 3600 * 1'000'000);  // a generated day
  EXPECT_EQ(day.time_unit, "1m");
  EXPECT_EQ(day.rate, 5);
  const k6_pace sparse = recorded_pace(3, 2LL * 3600 * 1'000'000);
  EXPECT_EQ(sparse.time_unit, "1h");
  EXPECT_EQ(sparse.rate, 1);
  EXPECT_EQ(sparse.duration_s, 3 * 3600);
}

TEST(ExportK6, RequestsAllAtOnceArePacedInOneSecond) {
  const k6_pace pace = recorded_pace(50, 0);
  EXPECT_EQ(pace.rate, 50);
  EXPECT_EQ(pace.time_unit, "1s");
  EXPECT_EQ(pace.duration_s, 1);
}

TEST(ExportK6, RecordedPaceLandsInTheScriptOptions) {
  const std::string js = k6_script(
      {at(0, client_create()), at(100'000, client_create()), at(200'000, client_create())},
      {origin(), "x.jsonl"});
  EXPECT_NE(js.find("rate: Number(__ENV.RATE || 10),"), std::string::npos) << js;
  EXPECT_NE(js.find("timeUnit: __ENV.RATE ? '1s' : \"1s\","), std::string::npos) << js;
  EXPECT_NE(js.find("duration: __ENV.DURATION || '1s',"), std::string::npos) << js;
}

}  // namespace
}  // namespace mifos::mock
