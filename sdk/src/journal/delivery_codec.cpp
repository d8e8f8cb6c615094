// delivery_codec.cpp: length-prefixed little-endian fields. The decoder trusts nothing: every
// length is checked against the bytes left before anything is read or allocated, so a corrupt
// journal record gives `false` rather than a crash or a huge allocation.
#include "delivery_codec.hpp"

#include <cstdint>
#include <utility>

namespace mifos::hooks::detail {
namespace {

// method, target, headers, body: a different count is not something we wrote.
constexpr std::uint32_t kFieldCount = 4;

void put_u32(std::string& out, std::size_t v) {
  const auto n = static_cast<std::uint32_t>(v);
  const char bytes[4] = {static_cast<char>(n & 0xFF), static_cast<char>((n >> 8) & 0xFF),
                         static_cast<char>((n >> 16) & 0xFF), static_cast<char>(n >> 24)};
  out.append(bytes, 4);
}

void put_string(std::string& out, std::string_view s) {
  put_u32(out, s.size());
  out.append(s);
}

class reader {
 public:
  explicit reader(std::string_view bytes) : rest_(bytes) {}

  bool u32(std::uint32_t& v) {
    if (rest_.size() < 4) return false;
    v = 0;
    for (int i = 3; i >= 0; --i)
      v = (v << 8) | static_cast<unsigned char>(rest_[static_cast<std::size_t>(i)]);
    rest_.remove_prefix(4);
    return true;
  }

  bool string(std::string& s) {
    std::uint32_t n = 0;
    if (!u32(n) || n > rest_.size()) return false;
    s.assign(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return true;
  }

  std::size_t left() const { return rest_.size(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string encode_delivery(const delivery& d) {
  std::size_t size = 4 * 5 + d.method.size() + d.target.size() + d.body.size();
  for (const auto& h : d.headers) size += 8 + h.name.size() + h.value.size();
  std::string out;
  out.reserve(size);
  put_u32(out, kFieldCount);
  put_string(out, d.method);
  put_string(out, d.target);
  put_u32(out, d.headers.size());
  for (const auto& h : d.headers) {
    put_string(out, h.name);
    put_string(out, h.value);
  }
  put_string(out, d.body);
  return out;
}

bool decode_delivery(std::string_view bytes, delivery& out) {
  reader in(bytes);
  delivery d;
  std::uint32_t fields = 0;
  std::uint32_t headers = 0;
  if (!in.u32(fields) || fields != kFieldCount) return false;
  if (!in.string(d.method) || !in.string(d.target) || !in.u32(headers)) return false;
  // Each header takes at least its two 4-byte lengths: a larger count is corrupt, and checking
  // it first keeps resize() from allocating for a count the bytes cannot hold.
  if (headers > in.left() / 8) return false;
  d.headers.resize(headers);
  for (auto& h : d.headers)
    if (!in.string(h.name) || !in.string(h.value)) return false;
  if (!in.string(d.body) || in.left() != 0) return false;
  out = std::move(d);
  return true;
}

}  // namespace mifos::hooks::detail
