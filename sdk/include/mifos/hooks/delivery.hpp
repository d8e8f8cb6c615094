// delivery.hpp: one hook delivery as it arrived, before any interpretation.
//
// A `delivery` is a plain value: the request method, the request target (path and query),
// the headers in the order they came, and the body bytes. The receiver builds one from the
// socket; mock-mifos builds one from a scenario or a traffic file and sends it. Nothing here
// does I/O.
//
//   mifos::hooks::delivery d;
//   d.method = "POST";
//   d.target = "/hooks";
//   d.headers = {{"X-Fineract-Entity", "CLIENT"}, {"X-Fineract-Action", "CREATE"}};
//   d.body = R"({"officeId":1,"clientId":1,"resourceId":1})";
//   auto entity = d.header("x-fineract-entity");  // "CLIENT": names are case-insensitive
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mifos::hooks {

struct header_field {
  std::string name;
  std::string value;

  friend bool operator==(const header_field&, const header_field&) = default;
};

struct delivery {
  std::string method = "POST";
  std::string target = "/";  // path plus optional "?query", as on the request line
  std::vector<header_field> headers;
  std::string body;

  // The value of the first header called `name` (ASCII case-insensitive), if any.
  std::optional<std::string_view> header(std::string_view name) const;
  // How many headers are called `name`; a receiver refuses some headers sent twice.
  std::size_t header_count(std::string_view name) const;
  // The path part of `target` (before '?').
  std::string_view path() const;
  // The raw (still percent-encoded) value of query parameter `name`, if present.
  std::optional<std::string_view> query_param(std::string_view name) const;
  // Every query parameter, percent-decoded ('+' as a space), in order.
  std::vector<std::pair<std::string, std::string>> query() const;

  friend bool operator==(const delivery&, const delivery&) = default;
};

// ASCII case-insensitive equality, the comparison HTTP uses for header names.
bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace mifos::hooks
