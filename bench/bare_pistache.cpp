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

[[noreturn]] void usage(int code) {
  std::fprintf(code == 0 ? stdout : stderr,
               "usage: bench-bare-pistache [--port N] [--threads N]\n"
               "  --port N     TCP port on 127.0.0.1 (0 = any free port; default 0)\n"
               "  --threads N  serving threads (default 2, as hello-receiver)\n");
  std::exit(code);
}

long number_arg(int argc, char** argv, int& i, long lo, long hi) {
  if (i + 1 >= argc) usage(2);
  char* end = nullptr;
  const long v = std::strtol(argv[++i], &end, 10);
  if (end == argv[i] || *end != '\0' || v < lo || v > hi) usage(2);
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  long port = 0;
  long threads = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--port") {
      port = number_arg(argc, argv, i, 0, 65535);
    } else if (a == "--threads") {
      threads = number_arg(argc, argv, i, 1, 256);
    } else if (a == "--help" || a == "-h") {
      usage(0);
    } else {
      usage(2);
    }
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
    Http::Endpoint server(Address(IP(127, 0, 0, 1), Port(static_cast<std::uint16_t>(port))));
    server.init(Http::Endpoint::options()
                    .threads(static_cast<int>(threads))
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
