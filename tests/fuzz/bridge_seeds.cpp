// bridge_seeds.cpp: the bridge_fuzz seeds, in the encoding bridge_fuzz.cpp describes: every
// fixture delivery posted to the bridge's hook path with the key, and one request of each other
// kind the bridge answers (registration, the tenant endpoints, a ping).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "fixture.hpp"

namespace mifos::hooks::fuzz {
namespace {

namespace fs = std::filesystem;

void write_seed(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string encode(std::string_view method, std::string_view target,
                   const std::vector<header_field>& headers, std::string_view body) {
  std::string out = std::string(method) + "\n" + std::string(target) + "\n";
  for (const auto& h : headers) out += h.name + ": " + h.value + "\n";
  return out + "\n" + std::string(body);
}

// The fixture with the API key header of its family instead of any it had.
std::vector<header_field> with_key(const delivery& d) {
  std::vector<header_field> headers;
  for (const auto& h : d.headers)
    if (!iequals(h.name, "X-Mifos-API-Key") && !iequals(h.name, "X-Fineract-API-Key"))
      headers.push_back(h);
  const bool mifos = d.header("X-Mifos-Entity").has_value();
  headers.push_back({mifos ? "X-Mifos-API-Key" : "X-Fineract-API-Key", "@key"});
  return headers;
}

}  // namespace

int write_bridge_seeds(const fs::path& dir) {
  fs::create_directories(dir);
  int seeds = 0;
  for (const char* subdir : {"deliveries", "bad"}) {
    for (const std::string& name : fixture_names(subdir)) {
      const delivery d = load_fixture(name);
      write_seed(dir / fixture_stem(name), encode("POST", "/modules/sms/", with_key(d), d.body));
      ++seeds;
    }
  }
  const std::vector<header_field> key = {{"X-Mifos-API-Key", "@key"}};
  const std::pair<const char*, std::string> requests[] = {
      {"registration",
       encode("POST", "/modules/sms/configuration", {{"Content-Type", "application/json"}},
              R"({"phoneNo":"+1","smsProvider":"twilio","smsProviderAccountId":"AC1",)"
              R"("smsProviderToken":"t","tenantId":"branch","mifosToken":"bWlmb3M6cGFzc3dvcmQ=",)"
              R"("endpoint":"http://127.0.0.1:1/api/v1/"})")},
      {"configuration-get", encode("GET", "/modules/sms/configuration/default", key, "")},
      {"configuration-delete", encode("DELETE", "/modules/sms/configuration/default", key, "")},
      {"events", encode("GET", "/modules/sms/events/default?limit=5", key, "")},
      {"resend", encode("POST", "/modules/sms/events/default/_resend", key, "")},
      {"sms-send", encode("POST", "/modules/sms",
                          {{"X-Mifos-Entity", "SMS"},
                           {"X-Mifos-Action", "SEND"},
                           {"X-Mifos-Platform-TenantId", "default"},
                           {"X-Mifos-API-Key", "@key"},
                           {"Content-Type", "application/json; charset=UTF-8"}},
                          R"({"mobileNo":"+254712345678","message":"Hello"})")},
      {"ping", encode("GET", "/modules/sms/", {}, "")},
  };
  for (const auto& [stem, bytes] : requests) {
    write_seed(dir / stem, bytes);
    ++seeds;
  }
  std::printf("make_seeds: %d bridge seeds in %s\n", seeds, dir.c_str());
  return seeds > 0 ? 0 : 1;
}

}  // namespace mifos::hooks::fuzz
