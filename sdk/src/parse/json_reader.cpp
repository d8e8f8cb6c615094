// json_reader.cpp: the pointer-scanning JSON object reader behind read_json_object().
//
// Every rule here mirrors nlohmann 3.11's lexer and DOM parser; where matching it exactly would
// take more than a few lines (integers past 64 bits become doubles there, 1e-400 becomes 0.0,
// a NUL byte ends the input), the reader declines instead, and nlohmann decides.
#include "json_reader.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <system_error>
#include <tuple>
#include <utility>

#include "json_values.hpp"

namespace mifos::hooks::detail {
namespace {

using json = nlohmann::json;

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Whether none of 8 bytes ends a run of plain string bytes: '"', '\\', a control character
// (< 0x20) or a non-ASCII byte. A borrow between bytes only follows a byte that is itself one
// of those, so the test has no false positives and no false negatives.
constexpr bool all_plain(std::uint64_t w) {
  const std::uint64_t quote = w ^ (kOnes * '"');
  const std::uint64_t backslash = w ^ (kOnes * '\\');
  return (((w - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes) | w) & kHighBits) == 0;
}

constexpr bool is_plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the well-formed UTF-8 sequence at `p` (lead byte >= 0x80), or 0: Unicode
// Table 3-7, the ranges nlohmann's lexer accepts (no overlongs, no surrogates, <= U+10FFFF).
std::size_t utf8_length(const unsigned char* p, const unsigned char* end) {
  const auto in = [&](std::size_t i, unsigned lo, unsigned hi) {
    return end - p > static_cast<std::ptrdiff_t>(i) && p[i] >= lo && p[i] <= hi;
  };
  const unsigned c = p[0];
  if (c >= 0xC2 && c <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return in(1, lo, hi) && in(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return in(1, lo, hi) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  constexpr std::uint32_t kLead[] = {0x00, 0xC0, 0xE0, 0xF0};
  const int extra = cp < 0x80 ? 0 : cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
  out.push_back(static_cast<char>(kLead[extra] | cp >> (6 * extra)));
  for (int shift = 6 * (extra - 1); shift >= 0; shift -= 6)
    out.push_back(static_cast<char>(0x80 | (cp >> shift & 0x3F)));
}

class reader {
 public:
  explicit reader(std::string_view text)
      : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()) {}

  bool document(json& out) {
    skip_whitespace();
    if (!at('{') || !object(out, 1)) return false;
    skip_whitespace();
    return p_ == end_;
  }

 private:
  bool at(char c) const { return p_ != end_ && *p_ == static_cast<unsigned char>(c); }

  void skip_whitespace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // After a member or an item: a ',' (more follow) or `close` (the container ends, `done`).
  bool separator(char close, bool& done) {
    skip_whitespace();
    done = at(close);
    if (!done && !at(',')) return false;
    ++p_;
    skip_whitespace();
    return true;
  }

  // `depth` counts the containers holding `out`'s value, this one included.
  bool object(json& out, std::size_t depth) {
    if (depth > kMaxNestingDepth) return false;
    ++p_;  // '{'
    out = json::object();
    auto& members = *out.get_ptr<json::object_t*>();
    skip_whitespace();
    bool done = at('}');
    if (done) ++p_;
    while (!done) {
      if (!at('"')) return false;
      ++p_;
      std::string_view key;
      if (!read_string(key)) return false;
      // One search, then an insert at the hint; a repeated key keeps its node and takes the
      // later value, as nlohmann's operator[] does.
      auto it = members.lower_bound(key);
      if (it == members.end() || it->first != key)
        it = members.emplace_hint(it, std::piecewise_construct, std::forward_as_tuple(key),
                                  std::forward_as_tuple());
      skip_whitespace();
      if (!at(':')) return false;
      ++p_;
      skip_whitespace();
      if (!value(it->second, depth) || !separator('}', done)) return false;
    }
    return true;
  }

  bool array(json& out, std::size_t depth) {
    if (depth > kMaxNestingDepth) return false;
    ++p_;  // '['
    out = json::array();
    auto& items = *out.get_ptr<json::array_t*>();
    skip_whitespace();
    bool done = at(']');
    if (done) ++p_;
    while (!done) {
      if (!value(items.emplace_back(), depth) || !separator(']', done)) return false;
    }
    return true;
  }

  // A value held by a container at `depth`.
  bool value(json& out, std::size_t depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        return object(out, depth + 1);
      case '[':
        return array(out, depth + 1);
      case '"': {
        ++p_;
        std::string_view text;
        if (!read_string(text)) return false;
        out = json(text);
        return true;
      }
      case 't':
        return literal("true", json(true), out);
      case 'f':
        return literal("false", json(false), out);
      case 'n':
        return literal("null", json(nullptr), out);
      default:
        return number(out);
    }
  }

  bool literal(std::string_view word, json value, json& out) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::memcmp(p_, word.data(), word.size()) != 0)
      return false;
    p_ += word.size();
    out = std::move(value);
    return true;
  }

  // The string after its opening quote. `text` is a span of the input when the string has no
  // escapes, else of scratch_ (valid until the next string).
  bool read_string(std::string_view& text) {
    const unsigned char* start = p_;
    bool escaped = false;  // once set, scratch_ holds the decoded text up to p_
    for (;;) {
      const unsigned char* run = p_;
      skip_plain();
      if (escaped) scratch_.append(span(run, p_));
      if (p_ == end_) return false;
      if (*p_ == '"') {
        text = escaped ? std::string_view(scratch_) : span(start, p_);
        ++p_;
        return true;
      }
      if (*p_ == '\\') {
        if (!escaped) scratch_.assign(span(start, p_));
        escaped = true;
        if (!escape()) return false;
        continue;
      }
      if (*p_ < 0x20) return false;
      const std::size_t n = utf8_length(p_, end_);
      if (n == 0) return false;
      if (escaped) scratch_.append(span(p_, p_ + n));
      p_ += n;
    }
  }

  // Past bytes that need no decoding, 8 at a time while it lasts.
  void skip_plain() {
    for (std::uint64_t w; end_ - p_ >= 8; p_ += 8) {
      std::memcpy(&w, p_, 8);
      if (!all_plain(w)) break;
    }
    while (p_ != end_ && is_plain(*p_)) ++p_;
  }

  // One escape, from its backslash, appended to scratch_.
  bool escape() {
    constexpr std::string_view kLetters = "\"\\/bfnrt";
    constexpr std::string_view kBytes = "\"\\/\b\f\n\r\t";
    if (end_ - p_ < 2) return false;
    const char letter = static_cast<char>(p_[1]);
    p_ += 2;
    if (const auto i = kLetters.find(letter); i != std::string_view::npos) {
      scratch_.push_back(kBytes[i]);
      return true;
    }
    std::uint32_t cp = 0;
    if (letter != 'u' || !hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate with no high one
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(scratch_, cp);
    return true;
  }

  bool hex4(std::uint32_t& out) {
    if (end_ - p_ < 4) return false;
    for (const unsigned char* stop = p_ + 4; p_ != stop; ++p_) {
      const unsigned c = *p_;
      const unsigned letter = c | 0x20u;  // 'A'-'F' folded onto 'a'-'f'
      if (c >= '0' && c <= '9')
        out = out << 4 | (c - '0');
      else if (letter >= 'a' && letter <= 'f')
        out = out << 4 | (letter - 'a' + 10);
      else
        return false;
    }
    return true;
  }

  // The strict JSON number grammar, then the type nlohmann gives it: number_unsigned for a
  // non-negative integer, number_integer for a negative one (and "-0"), number_float for one
  // with a fraction or an exponent.
  bool number(json& out) {
    const unsigned char* start = p_;
    const bool negative = at('-');
    if (negative) ++p_;
    if (p_ == end_ || !is_digit(static_cast<char>(*p_))) return false;
    std::uint64_t magnitude = 0;
    bool too_big = false;
    if (*p_ == '0') {
      ++p_;
    } else {
      for (; p_ != end_ && is_digit(static_cast<char>(*p_)); ++p_) {
        const auto digit = static_cast<std::uint64_t>(*p_ - '0');
        too_big = too_big || magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10;
        if (!too_big) magnitude = magnitude * 10 + digit;
      }
    }
    bool is_float = false;
    bool nonzero = magnitude != 0;
    if (at('.')) {
      is_float = true;
      ++p_;
      if (!digits(nonzero)) return false;
    }
    if (at('e') || at('E')) {
      is_float = true;
      ++p_;
      if (at('+') || at('-')) ++p_;
      bool unused = false;
      if (!digits(unused)) return false;
    }
    if (is_float) {
      double d = 0;
      const auto [end, ec] = std::from_chars(reinterpret_cast<const char*>(start),
                                             reinterpret_cast<const char*>(p_), d);
      // Underflow to zero is an error for from_chars, a silent 0.0 for nlohmann: decline.
      if (ec != std::errc() || end != reinterpret_cast<const char*>(p_)) return false;
      if (d == 0 && (nonzero || too_big)) return false;
      out = d;
      return true;
    }
    if (too_big) return false;  // nlohmann reads it as a double
    if (!negative) {
      out = magnitude;
      return true;
    }
    constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;
    if (magnitude > kMinMagnitude) return false;
    out = magnitude == kMinMagnitude ? std::numeric_limits<std::int64_t>::min()
                                     : -static_cast<std::int64_t>(magnitude);
    return true;
  }

  // One or more digits; `nonzero` is set if any is not '0'.
  bool digits(bool& nonzero) {
    const unsigned char* start = p_;
    for (; p_ != end_ && is_digit(static_cast<char>(*p_)); ++p_) nonzero = nonzero || *p_ != '0';
    return p_ != start;
  }

  static std::string_view span(const unsigned char* begin, const unsigned char* end) {
    return {reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin)};
  }

  const unsigned char* p_;
  const unsigned char* end_;
  std::string scratch_;
};

}  // namespace

bool read_json_object(std::string_view text, nlohmann::json& out) {
  return reader(text).document(out);
}

}  // namespace mifos::hooks::detail
