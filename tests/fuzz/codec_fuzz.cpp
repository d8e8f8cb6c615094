// codec_fuzz.cpp: the libFuzzer target for the journal's delivery codec
// (sdk/src/journal/delivery_codec .hpp). The input is read two ways. As a record: decode_delivery()
// must not crash on any bytes, and what it accepts must re-encode to exactly the input (one
// encoding per delivery, so a journal record that decodes is one the codec wrote). As a delivery:
// the input split on '\0' into method, target, header names and values, and body must come back
// unchanged from encode_delivery() then decode_delivery().
//
//   build/fuzz/tests/fuzz/codec_fuzz FILE    # a journal record, or any bytes
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "delivery_codec.hpp"
#include "fuzz_check.hpp"

namespace mifos::hooks::fuzz {
namespace {

// Fields in order method, target, (name, value)..., body; a missing field is empty.
delivery as_delivery(std::string_view bytes) {
  std::vector<std::string> fields;
  for (;;) {
    const auto nul = bytes.find('\0');
    fields.emplace_back(bytes.substr(0, nul));
    if (nul == std::string_view::npos) break;
    bytes.remove_prefix(nul + 1);
  }
  delivery d;
  d.method = fields[0];
  d.target = fields.size() > 1 ? fields[1] : "";
  d.body = fields.size() > 2 ? fields.back() : "";
  for (std::size_t i = 2; i + 2 < fields.size(); i += 2)
    d.headers.push_back({fields[i], fields[i + 1]});
  return d;
}

void run_one(std::string_view bytes) {
  delivery decoded;
  decoded.method = "unchanged";
  if (detail::decode_delivery(bytes, decoded)) {
    check(detail::encode_delivery(decoded) == bytes, "a decoded record re-encodes differently");
  } else {
    check(decoded.method == "unchanged", "a failed decode wrote its output");
  }

  const delivery d = as_delivery(bytes);
  delivery back;
  check(detail::decode_delivery(detail::encode_delivery(d), back), "an encoded delivery fails");
  check(back == d, "a delivery does not survive encode then decode");
}

}  // namespace
}  // namespace mifos::hooks::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return mifos::hooks::fuzz::run_guarded([&] {
    mifos::hooks::fuzz::run_one(std::string_view(reinterpret_cast<const char*>(data), size));
  });
}
