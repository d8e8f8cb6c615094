// json_fuzz.cpp: the differential libFuzzer target for the fast JSON reader
// (sdk/src/parse/json_reader.hpp) against nlohmann::json::parse, which parse() falls back to. The input
// is a JSON text. Whenever detail::read_json_object says yes, nlohmann must read the same text to
// the same DOM (values, value types, doubles bit for bit) nesting at most 64 levels; whenever
// nlohmann refuses the text, the fast reader must have said no. A broken promise traps.
//
//   printf '{"officeId":1,"clientId":1042,"resourceId":1042}' > seed
//   json_fuzz seed
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "fuzz_check.hpp"
#include "json_reader.hpp"
#include "json_values.hpp"

namespace mifos::hooks::fuzz {
namespace {

using nlohmann::json;

// Container levels: 0 for a scalar, 1 for a flat object or array. Only called on the fast
// reader's DOMs, which it promises are at most 64 deep, so the recursion stays shallow.
std::size_t depth(const json& j) {
  if (!j.is_structured()) return 0;
  std::size_t deepest = 0;
  for (const auto& child : j) deepest = std::max(deepest, depth(child));
  return deepest + 1;
}

// nlohmann's == calls 1 and 1.0, or -0.0 and 0.0, equal: types and bits count here. `a` is the
// fast reader's DOM, already known to be at most 64 deep.
bool identical(const json& a, const json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
      if (i.key() != j.key() || !identical(*i, *j)) return false;
    return true;
  }
  if (a.is_array()) {
    for (std::size_t k = 0; k < a.size(); ++k)
      if (!identical(a[k], b[k])) return false;
    return true;
  }
  if (a.is_number_float())
    return std::bit_cast<std::uint64_t>(a.get<double>()) ==
           std::bit_cast<std::uint64_t>(b.get<double>());
  return a == b;
}

void run_one(std::string_view text) {
  json fast;
  const bool read = detail::read_json_object(text, fast);
  const json slow = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (slow.is_discarded()) {
    check(!read, "the fast reader read a text nlohmann refuses");
    return;
  }
  if (!read) return;
  check(depth(fast) <= detail::kMaxNestingDepth, "the fast reader read nesting deeper than 64");
  check(fast.is_object(), "the fast reader read something other than an object");
  check(identical(fast, slow), "the fast reader's DOM differs from nlohmann's");
}

}  // namespace
}  // namespace mifos::hooks::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return mifos::hooks::fuzz::run_guarded([&] {
    mifos::hooks::fuzz::run_one(std::string_view(reinterpret_cast<const char*>(data), size));
  });
}
