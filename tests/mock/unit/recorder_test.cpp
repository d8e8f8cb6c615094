// recorder_test.cpp: the recorder without a socket: each request becomes one traffic line
// with its arrival offset, is answered 200 or forwarded (target, Host, hop-by-hop headers) with
// the downstream's answer or a 502. The output file: recorder_file_test.cpp.
#include "record/recorder.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

namespace mifos::mock {
namespace {

hooks::delivery client_create() {
  hooks::delivery d;
  d.method = "POST";
  d.target = "/hooks/?tenant=default";
  d.headers = {{"Host", "127.0.0.1:7000"},
               {"X-Fineract-Entity", "CLIENT"},
               {"X-Fineract-Action", "CREATE"},
               {"Content-Type", "application/json"},
               {"Content-Length", "14"}};
  d.body = R"({"clientId":1})";
  return d;
}

// A recorder with its file, clock and downstream in plain variables.
struct harness {
  std::vector<std::string> lines;
  bool write_ok = true;
  std::int64_t now_us = 5'000'000;
  std::vector<std::pair<std::string, hooks::delivery>> sent;
  send_result downstream{201, R"({"ok":true})", "", std::chrono::microseconds(1500)};
  std::vector<recorded_delivery> seen;

  recorder make(recorder_options o = {}) {
    return recorder(
        std::move(o),
        [this](const std::string& line) {
          if (write_ok) lines.push_back(line);
          return write_ok;
        },
        [this](const std::string& origin, const hooks::delivery& d) {
          sent.emplace_back(origin, d);
          return downstream;
        },
        [this] { return now_us; }, [this](const recorded_delivery& r) { seen.push_back(r); });
  }

  hooks::traffic_record line(std::size_t i) const {
    auto parsed = hooks::parse_traffic_line(lines.at(i));
    if (!parsed) throw std::runtime_error(parsed.error().reason);
    return *parsed;
  }
};

recorder_options forwarding_to(const std::string& url) {
  recorder_options o;
  o.forward = parse_http_url(url);
  return o;
}

TEST(Recorder, AnswersRecordedAndWritesTheRequestAsOneTrafficLine) {
  harness h;
  auto rec = h.make();
  const auto answer = rec.answer(client_create());
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(nlohmann::json::parse(answer.body), nlohmann::json({{"status", "recorded"}}));
  ASSERT_EQ(h.lines.size(), 1u);
  EXPECT_EQ(h.line(0), (hooks::traffic_record{0, client_create()}));
  EXPECT_TRUE(h.sent.empty());
}

TEST(Recorder, GetPingsAreRecordedToo) {
  harness h;
  auto rec = h.make();
  hooks::delivery ping;
  ping.method = "GET";
  ping.target = "/hooks";
  EXPECT_EQ(rec.answer(ping).status, 200);
  ASSERT_EQ(h.lines.size(), 1u);
  EXPECT_EQ(h.line(0).message, ping);
}

TEST(Recorder, OffsetsAreArrivalTimesSinceTheFirstRequest) {
  harness h;
  auto rec = h.make();
  rec.answer(client_create());
  h.now_us += 1'250'000;
  rec.answer(client_create());
  h.now_us += 3;
  rec.answer(client_create());
  ASSERT_EQ(h.lines.size(), 3u);
  EXPECT_EQ(h.line(0).offset_us, 0);
  EXPECT_EQ(h.line(1).offset_us, 1'250'000);
  EXPECT_EQ(h.line(2).offset_us, 1'250'003);
}

TEST(Recorder, AppendedRecordsContinueFromTheFilesLastOffset) {
  harness h;
  recorder_options o;
  o.first_offset_us = 90'000'000;
  auto rec = h.make(o);
  rec.answer(client_create());
  h.now_us += 10;
  rec.answer(client_create());
  EXPECT_EQ(h.line(0).offset_us, 90'000'000);
  EXPECT_EQ(h.line(1).offset_us, 90'000'010);
}

TEST(Recorder, ForwardsToTheUrlOriginWithTheRequestsOwnTarget) {
  harness h;
  auto rec = h.make(forwarding_to("http://127.0.0.1:9000"));
  rec.answer(client_create());
  ASSERT_EQ(h.sent.size(), 1u);
  EXPECT_EQ(h.sent[0].first, "http://127.0.0.1:9000");
  EXPECT_EQ(h.sent[0].second.target, "/hooks/?tenant=default");
  EXPECT_EQ(h.sent[0].second.method, "POST");
  EXPECT_EQ(h.sent[0].second.body, client_create().body);
}

TEST(Recorder, AForwardUrlWithAPathReplacesTheTarget) {
  harness h;
  auto rec = h.make(forwarding_to("http://127.0.0.1:9000/in/fineract?k=1"));
  rec.answer(client_create());
  ASSERT_EQ(h.sent.size(), 1u);
  EXPECT_EQ(h.sent[0].second.target, "/in/fineract?k=1");
}

TEST(Recorder, AnswersWhatTheDownstreamAnswered) {
  harness h;
  h.downstream = {418, "short and stout", "", std::chrono::microseconds(10)};
  auto rec = h.make(forwarding_to("http://127.0.0.1:9000"));
  const auto answer = rec.answer(client_create());
  EXPECT_EQ(answer.status, 418);
  EXPECT_EQ(answer.body, "short and stout");
  EXPECT_EQ(answer.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(rec.stats().forwarded, 1u);
}

TEST(Recorder, ASilentDownstreamGets502WithAJsonErrorAndTheRequestIsStillRecorded) {
  harness h;
  h.downstream = {0, "", "Connection refused", std::chrono::microseconds(10)};
  auto rec = h.make(forwarding_to("http://127.0.0.1:9"));
  const auto answer = rec.answer(client_create());
  EXPECT_EQ(answer.status, 502);
  EXPECT_EQ(nlohmann::json::parse(answer.body),
            nlohmann::json({{"error", "downstream did not answer: Connection refused"}}));
  EXPECT_EQ(h.lines.size(), 1u);
  EXPECT_EQ(rec.stats().forward_failed, 1u);
  ASSERT_EQ(h.seen.size(), 1u);
  EXPECT_EQ(h.seen[0].status, 502);
}

TEST(Recorder, TheForwardedRequestHasTheDownstreamHostAndNoHopByHopHeaders) {
  hooks::delivery d = client_create();
  d.headers.push_back({"Connection", "keep-alive"});
  d.headers.push_back({"Expect", "100-continue"});
  d.headers.push_back({"User-Agent", "okhttp/4.9.3"});
  const hooks::delivery out = as_forwarded(d, *parse_http_url("http://rx.local:9000"));
  const std::vector<hooks::header_field> want = {
      {"Host", "rx.local:9000"},       {"X-Fineract-Entity", "CLIENT"},
      {"X-Fineract-Action", "CREATE"}, {"Content-Type", "application/json"},
      {"Content-Length", "14"},        {"User-Agent", "okhttp/4.9.3"}};
  EXPECT_EQ(out.headers, want);
}

TEST(Recorder, AForwardedRequestWithoutHostGetsOneFirst) {
  hooks::delivery d = client_create();
  d.headers.erase(d.headers.begin());
  const hooks::delivery out = as_forwarded(d, *parse_http_url("http://rx.local"));
  ASSERT_FALSE(out.headers.empty());
  EXPECT_EQ(out.headers.front(), (hooks::header_field{"Host", "rx.local"}));
}

TEST(Recorder, TheFileKeepsTheRequestAsItArrivedNotAsForwarded) {
  harness h;
  auto rec = h.make(forwarding_to("http://127.0.0.1:9000"));
  hooks::delivery d = client_create();
  d.headers.push_back({"Connection", "keep-alive"});
  rec.answer(d);
  EXPECT_EQ(h.line(0).message, d);
}

TEST(Recorder, AChunkedRequestIsRecordedWithAContentLengthInstead) {
  hooks::delivery d = client_create();
  d.headers = {{"Host", "h"}, {"Transfer-Encoding", "chunked"}, {"X-Fineract-Entity", "CLIENT"}};
  const hooks::delivery out = as_recorded(d);
  const std::vector<hooks::header_field> want = {
      {"Host", "h"}, {"Content-Length", "14"}, {"X-Fineract-Entity", "CLIENT"}};
  EXPECT_EQ(out.headers, want);
  EXPECT_EQ(out.body, d.body);
}

TEST(Recorder, OtherPathsThanTheOneAskedFor404AndAreNotRecorded) {
  harness h;
  recorder_options o;
  o.path = "/hooks";
  auto rec = h.make(o);
  hooks::delivery elsewhere = client_create();
  elsewhere.target = "/other";
  EXPECT_EQ(rec.answer(elsewhere).status, 404);
  EXPECT_EQ(rec.answer(client_create()).status, 200);  // "/hooks/?tenant=default" matches
  EXPECT_EQ(h.lines.size(), 1u);
  EXPECT_EQ(rec.stats().refused, 1u);
}

TEST(Recorder, AFileThatCannotBeWrittenGives500AndNothingIsForwarded) {
  harness h;
  h.write_ok = false;
  auto rec = h.make(forwarding_to("http://127.0.0.1:9000"));
  const auto answer = rec.answer(client_create());
  EXPECT_EQ(answer.status, 500);
  EXPECT_TRUE(h.sent.empty());
  EXPECT_EQ(rec.stats().write_failed, 1u);
}

TEST(Recorder, TheObserverSeesSequenceNumbersAndAnswers) {
  harness h;
  auto rec = h.make(forwarding_to("http://127.0.0.1:9000"));
  rec.answer(client_create());
  rec.answer(client_create());
  ASSERT_EQ(h.seen.size(), 2u);
  EXPECT_EQ(h.seen[0].seq, 1u);
  EXPECT_EQ(h.seen[1].seq, 2u);
  EXPECT_EQ(h.seen[1].status, 201);
  EXPECT_EQ(h.seen[1].forward_elapsed, std::chrono::microseconds(1500));
  EXPECT_EQ(event_name(h.seen[0].record.message), "CLIENT.CREATE");
}

TEST(Recorder, ConcurrentRequestsGiveWholeLinesInOffsetOrder) {
  std::mutex lines_mutex;  // the recorder's lock must make this one uncontended
  std::vector<std::string> lines;
  std::atomic<std::int64_t> clock{0};
  recorder rec(
      {},
      [&](const std::string& line) {
        std::lock_guard lock(lines_mutex);
        lines.push_back(line);
        return true;
      },
      {}, [&] { return clock.fetch_add(1); });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 250; ++i) rec.answer(client_create());
    });
  for (auto& t : threads) t.join();
  ASSERT_EQ(lines.size(), 1000u);
  std::int64_t previous = -1;
  for (const auto& line : lines) {
    auto parsed = hooks::parse_traffic_line(line);
    ASSERT_TRUE(parsed) << line;
    const auto offset = parsed->offset_us;
    EXPECT_GT(offset, previous);
    previous = offset;
  }
}

TEST(Recorder, EventNamesComeFromEitherHeaderFamily) {
  hooks::delivery d;
  d.headers = {{"X-Mifos-Entity", "LOAN"}, {"X-Mifos-Action", "REPAYMENT"}};
  EXPECT_EQ(event_name(d), "LOAN.REPAYMENT");
  EXPECT_EQ(event_name(hooks::delivery{}), "-");
}

}  // namespace
}  // namespace mifos::mock
