// grammar_test.cpp: the one grammar of durations, sizes, rates and percentages that every
// program reads (cli/), and the CLI11 glue's wording of errors.
#include <gtest/gtest.h>

#include <cmath>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/grammar.hpp>
#include <mifos_cli/options.hpp>

namespace mifos::cli {
namespace {

using namespace std::chrono_literals;

TEST(CliGrammar, DurationsTakeAUnitOrMeanSeconds) {
  EXPECT_EQ(*parse_duration("1.5s"), 1500ms);
  EXPECT_EQ(*parse_duration("250ms"), 250ms);
  EXPECT_EQ(*parse_duration("750us"), 750us);
  EXPECT_EQ(*parse_duration("2m"), 2min);
  EXPECT_EQ(*parse_duration("24h"), 24h);
  EXPECT_EQ(*parse_duration("7d"), 168h);
  EXPECT_EQ(*parse_duration("30"), 30s);
  EXPECT_EQ(*parse_duration("0.5"), 500ms);
  EXPECT_EQ(*parse_duration("0s"), 0s);
  EXPECT_EQ(*parse_duration("365d"), 365 * 24h);
}

TEST(CliGrammar, BadDurationsAreRefusedNamingTheValue) {
  for (const char* bad : {"", "ms", "s", "-1s", "2 s", "3w", "1e3", "1.2.3s", "abc", ".", "10S"}) {
    auto d = parse_duration(bad);
    EXPECT_FALSE(d) << bad;
    EXPECT_NE(d.error.find(std::string("\"") + bad + "\""), std::string::npos) << d.error;
  }
  auto too_long = parse_duration("366d");
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error, "takes a duration of at most 365d, not \"366d\"");
  EXPECT_EQ(parse_duration("x").error,
            "takes a duration such as 250ms, 1.5s, 2m or 7d (us, ms, s, m, h, d; a bare number is "
            "seconds), not \"x\"");
}

TEST(CliGrammar, DurationsAreWrittenAsTheyAreRead) {
  EXPECT_EQ(format_duration(1500ms), "1500ms");
  EXPECT_EQ(format_duration(2s), "2s");
  EXPECT_EQ(format_duration(168h), "7d");
  EXPECT_EQ(format_duration(750us), "750us");
  EXPECT_EQ(format_duration(0s), "0s");
}

TEST(CliGrammar, SizesAreBytesOrTakeAUnit) {
  EXPECT_EQ(*parse_size("1048576"), 1'048'576u);
  EXPECT_EQ(*parse_size("1024"), 1024u);
  EXPECT_EQ(*parse_size("64KiB"), 65'536u);
  EXPECT_EQ(*parse_size("1MiB"), 1'048'576u);
  EXPECT_EQ(*parse_size("2GiB"), 2'147'483'648u);
  EXPECT_EQ(*parse_size("1.5MB"), 1'500'000u);
  EXPECT_EQ(*parse_size("10kB"), 10'000u);
  EXPECT_EQ(*parse_size("512B"), 512u);
  for (const char* bad : {"", "-1", "1.5", "10 KiB", "10kb", "KiB", "1e6", "99999999999GiB"}) {
    auto s = parse_size(bad);
    EXPECT_FALSE(s) << bad;
    EXPECT_NE(s.error.find(std::string("\"") + bad + "\""), std::string::npos) << s.error;
  }
}

TEST(CliGrammar, RatesArePerSecondUnlessTheySayOtherwise) {
  EXPECT_DOUBLE_EQ(*parse_rate("200"), 200.0);
  EXPECT_DOUBLE_EQ(*parse_rate("0.5"), 0.5);
  EXPECT_DOUBLE_EQ(*parse_rate("500/s"), 500.0);
  EXPECT_DOUBLE_EQ(*parse_rate("30/m"), 0.5);
  EXPECT_DOUBLE_EQ(*parse_rate("7200/h"), 2.0);
  EXPECT_DOUBLE_EQ(*parse_rate("1e3"), 1000.0);
  EXPECT_TRUE(std::isinf(*parse_rate("max")));
  for (const char* bad : {"", "0", "-5", "fast", "5/d", "/s", "5/", "inf", "nan"}) {
    auto r = parse_rate(bad);
    EXPECT_FALSE(r) << bad;
    EXPECT_NE(r.error.find(std::string("\"") + bad + "\""), std::string::npos) << r.error;
  }
}

TEST(CliGrammar, PercentagesAreFractionsOrPercent) {
  EXPECT_DOUBLE_EQ(*parse_percentage("0.05"), 0.05);
  EXPECT_DOUBLE_EQ(*parse_percentage("5%"), 0.05);
  EXPECT_DOUBLE_EQ(*parse_percentage("100%"), 1.0);
  EXPECT_DOUBLE_EQ(*parse_percentage("1"), 1.0);
  EXPECT_DOUBLE_EQ(*parse_percentage("0"), 0.0);
  EXPECT_DOUBLE_EQ(*parse_percentage("1e-3"), 0.001);
  for (const char* bad : {"", "1.5", "150%", "-1", "%", "abc", "0.5x", "5 %"}) {
    auto p = parse_percentage(bad);
    EXPECT_FALSE(p) << bad;
    EXPECT_NE(p.error.find(std::string("\"") + bad + "\""), std::string::npos) << p.error;
  }
}

TEST(CliGlue, ErrorsNameTheFlagAndTheValue) {
  CLI::App app;
  set_up(app, {"usage: t [options]", "", ""});
  std::chrono::microseconds timeout{};
  int threads = 0;
  bool quiet = false;
  add_duration_option(
      app, "--timeout", [&](auto d) { timeout = d; }, "per request");
  add_number_option<int>(app, "--threads", 1, 64, threads, "threads");
  add_switch(app, "--quiet", quiet, "quiet");

  auto ok = read_command_line(app, {"--timeout", "30", "--threads=2", "--threads", "3", "--quiet"});
  EXPECT_EQ(ok.what, outcome::run) << ok.error;
  EXPECT_EQ(timeout, 30s);
  EXPECT_EQ(threads, 3);  // the last one given wins
  EXPECT_TRUE(quiet);

  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"--timeout", "soon"}, "--timeout takes a duration such as"},
      {{"--threads", "65"}, "--threads takes a number from 1 to 64, not \"65\""},
      {{"--threads"}, "--threads needs a value"},
      {{"--quiet=yes"}, "--quiet takes no value"},
      {{"--colour", "blue"}, "unknown option --colour"},
      {{"stray"}, "unexpected argument stray"}};
  for (const auto& [args, message] : cases) {
    CLI::App fresh;
    set_up(fresh, {"usage: t", "", ""});
    add_duration_option(
        fresh, "--timeout", [](auto) {}, "");
    add_number_option<int>(fresh, "--threads", 1, 64, threads, "");
    add_switch(fresh, "--quiet", quiet, "");
    auto r = read_command_line(fresh, args);
    EXPECT_EQ(r.what, outcome::usage_error) << message;
    EXPECT_EQ(r.error.rfind(message, 0), 0u) << r.error;
  }
}

TEST(CliGlue, HelpStartsWithTheUsageLine) {
  CLI::App app("does things");
  set_up(app, {"usage: t [options]", "", "Exit codes: 0 done."});
  int threads = 2;
  add_number_option<int>(app, "--threads", 1, 64, threads, "threads (default 2)");
  EXPECT_EQ(read_command_line(app, {"--help"}).what, outcome::help);
  const std::string help = app.help();
  EXPECT_EQ(help.rfind("usage: t [options]\n\ndoes things\n", 0), 0u) << help;
  EXPECT_NE(help.find("--threads N"), std::string::npos) << help;
  EXPECT_NE(help.find("Exit codes: 0 done."), std::string::npos) << help;
}

}  // namespace
}  // namespace mifos::cli
