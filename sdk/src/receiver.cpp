// receiver.cpp: the hook receiver is the embedded HTTP server with answer() as its function.
#include "mifos/hooks/receiver.hpp"

#include <atomic>
#include <utility>

#include "mifos/hooks/answer.hpp"
#include "mifos/hooks/http_server.hpp"

namespace mifos::hooks {
namespace {

http_server_options server_options(const receiver_options& o) {
  http_server_options s;
  s.address = o.address;
  s.port = o.port;
  s.threads = o.threads;
  s.max_request_bytes = o.max_request_bytes;
  s.header_timeout = o.header_timeout;
  s.body_timeout = o.body_timeout;
  return s;
}

}  // namespace

struct receiver::impl {
  impl(router r, receiver_options o) : routes(std::move(r)), options(std::move(o)) {}

  const router routes;
  const receiver_options options;
  // The server counts answers by class; a 2xx is a delivery or a ping, told apart here.
  std::atomic<std::uint64_t> accepted{0}, pings{0};
  // Last: its serving threads use the members above until it is destroyed.
  http_server server{[this](const delivery& d) { return serve(d); }, server_options(options)};

  http_answer serve(const delivery& d) {
    http_answer a = answer(d, routes, options);
    if (a.status < 400) ++(d.method == "POST" ? accepted : pings);
    return a;
  }
};

receiver::receiver(router r, receiver_options options)
    : impl_(std::make_unique<impl>(std::move(r), std::move(options))) {}

receiver::~receiver() = default;

void receiver::start() {
  try {
    impl_->server.start();
  } catch (const std::runtime_error& e) {
    // Keep the receiver's name in the message users see.
    std::string what = e.what();
    const std::string prefix = "mifos::hooks::http_server";
    if (what.rfind(prefix, 0) == 0) what = "mifos::hooks::receiver" + what.substr(prefix.size());
    throw std::runtime_error(what);
  }
}

std::uint16_t receiver::port() const { return impl_->server.port(); }
void receiver::stop() { impl_->server.stop(); }
void receiver::wait_for_signal() { impl_->server.wait_for_signal(); }

receiver_stats receiver::stats() const {
  http_server_stats s = impl_->server.stats();
  return {impl_->accepted.load(), impl_->pings.load(), s.answered_4xx, s.answered_5xx};
}

const receiver_options& receiver::options() const noexcept { return impl_->options; }

}  // namespace mifos::hooks
