#include "form_decode.hpp"

#include <charconv>
#include <cstddef>
#include <optional>

#include "json_values.hpp"

namespace mifos::hooks::detail {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Java's Double.toString: "-"? digits "." digits ("E" "-"? digits)?, with no trailing zero in
// the fraction unless the fraction is exactly "0". "500.00" and "12" are not doubles there.
bool looks_like_java_double(std::string_view s) noexcept {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  auto dot = s.find('.');
  if (dot == std::string_view::npos) return false;
  std::string_view whole = s.substr(0, dot);
  std::string_view rest = s.substr(dot + 1);
  std::string_view exponent;
  if (auto e = rest.find('E'); e != std::string_view::npos) {
    exponent = rest.substr(e + 1);
    rest = rest.substr(0, e);
    if (!exponent.empty() && exponent.front() == '-') exponent.remove_prefix(1);
    if (!is_digits(exponent)) return false;
  }
  if (!is_digits(whole) || !is_digits(rest)) return false;
  return rest == "0" || rest.back() != '0';
}

// Reads Java map/list text in one pass over precomputed bracket pairs, so hostile input costs
// O(size x depth), never quadratic time.
class java_text_reader {
 public:
  explicit java_text_reader(std::string_view text) : text_(text), match_(text.size(), kNone) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '{' || text[i] == '[') {
        open.push_back(i);
      } else if ((text[i] == '}' || text[i] == ']') && !open.empty()) {
        match_[open.back()] = i;
        open.pop_back();
      }
    }
  }

  // The value spanning [begin, end).
  nlohmann::json value(std::size_t begin, std::size_t end, std::size_t depth) {
    if (end - begin >= 2 && match_[begin] == end - 1 && depth < kMaxNestingDepth) {
      auto inner = text_[begin] == '{' ? read_map(begin + 1, end - 1, depth + 1)
                                       : read_list(begin + 1, end - 1, depth + 1);
      if (inner) return std::move(*inner);
    }
    return scalar(text_.substr(begin, end - begin));
  }

 private:
  static constexpr std::size_t kNone = std::string_view::npos;

  static nlohmann::json scalar(std::string_view text) {
    if (text == "true") return true;
    if (text == "false") return false;
    if (text == "null") return nullptr;
    if (looks_like_java_double(text)) {
      double d = 0;
      auto [last, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
      if (ec == std::errc() && last == text.data() + text.size()) return d;
    }
    return std::string(text);
  }

  // If [pos, end) starts "name=" with a name free of spaces, commas and brackets (the start of
  // a map entry), the position of '='; else kNone. Anything else after ", " belongs to an
  // unquoted string value.
  std::size_t entry_equals(std::size_t pos, std::size_t end) const noexcept {
    for (std::size_t i = pos; i < end; ++i) {
      char c = text_[i];
      if (c == '=') return i == pos ? kNone : i;
      if (c == ' ' || c == ',' || c == '{' || c == '[' || c == '}' || c == ']') return kNone;
    }
    return kNone;
  }

  bool separator_at(std::size_t i, std::size_t end) const noexcept {
    return i + 1 < end && text_[i] == ',' && text_[i + 1] == ' ';
  }

  // End of the value starting at `pos`: a balanced bracket group followed by a separator or the
  // end, else up to the next ", " that starts a new entry (maps) or any ", " (lists).
  std::size_t value_end(std::size_t pos, std::size_t end, bool in_map) const noexcept {
    if (pos < end && match_[pos] != kNone && match_[pos] < end) {
      std::size_t close = match_[pos] + 1;
      if (close == end || separator_at(close, end)) return close;
    }
    for (std::size_t i = pos; i < end; ++i) {
      if (separator_at(i, end) && (!in_map || entry_equals(i + 2, end) != kNone)) return i;
    }
    return end;
  }

  std::optional<nlohmann::json> read_map(std::size_t begin, std::size_t end, std::size_t depth) {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t pos = begin; pos < end;) {
      std::size_t eq = entry_equals(pos, end);
      if (eq == kNone) return std::nullopt;
      std::size_t stop = value_end(eq + 1, end, true);
      out[std::string(text_.substr(pos, eq - pos))] = value(eq + 1, stop, depth);
      pos = stop == end ? end : stop + 2;
    }
    return out;
  }

  std::optional<nlohmann::json> read_list(std::size_t begin, std::size_t end, std::size_t depth) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t pos = begin; pos < end;) {
      std::size_t stop = value_end(pos, end, false);
      out.push_back(value(pos, stop, depth));
      pos = stop == end ? end : stop + 2;
    }
    return out;
  }

  std::string_view text_;
  std::vector<std::size_t> match_;  // for each '{' or '[', the index of its closing bracket
};

}  // namespace

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::size_t> find_invalid_escape(std::string_view text) noexcept {
  for (std::size_t i = text.find('%'); i != std::string_view::npos; i = text.find('%', i + 1)) {
    if (i + 2 >= text.size() || hex_value(text[i + 1]) < 0 || hex_value(text[i + 2]) < 0) return i;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> split_form(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    auto amp = body.find('&', pos);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view piece = body.substr(pos, amp - pos);
    if (!piece.empty()) {
      auto eq = piece.find('=');
      if (eq == std::string_view::npos)
        fields.emplace_back(percent_decode(piece), std::string());
      else
        fields.emplace_back(percent_decode(piece.substr(0, eq)),
                            percent_decode(piece.substr(eq + 1)));
    }
    pos = amp + 1;
  }
  return fields;
}

nlohmann::json java_text_to_json(std::string_view text) {
  return java_text_reader(text).value(0, text.size(), 0);
}

}  // namespace mifos::hooks::detail
