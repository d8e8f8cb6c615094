// json_read.cpp: reading and validating command fields the way Fineract's JsonParserHelper and
// DataValidatorBuilder do (codes and messages as Fineract words them).
#include "request/json_read.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "request/locale.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

std::optional<std::int64_t> parse_integer(const json& v) {
  if (v.is_number_unsigned()) {
    if (v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(v.get<std::uint64_t>());
  }
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9e15) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (!v.is_string()) return std::nullopt;
  std::string_view s = trim(v.get_ref<const std::string&>());
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return out;
}

}  // namespace

std::string value_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return {};
}

void echo_payment_details(const json& body, std::int64_t payment_type_id, json& changes) {
  changes["paymentTypeId"] = payment_type_id;
  for (const char* key :
       {"accountNumber", "checkNumber", "routingCode", "receiptNumber", "bankNumber"}) {
    auto it = body.find(key);
    if (it != body.end() && !it->is_null()) changes[key] = value_text(*it);
  }
}

field_reader::field_reader(const json& body, std::string resource, std::string prefix)
    : body_(body), resource_(std::move(resource)), prefix_(std::move(prefix)) {}

field_reader field_reader::nested(const json& element, std::string prefix) const {
  field_reader inner(element, resource_, prefix_ + std::move(prefix));
  if (const json* locale = find("locale")) inner.outer_locale_ = value_text(*locale);
  if (!inner.outer_locale_) inner.outer_locale_ = outer_locale_;
  return inner;
}

bool field_reader::only(std::initializer_list<std::string_view> supported) {
  return only(std::span<const std::string_view>(supported.begin(), supported.size()));
}

bool field_reader::only(std::span<const std::string_view> supported) {
  if (!body_.is_object()) return true;
  std::vector<std::string> unsupported;
  for (const auto& [key, value] : body_.items())
    if (std::find(supported.begin(), supported.end(), key) == supported.end())
      unsupported.push_back(prefix_ + key);
  if (unsupported.empty()) return true;
  error_ = api_error::unsupported_parameters(unsupported);
  return false;
}

const json* field_reader::find(std::string_view name) const {
  if (!body_.is_object()) return nullptr;
  auto it = body_.find(name);
  return it == body_.end() || it->is_null() ? nullptr : &*it;
}

void field_reader::fail(std::string parameter, std::string message, std::string code, json value) {
  parameter.insert(0, prefix_);
  if (!error_) {
    error_ = api_error::validation(std::move(parameter), std::move(message), std::move(code),
                                   std::move(value));
    return;
  }
  error_->errors.push_back(
      {message, message, std::move(code), std::move(parameter), std::move(value)});
}

void field_reader::fail_rule(std::string_view parameter, std::string_view suffix,
                             std::string message, json value) {
  std::string code = "validation.msg." + resource_ + "." + prefix_ + std::string(parameter) + "." +
                     std::string(suffix);
  fail(std::string(parameter), std::move(message), std::move(code), std::move(value));
}

void field_reader::absorb(const field_reader& nested) {
  if (!nested.error_) return;
  if (!error_) {
    error_ = nested.error_;
    return;
  }
  for (const auto& d : nested.error_->errors) error_->errors.push_back(d);
}

std::optional<std::int64_t> field_reader::integer(std::string_view name, bool required,
                                                  bool positive) {
  const json* v = find(name);
  if (v == nullptr || (v->is_string() && trim(v->get_ref<const std::string&>()).empty())) {
    if (required) {
      fail_rule(name, "cannot.be.blank", "The parameter `" + std::string(name) + "` is mandatory.");
    }
    return std::nullopt;
  }
  auto n = parse_integer(*v);
  if (!n) {
    const json* locale = find("locale");
    fail(std::string(name),
         "The parameter " + std::string(name) + " has value: " + value_text(*v) +
             " which is invalid integer value for provided locale of [" +
             (locale != nullptr ? value_text(*locale) : std::string("en")) + "].",
         "validation.msg.invalid.integer.format", *v);
    return std::nullopt;
  }
  if (positive && *n <= 0) {
    fail_rule(name, "not.greater.than.zero",
              "The parameter `" + std::string(name) + "` must be greater than 0.", *v);
    return std::nullopt;
  }
  if (!positive && *n < 0) {
    fail_rule(name, "not.zero.or.greater",
              "The parameter `" + std::string(name) + "` must be zero or greater.", *v);
    return std::nullopt;
  }
  return n;
}

std::optional<std::int64_t> field_reader::id(std::string_view name, bool required) {
  return integer(name, required, true);
}

std::optional<std::int64_t> field_reader::whole(std::string_view name, bool required) {
  return integer(name, required, false);
}

std::optional<std::string> field_reader::number_locale(std::string_view name) {
  auto locale = text("locale", false);
  if (!locale) locale = outer_locale_;
  if (!locale) {
    fail(std::string(name),
         "The parameter `" + std::string(name) +
             "` requires a `locale` parameter to be passed with it.",
         "validation.msg.missing.locale.parameter");
    return std::nullopt;
  }
  if (auto why = locale_problem(*locale)) {
    fail("locale", *why, "validation.msg.invalid.locale.format");
    return std::nullopt;
  }
  return locale;
}

// A JSON number is read as it is; a string in the request's locale, which it then requires
// (Fineract's JsonParserHelper.extractBigDecimalNamed). The result is the JSON number, or the
// string's value as plain text ("1000.50"), which keeps it exact.
std::optional<json> field_reader::number(std::string_view name, bool required) {
  const json* v = find(name);
  if (v == nullptr || (v->is_string() && trim(v->get_ref<const std::string&>()).empty())) {
    if (required) {
      fail_rule(name, "cannot.be.blank", "The parameter `" + std::string(name) + "` is mandatory.");
    }
    return std::nullopt;
  }
  if (v->is_number()) return *v;
  std::string locale = "en";
  if (v->is_string()) {
    auto given = number_locale(name);
    if (!given) return std::nullopt;
    locale = *given;
    if (auto plain = canonical_decimal(v->get_ref<const std::string&>(), locale))
      return json(*plain);
  }
  fail(std::string(name),
       "The parameter " + std::string(name) + " has value: " + value_text(*v) +
           " which is invalid decimal value for provided locale of [" + locale + "].",
       "validation.msg.invalid.decimal.format", *v);
  return std::nullopt;
}

std::optional<double> field_reader::decimal(std::string_view name, bool required) {
  auto n = number(name, required);
  if (!n) return std::nullopt;
  const double d = n->is_string() ? std::strtod(n->get_ref<const std::string&>().c_str(), nullptr)
                                  : n->get<double>();
  if (d < 0) {
    fail_rule(name, "not.zero.or.greater",
              "The parameter `" + std::string(name) + "` must be zero or greater.", *find(name));
    return std::nullopt;
  }
  return d;
}

std::optional<cents> field_reader::amount(std::string_view name, bool required) {
  auto n = number(name, required);
  if (!n) return std::nullopt;
  auto c = parse_amount(*n);
  if (!c) {
    fail(std::string(name),
         "The parameter " + std::string(name) + " has value: " + value_text(*find(name)) +
             " which is invalid decimal value for provided locale of [en].",
         "validation.msg.invalid.decimal.format", *find(name));
    return std::nullopt;
  }
  if (*c <= 0) {
    fail_rule(name, "not.greater.than.zero",
              "The parameter `" + std::string(name) + "` must be greater than 0.", *find(name));
    return std::nullopt;
  }
  return c;
}

std::optional<std::string> field_reader::text(std::string_view name, bool required) {
  const json* v = find(name);
  std::string s = v != nullptr ? value_text(*v) : std::string();
  if (v != nullptr && (v->is_object() || v->is_array())) {
    fail_rule(name, "invalid", "The parameter `" + std::string(name) + "` is invalid.", *v);
    return std::nullopt;
  }
  if (trim(s).empty()) {
    if (required) {
      fail_rule(name, "cannot.be.blank", "The parameter `" + std::string(name) + "` is mandatory.");
    }
    return std::nullopt;
  }
  return std::string(trim(s));
}

// Fineract reads a boolean through its text (Gson's getAsBoolean, Boolean.parseBoolean): true,
// "true" and "TRUE" are true, and every other value is false without an error ("yes", 1).
std::optional<bool> field_reader::flag(std::string_view name, bool required) {
  const json* v = find(name);
  if (v == nullptr || v->is_object() || v->is_array()) {
    if (required) {
      fail_rule(name, "cannot.be.blank", "The parameter `" + std::string(name) + "` is mandatory.");
    }
    return std::nullopt;
  }
  if (v->is_boolean()) return v->get<bool>();
  std::string text_value = value_text(*v);
  std::transform(text_value.begin(), text_value.end(), text_value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text_value == "true";
}

std::optional<local_date> field_reader::date(std::string_view name, bool required) {
  const std::string param(name);
  auto text_value = text(name, required);
  if (!text_value) return std::nullopt;
  auto format = text("dateFormat", false);
  auto locale = text("locale", false);
  if (!format) {
    fail(param,
         "The parameter `" + param + "` requires a `dateFormat` parameter to be passed with it.",
         "validation.msg.missing.dateFormat.parameter");
  }
  if (!locale) {
    fail(param, "The parameter `" + param + "` requires a `locale` parameter to be passed with it.",
         "validation.msg.missing.locale.parameter");
  } else if (auto why = locale_problem(*locale)) {
    fail("locale", *why, "validation.msg.invalid.locale.format");
    return std::nullopt;
  }
  if (!format || !locale) return std::nullopt;
  if (!is_supported_date_format(*format)) {
    fail("dateFormat", "Invalid dateFormat: `" + *format + "`",
         "validation.msg.invalid.dateFormat.format", *format);
    return std::nullopt;
  }
  auto d = parse_date(*text_value, *format);
  if (!d) {
    fail(param,
         "The parameter `" + param + "` is invalid based on the dateFormat: `" + *format +
             "` and locale: `" + *locale + "` provided:",
         "validation.msg.invalid.dateFormat.format", *text_value);
  }
  return d;
}

std::vector<std::int64_t> field_reader::ids(std::string_view name) {
  std::vector<std::int64_t> out;
  const json* v = find(name);
  if (v == nullptr) return out;
  bool valid = v->is_array();
  if (valid) {
    for (const auto& item : *v) {
      auto n = parse_integer(item);
      valid = valid && n && *n > 0;
      if (n) out.push_back(*n);
    }
  }
  if (!valid) {
    fail_rule(name, "invalid", "The parameter `" + std::string(name) + "` is invalid.", *v);
    out.clear();
  }
  return out;
}

}  // namespace mifos::mock::detail
