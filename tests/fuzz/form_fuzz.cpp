// form_fuzz.cpp: the libFuzzer target for the form-body decoder (sdk/src/delivery/form_decode.hpp).
// The input is a form body: it goes through detail::split_form, then every field value, and the
// whole input, through detail::java_text_to_json, as parse() does with form deliveries. A thrown
// exception or a broken promise of form_decode.hpp traps (a crash libFuzzer records).
//
//   printf 'changes=%%7Blocale%%3Den%%2C+amount%%3D1.0E7%%7D&loanId=5.0' > seed
//   form_fuzz seed
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "form_decode.hpp"
#include "fuzz_check.hpp"
#include "json_values.hpp"
#include "text.hpp"

namespace mifos::hooks::fuzz {
namespace {

// Whether nlohmann's strict dump takes `s`. parse() vouches for dumps with detail::valid_utf8,
// so the two must agree on every string.
bool dumps_strictly(const std::string& s) {
  try {
    (void)nlohmann::json(s).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

// Container levels: 0 for a scalar, 1 for a flat map or list.
std::size_t depth(const nlohmann::json& j) {
  if (!j.is_structured()) return 0;
  std::size_t deepest = 0;
  for (const auto& child : j) deepest = std::max(deepest, depth(child));
  return deepest + 1;
}

void check_java_text(std::string_view text) {
  const nlohmann::json value = detail::java_text_to_json(text);
  check(depth(value) <= detail::kMaxNestingDepth, "java_text_to_json nests deeper than 64");
  if (value.is_string()) {
    check(value.get_ref<const std::string&>() == text, "a string result is not the input");
  }
  // Lossy dumps never throw; strict ones must not either when the input was UTF-8.
  (void)value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (detail::valid_utf8(text)) (void)value.dump();
}

void run_one(std::string_view body) {
  const auto fields = detail::split_form(body);
  const auto pieces = static_cast<std::size_t>(std::count(body.begin(), body.end(), '&')) + 1;
  check(fields.size() <= pieces, "more fields than '&'-separated pieces");
  if (!body.empty() && pieces == 1) check(fields.size() == 1, "one piece is not one field");
  check(detail::percent_decode(body).size() <= body.size(), "percent_decode grew its input");
  for (const auto& [name, value] : fields) {
    check(name.size() + value.size() <= body.size(), "a field is longer than the body");
    check(detail::valid_utf8(name) == dumps_strictly(name), "valid_utf8 disagrees with dump()");
    check(detail::valid_utf8(value) == dumps_strictly(value), "valid_utf8 disagrees with dump()");
    check_java_text(value);
  }
  check_java_text(body);
}

}  // namespace
}  // namespace mifos::hooks::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return mifos::hooks::fuzz::run_guarded([&] {
    mifos::hooks::fuzz::run_one(std::string_view(reinterpret_cast<const char*>(data), size));
  });
}
