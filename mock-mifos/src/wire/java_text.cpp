// java_text.cpp: Java and Gson text layouts. Byte-exactness matters here: the bodies built from
// these are compared byte for byte with what Fineract sends.
#include "wire/java_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <system_error>

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

constexpr char kHexLower[] = "0123456789abcdef";
constexpr char kHexUpper[] = "0123456789ABCDEF";

// JSON's two-character escapes, or nullptr.
const char* short_escape(unsigned char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\t':
      return "\\t";
    case '\r':
      return "\\r";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    default:
      return nullptr;
  }
}

// Gson's HTML-safe set, written as \u00XX.
bool html_unsafe(unsigned char c) {
  return c == '<' || c == '>' || c == '&' || c == '=' || c == '\'';
}

void append_gson_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (const char* escape = short_escape(c)) {
      out += escape;
    } else if (c < 0x20 || html_unsafe(c)) {
      out += "\\u00";
      out.push_back(kHexLower[c >> 4]);
      out.push_back(kHexLower[c & 0xF]);
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      // U+2028 / U+2029: valid JSON, but line terminators for JavaScript, so Gson escapes them.
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
}

// The number Gson's parser would have made of `j`: always a double.
double as_double(const json& j) {
  if (j.is_number_unsigned()) return static_cast<double>(j.get<std::uint64_t>());
  if (j.is_number_integer()) return static_cast<double>(j.get<std::int64_t>());
  return j.get<double>();
}

void append_gson(std::string& out, const json& j, bool numbers_as_doubles) {
  switch (j.type()) {
    case json::value_t::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [key, value] : j.items()) {
        if (value.is_null()) continue;
        if (!first) out.push_back(',');
        first = false;
        append_gson_string(out, key);
        out.push_back(':');
        append_gson(out, value, numbers_as_doubles);
      }
      out.push_back('}');
      return;
    }
    case json::value_t::array: {
      out.push_back('[');
      for (std::size_t i = 0; i < j.size(); ++i) {
        if (i > 0) out.push_back(',');
        append_gson(out, j[i], numbers_as_doubles);
      }
      out.push_back(']');
      return;
    }
    case json::value_t::string:
      append_gson_string(out, j.get_ref<const std::string&>());
      return;
    case json::value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      out += numbers_as_doubles ? java_double(as_double(j)) : std::to_string(j.get<std::int64_t>());
      return;
    case json::value_t::number_unsigned:
      out +=
          numbers_as_doubles ? java_double(as_double(j)) : std::to_string(j.get<std::uint64_t>());
      return;
    case json::value_t::number_float: {
      const double d = j.get<double>();
      out += std::isfinite(d) ? java_double(d) : "null";
      return;
    }
    default:  // null, discarded, binary
      out += "null";
      return;
  }
}

void append_java_text(std::string& out, const json& j, bool skip_null_members) {
  if (j.is_object()) {
    out.push_back('{');
    bool first = true;
    for (const auto& [key, value] : j.items()) {
      if (skip_null_members && value.is_null()) continue;
      if (!first) out += ", ";
      first = false;
      out += key;
      out.push_back('=');
      append_java_text(out, value, skip_null_members);
    }
    out.push_back('}');
  } else if (j.is_array()) {
    out.push_back('[');
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (i > 0) out += ", ";
      append_java_text(out, j[i], skip_null_members);
    }
    out.push_back(']');
  } else if (j.is_string()) {
    out += j.get_ref<const std::string&>();
  } else if (j.is_number()) {
    out += java_double(as_double(j));
  } else if (j.is_boolean()) {
    out += j.get<bool>() ? "true" : "false";
  } else {
    out += "null";
  }
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void append_percent_encoded(std::string& out, std::string_view s, hooks::wire_dialect d) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c)) {
      out.push_back(ch);
    } else if (c == ' ' && d == hooks::wire_dialect::mifos) {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHexUpper[c >> 4]);
      out.push_back(kHexUpper[c & 0xF]);
    }
  }
}

}  // namespace

std::string java_double(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == 0) return std::signbit(v) ? "-0.0" : "0.0";

  // Shortest round-trip digits from to_chars, e.g. "-1.05e+01", then Java's layout.
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  if (ec != std::errc()) return "NaN";  // cannot happen: 64 bytes hold any double
  const std::string_view text(buf, static_cast<std::size_t>(end - buf));
  const auto e_pos = text.find('e');
  std::string_view mantissa = text.substr(0, e_pos);
  std::string out;
  if (mantissa.front() == '-') {
    out.push_back('-');
    mantissa.remove_prefix(1);
  }
  std::string digits;
  for (char c : mantissa)
    if (c != '.') digits.push_back(c);
  int exponent = 0;
  std::string_view exp_text = text.substr(e_pos + 1);
  if (exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);

  if (exponent >= 7 || exponent < -3) {
    out.push_back(digits[0]);
    out.push_back('.');
    out += digits.size() > 1 ? digits.substr(1) : "0";
    out.push_back('E');
    out += std::to_string(exponent);
  } else if (exponent >= 0) {
    const auto whole = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() < whole) digits.append(whole - digits.size(), '0');
    out += digits.substr(0, whole);
    out.push_back('.');
    out += digits.size() > whole ? digits.substr(whole) : "0";
  } else {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out += digits;
  }
  return out;
}

std::string gson_json(const nlohmann::ordered_json& j, bool numbers_as_doubles) {
  std::string out;
  append_gson(out, j, numbers_as_doubles);
  return out;
}

std::string java_to_string(const nlohmann::ordered_json& j) {
  std::string out;
  append_java_text(out, j, /*skip_null_members=*/false);
  return out;
}

std::string hook_form_body(const nlohmann::ordered_json& object, hooks::wire_dialect d) {
  std::string out;
  if (!object.is_object()) return out;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) continue;
    if (!out.empty()) out.push_back('&');
    append_percent_encoded(out, key, d);
    out.push_back('=');
    std::string text;
    append_java_text(text, value, /*skip_null_members=*/true);
    append_percent_encoded(out, text, d);
  }
  return out;
}

std::string iso_timestamp(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto ns = time_point_cast<nanoseconds>(t);
  const auto day = floor<days>(ns);
  const year_month_day ymd{day};
  const hh_mm_ss<nanoseconds> tod{ns - day};
  const int y = static_cast<int>(ymd.year());
  char buf[64];
  // Instant.toString: four-digit years, a '+' beyond 9999, a '-' before year 0.
  const char* sign = y > 9999 ? "+" : (y < 0 ? "-" : "");
  int n =
      std::snprintf(buf, sizeof buf, "%s%04d-%02u-%02uT%02d:%02d:%02d", sign, y < 0 ? -y : y,
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                    static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                    static_cast<int>(tod.seconds().count()));
  std::string out(buf, static_cast<std::size_t>(n));
  const auto fraction = tod.subseconds().count();
  if (fraction != 0) {
    if (fraction % 1'000'000 == 0)
      n = std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(fraction / 1'000'000));
    else if (fraction % 1'000 == 0)
      n = std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(fraction / 1'000));
    else
      n = std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(fraction));
    out.append(buf, static_cast<std::size_t>(n));
  }
  out.push_back('Z');
  return out;
}

}  // namespace mifos::mock
