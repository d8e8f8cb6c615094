// capture_server.hpp: a tiny HTTP/1.1 server on 127.0.0.1 that records the raw bytes of every
// request it reads, for tests of what a sender puts on the wire.
//
// It binds port 0, accepts on a thread and serves each connection on its own thread, one
// request at a time (head, then a Content-Length body), keeping the connection alive until the
// client closes it (which it counts, keeping any bytes of a request cut short). Its behaviour
// is switchable: answer with a set status and body (or with raw bytes), read the request and
// never answer (for timeouts), or close each connection at once (for resets). The destructor
// stops every thread without waiting on a client.
//
//   mifos::hooks::test::capture_server server;
//   server.set_response(201, "created");
//   ... send to server.origin() + "/hooks" ...
//   ASSERT_TRUE(server.wait_for_requests(1, std::chrono::seconds(2)));
//   EXPECT_EQ(server.requests()[0], "POST /hooks HTTP/1.1\r\n...");
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace mifos::hooks::test {

class capture_server {
 public:
  enum class behaviour {
    answer,        // answer every request with the set status, headers and body
    never_answer,  // read and record the request, then hold the connection silently
    close_at_once  // close every connection as soon as it is accepted, reading nothing
  };

  capture_server();  // throws std::runtime_error if it cannot listen
  ~capture_server();
  capture_server(const capture_server&) = delete;
  capture_server& operator=(const capture_server&) = delete;

  std::uint16_t port() const { return port_; }
  std::string origin() const;  // "http://127.0.0.1:<port>"

  void set_behaviour(behaviour b);
  // `extra_headers` are "Name: value" lines added to the answer's head.
  void set_response(int status, std::string body, std::vector<std::string> extra_headers = {});
  // Answers each request with exactly these bytes instead (for framings set_response cannot
  // make: chunked bodies, no length, interim 1xx), written piece by piece about 10 ms apart so
  // the client reads them separately; then closes the connection if `close_after`. An empty
  // list goes back to set_response's answer.
  void set_raw_response(std::vector<std::string> pieces, bool close_after = false);

  std::vector<std::string> requests() const;  // raw bytes of each complete request, in order
  std::size_t request_count() const;
  std::size_t connection_count() const;  // connections accepted so far
  // True once at least `n` requests were read, false at the deadline.
  bool wait_for_requests(std::size_t n, std::chrono::milliseconds timeout) const;
  // Connections the client closed (end of stream seen), and the bytes of each such connection
  // that followed its last complete request (a request cut mid-way), when there were any.
  std::size_t client_closes() const;
  std::vector<std::string> partial_requests() const;
  // True once the client closed at least `n` connections, false at the deadline.
  bool wait_for_client_closes(std::size_t n, std::chrono::milliseconds timeout) const;

 private:
  void accept_loop();
  void serve(int fd);
  // Reads one request from `fd` into `out` (buffering what follows in `pending`); false when the
  // peer closed, on error, or when stopping.
  bool read_request(int fd, std::string& pending, std::string& out);
  bool wait_readable(int fd);                      // false when stopping
  bool write_all(int fd, std::string_view bytes);  // false on error or when stopping
  void note_client_close(const std::string& pending);

  int listen_fd_ = -1;
  int wake_[2] = {-1, -1};  // a pipe: written once on stop, it wakes every poll for good
  std::uint16_t port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable request_seen_;
  behaviour behaviour_ = behaviour::answer;
  int status_ = 200;
  std::string body_ = "ok";
  std::vector<std::string> extra_headers_;
  std::vector<std::string> raw_pieces_;
  bool raw_close_after_ = false;
  std::size_t client_closes_ = 0;
  std::vector<std::string> partial_requests_;
  std::vector<std::string> requests_;
  std::size_t connections_ = 0;
  std::vector<std::thread> connection_threads_;
  std::thread acceptor_;
};

}  // namespace mifos::hooks::test
