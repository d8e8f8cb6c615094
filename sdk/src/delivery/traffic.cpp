// traffic.cpp: one JSON Lines record per delivery. Lines are assembled by hand so that the key
// order is the documented one and the same record always gives the same bytes; reading goes
// through nlohmann's non-throwing parser and checks every field, naming the first bad one.
#include "mifos/hooks/traffic.hpp"

#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "json_values.hpp"
#include "mifos/hooks/base64.hpp"
#include "text.hpp"

namespace mifos::hooks {
namespace {

// A JSON string literal. Method, path and headers should be ASCII; should one not be valid UTF-8,
// its bad bytes become U+FFFD rather than failing the whole line (only the body is kept exact,
// through body_base64).
std::string json_string(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

traffic_line_error fail(std::string reason) { return {std::move(reason)}; }

const nlohmann::json* find(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::variant<std::int64_t, traffic_line_error> read_offset(const nlohmann::json& line) {
  const auto* v = find(line, "offset_us");
  if (!v) return fail("missing \"offset_us\"");
  if (v->is_number_unsigned()) {
    const auto u = v->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return fail("\"offset_us\" is out of range");
    return static_cast<std::int64_t>(u);
  }
  if (!v->is_number_integer()) return fail("\"offset_us\" is not an integer");
  const auto i = v->get<std::int64_t>();
  if (i < 0) return fail("\"offset_us\" is negative");
  return i;
}

std::optional<traffic_line_error> read_string(const nlohmann::json& line, const char* key,
                                              std::string& out) {
  const auto* v = find(line, key);
  if (!v) return fail(std::string("missing \"") + key + "\"");
  if (!v->is_string()) return fail(std::string("\"") + key + "\" is not a string");
  out = v->get<std::string>();
  return std::nullopt;
}

std::optional<traffic_line_error> read_headers(const nlohmann::json& line,
                                               std::vector<header_field>& out) {
  const auto* v = find(line, "headers");
  if (!v) return fail("missing \"headers\"");
  if (!v->is_array()) return fail("\"headers\" is not an array");
  out.reserve(v->size());
  std::size_t index = 0;
  for (const auto& pair : *v) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
      return fail("header " + std::to_string(index) + " is not a [name, value] pair of strings");
    out.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
    ++index;
  }
  return std::nullopt;
}

std::optional<traffic_line_error> read_body(const nlohmann::json& line, std::string& out) {
  const auto* text = find(line, "body");
  const auto* encoded = find(line, "body_base64");
  if (text && encoded) return fail("both \"body\" and \"body_base64\"");
  if (text) {
    if (!text->is_string()) return fail("\"body\" is not a string");
    out = text->get<std::string>();
    return std::nullopt;
  }
  if (!encoded) return fail("missing \"body\" (or \"body_base64\")");
  if (!encoded->is_string()) return fail("\"body_base64\" is not a string");
  auto decoded = base64_decode(encoded->get_ref<const std::string&>());
  if (!decoded) return fail("bad base64 in body_base64");
  out = std::move(*decoded);
  return std::nullopt;
}

}  // namespace

std::string to_traffic_line(const traffic_record& r) {
  const delivery& d = r.message;
  std::string line;
  line.reserve(64 + d.target.size() + d.body.size() * 5 / 4 + d.headers.size() * 48);
  line += "{\"offset_us\":";
  line += std::to_string(r.offset_us);
  line += ",\"method\":";
  line += json_string(d.method);
  line += ",\"path\":";
  line += json_string(d.target);
  line += ",\"headers\":[";
  for (std::size_t i = 0; i < d.headers.size(); ++i) {
    if (i > 0) line += ',';
    line += '[';
    line += json_string(d.headers[i].name);
    line += ',';
    line += json_string(d.headers[i].value);
    line += ']';
  }
  line += "],";
  if (detail::valid_utf8(d.body)) {
    line += "\"body\":";
    line += json_string(d.body);
  } else {
    line += "\"body_base64\":\"";
    line += base64_encode(d.body);
    line += '"';
  }
  line += '}';
  return line;
}

result<traffic_record, traffic_line_error> parse_traffic_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (detail::nests_deeper_than(line, detail::kMaxNestingDepth))
    return fail("nests deeper than 64 levels");
  const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return fail("not JSON");
  if (!j.is_object()) return fail("not a JSON object");

  traffic_record r;
  auto offset = read_offset(j);
  if (auto* error = std::get_if<traffic_line_error>(&offset)) return std::move(*error);
  r.offset_us = std::get<std::int64_t>(offset);
  if (auto error = read_string(j, "method", r.message.method)) return std::move(*error);
  if (r.message.method.empty()) return fail("\"method\" is empty");
  if (auto error = read_string(j, "path", r.message.target)) return std::move(*error);
  if (auto error = read_headers(j, r.message.headers)) return std::move(*error);
  if (auto error = read_body(j, r.message.body)) return std::move(*error);
  return r;
}

}  // namespace mifos::hooks
