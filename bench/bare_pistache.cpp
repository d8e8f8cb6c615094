// bare_pistache.cpp: the smallest Pistache endpoint, the reference bench/e2e.sh measures
// hello-receiver against.
//
// POST /hooks answers 200 {"status":"accepted"} without looking at the body; anything else 404.
// Same settings as the SDK receiver's defaults (receiver_options.hpp, receiver.cpp): 2 serving
// threads, 1 MiB request limit, ReuseAddr and NoDelay sockets, and the same keep-alive fix:
// Pistache 0.0.5 answers `Connection: Close` to a request that has no Connection header (wrk
// sends none) though it keeps the socket open; clients that take the header at its word (wrk,
// curl, OkHttp) reconnect for every request. So every response says keep-alive explicitly
// unless the client asked for close; without that the reference would pay a TCP handshake per
// request and run at about a third of its speed.
//
//   bench-bare-pistache --port 0 [--threads 2]
//   # stderr: listening on http://127.0.0.1:PORT/hooks
//
// Stops cleanly on SIGINT or SIGTERM.
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/http_headers.h>
#include <pistache/net.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>
#include <string>
#include <string_view>

namespace {

using namespace Pistache;

class hook_handler : public Http::Handler {
 public:
  HTTP_PROTOTYPE(hook_handler)

  void onRequest(const Http::Request& request, Http::ResponseWriter response) override {
    // Keep the connection open unless the client asked to close it.
    const auto asked = request.headers().tryGet<Http::Header::Connection>();
    const bool close = asked && asked->control() == Http::ConnectionControl::Close;
    response.headers().remove<Http::Header::Connection>();
    response.headers().add<Http::Header::Connection>(close ? Http::ConnectionControl::Close
                                                           : Http::ConnectionControl::KeepAlive);
    const auto& path = request.resource();
    if (request.method() == Http::Method::Post && (path == "/hooks" || path == "/hooks/")) {
      response.send(Http::Code::Ok, R"({"status":"accepted"})", MIME(Application, Json));
    } else {
      response.send(Http::Code::Not_Found, R"({"error":"not found"})", MIME(Application, Json));
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::uint16_t port = 0;
  int threads = 2;
  CLI::App app;
  mifos::cli::set_up(app, {"usage: bench-bare-pistache [options]",
                           "The smallest Pistache endpoint: 200 to POST /hooks, the reference of "
                           "bench/e2e.sh.",
                           ""});
  mifos::cli::add_number_option<std::uint16_t>(
      app, "--port", 0, 65535, port, "TCP port on 127.0.0.1 (0 = any free port; default 0)");
  mifos::cli::add_number_option<int>(app, "--threads", 1, 256, threads,
                                     "serving threads (default 2, as hello-receiver)");
  const auto read = mifos::cli::read_command_line(app, argc, argv);
  if (read.what == mifos::cli::outcome::help) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  }
  if (read.what == mifos::cli::outcome::usage_error) {
    std::fprintf(stderr, "bench-bare-pistache: %s\n\n%s", read.error.c_str(), app.help().c_str());
    return 2;
  }

  // Block the stop signals in every thread (Pistache's threads inherit the mask); main waits for
  // them with sigwait. A client that goes away never kills the process.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  try {
    Http::Endpoint server(Address(IP(127, 0, 0, 1), Port(port)));
    server.init(Http::Endpoint::options()
                    .threads(threads)
                    .flags(Tcp::Options::ReuseAddr | Tcp::Options::NoDelay)
                    .maxRequestSize(1024 * 1024));
    server.setHandler(Http::make_handler<hook_handler>());
    server.serveThreaded();
    std::cerr << "listening on http://127.0.0.1:" << static_cast<std::uint16_t>(server.getPort())
              << "/hooks" << std::endl;

    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::cerr << "stopping on " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << std::endl;
    server.shutdown();
  } catch (const std::exception& e) {
    std::cerr << "bench-bare-pistache: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}
