// har.cpp: HAR documents read through nlohmann's non-throwing parser, checked field by field so
// that a bad file says which entry and which field is wrong. The whole document is in memory
// (HAR is one JSON object; captures are small next to JSON Lines traffic files).
#include "traffic/har.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <mifos/hooks/base64.hpp>
#include <nlohmann/json.hpp>
#include <utility>

#include "wire/url.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxNesting = 64;

// nlohmann's parser recurses once per level: a hostile file nested a million deep would
// overflow the stack, so such a file is refused before parsing.
bool nests_deeper_than(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// `count` decimal digits at text[pos...], or nothing.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

struct built_entry {
  std::int64_t started_us = 0;
  hooks::delivery message;
};

std::string where(std::size_t index) { return "entry " + std::to_string(index) + ": "; }

std::optional<std::string> read_headers(const json& request, const http_url& url,
                                        std::vector<hooks::header_field>& out) {
  if (auto it = request.find("headers"); it != request.end()) {
    if (!it->is_array()) return "request.headers is not an array";
    std::size_t index = 0;
    for (const auto& h : *it) {
      const auto name = h.is_object() ? h.find("name") : json::const_iterator();
      const auto value = h.is_object() ? h.find("value") : json::const_iterator();
      if (!h.is_object() || name == h.end() || value == h.end() || !name->is_string() ||
          !value->is_string())
        return "header " + std::to_string(index) + " is not {\"name\", \"value\"} strings";
      ++index;
      const auto& n = name->get_ref<const std::string&>();
      // HTTP/2 pseudo-headers are not headers of an HTTP/1.1 request.
      if (n.empty() || n.front() == ':') continue;
      out.push_back({n, value->get<std::string>()});
    }
  }
  const bool has_host = std::any_of(out.begin(), out.end(), [](const hooks::header_field& h) {
    return hooks::iequals(h.name, "Host");
  });
  // HTTP/1.1 clients write Host first; an HTTP/2 capture carried it as :authority.
  if (!has_host) out.insert(out.begin(), {"Host", url.host_header()});
  return std::nullopt;
}

std::optional<std::string> read_body(const json& request, std::string& out) {
  const auto post = request.find("postData");
  if (post == request.end() || post->is_null()) return std::nullopt;
  if (!post->is_object()) return "request.postData is not an object";
  const auto text = post->find("text");
  if (text == post->end() || text->is_null()) return std::nullopt;
  if (!text->is_string()) return "request.postData.text is not a string";
  std::string encoding;
  if (auto e = post->find("encoding"); e != post->end() && !e->is_null()) {
    if (!e->is_string()) return "request.postData.encoding is not a string";
    encoding = e->get<std::string>();
  }
  if (encoding.empty()) {
    out = text->get<std::string>();
  } else if (encoding == "base64") {
    auto decoded = hooks::base64_decode(text->get_ref<const std::string&>());
    if (!decoded) return "request.postData.text is not valid base64";
    out = std::move(*decoded);
  } else {
    return "unsupported request.postData.encoding \"" + encoding + "\"";
  }
  return std::nullopt;
}

// The delivery of one entry; nothing (and no error) for an entry without a request method.
std::optional<std::string> read_entry(const json& entry, std::optional<built_entry>& out) {
  if (!entry.is_object()) return "not an object";
  const auto request = entry.find("request");
  if (request == entry.end() || !request->is_object()) return std::nullopt;
  const auto method = request->find("method");
  if (method == request->end() || !method->is_string() ||
      method->get_ref<const std::string&>().empty())
    return std::nullopt;

  built_entry built;
  built.message.method = method->get<std::string>();
  const auto started = entry.find("startedDateTime");
  if (started == entry.end() || !started->is_string()) return "missing startedDateTime";
  const auto at = parse_iso8601_us(started->get_ref<const std::string&>());
  if (!at) return "startedDateTime \"" + started->get<std::string>() + "\" is not ISO 8601";
  built.started_us = *at;

  const auto url_field = request->find("url");
  if (url_field == request->end() || !url_field->is_string()) return "request has no url";
  const auto url = parse_http_url(url_field->get_ref<const std::string&>());
  if (!url) return "request.url \"" + url_field->get<std::string>() + "\" is not an http(s) URL";
  built.message.target = url->target;
  if (auto error = read_headers(*request, *url, built.message.headers)) return error;
  if (auto error = read_body(*request, built.message.body)) return error;
  out = std::move(built);
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_iso8601_us(std::string_view text) {
  // YYYY-MM-DDThh:mm:ss, 19 characters, then an optional fraction and a zone.
  const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  if (*hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(*year),
                                        std::chrono::month(static_cast<unsigned>(*month)),
                                        std::chrono::day(static_cast<unsigned>(*day))};
  if (!ymd.ok()) return std::nullopt;

  std::size_t pos = 19;
  std::int64_t micros = 0;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
    ++pos;
    std::size_t count = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (count < 6) micros = micros * 10 + (text[pos] - '0');
      ++count;
      ++pos;
    }
    if (count == 0) return std::nullopt;
    for (std::size_t i = count; i < 6; ++i) micros *= 10;
  }

  std::int64_t zone_seconds = 0;
  const std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    // UTC
  } else if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    const auto zh = digits(zone, 1, 2);
    const bool colon = zone.size() == 6 && zone[3] == ':';
    const auto zm = digits(zone, colon ? 4 : 3, 2);
    if (!zh || !zm || (zone.size() != (colon ? 6u : 5u)) || *zh > 23 || *zm > 59)
      return std::nullopt;
    zone_seconds = (*zh * 3600 + *zm * 60) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }

  const auto days = std::chrono::sys_days(ymd).time_since_epoch().count();
  const std::int64_t seconds = static_cast<std::int64_t>(days) * 86400 + *hour * 3600 +
                               *minute * 60 + *second - zone_seconds;
  return seconds * 1'000'000 + micros;
}

std::variant<std::vector<hooks::traffic_record>, std::string> parse_har(std::string_view text) {
  if (nests_deeper_than(text, kMaxNesting)) return std::string("nests deeper than 64 levels");
  const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return std::string("not JSON");
  if (!document.is_object()) return std::string("not a HAR file: not a JSON object");
  const auto log = document.find("log");
  if (log == document.end() || !log->is_object())
    return std::string("not a HAR file: no \"log\" object");
  const auto entries = log->find("entries");
  if (entries == log->end() || !entries->is_array())
    return std::string("not a HAR file: no \"log.entries\" array");

  std::vector<built_entry> built;
  built.reserve(entries->size());
  for (std::size_t i = 0; i < entries->size(); ++i) {
    std::optional<built_entry> one;
    if (auto error = read_entry((*entries)[i], one)) return where(i) + *error;
    if (one) built.push_back(std::move(*one));
  }
  std::stable_sort(built.begin(), built.end(), [](const built_entry& a, const built_entry& b) {
    return a.started_us < b.started_us;
  });

  std::vector<hooks::traffic_record> records;
  records.reserve(built.size());
  for (auto& b : built)
    records.push_back({b.started_us - built.front().started_us, std::move(b.message)});
  return records;
}

}  // namespace mifos::mock
