// locale.cpp: Fineract's reading of `locale` and of numbers written in one.
#include "request/locale.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace mifos::mock::detail {
namespace {

// java.util.Locale.getISOLanguages(): the ISO 639-1 codes.
constexpr std::string_view kIsoLanguages =
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik in io is it iu iw ja ji jv ka kg ki kj kk kl km kn ko kr ks ku kv kw "
    "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss "
    "st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za "
    "zh zu";

bool is_iso_language(std::string_view code) {
  if (code.size() != 2) return false;
  for (std::size_t at = 0; at + 2 <= kIsoLanguages.size(); at += 3)
    if (kIsoLanguages.substr(at, 2) == code) return true;
  return false;
}

struct language_symbols {
  std::string_view language;
  number_symbols symbols;
};

// Decimal comma languages; the rest of the ISO list writes numbers like en.
constexpr std::array<language_symbols, 21> kCommaDecimal = {{
    {"de", {',', '.'}}, {"es", {',', '.'}}, {"it", {',', '.'}}, {"pt", {',', '.'}},
    {"id", {',', '.'}}, {"in", {',', '.'}}, {"nl", {',', '.'}}, {"da", {',', '.'}},
    {"tr", {',', '.'}}, {"ro", {',', '.'}}, {"el", {',', '.'}}, {"vi", {',', '.'}},
    {"fr", {',', ' '}}, {"ru", {',', ' '}}, {"pl", {',', ' '}}, {"uk", {',', ' '}},
    {"cs", {',', ' '}}, {"sv", {',', ' '}}, {"fi", {',', ' '}}, {"nb", {',', ' '}},
    {"hu", {',', ' '}},
}};

// The length of a grouping separator at the start of `s` (1 byte, or 2-3 for U+00A0 and U+202F
// when the locale groups with spaces), 0 when there is none.
std::size_t grouping_at(std::string_view s, char grouping) {
  if (s.empty()) return 0;
  if (s.front() == grouping) return 1;
  if (grouping != ' ') return 0;
  if (s.substr(0, 2) == "\xC2\xA0") return 2;
  if (s.substr(0, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

}  // namespace

std::optional<std::string> locale_problem(std::string_view text) {
  if (trim(text).empty()) return "The parameter `locale` is invalid. It cannot be blank.";
  const auto underscore = text.find('_');
  std::string language(text.substr(0, underscore));
  std::transform(language.begin(), language.end(), language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!is_iso_language(language))
    return "The parameter `locale` has an invalid language value " + language + " .";
  if (underscore == std::string_view::npos) return std::nullopt;
  std::string_view country = text.substr(underscore + 1);
  const bool upper_pair = country.size() == 2 &&
                          std::isupper(static_cast<unsigned char>(country[0])) &&
                          std::isupper(static_cast<unsigned char>(country[1]));
  if (!upper_pair)
    return "The parameter `locale` has an invalid country value " + std::string(country) + " .";
  return std::nullopt;
}

number_symbols symbols_of(std::string_view locale) {
  std::string language(locale.substr(0, locale.find('_')));
  std::transform(language.begin(), language.end(), language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& entry : kCommaDecimal)
    if (entry.language == language) return entry.symbols;
  return {};
}

std::optional<std::string> canonical_decimal(std::string_view text, std::string_view locale) {
  const number_symbols symbols = symbols_of(locale);
  std::string_view s = trim(text);
  std::string out;
  if (!s.empty() && s.front() == '-') {
    out.push_back('-');
    s.remove_prefix(1);
  }
  std::size_t digits = 0;
  while (!s.empty()) {
    if (std::isdigit(static_cast<unsigned char>(s.front()))) {
      out.push_back(s.front());
      ++digits;
      s.remove_prefix(1);
    } else if (std::size_t n = grouping_at(s, symbols.grouping); n > 0 && digits > 0) {
      s.remove_prefix(n);
    } else {
      break;
    }
  }
  std::size_t fraction_digits = 0;
  if (!s.empty() && s.front() == symbols.decimal) {
    out.push_back('.');
    s.remove_prefix(1);
    while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.front()))) {
      out.push_back(s.front());
      ++fraction_digits;
      s.remove_prefix(1);
    }
  }
  if (!s.empty() || digits + fraction_digits == 0) return std::nullopt;
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace mifos::mock::detail
