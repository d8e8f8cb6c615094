#include "mifos/hooks/delivery.hpp"

#include "form_decode.hpp"

namespace mifos::hooks {

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a == b) return true;  // senders mostly spell names the one way
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::optional<std::string_view> delivery::header(std::string_view name) const {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return std::string_view(h.value);
  return std::nullopt;
}

std::size_t delivery::header_count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& h : headers)
    if (iequals(h.name, name)) ++n;
  return n;
}

std::string_view delivery::path() const {
  std::string_view t = target;
  return t.substr(0, t.find('?'));
}

std::optional<std::string_view> delivery::query_param(std::string_view name) const {
  std::string_view t = target;
  auto q = t.find('?');
  if (q == std::string_view::npos) return std::nullopt;
  std::string_view query = t.substr(q + 1);
  query = query.substr(0, query.find('#'));
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view piece = query.substr(0, amp);
    auto eq = piece.find('=');
    if (piece.substr(0, eq) == name)
      return eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> delivery::query() const {
  std::string_view t = target;
  auto q = t.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = t.substr(q + 1);
  return detail::split_form(query.substr(0, query.find('#')));
}

}  // namespace mifos::hooks
