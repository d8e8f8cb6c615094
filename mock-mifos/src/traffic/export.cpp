// export.cpp: vegeta targets and k6 scripts. Every string goes through JSON string escaping,
// which is also a valid JavaScript string literal (ES2019 allows U+2028/U+2029 in literals), so
// a body with quotes, newlines or "</script>" cannot break the script.
#include "traffic/export.hpp"

#include <algorithm>
#include <cmath>
#include <mifos/hooks/base64.hpp>
#include <nlohmann/json.hpp>

#include "traffic/retarget.hpp"

namespace mifos::mock {
namespace {

using ordered_json = nlohmann::ordered_json;

// A JSON/JS string literal; a bad UTF-8 byte (only possible in a header or path) becomes U+FFFD.
std::string literal(const std::string& s) {
  return ordered_json(s).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// RFC 3629 UTF-8: no overlongs, no surrogates, nothing past U+10FFFF.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      const unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
      if (b < lo || b > hi) return false;
    }
    i += extra + 1;
  }
  return true;
}

// The exported headers grouped by name (case-insensitively, first spelling and position).
std::vector<std::pair<std::string, std::vector<std::string>>> grouped_headers(
    const hooks::delivery& d) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& h : d.headers) {
    if (!exported_header(h)) continue;
    auto same = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return hooks::iequals(g.first, h.name); });
    if (same == groups.end())
      groups.push_back({h.name, {h.value}});
    else
      same->second.push_back(h.value);
  }
  return groups;
}

}  // namespace

bool exported_header(const hooks::header_field& h) {
  return !hooks::iequals(h.name, "Host") && !hooks::iequals(h.name, "Content-Length");
}

std::string vegeta_target(const hooks::delivery& d, const http_url& target) {
  ordered_json header = ordered_json::object();
  for (auto& [name, values] : grouped_headers(d)) header[name] = values;
  ordered_json line = {{"method", d.method},
                       {"url", target.origin() + retarget(target, d.target)},
                       {"body", hooks::base64_encode(d.body)},
                       {"header", std::move(header)}};
  return dump(line);
}

k6_pace recorded_pace(std::size_t count, std::int64_t span_us) {
  k6_pace pace;
  if (count == 0) return pace;
  // n requests spread over a span arrive n-1 gaps apart; all at once counts as one second.
  const double per_second =
      count > 1 && span_us > 0 ? static_cast<double>(count - 1) * 1e6 / static_cast<double>(span_us)
                               : static_cast<double>(count);
  double unit_seconds = 1;
  if (per_second < 0.5) {
    pace.time_unit = per_second * 60 >= 0.5 ? "1m" : "1h";
    unit_seconds = per_second * 60 >= 0.5 ? 60 : 3600;
  }
  pace.rate = std::max<std::int64_t>(1, std::llround(per_second * unit_seconds));
  pace.duration_s = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::ceil(static_cast<double>(count) * unit_seconds /
                                             static_cast<double>(pace.rate))));
  return pace;
}

std::string k6_script_head(const k6_options& options) {
  std::string js;
  js += "// k6 script written by `mock-mifos export` from " + options.source_name + ".\n";
  js += "// Replays every request in file order at the recorded rate:\n";
  js += "//   k6 run script.js\n";
  js += "//   k6 run -e TARGET=http://host:port -e RATE=200 -e DURATION=60s script.js\n";
  js += "// TARGET replaces the origin, RATE is requests per second, DURATION a k6 duration.\n";
  js += "import http from 'k6/http';\n";
  js += "import encoding from 'k6/encoding';\n";
  js += "import exec from 'k6/execution';\n\n";
  js += "const target = __ENV.TARGET || " + literal(options.target.origin()) + ";\n\n";
  js += "// body_base64 instead of body: the body is not UTF-8 text.\n";
  js += "const requests = [\n";
  return js;
}

std::string k6_request_entry(const hooks::traffic_record& r, const k6_options& options) {
  const hooks::delivery& d = r.message;
  ordered_json headers = ordered_json::object();
  for (auto& [name, values] : grouped_headers(d)) {
    std::string joined;
    for (const auto& v : values) joined += (joined.empty() ? "" : ", ") + v;
    headers[name] = joined;
  }
  ordered_json entry = {{"method", d.method},
                        {"path", retarget(options.target, d.target)},
                        {"headers", std::move(headers)}};
  if (valid_utf8(d.body))
    entry["body"] = d.body;
  else
    entry["body_base64"] = hooks::base64_encode(d.body);
  return "  " + dump(entry) + ",\n";
}

std::string k6_script_tail(const k6_pace& pace, const k6_options&) {
  std::string js;
  js += "];\n\n";
  js += "export const options = {\n";
  js += "  scenarios: {\n";
  js += "    replay: {\n";
  js += "      executor: 'constant-arrival-rate',\n";
  js += "      rate: Number(__ENV.RATE || " + std::to_string(pace.rate) + "),\n";
  js += "      timeUnit: __ENV.RATE ? '1s' : " + literal(pace.time_unit) + ",\n";
  js += "      duration: __ENV.DURATION || '" + std::to_string(pace.duration_s) + "s',\n";
  js += "      preAllocatedVUs: 10,\n";
  js += "      maxVUs: 200,\n";
  js += "    },\n";
  js += "  },\n";
  js += "};\n\n";
  // iterationInTest counts across every VU, so the requests go out once each, in order; __ITER
  // alone would restart from the first request in every VU.
  js += "export default function () {\n";
  js += "  if (requests.length === 0) return;\n";
  js += "  const r = requests[exec.scenario.iterationInTest % requests.length];\n";
  js +=
      "  const body = r.body_base64 === undefined ? r.body : "
      "encoding.b64decode(r.body_base64, 'std');\n";
  js += "  http.request(r.method, target + r.path, body, { headers: r.headers });\n";
  js += "}\n";
  return js;
}

std::string k6_script(const std::vector<hooks::traffic_record>& records,
                      const k6_options& options) {
  std::string js = k6_script_head(options);
  for (const auto& r : records) js += k6_request_entry(r, options);
  std::int64_t first = 0, last = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    first = i == 0 ? records[i].offset_us : std::min(first, records[i].offset_us);
    last = i == 0 ? records[i].offset_us : std::max(last, records[i].offset_us);
  }
  const std::int64_t span = last - first;
  js += k6_script_tail(recorded_pace(records.size(), span), options);
  return js;
}

}  // namespace mifos::mock
