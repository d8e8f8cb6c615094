// expectations.cpp: --expect and --slo, read from their flags and checked against a report. A
// broken expectation is one line a person can act on: which figure, its value, and the limit.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "report/duration_text.hpp"
#include "report/report.hpp"
#include "report/report_figures.hpp"

namespace mifos::mock {
namespace {

std::optional<int> digit(char c) {
  if (c < '0' || c > '9') return std::nullopt;
  return c - '0';
}

// "2xx" -> [200, 299]; "404" -> [404, 404]; HTTP statuses are 100..599.
std::optional<std::pair<int, int>> status_range(std::string_view item) {
  if (item.size() != 3) return std::nullopt;
  auto first = digit(item[0]);
  if (!first || *first < 1 || *first > 5) return std::nullopt;
  if ((item[1] == 'x' || item[1] == 'X') && (item[2] == 'x' || item[2] == 'X'))
    return std::pair{*first * 100, *first * 100 + 99};
  auto second = digit(item[1]), third = digit(item[2]);
  if (!second || !third) return std::nullopt;
  const int code = *first * 100 + *second * 10 + *third;
  return std::pair{code, code};
}

std::string range_text(const std::pair<int, int>& r) {
  if (r.first == r.second) return std::to_string(r.first);
  return std::to_string(r.first / 100) + "xx";
}

std::optional<double> percentile_of(std::string_view name) {
  if (name == "max") return 100.0;
  if (name.size() < 2 || name.front() != 'p') return std::nullopt;
  double p = 0;
  auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), p);
  if (ec != std::errc() || end != name.data() + name.size() || !(p > 0) || p > 100)
    return std::nullopt;
  return p;
}

}  // namespace

std::optional<std::string> parse_expect(const std::string& text, expectations& into) {
  std::vector<std::pair<int, int>> ranges;
  std::string_view rest = text;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    auto range = status_range(item);
    if (!range) {
      return "--expect takes status codes (200) or classes (2xx) from 1xx to 5xx, separated by "
             "commas; \"" +
             std::string(item) + "\" is neither";
    }
    ranges.push_back(*range);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  into.statuses.insert(into.statuses.end(), ranges.begin(), ranges.end());
  return std::nullopt;
}

std::optional<std::string> parse_slo(const std::string& text, expectations& into) {
  const auto equals = text.find('=');
  const std::string usage =
      "--slo takes PERCENTILE=LIMIT (p50, p90, p99, p99.9 or max; a limit "
      "is a duration: 50ms, 1.5s, 750us; a bare number is seconds), e.g. p99=50ms, not \"" +
      text + "\"";
  if (equals == std::string::npos) return usage;
  auto p = percentile_of(std::string_view(text).substr(0, equals));
  auto limit = detail::parse_duration_us(std::string_view(text).substr(equals + 1));
  if (!p || !limit) return usage;
  if (*limit <= 0) return "--slo limit must be more than 0 in \"" + text + "\"";
  into.slos.emplace_back(*p, *limit);
  return std::nullopt;
}

std::vector<std::string> check(const play_report& r, const expectations& e) {
  std::vector<std::string> broken;
  if (!e.statuses.empty()) {
    auto accepted = [&](int status) {
      return std::any_of(e.statuses.begin(), e.statuses.end(), [&](const auto& range) {
        return status >= range.first && status <= range.second;
      });
    };
    std::uint64_t outside = 0;
    std::string which;
    for (const auto& [status, count] : r.per_status()) {
      if (accepted(status)) continue;
      outside += count;
      which += (which.empty() ? "" : ", ") +
               (status == 0 ? std::string("no response") : std::to_string(status)) + " x" +
               std::to_string(count);
    }
    if (outside > 0) {
      std::string expected;
      for (const auto& range : e.statuses)
        expected += (expected.empty() ? "" : ",") + range_text(range);
      broken.push_back(std::to_string(outside) + (outside == 1 ? " delivery" : " deliveries") +
                       " answered outside " + expected + ": " + which);
    }
  }
  for (const auto& [p, limit] : e.slos) {
    const std::int64_t value = p >= 100 ? r.latencies().max() : r.latencies().percentile(p);
    if (value <= limit) continue;
    // Shown in microseconds when milliseconds would round to the limit itself.
    std::string shown = detail::format_ms(value);
    if (shown == detail::format_ms(limit)) shown = std::to_string(value) + " us";
    broken.push_back(detail::percentile_name(p) + " = " + shown + ", over the " +
                     detail::format_limit(limit) + " SLO");
  }
  return broken;
}

}  // namespace mifos::mock
