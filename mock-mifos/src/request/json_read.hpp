// json_read.hpp: typed fields read from a command's JSON body, with Fineract's validation errors
// ("validation.msg.<resource>.<parameter>.cannot.be.blank", ...) collected into one api_error,
// the way Fineract's DataValidatorBuilder reports every bad parameter at once.
//
//   field_reader in(body, "client");
//   auto office_id = in.id("officeId");                  // required
//   auto active = in.flag("active", /*required=*/false);
//   auto date = in.date("activationDate", *active);      // checks dateFormat and locale too
//   if (!in.ok()) return in.error();
//
// A command that declares its parameters refuses the others first, as Fineract does:
//
//   if (!in.only({"officeId", "firstname", ...})) return in.error();   //
//   error.msg.parameter.unsupported
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.hpp"
#include "request/dates.hpp"
#include "request/money.hpp"

namespace mifos::mock::detail {

// A JSON value as Fineract's command.stringValueOfParameterNamed gives it: a string as is, a
// number as its JSON text ("500", "12.5"), true/false; empty for null, objects and arrays.
std::string value_text(const nlohmann::ordered_json& value);

// body[key] as the caller wrote it, for `changes` (Fineract echoes the request's strings).
inline nlohmann::ordered_json echoed(const nlohmann::ordered_json& body, const char* key) {
  return value_text(body.at(key));
}

// Fineract's payment details in a transaction's `changes`: paymentTypeId (a number), then
// accountNumber, checkNumber, routingCode, receiptNumber and bankNumber as sent.
void echo_payment_details(const nlohmann::ordered_json& body, std::int64_t payment_type_id,
                          nlohmann::ordered_json& changes);

class field_reader {
 public:
  // `body` must outlive the reader; a non-object body reads as if every field were absent.
  // `prefix` names a nested object in error parameters ("credits[0]." -> "credits[0].amount").
  field_reader(const nlohmann::ordered_json& body, std::string resource, std::string prefix = {});

  // A reader of an object inside this body (a journal entry's credits[0]): errors name their
  // parameter with `prefix`, and numbers read with this body's locale.
  field_reader nested(const nlohmann::ordered_json& element, std::string prefix) const;

  // False, with Fineract's 400 naming each of them, when the body has a parameter that is not in
  // `supported`; Fineract checks this before anything else.
  bool only(std::initializer_list<std::string_view> supported);
  // The same with a named set shared by several commands (a create and its update).
  bool only(std::span<const std::string_view> supported);

  // The field when present and not null.
  const nlohmann::ordered_json* find(std::string_view name) const;
  bool has(std::string_view name) const { return find(name) != nullptr; }

  // Each reader returns nullopt when the field is absent (an error if `required`) or invalid
  // (always an error).
  // An id: an integer > 0, as a JSON number or a numeric string.
  std::optional<std::int64_t> id(std::string_view name, bool required = true);
  // A whole number >= 0 (counts, enum codes).
  std::optional<std::int64_t> whole(std::string_view name, bool required = true);
  // A decimal >= 0 (rates). A JSON number, or a string in the body's `locale` ("1,000.50" in
  // en, "1.000,50" in de), which then needs a `locale`.
  std::optional<double> decimal(std::string_view name, bool required = true);
  // An amount of money > 0, read as decimal() reads.
  std::optional<cents> amount(std::string_view name, bool required = true);
  // A non-blank text (numbers and booleans read as their text).
  std::optional<std::string> text(std::string_view name, bool required = true);
  // A boolean read as Fineract reads it: true or "true" in any case; anything else is false.
  std::optional<bool> flag(std::string_view name, bool required = true);
  // A date string parsed with the body's dateFormat and locale, both then required.
  std::optional<local_date> date(std::string_view name, bool required = true);
  // An array of ids (clientMembers); absent reads as empty.
  std::vector<std::int64_t> ids(std::string_view name);

  // Adds an error about `parameter` (the first one makes the 400 body).
  void fail(std::string parameter, std::string message, std::string code,
            nlohmann::ordered_json value = nullptr);
  // fail() with "validation.msg.<resource>.<parameter>.<suffix>".
  void fail_rule(std::string_view parameter, std::string_view suffix, std::string message,
                 nlohmann::ordered_json value = nullptr);

  // Takes over the errors a reader of a nested object collected.
  void absorb(const field_reader& nested);

  bool ok() const { return !error_.has_value(); }
  // The collected errors; only meaningful when !ok().
  const api_error& error() const { return *error_; }

 private:
  std::optional<std::int64_t> integer(std::string_view name, bool required, bool positive);
  // The body's locale for a number given as a string; an error when it is missing or invalid.
  std::optional<std::string> number_locale(std::string_view name);
  // A signed number: a JSON number as given, or a string in the body's locale as plain text.
  std::optional<nlohmann::ordered_json> number(std::string_view name, bool required);

  const nlohmann::ordered_json& body_;
  std::string resource_, prefix_;
  std::optional<api_error> error_;
  std::optional<std::string> outer_locale_;  // the locale of the body a nested reader is in
};

}  // namespace mifos::mock::detail
