// answer.cpp: the receiver's status table (README, "The answers the receiver gives") as a pure
// function. The socket adapter only moves bytes.
#include "mifos/hooks/answer.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text.hpp"

namespace mifos::hooks {
namespace {

std::string_view without_trailing_slash(std::string_view path) noexcept {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

// A reason may quote the request (a path, a header value): bytes that are not UTF-8 become
// U+FFFD instead of making dump() throw.
http_answer reply(int status, std::string_view key, std::string_view text) {
  nlohmann::json body = {{std::string(key), std::string(text)}};
  return {status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

http_answer error(int status, std::string_view reason) { return reply(status, "error", reason); }

// The secret segment of `path` under hook path `base` ("/hooks/<secret>"), if it has one.
std::optional<std::string_view> secret_segment(std::string_view path, std::string_view base) {
  if (path.size() <= base.size() + 1 || path.substr(0, base.size()) != base) return std::nullopt;
  if (base != "/" && path[base.size()] != '/') return std::nullopt;
  std::string_view rest = path.substr(base == "/" ? 1 : base.size() + 1);
  if (rest.find('/') != std::string_view::npos) return std::nullopt;
  return rest;
}

bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::size_t request_size(const delivery& d) noexcept {
  std::size_t n = d.method.size() + d.target.size() + 12;  // " ", " HTTP/1.1\r\n"
  for (const auto& h : d.headers) n += h.name.size() + h.value.size() + 4;
  return n + 2 + d.body.size();
}

std::optional<http_answer> check_framing(const delivery& d, const receiver_options& options) {
  std::size_t lengths = d.header_count("Content-Length");
  if (lengths > 1) return error(400, "duplicate Content-Length header");
  if (lengths == 1) {
    std::string_view value = detail::trim(*d.header("Content-Length"));
    if (!all_digits(value) || value.size() > 18) return error(400, "invalid Content-Length header");
    if (std::stoull(std::string(value)) != d.body.size())
      return error(400, "Content-Length does not match the body");
  }
  if (request_size(d) > options.max_request_bytes) return error(413, "request too large");
  return std::nullopt;
}

}  // namespace

http_answer error_answer(int status, std::string_view reason) { return error(status, reason); }
http_answer status_answer(std::string_view word) { return reply(200, "status", word); }

bool secret_equals(std::string_view given, std::string_view expected) noexcept {
  // Every byte of `expected` is looked at whatever `given` holds, so timing tells nothing but
  // the length of the secret, which is not the secret.
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    diff |= static_cast<unsigned char>(g ^ static_cast<unsigned char>(expected[i]));
  }
  return diff == 0;
}

request_kind classify(const delivery& d, const receiver_options& options) {
  std::string_view path = without_trailing_slash(d.path());
  bool matched = false;
  std::optional<std::string_view> segment;
  for (const auto& configured : options.paths) {
    std::string_view base = without_trailing_slash(configured);
    if (path == base) {
      matched = true;
      break;
    }
    if (!options.secret.empty()) {
      if ((segment = secret_segment(path, base))) {
        matched = true;
        break;
      }
    }
  }
  if (!matched) return request_kind::not_found;

  if (!options.secret.empty()) {
    std::optional<std::string_view> given = segment;
    if (!given) given = d.query_param("token");
    if (!given) given = d.header(options.secret_header);
    if (!given || !secret_equals(*given, options.secret)) return request_kind::unauthorized;
  }
  if (d.method == "POST") return request_kind::delivery;
  if (d.method == "GET" || d.method == "HEAD") return request_kind::ping;
  return request_kind::bad_method;
}

result<event, http_answer> screen(const delivery& d, const receiver_options& options) {
  switch (classify(d, options)) {
    case request_kind::not_found:
      return error(404, "no hook at this path");
    case request_kind::unauthorized:
      return error(401, "missing or wrong secret");
    case request_kind::bad_method: {
      http_answer a = error(405, "use POST to deliver, GET to check");
      a.headers.push_back({"Allow", "GET, HEAD, POST"});
      return a;
    }
    case request_kind::ping:
      return reply(200, "status", "ok");
    case request_kind::delivery:
      break;
  }
  if (auto framing = check_framing(d, options)) return std::move(*framing);
  auto parsed = parse(d);
  if (!parsed) return error(parsed.error().status, parsed.error().reason);
  if (!options.tenants.empty() && std::find(options.tenants.begin(), options.tenants.end(),
                                            parsed->tenant) == options.tenants.end())
    return error(403, "tenant not accepted here");
  return std::move(*parsed);
}

http_answer answer(const delivery& d, const router& r, const receiver_options& options) {
  try {
    auto screened = screen(d, options);
    if (!screened) return screened.error();
    if (!r.dispatch(*screened).ok()) return error(500, "a handler failed");
    return status_answer("accepted");
  } catch (...) {
    // Only allocation failures get here; the text of an exception never reaches the caller.
    return error(500, "internal error");
  }
}

}  // namespace mifos::hooks
