// wire_seeds.cpp: the http_fuzz and codec_fuzz seeds, written by make_seeds. Every fixture
// delivery becomes an HTTP/1.1 request as a client sends it (http_fuzz's encoding: a split byte
// and a max_request_bytes byte first, see http_fuzz.cpp) and a journal record
// (encode_delivery); a few hand-written streams cover framing the fixtures do not: chunked
// bodies, pipelining, Expect: 100-continue, HTTP/1.0, bare LF.
//
//   write_wire_seeds("build/fuzz/fuzz-corpus/seeds/http", "build/fuzz/fuzz-corpus/seeds/codec");
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "delivery_codec.hpp"
#include "fixture.hpp"

namespace mifos::hooks::fuzz {
namespace {

namespace fs = std::filesystem;

// The two leading bytes of an http_fuzz input: one append(), the receiver's 1 MiB limit.
constexpr std::string_view kWholeDefault{"\x00\xff", 2};

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The request as a client puts it on the wire, with a Host; any Content-Length of the fixture is replaced by
// the body's real size, so the seed frames as one whole request.
std::string to_http(const delivery& d) {
  std::string out = d.method + " " + d.target + " HTTP/1.1\r\n";
  if (!d.header("Host")) out += "Host: 127.0.0.1\r\n";
  for (const auto& h : d.headers)
    if (!iequals(h.name, "Content-Length")) out += h.name + ": " + h.value + "\r\n";
  out += "Content-Length: " + std::to_string(d.body.size()) + "\r\n\r\n";
  return out + d.body;
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kEdgeCases{{
    {"chunked",
     "POST /hooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
     "5;ext=1\r\n{\"a\":\r\n2\r\n1}\r\n0\r\nX-Trailer: t\r\n\r\n"},
    {"pipelined",
     "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
     "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\n[1]"},
    {"expect-continue",
     "POST /hooks HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
     "Content-Length: 11\r\n\r\n{\"id\":1234}"},
    {"http10", "POST /hooks HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}"},
    {"bare-lf", "\r\nGET /health?x=1 HTTP/1.1\nHost: h\n\nHEAD / HTTP/1.1\nHost: h\n\n"},
    {"duplicate-length",
     "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx"},
    {"length-and-chunked",
     "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
     "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
    {"folded-header", "POST / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\nContent-Length: 0\r\n\r\n"},
    {"too-large", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n{}"},
    {"absolute-form",
     "POST http://127.0.0.1:8080/hooks/?t=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
     "Content-Length: 2\r\n\r\n{}GET HTTP://h HTTP/1.1\r\nHost: h\r\n\r\n"},
    {"codings",
     "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
     "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
    {"versions", "GET / HTTP/1.9\r\nHost: x\r\n\r\nGET / HTTP/2.0\r\nHost: x\r\n\r\n"},
}};
}  // namespace

// 0 once both directories hold seeds; make_seeds exits with it.
int write_wire_seeds(const fs::path& http_dir, const fs::path& codec_dir) {
  fs::create_directories(http_dir);
  fs::create_directories(codec_dir);
  int http_seeds = 0, codec_seeds = 0;
  for (const char* subdir : {"deliveries", "bad"}) {
    for (const std::string& name : fixture_names(subdir)) {
      const delivery d = load_fixture(name);
      const std::string stem = fixture_stem(name);
      write_file(http_dir / stem, std::string(kWholeDefault) + to_http(d));
      write_file(codec_dir / stem, detail::encode_delivery(d));
      ++http_seeds, ++codec_seeds;
    }
  }
  for (const auto& [stem, stream] : kEdgeCases) {
    // Each edge case whole and byte by byte, with the default limit and with 320 bytes.
    write_file(http_dir / stem, std::string(kWholeDefault) + std::string(stream));
    write_file(http_dir / (std::string(stem) + ".split"),
               std::string("\x01\x10") + std::string(stream));
    http_seeds += 2;
  }
  std::printf("make_seeds: %d http seeds in %s, %d codec seeds in %s\n", http_seeds,
              http_dir.c_str(), codec_seeds, codec_dir.c_str());
  return http_seeds > 0 && codec_seeds > 0 ? 0 : 1;
}

}  // namespace mifos::hooks::fuzz
