// bridge_fuzz.cpp: the libFuzzer target for the SMS bridge's HTTP surface
// (receiver-examples/sms-bridge/protocol.hpp), the example that takes the most untrusted input:
// registrations, hook events and tenant requests. Each input is one request to a fresh bridge
// (an in-memory SQLite store) whose tenant "default" is registered; the target traps when
// handle() throws or answers anything its table does not promise.
//
// Input encoding (text, so that seeds are easy to write):
//   line 1            the method
//   line 2            the target
//   then lines        "Name: value" headers, up to an empty line; a value "@key" is replaced by
//                     the key of tenant "default", so inputs reach the paths behind the key
//   the rest          the body
//
//   printf 'GET\n/modules/sms/events/default\nX-Mifos-API-Key: @key\n\n' > seed
//   bridge_fuzz seed
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <mifos/hooks/delivery.hpp>
#include <mifos/hooks/http_server.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "protocol.hpp"
#include "sqlite_store.hpp"

namespace mifos::hooks::fuzz {
namespace {

constexpr std::string_view kKeyToken = "@key";
const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1729763579));

std::string_view next_line(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  const std::string_view line = rest.substr(0, end);
  rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  return line;
}

delivery decode(std::string_view input, const std::string& key) {
  delivery d;
  d.method = std::string(next_line(input));
  d.target = std::string(next_line(input));
  while (!input.empty()) {
    const std::string_view line = next_line(input);
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    std::string_view name = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    d.headers.push_back({std::string(name), value == kKeyToken ? key : std::string(value)});
  }
  d.body = std::string(input);
  return d;
}

const std::string& registration() {
  static const std::string body = nlohmann::json{
      {"phoneNo", "+15550001111"},
      {"smsProvider", "twilio"},
      {"smsProviderAccountId", "AC0123456789"},
      {"smsProviderToken", "s3cr3t"},
      {"tenantId", "default"},
      {"mifosToken", "bWlmb3M6cGFzc3dvcmQ="},
      {"endpoint",
       "http://127.0.0.1:1/api/v1/"}}.dump();
  return body;
}

bool is_json(const std::string& text) {
  return !nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false).is_discarded();
}

void check_answer(const delivery& d, const http_answer& a, std::size_t queued) {
  switch (a.status) {
    case 200:
      check(is_json(a.body), "a 200 whose body is not JSON");
      break;
    case 201:
      check(d.method == "POST", "a 201 for something other than a POST");
      check(
          a.body.size() == 32 && a.body.find_first_not_of("0123456789abcdef") == std::string::npos,
          "a 201 whose body is not a 32-hex-digit key");
      break;
    case 400:
    case 401:
    case 404:
    case 405:
    case 413:
    case 415:
      check(is_json(a.body) && a.body.find("\"error\"") != std::string::npos,
            "an error answer without a JSON {\"error\":...} body");
      check(queued == 0, "an error answer that queued an event");
      break;
    default:
      fail("an answer outside the protocol's table");
  }
}

void run_one(const std::uint8_t* data, std::size_t size) {
  sms_bridge::sqlite_store store(":memory:");
  std::size_t queued = 0;
  sms_bridge::protocol bridge(store, [&queued](std::int64_t) { ++queued; });

  delivery signup;
  signup.method = "POST";
  signup.target = "/modules/sms/configuration";
  signup.headers = {{"Content-Type", "application/json"}};
  signup.body = registration();
  const http_answer registered = bridge.handle(signup, kNow);
  check(registered.status == 201, "the fixed registration was refused");

  const delivery d =
      decode(std::string_view(reinterpret_cast<const char*>(data), size), registered.body);
  check_answer(d, bridge.handle(d, kNow), queued);
}

}  // namespace
}  // namespace mifos::hooks::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return mifos::hooks::fuzz::run_guarded([&] { mifos::hooks::fuzz::run_one(data, size); });
}
