// delivery_codec.hpp: a delivery as compact bytes, for the journal, and back.
//
//   std::string bytes = detail::encode_delivery(d);
//   mifos::hooks::delivery back;
//   bool ok = detail::decode_delivery(bytes, back);   // ok && back == d
//
// Layout: u32 field count then each string as u32 length + bytes, in the order method, target,
// header count, (name, value) per header, body. decode_delivery() checks every length against
// what is left and returns false for bytes encode_delivery() did not produce; it never reads
// past the end and never throws except std::bad_alloc.
#pragma once

#include <string>
#include <string_view>

#include "mifos/hooks/delivery.hpp"

namespace mifos::hooks::detail {

std::string encode_delivery(const delivery& d);
bool decode_delivery(std::string_view bytes, delivery& out);

}  // namespace mifos::hooks::detail
