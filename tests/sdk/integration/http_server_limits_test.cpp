// http_server_limits_test.cpp: what a crowd of bad or idle clients does to the embedded server
// (http_server.hpp) and to hello-receiver: trickling clients do not delay others and are cut at
// header_timeout, max_connections answers 503 and recovers, idle connections stay cheap.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "hello_receiver.hpp"
#include "http_client.hpp"
#include "mifos/hooks/http_server.hpp"

namespace mifos::hooks::test {
namespace {

using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

const std::vector<std::string> kDeliveryHeaders = {
    "X-Fineract-Entity: CLIENT", "X-Fineract-Action: CREATE", "Fineract-Platform-TenantId: default",
    "Content-Type: application/json"};
const std::string kDeliveryBody = R"({"officeId":1,"clientId":1,"resourceId":1})";

// Raises the soft limit on open files towards the hard one, so a test can hold `needed` sockets.
void ensure_fd_limit(rlim_t needed) {
  rlimit r{};
  ::getrlimit(RLIMIT_NOFILE, &r);
  if (r.rlim_cur < needed && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &r);
  }
}

// Starts a non-blocking connect to 127.0.0.1:port; -1 on failure.
int start_connect(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Clients that send a request line one byte a second, all driven from one thread with poll.
class tricklers {
 public:
  static constexpr std::string_view kLine = "POST /hooks HTTP/1.1\r\nHost: x\r\n";

  tricklers(std::uint16_t port, std::size_t count) : conns_(count) {
    for (auto& c : conns_) c.fd = start_connect(port);
  }
  ~tricklers() {
    for (auto& c : conns_)
      if (c.fd >= 0) ::close(c.fd);
  }

  // Trickles until every connection was closed by the server or `timeout` passed. Returns
  // false if a connection could not be made.
  bool run(milliseconds timeout) {
    auto deadline = clock::now() + timeout;
    auto next_byte = clock::now();
    std::vector<pollfd> fds(conns_.size());
    while (clock::now() < deadline && open_count() > 0) {
      if (clock::now() >= next_byte) {
        if (!send_one_byte_each()) return false;
        next_byte += seconds(1);  // the trickle cadence
      }
      for (std::size_t i = 0; i < conns_.size(); ++i)
        fds[i] = {conns_[i].closed_at ? -1 : conns_[i].fd, POLLIN, 0};
      auto wait = std::chrono::duration_cast<milliseconds>(next_byte - clock::now());
      ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long>(wait.count(), 0)));
      for (std::size_t i = 0; i < conns_.size(); ++i)
        if (fds[i].revents != 0) read_end(conns_[i]);
    }
    return true;
  }

  std::size_t open_count() const {
    std::size_t n = 0;
    for (const auto& c : conns_) n += c.closed_at ? 0 : 1;
    return n;
  }
  // How long after its first byte each closed connection was closed.
  std::vector<milliseconds> lifetimes() const {
    std::vector<milliseconds> out;
    for (const auto& c : conns_)
      if (c.closed_at && c.first_byte_at)
        out.push_back(std::chrono::duration_cast<milliseconds>(*c.closed_at - *c.first_byte_at));
    return out;
  }

 private:
  struct conn {
    int fd = -1;
    std::size_t sent = 0;
    std::optional<clock::time_point> first_byte_at, closed_at;
  };

  bool send_one_byte_each() {
    for (auto& c : conns_) {
      if (c.fd < 0) return false;
      if (c.closed_at) continue;
      char byte = kLine[c.sent % kLine.size()];
      ssize_t n = ::send(c.fd, &byte, 1, MSG_NOSIGNAL);
      if (n == 1) {
        if (!c.first_byte_at) c.first_byte_at = clock::now();
        ++c.sent;
      } else if (n < 0 && (errno == EPIPE || errno == ECONNRESET)) {
        c.closed_at = clock::now();
      }  // EAGAIN: still connecting (a full accept queue); this byte waits for the next tick
    }
    return true;
  }

  static void read_end(conn& c) {
    char buf[256];
    ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
    if (n == 0 || (n < 0 && errno == ECONNRESET)) c.closed_at = clock::now();
  }

  std::vector<conn> conns_;
};

http_server_options trickle_options() {
  http_server_options o;
  o.port = 0;
  o.threads = 2;
  o.header_timeout = seconds(3);
  return o;
}

http_answer accept_all(const delivery&) { return {200, R"({"status":"accepted"})"}; }

// Waits until the server has accepted `n` connections at once: a test that times requests must
// not start while a burst of connects is still in the listen queue.
bool wait_for_open_connections(const http_server& server, std::uint64_t n, milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  while (server.stats().open_connections < n) {
    if (clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return true;
}

// A request stuck behind the tricklers would wait for a header timeout (10 s here); one served
// beside them takes milliseconds. The 2 s bound tells the two apart on a loaded machine.
TEST(HttpServerLimits, TricklingClientsDoNotDelayNormalRequests) {
  ensure_fd_limit(2000);
  http_server_options o = trickle_options();
  o.header_timeout = seconds(10);
  http_server server(accept_all, o);
  server.start();
  tricklers slow(server.port(), 500);
  ASSERT_TRUE(wait_for_open_connections(server, 500, seconds(30)))
      << server.stats().open_connections << " of 500 trickling connections accepted";
  std::atomic<bool> slow_ok{true};
  std::thread driver([&] { slow_ok = slow.run(seconds(8)); });

  std::vector<milliseconds> too_slow;
  std::vector<long> statuses;
  auto start = clock::now();
  for (int i = 0; i < 100; ++i) {  // one every 50 ms for 5 s, each on a fresh connection
    std::this_thread::sleep_until(start + milliseconds(50) * i);
    auto t0 = clock::now();
    auto r = http_call("POST", url(server.port(), "/hooks"), kDeliveryBody, kDeliveryHeaders);
    auto took = std::chrono::duration_cast<milliseconds>(clock::now() - t0);
    if (r.status != 200) statuses.push_back(r.status);
    if (took > seconds(2)) too_slow.push_back(took);
  }
  driver.join();
  EXPECT_TRUE(slow_ok) << "could not open the 500 trickling connections";
  EXPECT_TRUE(statuses.empty()) << statuses.size() << " requests not answered 200, first "
                                << statuses.front();
  EXPECT_TRUE(too_slow.empty()) << too_slow.size() << " requests took over 2 s, first "
                                << too_slow.front().count() << " ms";
}

TEST(HttpServerLimits, TricklingClientsAreClosedAfterTheHeaderTimeout) {
  ensure_fd_limit(2000);
  http_server server(accept_all, trickle_options());
  server.start();
  tricklers slow(server.port(), 500);
  ASSERT_TRUE(wait_for_open_connections(server, 500, seconds(30)))
      << server.stats().open_connections << " of 500 trickling connections accepted";
  ASSERT_TRUE(slow.run(seconds(30)));
  EXPECT_EQ(slow.open_count(), 0u);
  auto lifetimes = slow.lifetimes();
  ASSERT_EQ(lifetimes.size(), 500u);
  auto [shortest, longest] = std::minmax_element(lifetimes.begin(), lifetimes.end());
  // header_timeout is 3 s; the sweeper looks every 250 ms, and 500 sockets on a loaded machine
  // take a moment: closed after 3 s, and well before twice that.
  EXPECT_GE(*shortest, milliseconds(2900));
  EXPECT_LE(*longest, milliseconds(7000));
}

// 50 connections, each proven registered by one answered request, then left idle.
std::vector<std::unique_ptr<raw_connection>> fill_to_the_limit(const http_server& server) {
  std::vector<std::unique_ptr<raw_connection>> idle;
  for (int i = 0; i < 50; ++i) {
    idle.push_back(std::make_unique<raw_connection>(server.port()));
    EXPECT_TRUE(idle.back()->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto answer = idle.back()->read_response(seconds(30));
    EXPECT_TRUE(answer && answer->status == 200) << "connection " << i;
  }
  return idle;
}

http_server_options limited_to_50() {
  http_server_options o;
  o.port = 0;
  o.max_connections = 50;
  return o;
}

TEST(HttpServerLimits, AnswersTheConnectionOverTheLimit503AndClosesIt) {
  http_server server(accept_all, limited_to_50());
  server.start();
  auto idle = fill_to_the_limit(server);
  raw_connection extra(server.port());
  auto answer = extra.read_response(seconds(30));
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 503);
  EXPECT_EQ(answer->header("Content-Type").value_or(""), "application/json");
  EXPECT_EQ(answer->header("Connection").value_or(""), "close");
  EXPECT_EQ(answer->body, R"({"error":"too many connections"})");
  EXPECT_TRUE(extra.closed_by_peer(seconds(30)));
}

TEST(HttpServerLimits, DoesNotCountTheRefusalAsAnAnswer) {
  http_server server(accept_all, limited_to_50());
  server.start();
  auto idle = fill_to_the_limit(server);
  raw_connection extra(server.port());
  ASSERT_TRUE(extra.read_response(seconds(30)));
  auto stats = server.stats();
  EXPECT_EQ(stats.answered_2xx, 50u);
  EXPECT_EQ(stats.answered_5xx, 0u);
  EXPECT_EQ(stats.refused_connections, 1u);
  EXPECT_EQ(stats.open_connections, 50u);
}

// A keep-alive connection that got a 200, retried while the server still refuses (it sees
// disconnections asynchronously); nullptr at the deadline.
std::unique_ptr<raw_connection> served_connection(std::uint16_t port, clock::time_point deadline) {
  while (clock::now() < deadline) {
    auto c = std::make_unique<raw_connection>(port);
    c->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    auto answer = c->read_response(seconds(30));
    if (answer && answer->status == 200) return c;  // refused ones were not counted
    std::this_thread::sleep_for(milliseconds(20));  // poll interval of a deadline wait
  }
  return nullptr;
}

TEST(HttpServerLimits, ServesNewConnectionsAgainOnceSomeClose) {
  http_server server(accept_all, limited_to_50());
  server.start();
  auto idle = fill_to_the_limit(server);
  idle.resize(40);  // closes 10
  auto deadline = clock::now() + seconds(30);
  std::vector<std::unique_ptr<raw_connection>> fresh;
  for (int i = 0; i < 10; ++i) {
    fresh.push_back(served_connection(server.port(), deadline));
    ASSERT_TRUE(fresh.back()) << "new connection " << i << " still refused";
  }
}

// VmRSS of a process, in KiB; -1 if it cannot be read.
long rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = -1;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> value;
      return value;
    }
    status.ignore(1 << 12, '\n');
  }
  return -1;
}

std::size_t open_fds(pid_t pid) {
  std::error_code ec;
  std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec), end;
  std::size_t n = 0;
  for (; !ec && it != end; it.increment(ec)) ++n;
  return n;
}

constexpr std::size_t kIdleCount = 2000;
#ifdef __SANITIZE_ADDRESS__
constexpr long kIdleGrowthBoundKib = 16 * 1024;
#else
constexpr long kIdleGrowthBoundKib = 9 * 1024;
#endif

// Waits until the process has at least `count` open descriptors, or the deadline.
bool wait_for_fds(pid_t pid, std::size_t count, milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  while (open_fds(pid) < count) {
    if (clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(20));  // poll interval of a deadline wait
  }
  return true;
}

// Opens kIdleCount connections that send nothing and waits until the receiver has accepted them:
// its descriptors grew by as many from `base`, counted before any connection was made. (The two
// of its signal pipe, made just after it starts, may blur the last batch by as many.)
std::vector<std::unique_ptr<raw_connection>> open_idle(hello_receiver& r, std::size_t base) {
  ensure_fd_limit(kIdleCount + 1000);
  std::vector<std::unique_ptr<raw_connection>> idle;
  // In batches below Pistache's listen backlog (128): past it, the kernel drops the handshake's
  // last ACK, connect() still succeeds, and the server only accepts after SYN-ACK retries.
  while (idle.size() < kIdleCount) {
    for (int i = 0; i < 100; ++i) idle.push_back(std::make_unique<raw_connection>(r.port()));
    if (!wait_for_fds(r.process().pid(), base + idle.size(), seconds(30))) {
      ADD_FAILURE() << "the receiver has " << open_fds(r.process().pid()) << " descriptors, "
                    << base + idle.size() << " expected";
      break;
    }
  }
  return idle;
}

client_response deliver(std::uint16_t port) {
  return http_call("POST", url(port, "/hooks"), kDeliveryBody, kDeliveryHeaders);
}

TEST(HelloReceiverLimits, TwoThousandIdleConnectionsCostLittleMemory) {
  hello_receiver r;
  std::size_t base = open_fds(r.process().pid());
  ASSERT_EQ(deliver(r.port()).status, 200);  // warm: threads and first allocations
  long before = rss_kib(r.process().pid());
  auto idle = open_idle(r, base);
  ASSERT_EQ(deliver(r.port()).status, 200);
  long after = rss_kib(r.process().pid());
  ASSERT_GT(before, 0);
  long growth = after - before;
  RecordProperty("rss_growth_kib", std::to_string(growth));
  // Measured: 2.9 MiB (about 1.45 KiB a connection: Pistache's peer, our connection state,
  // two hash-map entries), the same in dev and release builds; ASan's redzones make it 9.3 MiB.
  // The bound is about three times the measure, so allocator noise passes and a buffer kept per
  // idle connection (4 KiB each would add 8 MiB) does not.
  EXPECT_LT(growth, kIdleGrowthBoundKib)
      << "VmRSS grew by " << growth << " KiB for " << kIdleCount << " idle connections";
}

TEST(HelloReceiverLimits, DeliveryIsAnsweredWhileTwoThousandIdleConnectionsAreOpen) {
  hello_receiver r;
  auto idle = open_idle(r, open_fds(r.process().pid()));
  auto reply = deliver(r.port());
  EXPECT_EQ(reply.status, 200) << reply.error;
}

}  // namespace
}  // namespace mifos::hooks::test
