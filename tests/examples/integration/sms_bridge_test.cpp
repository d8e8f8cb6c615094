// sms_bridge_test.cpp: real processes on 127.0.0.1: `mock-mifos serve` with an SMS Bridge hook
// pointing at `sms-bridge`, whose Twilio base URL is a capture server answering like Twilio.
// Commands run through the mock's REST API must end as exactly the expected SMS; the key, the
// configuration and the work survive a restart of the bridge.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "capture_server.hpp"
#include "hello_receiver.hpp"  // kStartTimeout, kIoTimeout
#include "mifos/hooks/base64.hpp"
#include "mock_mifos.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;

const std::string kPhone = "+15550001111";
const std::string kAccountSid = "AC0123456789";
const std::string kAuthToken = "s3cr3t";
const std::string kMobile = "+254712345678";  // mock_mifos::create_client's mobileNo
const std::string kDate = "24 October 2024";  // create_client's activation date

// sms-bridge --port PORT --db DB --twilio-base BASE, up once it prints its "listening on" line.
class sms_bridge_process {
 public:
  sms_bridge_process(const std::string& db, const std::string& twilio_base,
                     std::uint16_t port = 0) {
    process_ = std::make_unique<child_process>(
        std::vector<std::string>{MIFOS_SMS_BRIDGE, "--port", std::to_string(port), "--db", db,
                                 "--twilio-base", twilio_base});
    const std::string prefix = "listening on http://127.0.0.1:";
    auto line = process_->wait_for_stderr_line(prefix, kStartTimeout);
    if (!line) throw std::runtime_error("sms-bridge did not start:\n" + process_->stderr_text());
    port_ = static_cast<std::uint16_t>(std::stoul(line->substr(prefix.size())));
  }
  std::uint16_t port() const { return port_; }
  std::string url_of(std::string_view path) const { return url(port_, path); }
  child_process& process() { return *process_; }
  std::optional<int> stop() {
    process_->send_signal(SIGTERM);
    return process_->wait_for_exit(kIoTimeout);
  }

 private:
  std::unique_ptr<child_process> process_;
  std::uint16_t port_ = 0;
};

// One SMS as the capture server got it.
struct captured_sms {
  std::string target;
  std::string authorization;
  std::map<std::string, std::string> form;  // To, From, Body, decoded
};

captured_sms read_sms(const std::string& raw) {
  captured_sms out;
  const std::size_t head_end = raw.find("\r\n\r\n");
  const std::string head = raw.substr(0, head_end);
  const std::size_t first_space = head.find(' ');
  out.target = head.substr(first_space + 1, head.find(' ', first_space + 1) - first_space - 1);
  std::size_t at = head.find("\r\n");
  while (at != std::string::npos) {
    const std::size_t end = head.find("\r\n", at + 2);
    const std::string line = head.substr(at + 2, end == std::string::npos ? end : end - at - 2);
    if (iequals(line.substr(0, line.find(':')), "Authorization"))
      out.authorization = line.substr(line.find(':') + 2);
    at = end;
  }
  // The SDK's query decoder reads a form body the same way.
  delivery as_query;
  as_query.target = "/?" + (head_end == std::string::npos ? "" : raw.substr(head_end + 4));
  for (auto& [name, value] : as_query.query()) out.form[name] = value;
  return out;
}

class SmsBridge : public ::testing::Test {
 protected:
  SmsBridge() {
    std::filesystem::create_directories(dir_);
    twilio_.set_response(201, R"({"sid":"SM0123456789abcdef","status":"queued"})");
  }
  ~SmsBridge() override { std::filesystem::remove_all(dir_); }

  // On a free port, or on `port` (a restart: the hook's Payload URL names the port).
  std::unique_ptr<sms_bridge_process> start_bridge(std::uint16_t port = 0) {
    return std::make_unique<sms_bridge_process>((dir_ / "bridge.db").string(), twilio_.origin(),
                                                port);
  }

  // POST /hooks: an active SMS Bridge hook on `events` (with message template `template_id`
  // when not 0); returns its id.
  std::int64_t add_sms_hook(const mock_mifos& mock, const std::string& payload_url,
                            const std::vector<std::pair<std::string, std::string>>& events,
                            std::int64_t template_id = 0) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [entity, action] : events)
      list.push_back({{"actionName", action}, {"entityName", entity}});
    nlohmann::json body = {{"name", "SMS Bridge"},
                           {"displayName", "SMS to clients"},
                           {"isActive", true},
                           {"events", list},
                           {"config",
                            {{"Payload URL", payload_url},
                             {"SMS Provider", "twilio"},
                             {"Phone Number", kPhone},
                             {"SMS Provider Account Id", kAccountSid},
                             {"SMS Provider Token", kAuthToken}}}};
    if (template_id != 0) body["templateId"] = template_id;
    auto r = mock.api("POST", "/hooks", body.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body, nullptr, false).value("resourceId", std::int64_t{0});
  }

  // The "Api Key" the mock stored on the hook after registering it with the bridge.
  static std::string api_key_of(const mock_mifos& mock, std::int64_t hook_id) {
    const auto shown = nlohmann::json::parse(
        mock.api("GET", "/hooks/" + std::to_string(hook_id)).body, nullptr, false);
    if (!shown.is_object() || !shown.contains("config")) return {};
    for (const auto& field : shown["config"])
      if (field["fieldName"] == "Api Key") return field["fieldValue"].get<std::string>();
    return {};
  }

  static nlohmann::json get_json(const mock_mifos& mock, const std::string& path) {
    return nlohmann::json::parse(mock.api("GET", path).body, nullptr, false);
  }

  // A loan for `client_id`, approved and disbursed; returns its id.
  static std::int64_t active_loan(const mock_mifos& mock, std::int64_t client_id) {
    // The fields the mock insists on (product 1 fills in the schedule); a real Fineract wants
    // the schedule too (see mock-mifos/src/generate/day_requests.cpp).
    nlohmann::json application = {{"clientId", client_id},
                                  {"productId", 1},
                                  {"principal", "1000.00"},
                                  {"expectedDisbursementDate", kDate},
                                  {"submittedOnDate", kDate},
                                  {"dateFormat", "dd MMMM yyyy"},
                                  {"locale", "en"}};
    auto created = mock.api("POST", "/loans", application.dump());
    EXPECT_EQ(created.status, 200) << created.body;
    const auto loan_id =
        nlohmann::json::parse(created.body, nullptr, false).value("loanId", std::int64_t{0});
    const std::string loan = "/loans/" + std::to_string(loan_id);
    nlohmann::json approval = {
        {"approvedOnDate", kDate}, {"dateFormat", "dd MMMM yyyy"}, {"locale", "en"}};
    EXPECT_EQ(mock.api("POST", loan + "?command=approve", approval.dump()).status, 200);
    nlohmann::json disbursal = {{"actualDisbursementDate", kDate},
                                {"transactionAmount", "1000.00"},
                                {"paymentTypeId", 1},
                                {"dateFormat", "dd MMMM yyyy"},
                                {"locale", "en"}};
    EXPECT_EQ(mock.api("POST", loan + "?command=disburse", disbursal.dump()).status, 200);
    return loan_id;
  }

  // GET /modules/sms/events/default until no event is pending; the list.
  static nlohmann::json settled_events(sms_bridge_process& bridge, const std::string& key) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    for (;;) {
      auto r = http_call("GET", bridge.url_of("/modules/sms/events/default"), "",
                         {"X-Mifos-API-Key: " + key});
      auto list = nlohmann::json::parse(r.body, nullptr, false);
      bool settled = r.status == 200 && list.is_array();
      if (settled)
        for (const auto& e : list)
          if (e.value("state", "") == "pending") settled = false;
      if (settled || std::chrono::steady_clock::now() >= deadline) return list;
      std::this_thread::sleep_for(20ms);
    }
  }

  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("sms_bridge_test_" + std::to_string(::getpid()) + "_" +
                                testing::UnitTest::GetInstance()->current_test_info()->name());
  capture_server twilio_;
};

TEST_F(SmsBridge, ClientCreateAndLoanRepaymentSendExactlyTheTwoExpectedMessages) {
  auto bridge = start_bridge();
  mock_mifos mock({"--dialect", "mifos"});
  const auto hook = add_sms_hook(mock, bridge->url_of("/modules/sms"),
                                 {{"CLIENT", "CREATE"}, {"LOAN", "REPAYMENT"}});
  ASSERT_GT(hook, 0);

  const std::int64_t client = mock.create_client("Amina", "Otieno");
  ASSERT_GT(client, 0);
  const std::int64_t loan = active_loan(mock, client);
  ASSERT_GT(loan, 0);
  nlohmann::json repayment = {{"transactionDate", kDate},
                              {"transactionAmount", "120.50"},
                              {"paymentTypeId", "1"},
                              {"dateFormat", "dd MMMM yyyy"},
                              {"locale", "en"}};
  ASSERT_EQ(mock.api("POST", "/loans/" + std::to_string(loan) + "/transactions?command=repayment",
                     repayment.dump())
                .status,
            200);

  ASSERT_TRUE(twilio_.wait_for_requests(2, 20s)) << bridge->process().stderr_text();
  mock.wait_until_sent(3);  // the registration and the two events
  const auto events = settled_events(*bridge, api_key_of(mock, hook));
  ASSERT_EQ(events.size(), 2u) << events.dump();
  EXPECT_EQ(events[0]["state"], "sent");
  EXPECT_EQ(events[0]["providerId"], "SM0123456789abcdef");
  EXPECT_EQ(events[1]["state"], "sent");
  ASSERT_EQ(twilio_.request_count(), 2u);

  const std::string client_account =
      get_json(mock, "/clients/" + std::to_string(client))["accountNo"];
  const std::string loan_account = get_json(mock, "/loans/" + std::to_string(loan))["accountNo"];
  std::vector<std::string> bodies;
  for (const auto& raw : twilio_.requests()) {
    const captured_sms sms = read_sms(raw);
    EXPECT_EQ(sms.target, "/2010-04-01/Accounts/" + kAccountSid + "/Messages.json");
    EXPECT_EQ(sms.authorization, "Basic " + base64_encode(kAccountSid + ":" + kAuthToken));
    EXPECT_EQ(sms.form.at("From"), kPhone);
    EXPECT_EQ(sms.form.at("To"), kMobile);
    bodies.push_back(sms.form.at("Body"));
  }
  std::sort(bodies.begin(), bodies.end());
  EXPECT_EQ(bodies, (std::vector<std::string>{
                        "Hello Amina Otieno, we received your repayment of 120.50 for loan " +
                            loan_account + ". Thank you.",
                        "Hello Amina Otieno, welcome! Your client account number is " +
                            client_account + "."}));
}

TEST_F(SmsBridge, DeliveryWithAWrongKeyIs401) {
  auto bridge = start_bridge();
  mock_mifos mock({"--dialect", "mifos"});
  const auto hook = add_sms_hook(mock, bridge->url_of("/modules/sms"), {{"CLIENT", "CREATE"}});
  mock.create_client();
  mock.wait_until_sent(2);
  ASSERT_FALSE(api_key_of(mock, hook).empty());  // registered, so the tenant is known

  auto r = http_call(
      "POST", bridge->url_of("/modules/sms/"), R"({"officeId":1,"clientId":1})",
      {"X-Mifos-Entity: CLIENT", "X-Mifos-Action: CREATE", "X-Mifos-Platform-TenantId: default",
       "X-Mifos-API-Key: 00000000000000000000000000000000",
       "Content-Type: application/json; charset=UTF-8"});
  EXPECT_EQ(r.status, 401) << r.body;
}

TEST_F(SmsBridge, RestartKeepsTheConfigurationAndTheMockKeepsSending) {
  auto bridge = start_bridge();
  mock_mifos mock({"--dialect", "mifos"});
  const auto hook = add_sms_hook(mock, bridge->url_of("/modules/sms"), {{"CLIENT", "CREATE"}});
  mock.create_client("Amina", "Otieno");
  ASSERT_TRUE(twilio_.wait_for_requests(1, 20s)) << bridge->process().stderr_text();
  const std::string key = api_key_of(mock, hook);
  ASSERT_EQ(key.size(), 32u);
  const std::uint16_t port = bridge->port();
  settled_events(*bridge, key);  // nothing under way when it stops
  ASSERT_EQ(bridge->stop(), 0) << bridge->process().stderr_text();

  bridge = start_bridge(port);  // the same database

  auto shown = http_call("GET", bridge->url_of("/modules/sms/configuration/default"), "",
                         {"X-Mifos-API-Key: " + key});
  EXPECT_EQ(shown.status, 200) << shown.body;
  const auto config = nlohmann::json::parse(shown.body, nullptr, false);
  EXPECT_EQ(config["tenantId"], "default");
  EXPECT_EQ(config["phoneNo"], kPhone);
  EXPECT_EQ(config["smsProviderAccountId"], kAccountSid);
  EXPECT_EQ(config["smsProviderToken"], "********");

  // The mock still has its key, so it does not register again: the bridge must know it.
  mock.create_client("Joseph", "Mensah");
  ASSERT_TRUE(twilio_.wait_for_requests(2, 20s)) << bridge->process().stderr_text();
  const captured_sms second = read_sms(twilio_.requests()[1]);
  EXPECT_EQ(second.form.at("To"), kMobile);
  EXPECT_EQ(second.form.at("Body").rfind("Hello Joseph Mensah, welcome!", 0), 0u)
      << second.form.at("Body");
  const auto log = mock.wait_until_sent(3);
  int registrations = 0;
  for (const auto& d : log["deliveries"]) {
    if (d.value("kind", "") == "sms-registration")
      ++registrations;
    else
      EXPECT_EQ(d["status"], 200) << d.dump();
  }
  EXPECT_EQ(registrations, 1);
}

TEST_F(SmsBridge, FineractDialectEnvelopeDeliverySendsTheWelcome) {
  auto bridge = start_bridge();
  mock_mifos mock;  // --dialect fineract: X-Fineract-* headers, envelope bodies
  // Fineract 1.7+ posts to the Payload URL itself and wants a '/' after a path.
  const auto hook = add_sms_hook(mock, bridge->url_of("/modules/sms/"), {{"CLIENT", "CREATE"}});
  ASSERT_GT(hook, 0);
  const std::int64_t client = mock.create_client("Grace", "Kamau");
  ASSERT_GT(client, 0);

  ASSERT_TRUE(twilio_.wait_for_requests(1, 20s)) << bridge->process().stderr_text();
  const auto log = mock.wait_until_sent(2);
  const auto& event = log["deliveries"].back();
  EXPECT_EQ(event["request"]["target"], "/modules/sms/");
  EXPECT_EQ(event["status"], 200);
  const std::string client_account =
      get_json(mock, "/clients/" + std::to_string(client))["accountNo"];
  const captured_sms sms = read_sms(twilio_.requests()[0]);
  EXPECT_EQ(sms.form.at("To"), kMobile);
  EXPECT_EQ(sms.form.at("From"), kPhone);
  EXPECT_EQ(sms.form.at("Body"),
            "Hello Grace Kamau, welcome! Your client account number is " + client_account + ".");
  const auto events = settled_events(*bridge, api_key_of(mock, hook));
  ASSERT_EQ(events.size(), 1u) << events.dump();
  EXPECT_EQ(events[0]["state"], "sent");
  EXPECT_EQ(twilio_.request_count(), 1u);
}

TEST_F(SmsBridge, MessageTemplateHookSendsTheRenderedMessageForTheClient) {
  auto bridge = start_bridge();
  mock_mifos mock;  // Fineract: its baseUrl ends in "api/", so mapper URLs start with "v1/"
  // A message template (UGD) as the Mifos X editor saves it: paragraphs, and a mapper that fetches
  // the client for its name and account number.
  nlohmann::json templ = {
      {"name", "Welcome SMS"},
      {"text", "<p>Dear {{client.displayName}},</p><p> account {{client.accountNo}} is open.</p>"},
      {"entity", 0},
      {"type", 2},
      {"mappers",
       {{{"mappersorder", 0},
         {"mapperskey", "client"},
         {"mappersvalue", "v1/clients/{{clientId}}"}}}}};
  auto created = mock.api("POST", "/templates", templ.dump());
  ASSERT_EQ(created.status, 200) << created.body;
  const auto template_id =
      nlohmann::json::parse(created.body, nullptr, false).value("resourceId", std::int64_t{0});
  const auto hook =
      add_sms_hook(mock, bridge->url_of("/modules/sms/"), {{"CLIENT", "CREATE"}}, template_id);
  ASSERT_GT(hook, 0);

  const std::int64_t client = mock.create_client("Grace", "Kamau");
  ASSERT_GT(client, 0);

  ASSERT_TRUE(twilio_.wait_for_requests(1, 20s)) << bridge->process().stderr_text();
  const auto log = mock.wait_until_sent(2);  // the registration, then sms/send
  const auto& sent = log["deliveries"].back();
  EXPECT_EQ(sent["kind"], "sms-send") << sent.dump();
  EXPECT_EQ(sent["status"], 200) << sent.dump();
  const std::string client_account =
      get_json(mock, "/clients/" + std::to_string(client))["accountNo"];
  const auto events = settled_events(*bridge, api_key_of(mock, hook));
  ASSERT_EQ(events.size(), 1u) << events.dump();
  EXPECT_EQ(events[0]["state"], "sent");
  ASSERT_EQ(twilio_.request_count(), 1u);
  const captured_sms sms = read_sms(twilio_.requests()[0]);
  EXPECT_EQ(sms.form.at("To"), kMobile);
  EXPECT_EQ(sms.form.at("From"), kPhone);
  EXPECT_EQ(sms.form.at("Body"), "Dear Grace Kamau, account " + client_account + " is open.");
}

}  // namespace
}  // namespace mifos::hooks::test
