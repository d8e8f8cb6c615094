// render_html.cpp: the report as one self-contained HTML page (--report-html): the figures of the
// text report as tables, and the two inline SVG charts of render_svg.cpp. Inline CSS only, no
// script and no external URL, so the file can be mailed, archived or opened offline.
#include "report/duration_text.hpp"
#include "report/html_parts.hpp"
#include "report/report.hpp"
#include "report/report_figures.hpp"

namespace mifos::mock {
namespace detail {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace detail

namespace {

using detail::html_escape;

constexpr const char* kStyle = R"(
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.8em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { padding: .25em .8em; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #f4f4f4; }
.summary { font-size: 1.1em; } .faults { color: #a33; }
svg { display: block; margin: .5em 0; background: #fcfcfc; border: 1px solid #e4e4e4; }
.bar { fill: #4a7ebb; } .bar:hover { fill: #274f80; }
.line { fill: none; stroke: #4a7ebb; stroke-width: 1.5; }
.point { fill: #274f80; } .point:hover { fill: #c33; }
.axis { stroke: #444; } .tick { stroke: #444; } .grid { stroke: #eee; }
.tick-label { font-size: 11px; fill: #444; } .axis-title { font-size: 12px; fill: #222; }
)";

std::string cell(const std::string& tag, const std::string& content) {
  return "<" + tag + ">" + html_escape(content) + "</" + tag + ">";
}

std::string row(const std::vector<std::string>& cells, const std::string& tag = "td") {
  std::string out = "<tr>";
  for (const auto& c : cells) out += cell(tag, c);
  return out + "</tr>\n";
}

std::string summary(const play_report& r) {
  return "<p class=\"summary\">" + html_escape(detail::summary_line(r)) + "</p>\n";
}

std::string html_status_table(const play_report& r) {
  std::string out = "<table id=\"statuses\">\n" + row({"status", "count", "%"}, "th");
  for (const auto& [status, count] : r.per_status())
    out += row(
        {detail::status_label(status), std::to_string(count), detail::percent(count, r.sent())});
  return out + "</table>\n";
}

std::string html_event_table(const play_report& r) {
  const auto statuses = detail::statuses(r);
  std::vector<std::string> head{"event"};
  for (int s : statuses) head.push_back(detail::status_label(s));
  head.push_back("total");
  std::string out = "<table id=\"events\">\n" + row(head, "th");
  for (const auto& [event, counts] : r.per_event()) {
    std::vector<std::string> cells{event};
    std::uint64_t total = 0;
    for (int s : statuses) {
      auto it = counts.find(s);
      const std::uint64_t n = it == counts.end() ? 0 : it->second;
      total += n;
      cells.push_back(std::to_string(n));
    }
    cells.push_back(std::to_string(total));
    out += row(cells);
  }
  return out + "</table>\n";
}

std::string html_latency_table(const play_report& r) {
  std::vector<std::string> head{"latency"}, values{"ms"};
  for (const auto& f : detail::latency_figures(r)) {
    head.push_back(f.name);
    values.push_back(detail::format_ms_number(f.us));
  }
  head.push_back("mean");
  values.push_back(detail::format_ms_number(std::llround(r.latencies().mean())));
  return "<table id=\"latency\">\n" + row(head, "th") + row(values) + "</table>\n";
}

std::string faults(const play_report& r) {
  if (r.dropped() + r.duplicated() + r.malformed() + r.disconnected() == 0) return "";
  return "<p class=\"faults\">" +
         html_escape("faults: dropped " + std::to_string(r.dropped()) + ", duplicated " +
                     std::to_string(r.duplicated()) + ", malformed " +
                     std::to_string(r.malformed()) + ", disconnected " +
                     std::to_string(r.disconnected())) +
         "</p>\n";
}

}  // namespace

std::string render_html(const play_report& r, const std::string& title) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      "<title>" + html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n" + summary(r) + faults(r);
  out += "<h2>Status codes</h2>\n" + html_status_table(r);
  out += "<h2>Events</h2>\n" + html_event_table(r);
  out += "<h2>Latency</h2>\n<p>From the intended send time to the complete answer.</p>\n" +
         html_latency_table(r);
  out += "<h2>Latency histogram</h2>\n" + detail::latency_histogram_svg(r);
  out += "<h2>p99 latency over time</h2>\n" + detail::latency_over_time_svg(r);
  return out + "</body>\n</html>\n";
}

}  // namespace mifos::mock
