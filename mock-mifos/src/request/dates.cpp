// dates.cpp: a small java.time-pattern date parser covering the patterns Fineract clients send.
#include "request/dates.hpp"

#include <array>
#include <cctype>
#include <cstddef>

namespace mifos::mock::detail {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Reads between min_digits and max_digits digits at text[pos]; advances pos.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t min_digits,
                               std::size_t max_digits) {
  std::size_t n = 0;
  int value = 0;
  while (pos + n < text.size() && n < max_digits && is_digit(text[pos + n])) {
    value = value * 10 + (text[pos + n] - '0');
    ++n;
  }
  if (n < min_digits) return std::nullopt;
  pos += n;
  return value;
}

// Reads an English month name (full, or its first three letters when `abbreviated`).
std::optional<int> read_month_name(std::string_view text, std::size_t& pos, bool abbreviated) {
  for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
    std::string_view name = abbreviated ? kMonthNames[m].substr(0, 3) : kMonthNames[m];
    if (text.size() - pos < name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) same = lower(text[pos + i]) == name[i];
    if (same) {
      pos += name.size();
      return static_cast<int>(m) + 1;
    }
  }
  return std::nullopt;
}

// One run of a pattern: a field letter repeated `count` times, or a literal character.
struct pattern_token {
  char letter = 0;  // 0 for a literal
  std::size_t count = 0;
  char literal = 0;
};

bool supported(const pattern_token& t) {
  switch (t.letter) {
    case 0:
      return true;
    case 'd':
      return t.count <= 2;
    case 'M':
      return t.count <= 4;
    case 'y':
    case 'u':
      return t.count == 2 || t.count == 4;
    default:
      return false;
  }
}

template <typename F>
bool for_each_token(std::string_view pattern, F&& f) {
  for (std::size_t i = 0; i < pattern.size();) {
    pattern_token t;
    if (is_letter(pattern[i])) {
      t.letter = pattern[i];
      while (i + t.count < pattern.size() && pattern[i + t.count] == t.letter) ++t.count;
      i += t.count;
    } else {
      t.literal = pattern[i++];
    }
    if (!f(t)) return false;
  }
  return true;
}

}  // namespace

bool is_supported_date_format(std::string_view pattern) {
  bool has_day = false, has_month = false, has_year = false;
  bool ok = for_each_token(pattern, [&](const pattern_token& t) {
    has_day = has_day || t.letter == 'd';
    has_month = has_month || t.letter == 'M';
    has_year = has_year || t.letter == 'y' || t.letter == 'u';
    return supported(t);
  });
  return ok && has_day && has_month && has_year;
}

std::optional<local_date> parse_date(std::string_view text, std::string_view pattern) {
  if (!is_supported_date_format(pattern)) return std::nullopt;
  local_date d;
  std::size_t pos = 0;
  bool ok = for_each_token(pattern, [&](const pattern_token& t) {
    std::optional<int> v;
    switch (t.letter) {
      case 0:
        if (pos >= text.size() || text[pos] != t.literal) return false;
        ++pos;
        return true;
      case 'd':
        v = read_number(text, pos, 1, 2);
        if (v) d.day = *v;
        break;
      case 'M':
        v = t.count >= 3 ? read_month_name(text, pos, t.count == 3) : read_number(text, pos, 1, 2);
        if (v) d.month = *v;
        break;
      default:  // y or u
        v = read_number(text, pos, t.count, t.count);
        if (v) d.year = t.count == 2 ? 2000 + *v : *v;
        break;
    }
    return v.has_value();
  });
  if (!ok || pos != text.size() || !is_valid_date(d)) return std::nullopt;
  return d;
}

bool is_valid_date(const local_date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

local_date date_of(std::chrono::system_clock::time_point t) {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

nlohmann::ordered_json date_json(const local_date& d) {
  return nlohmann::ordered_json::array({d.year, d.month, d.day});
}

}  // namespace mifos::mock::detail
