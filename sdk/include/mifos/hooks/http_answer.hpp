// http_answer.hpp: what a server sends back for one request: status, body, content type and
// extra headers. Its own header so that code which only decides answers (answer.hpp, a
// user's handler) does not pull in the server.
//
//   mifos::hooks::http_answer a{404, R"({"error":"not found"})"};
//   a.headers.push_back({"Allow", "GET, POST"});
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mifos/hooks/delivery.hpp"

namespace mifos::hooks {

struct http_answer {
  http_answer(int status_ = 200, std::string body_ = {},
              std::string content_type_ = "application/json")
      : status(status_), body(std::move(body_)), content_type(std::move(content_type_)) {}

  int status = 200;
  std::string body;  // for errors: {"error":"<reason>"}; never an exception's text
  std::string content_type = "application/json";
  // Extra headers, e.g. Allow on a 405. Content-Type, Content-Length and Connection are
  // written by the server.
  std::vector<header_field> headers;
};

}  // namespace mifos::hooks
