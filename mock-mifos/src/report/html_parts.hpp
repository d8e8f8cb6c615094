// html_parts.hpp: the pieces render_html puts together: escaping, and the two inline SVG charts.
// Internal to play/.
//
//   out += "<td>" + detail::html_escape(event) + "</td>";
//   out += detail::latency_histogram_svg(report);   // <svg id="latency-histogram" ...>
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace mifos::mock::detail {

// Text safe in element content and in quoted attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

// One <rect class="bar"> per non-empty latency bucket on a log latency axis, each with a <title>
// giving its range and count.
std::string latency_histogram_svg(const play_report& r);

// p99 latency per second: a <polyline> and one <circle class="point" data-second data-p99-us>
// per second with traffic.
std::string latency_over_time_svg(const play_report& r);

// A round latency as an axis label: "500 us", "20 ms", "1.5 s".
std::string latency_label(double us);

}  // namespace mifos::mock::detail
