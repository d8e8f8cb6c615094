// traffic_har_test.cpp: HAR captures as traffic: entries to deliveries, base64 bodies,
// HTTP/2 pseudo-headers dropped, Host from the URL, offsets from startedDateTime (any zone),
// and clear errors for bad files.
#include <gtest/gtest.h>

#include "traffic/har.hpp"

namespace mifos::mock {
namespace {

// A HAR capture as Chrome saves it (pretty-printed, HTTP/2 pseudo-headers, out of time order).
const char* const kHar = R"({
  "log": {
    "version": "1.2",
    "creator": {"name": "WebInspector", "version": "537.36"},
    "entries": [
      {
        "startedDateTime": "2024-10-24T09:53:01.623Z",
        "request": {
          "method": "POST",
          "url": "https://hooks.example:8443/hooks/?tenant=default#frag",
          "httpVersion": "h2",
          "headers": [
            {"name": ":authority", "value": "hooks.example:8443"},
            {"name": ":method", "value": "POST"},
            {"name": "x-fineract-entity", "value": "LOAN"},
            {"name": "x-fineract-action", "value": "REPAYMENT"},
            {"name": "content-type", "value": "application/octet-stream"}
          ],
          "postData": {"mimeType": "application/octet-stream", "text": "AP8Q", "encoding": "base64"}
        },
        "response": {"status": 200}
      },
      {
        "startedDateTime": "2024-10-24T09:52:59.123Z",
        "request": {
          "method": "POST",
          "url": "http://127.0.0.1:9000/hooks",
          "headers": [
            {"name": "X-Fineract-Entity", "value": "CLIENT"},
            {"name": "Host", "value": "receiver.local"},
            {"name": "X-Fineract-Action", "value": "CREATE"}
          ],
          "postData": {"mimeType": "application/json", "text": "{\"clientId\":1}"}
        },
        "response": {"status": 200}
      },
      {
        "startedDateTime": "2024-10-24T11:52:59.123+02:00",
        "request": {"method": "GET", "url": "http://127.0.0.1:9000/hooks", "headers": []}
      },
      {"startedDateTime": "2024-10-24T09:52:58.000Z", "comment": "no request"}
    ]
  }
})";

std::vector<hooks::traffic_record> har_records(std::string_view text) {
  auto parsed = parse_har(text);
  if (auto* error = std::get_if<std::string>(&parsed)) {
    ADD_FAILURE() << *error;
    return {};
  }
  return std::get<std::vector<hooks::traffic_record>>(parsed);
}

TEST(TrafficSourceHar, EachEntryWithARequestMethodBecomesADelivery) {
  const auto records = har_records(kHar);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].message.method, "POST");
  EXPECT_EQ(records[0].message.target, "/hooks");
  EXPECT_EQ(records[0].message.body, R"({"clientId":1})");
  EXPECT_EQ(records[1].message.method, "GET");
  EXPECT_EQ(records[1].message.body, "");
}

TEST(TrafficSourceHar, EntriesAreSortedByStartTimeStablyAndOffsetsCountFromTheFirst) {
  const auto records = har_records(kHar);
  ASSERT_EQ(records.size(), 3u);
  // 09:52:59.123Z, then 11:52:59.123+02:00 (the same instant, later in the file), then
  // 09:53:01.623Z
  EXPECT_EQ(records[0].offset_us, 0);
  EXPECT_EQ(records[1].offset_us, 0);
  EXPECT_EQ(records[1].message.method, "GET");
  EXPECT_EQ(records[2].offset_us, 2'500'000);
}

TEST(TrafficSourceHar, TargetIsThePathAndQueryOfTheUrl) {
  const auto records = har_records(kHar);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].message.target, "/hooks/?tenant=default");
}

TEST(TrafficSourceHar, Base64PostDataIsDecodedToTheExactBytes) {
  const auto records = har_records(kHar);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].message.body, std::string("\x00\xff\x10", 3));
}

TEST(TrafficSourceHar, PseudoHeadersAreDroppedAndHostComesFromTheUrl) {
  const auto records = har_records(kHar);
  ASSERT_EQ(records.size(), 3u);
  const std::vector<hooks::header_field> want = {{"Host", "hooks.example:8443"},
                                                 {"x-fineract-entity", "LOAN"},
                                                 {"x-fineract-action", "REPAYMENT"},
                                                 {"content-type", "application/octet-stream"}};
  EXPECT_EQ(records[2].message.headers, want);
}

TEST(TrafficSourceHar, AnExistingHostHeaderIsKeptInItsPlace) {
  const auto records = har_records(kHar);
  ASSERT_EQ(records.size(), 3u);
  const std::vector<hooks::header_field> want = {
      {"X-Fineract-Entity", "CLIENT"}, {"Host", "receiver.local"}, {"X-Fineract-Action", "CREATE"}};
  EXPECT_EQ(records[0].message.headers, want);
}

TEST(TrafficSourceHar, HostFromADefaultPortUrlHasNoPort) {
  const auto records =
      har_records(R"({"log":{"entries":[{"startedDateTime":"2024-01-01T00:00:00Z",)"
                  R"("request":{"method":"POST","url":"http://example.org/x","headers":[]}}]}})");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].message.headers,
            (std::vector<hooks::header_field>{{"Host", "example.org"}}));
}

TEST(TrafficSourceHar, BadFilesSayWhatIsWrong) {
  auto error = [](std::string_view text) {
    auto parsed = parse_har(text);
    auto* e = std::get_if<std::string>(&parsed);
    return e ? *e : std::string("(parsed)");
  };
  EXPECT_EQ(error("{\"log\":"), "not JSON");
  EXPECT_EQ(error(R"({"log":[]})"), "not a HAR file: no \"log\" object");
  EXPECT_EQ(error(R"({"log":{"pages":[]}})"), "not a HAR file: no \"log.entries\" array");
  const std::string entry_head = R"({"log":{"entries":[{"startedDateTime":"2024-01-01T00:00:00Z",)";
  EXPECT_EQ(error(entry_head + R"("request":{"method":"POST"}}]}})"),
            "entry 0: request has no url");
  EXPECT_EQ(error(entry_head + R"("request":{"method":"POST","url":"ftp://h/"}}]}})"),
            "entry 0: request.url \"ftp://h/\" is not an http(s) URL");
  EXPECT_EQ(error(entry_head + R"("request":{"method":"POST","url":"http://h/",)"
                               R"("postData":{"text":"!!","encoding":"base64"}}}]}})"),
            "entry 0: request.postData.text is not valid base64");
  EXPECT_EQ(error(entry_head + R"("request":{"method":"POST","url":"http://h/",)"
                               R"("headers":[{"name":"A"}]}}]}})"),
            "entry 0: header 0 is not {\"name\", \"value\"} strings");
  EXPECT_EQ(error(R"({"log":{"entries":[{"startedDateTime":"yesterday",)"
                  R"("request":{"method":"POST","url":"http://h/"}}]}})"),
            "entry 0: startedDateTime \"yesterday\" is not ISO 8601");
}

TEST(TrafficSourceHar, DeeplyNestedInputIsRefusedNotOverflowed) {
  const std::string deep =
      R"({"log":)" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  auto parsed = parse_har(deep);
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  EXPECT_EQ(std::get<std::string>(parsed), "nests deeper than 64 levels");
}

TEST(TrafficSourceHar, Iso8601TimesWithFractionsAndZones) {
  EXPECT_EQ(parse_iso8601_us("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_iso8601_us("1970-01-01T00:00:01.5Z"), 1'500'000);
  EXPECT_EQ(parse_iso8601_us("1970-01-01T00:00:00.1234567z"), 123'456);
  EXPECT_EQ(parse_iso8601_us("1970-01-01T01:00:00+01:00"), 0);
  EXPECT_EQ(parse_iso8601_us("1969-12-31T23:30:00-0030"), 0);
  EXPECT_EQ(parse_iso8601_us("2024-10-24T09:52:59.123Z"), 1729763579'123'000);
  EXPECT_FALSE(parse_iso8601_us("2024-10-24T09:52:59"));    // no zone
  EXPECT_FALSE(parse_iso8601_us("2024-02-30T00:00:00Z"));   // no such day
  EXPECT_FALSE(parse_iso8601_us("2024-10-24T09:52:59.Z"));  // empty fraction
  EXPECT_FALSE(parse_iso8601_us("2024-10-24 09:52:59Z"));
}

}  // namespace
}  // namespace mifos::mock
