// command_line_test.cpp: every mock-mifos subcommand, read with CLI11, takes the flag forms
// it took before (read only: nothing runs), and a bare number is a duration in seconds.
#include <gtest/gtest.h>

#include <mifos_cli/command_line.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace mifos::mock::cli {
namespace {

// What reading `args` (after "mock-mifos") gives: "" when it would run, else the error.
std::string read(const std::vector<std::string>& args) {
  CLI::App app;
  mifos::cli::set_up(app, {"usage: mock-mifos <command> [options]", "", ""});
  // Kept until the end: each runner owns the values its command's flags write.
  const command_runner runners[] = {add_serve_command(app), add_generate_command(app),
                                    add_record_command(app), add_play_command(app),
                                    add_export_command(app)};
  const auto r = mifos::cli::read_command_line(app, args);
  if (r.what == mifos::cli::outcome::help) return "help";
  return r.error;
}

TEST(MockCommandLine, ServeTakesItsFlags) {
  EXPECT_EQ(read({"serve",
                  "--port",
                  "0",
                  "--address=127.0.0.1",
                  "--dialect",
                  "mifos",
                  "--failure-shape=exception",
                  "--lenient-urls",
                  "--user",
                  "a:b",
                  "--user",
                  "c:d",
                  "--tenant",
                  "t1",
                  "--tenant",
                  "t2",
                  "--threads",
                  "4",
                  "--senders",
                  "16",
                  "--log-size",
                  "50",
                  "--quiet"}),
            "");
  EXPECT_EQ(read({"serve", "--port", "1", "--port", "2"}), "");  // the last one wins
  EXPECT_EQ(read({"serve", "--dialect", "x"}), "--dialect must be fineract or mifos, not \"x\"");
  EXPECT_EQ(read({"serve", "--threads", "65"}),
            "--threads takes a number from 1 to 64, not \"65\"");
}

TEST(MockCommandLine, GenerateRecordAndExportTakeTheirFlags) {
  EXPECT_EQ(read({"generate",
                  "--out",
                  "-",
                  "--scenario",
                  "day",
                  "--clients",
                  "10",
                  "--seed=7",
                  "--dialect",
                  "fineract",
                  "--format",
                  "form",
                  "--failure-shape",
                  "stripped",
                  "--url",
                  "http://127.0.0.1:9/h/",
                  "--tenant",
                  "x",
                  "--date",
                  "2024-01-31"}),
            "");
  EXPECT_EQ(read({"record", "--listen", "0", "--out", "f.jsonl", "--append", "--forward",
                  "http://127.0.0.1:9", "--path", "/hooks", "--address", "127.0.0.1", "--threads",
                  "8", "--quiet"}),
            "");
  EXPECT_EQ(read({"export", "f.jsonl", "--format", "k6", "--out", "dir/", "--target",
                  "http://127.0.0.1:8080"}),
            "");
  EXPECT_EQ(read({"record", "--listen", "x"}),
            "--listen takes a number from 0 to 65535, not \"x\"");
}

TEST(MockCommandLine, PlayTakesItsFlagsAndTheSharedGrammar) {
  EXPECT_EQ(read({"play",
                  "a.jsonl",
                  "b.har",
                  "--target",
                  "http://127.0.0.1:9/",
                  "--pace",
                  "recorded",
                  "--speed",
                  "2",
                  "--max-gap",
                  "1.5s",
                  "--connections",
                  "8",
                  "--duration",
                  "2m",
                  "--count",
                  "100",
                  "--loop",
                  "--rewrite-path",
                  "/x",
                  "--rewrite-tenant",
                  "t",
                  "--rewrite-dialect",
                  "mifos",
                  "--duplicate",
                  "0.05",
                  "--reorder",
                  "5%",
                  "--delay",
                  "10s-20s",
                  "--delay-by",
                  "250ms",
                  "--drop",
                  "1e-3",
                  "--malform",
                  "0",
                  "--disconnect",
                  "1",
                  "--seed",
                  "3",
                  "--expect",
                  "2xx,404",
                  "--slo",
                  "p99=50ms",
                  "--slo",
                  "max=1s",
                  "--report-json",
                  "r.json",
                  "--report-html",
                  "r.html",
                  "--log",
                  "l.jsonl",
                  "--timeout",
                  "10s",
                  "--quiet"}),
            "");
  EXPECT_EQ(read({"play", "a.jsonl", "--target", "http://x/", "--rate", "max"}), "");
  EXPECT_EQ(read({"play", "a.jsonl", "--target", "http://x/", "--rate", "0.5"}), "");
  // One grammar: a bare number is seconds, in mock-mifos too.
  EXPECT_EQ(read({"play", "a.jsonl", "--target", "http://x/", "--duration", "30", "--timeout", "5",
                  "--delay", "10-20"}),
            "");
  EXPECT_EQ(read({"play", "a.jsonl", "--rate", "fast"}).rfind("--rate takes a rate", 0), 0u);
  EXPECT_EQ(read({"play", "a.jsonl", "--drop", "2"}).rfind("--drop takes a probability", 0), 0u);
  EXPECT_EQ(read({"play", "--timeout", "soon"}).rfind("--timeout takes a duration", 0), 0u);
}

TEST(MockCommandLine, UnknownFlagsAndHelp) {
  EXPECT_EQ(read({"play", "--bogus"}), "unknown option --bogus");
  EXPECT_EQ(read({"serve", "extra"}), "unexpected argument extra");
  EXPECT_EQ(read({"serve", "--quiet=1"}), "--quiet takes no value");
  EXPECT_EQ(read({"serve", "--port"}), "--port needs a value");
  EXPECT_EQ(read({"play", "--help"}), "help");
  EXPECT_EQ(read({"--help"}), "help");
}

}  // namespace
}  // namespace mifos::mock::cli
