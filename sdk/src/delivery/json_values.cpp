#include "json_values.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace mifos::hooks::detail {
namespace {

std::optional<std::int64_t> from_double(double d) noexcept {
  // 2^63 is exactly representable; anything at or above it does not fit.
  constexpr double kLimit = 9223372036854775808.0;
  if (!std::isfinite(d) || d != std::floor(d) || d >= kLimit || d < 0) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

std::string number_text(double d, int precision) {
  if (auto whole = from_double(d); whole && std::fabs(d) < 1e15) return std::to_string(*whole);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", precision, d);
  return buf;
}

std::optional<std::string> scalar_text(const nlohmann::json* v, int precision) {
  if (v == nullptr) return std::nullopt;
  switch (v->type()) {
    case nlohmann::json::value_t::string:
      return v->get_ref<const std::string&>();
    case nlohmann::json::value_t::number_integer:
      return std::to_string(v->get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return std::to_string(v->get<std::uint64_t>());
    case nlohmann::json::value_t::number_float:
      return number_text(v->get<double>(), precision);
    case nlohmann::json::value_t::boolean:
      return v->get<bool>() ? "true" : "false";
    default:
      return std::nullopt;
  }
}

}  // namespace

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) noexcept {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<std::int64_t> to_id(std::string_view text) noexcept {
  if (text.empty() || text.size() > 40) return std::nullopt;
  std::int64_t whole = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), whole);
  if (ec == std::errc() && end == text.data() + text.size()) {
    return whole >= 0 ? std::optional<std::int64_t>(whole) : std::nullopt;
  }
  double d = 0;
  auto [dend, dec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (dec != std::errc() || dend != text.data() + text.size()) return std::nullopt;
  return from_double(d);
}

std::optional<std::int64_t> to_id(const nlohmann::json& value) noexcept {
  switch (value.type()) {
    case nlohmann::json::value_t::number_integer: {
      auto i = value.get<std::int64_t>();
      return i >= 0 ? std::optional<std::int64_t>(i) : std::nullopt;
    }
    case nlohmann::json::value_t::number_unsigned: {
      auto u = value.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
      return static_cast<std::int64_t>(u);
    }
    case nlohmann::json::value_t::number_float:
      return from_double(value.get<double>());
    case nlohmann::json::value_t::string:
      return to_id(std::string_view(value.get_ref<const std::string&>()));
    default:
      return std::nullopt;
  }
}

std::optional<std::int64_t> read_id(const nlohmann::json& object, std::string_view key) noexcept {
  const auto* v = member(object, key);
  return v ? to_id(*v) : std::nullopt;
}

std::optional<std::string> to_text(const nlohmann::json& value) {
  return scalar_text(&value, 17);
}

std::optional<std::string> read_text(const nlohmann::json& object, std::string_view key) {
  return scalar_text(member(object, key), 17);
}

std::optional<std::string> read_decimal(const nlohmann::json& object, std::string_view key) {
  return scalar_text(member(object, key), 15);
}

std::optional<bool> read_bool(const nlohmann::json& object, std::string_view key) noexcept {
  const auto* v = member(object, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

bool nests_deeper_than(std::string_view text, std::size_t limit) noexcept {
  // Nesting past `limit` takes more than 2 * limit bytes: short bodies need no scan at all.
  if (text.size() <= 2 * limit) return false;
  const char* p = text.data();
  const char* end = p + text.size();
  std::size_t depth = 0;
  while (p < end) {
    char c = *p++;
    if (c == '"') {
      // Skip the string with memchr: most of a JSON body is string content.
      for (;;) {
        const char* quote = static_cast<const char*>(std::memchr(p, '"', end - p));
        if (quote == nullptr) return false;  // unterminated: the parser will refuse it
        const char* q = quote;
        while (q > p && q[-1] == '\\') --q;
        p = quote + 1;
        if ((quote - q) % 2 == 0) break;  // an even run of backslashes: the quote is real
      }
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace mifos::hooks::detail
