// serialize_request.cpp: a recorded delivery as the bytes the load sender writes, made once per
// delivery so the send path only copies memory.
//
// The headers keep their recorded order and spelling. Host is replaced in place (or put first
// when absent), Content-Length is set to the body's size in place (or appended), and a recorded
// Transfer-Encoding is dropped: the recorded body is already decoded and goes out with its
// length. CR and LF inside a name or value are removed, so a bad record cannot split the head.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/load_sender.hpp"

namespace mifos::mock {
namespace {

bool same_name(std::string_view a, std::string_view lower_name) {
  if (a.size() != lower_name.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_name[i]) return false;
  }
  return true;
}

void append_clean(std::string& out, std::string_view text) {
  for (char c : text)
    if (c != '\r' && c != '\n') out += c;
}

void append_header(std::string& out, std::string_view name, std::string_view value) {
  append_clean(out, name);
  out += ": ";
  append_clean(out, value);
  out += "\r\n";
}

}  // namespace

std::string serialize_request(const std::string& method, const std::string& target,
                              const std::vector<std::pair<std::string, std::string>>& headers,
                              const std::string& body, const std::string& host_header) {
  std::size_t size = method.size() + target.size() + host_header.size() + body.size() + 64;
  for (const auto& [name, value] : headers) size += name.size() + value.size() + 4;
  std::string out;
  out.reserve(size);

  append_clean(out, method.empty() ? std::string_view("GET") : std::string_view(method));
  out += ' ';
  append_clean(out, target.empty() ? std::string_view("/") : std::string_view(target));
  out += " HTTP/1.1\r\n";

  bool has_host = false;
  for (const auto& [name, value] : headers) has_host = has_host || same_name(name, "host");
  if (!has_host) append_header(out, "Host", host_header);

  const std::string length = std::to_string(body.size());
  bool host_done = false;
  bool length_done = false;
  for (const auto& [name, value] : headers) {
    if (same_name(name, "host")) {
      if (!host_done) append_header(out, name, host_header);
      host_done = true;
    } else if (same_name(name, "content-length")) {
      if (!length_done) append_header(out, name, length);
      length_done = true;
    } else if (!same_name(name, "transfer-encoding")) {
      append_header(out, name, value);
    }
  }
  // A bodiless GET or HEAD needs no length; everything else says it, even when it is 0.
  const bool bodiless_read = body.empty() && (method == "GET" || method == "HEAD");
  if (!length_done && !bodiless_read) append_header(out, "Content-Length", length);
  out += "\r\n";
  out += body;
  return out;
}

}  // namespace mifos::mock
