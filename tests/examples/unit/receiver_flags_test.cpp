// receiver_flags_test.cpp: hello-receiver's and sms-bridge's command lines read with CLI11 take
// every flag form they took before, and refuse bad ones with exit-code-2 messages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hello/flags.hpp"
#include "sms-bridge/flags.hpp"

namespace {

// argv as main() gets it, program name first.
struct argv_of {
  explicit argv_of(std::vector<std::string> args) : args_(std::move(args)) {
    args_.insert(args_.begin(), "program");
    for (auto& a : args_) pointers_.push_back(a.data());
  }
  int argc() const { return static_cast<int>(pointers_.size()); }
  char** argv() { return pointers_.data(); }

 private:
  std::vector<std::string> args_;
  std::vector<char*> pointers_;
};

std::optional<hello::settings> hello_flags(std::vector<std::string> args, std::string& error) {
  argv_of a(std::move(args));
  return hello::read_flags(a.argc(), a.argv(), error);
}

TEST(HelloReceiverFlags, EveryFlagFormTakenBeforeStillParses) {
  std::string error;
  auto s = hello_flags({"--port=0",
                        "--address",
                        "0.0.0.0",
                        "--path",
                        "/in",
                        "--token=t0k",
                        "--tenant",
                        "a",
                        "--tenant=b",
                        "--threads",
                        "3",
                        "--max-bytes",
                        "2048",
                        "--max-connections",
                        "50",
                        "--workers",
                        "2",
                        "--queue",
                        "99",
                        "--journal",
                        "/tmp/j",
                        "--attempts",
                        "7",
                        "--dead-letter",
                        "/tmp/dl.jsonl",
                        "--dedupe",
                        "100",
                        "--out",
                        "/tmp/out.jsonl",
                        "--fail-on",
                        "LOAN.REPAYMENT",
                        "--admin-port",
                        "0",
                        "--quiet"},
                       error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->options.port, 0);
  EXPECT_EQ(s->options.address, "0.0.0.0");
  EXPECT_EQ(s->options.paths, std::vector<std::string>{"/in"});
  EXPECT_EQ(s->options.secret, "t0k");
  EXPECT_EQ(s->options.tenants, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s->options.threads, 3);
  EXPECT_EQ(s->options.max_request_bytes, 2048u);
  EXPECT_EQ(s->options.max_connections, 50u);
  EXPECT_EQ(s->options.workers, 2);
  EXPECT_EQ(s->options.queue_capacity, 99u);
  EXPECT_EQ(s->options.journal_dir, "/tmp/j");
  EXPECT_EQ(s->options.max_attempts, 7);
  EXPECT_EQ(s->options.dead_letter_file, "/tmp/dl.jsonl");
  EXPECT_EQ(s->options.dedupe_window, 100u);
  EXPECT_EQ(s->out_file, "/tmp/out.jsonl");
  EXPECT_EQ(s->fail_on, "LOAN.REPAYMENT");
  EXPECT_EQ(s->options.admin_port, std::optional<std::uint16_t>(0));
  EXPECT_TRUE(s->quiet);
  EXPECT_FALSE(s->help);
}

TEST(HelloReceiverFlags, DefaultsAndTheSharedSizeGrammar) {
  std::string error;
  auto s = hello_flags({}, error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->options.port, 8080);
  EXPECT_EQ(s->options.max_request_bytes, 1024u * 1024u);
  auto sized = hello_flags({"--max-bytes", "64KiB"}, error);
  ASSERT_TRUE(sized) << error;
  EXPECT_EQ(sized->options.max_request_bytes, 65'536u);
  auto help = hello_flags({"-h"}, error);
  ASSERT_TRUE(help) << error;
  EXPECT_TRUE(help->help);
  EXPECT_EQ(hello::help_text().rfind("usage: hello-receiver [options]\n", 0), 0u);
}

TEST(HelloReceiverFlags, BadCommandLinesSayWhy) {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"--colour", "blue"}, "unknown option --colour"},
      {{"--port"}, "--port needs a value"},
      {{"--port", "65536"}, "--port takes a number from 0 to 65535, not \"65536\""},
      {{"--path", "hooks"}, "--path must start with /"},
      {{"--max-bytes", "1000"}, "--max-bytes takes a size from 1024"},
      {{"--fail-on", "LOAN"}, "--fail-on takes ENTITY.ACTION"},
      {{"--tls-key", "k.pem"}, "--tls-cert and --tls-key go together"},
      {{"--quiet=yes"}, "--quiet takes no value"}};
  for (const auto& [args, message] : cases) {
    std::string error;
    EXPECT_FALSE(hello_flags(args, error)) << message;
    EXPECT_EQ(error.rfind(message, 0), 0u) << error;
  }
}

TEST(SmsBridgeFlags, EveryFlagFormTakenBeforeStillParses) {
  argv_of a({"--port=0", "--address", "0.0.0.0", "--db", "/tmp/b.db", "--twilio-base=http://t:1",
             "--fineract-insecure", "--threads", "4"});
  std::string error;
  auto s = sms_bridge::read_flags(a.argc(), a.argv(), error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->port, 0);
  EXPECT_EQ(s->address, "0.0.0.0");
  EXPECT_EQ(s->db, "/tmp/b.db");
  EXPECT_EQ(s->twilio_base, "http://t:1");
  EXPECT_TRUE(s->fineract_insecure);
  EXPECT_EQ(s->threads, 4);
  argv_of none({});
  auto defaults = sms_bridge::read_flags(none.argc(), none.argv(), error);
  ASSERT_TRUE(defaults) << error;
  EXPECT_EQ(defaults->port, 9191);
  EXPECT_EQ(defaults->db, "sms-bridge.db");
  EXPECT_NE(sms_bridge::help_text().find("(default 9191;"), std::string::npos);
}

TEST(SmsBridgeFlags, BadCommandLinesSayWhy) {
  argv_of a({"--twilio-base", "ftp://x"});
  std::string error;
  EXPECT_FALSE(sms_bridge::read_flags(a.argc(), a.argv(), error));
  EXPECT_EQ(error, "--twilio-base takes an http:// or https:// URL");
  argv_of b({"--threads", "0"});
  EXPECT_FALSE(sms_bridge::read_flags(b.argc(), b.argv(), error));
  EXPECT_EQ(error, "--threads takes a number from 1 to 256, not \"0\"");
}

}  // namespace
