// make_seeds.cpp: writes the fuzzers' seed corpora from the fixture deliveries (tests/fixtures).
// Each fixture becomes one parse_fuzz seed in the encoding parse_fuzz.cpp describes, checked by
// decoding it back: the seed must parse exactly as the fixture does. Every form body, and every
// form field that holds Java map or list text, becomes a form_fuzz seed. Files are named after
// their fixture, so a crash on a seed points at the fixture.
//
// With two more directories it also writes the http_fuzz and codec_fuzz seeds (wire_seeds.cpp),
// with a fifth the bridge_fuzz seeds (bridge_seeds.cpp), and with a sixth the json_fuzz seeds:
// every fixture's JSON body and a few hand-written edge cases of the fast JSON reader.
//
//   make_seeds build/fuzz/corpus/parse-seeds build/fuzz/corpus/form-seeds \
//              [HTTP_DIR CODEC_DIR [BRIDGE_DIR [JSON_DIR]]]
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"
#include "mifos/hooks/wire.hpp"

namespace mifos::hooks::fuzz {

parse_result parse_input(std::string_view input);  // parse_fuzz.cpp: decode, then parse()
int write_wire_seeds(const std::filesystem::path& http_dir,
                     const std::filesystem::path& codec_dir);  // wire_seeds.cpp
int write_bridge_seeds(const std::filesystem::path& dir);      // bridge_seeds.cpp

namespace {

namespace fs = std::filesystem;
constexpr std::string_view kProxyTenant = "X-Fineract-Platform-TenantId";

bool in_family(std::string_view name, const wire::header_names& n) {
  for (std::string_view known : {n.entity, n.action, n.tenant, n.endpoint, n.api_key})
    if (iequals(name, known)) return true;
  return false;
}

// The layout byte's header family: which families the delivery uses, and which comes first.
int family_of(const delivery& d) {
  std::optional<std::size_t> fineract, mifos;
  for (std::size_t i = 0; i < d.headers.size(); ++i) {
    const std::string& name = d.headers[i].name;
    if (!fineract && in_family(name, wire::kFineractHeaders)) fineract = i;
    if (!mifos && in_family(name, wire::kMifosHeaders)) mifos = i;
  }
  if (fineract && mifos) return *mifos < *fineract ? 2 : 3;
  return mifos ? 1 : 0;
}

// The fixture in parse_fuzz's encoding; nullopt if a header value holds a '\n'.
std::optional<std::string> encode(const delivery& d) {
  const int family = family_of(d);
  const bool proxy = d.header(kProxyTenant).has_value();
  const auto& names = family == 1 ? wire::kMifosHeaders : wire::kFineractHeaders;
  std::optional<std::string> extra;
  for (const auto& h : d.headers) {
    if (in_family(h.name, wire::kFineractHeaders) || in_family(h.name, wire::kMifosHeaders) ||
        iequals(h.name, kProxyTenant) || iequals(h.name, "Content-Type"))
      continue;
    extra = h.name + ": " + h.value;
    break;
  }
  const std::optional<std::string_view> fields[] = {
      d.header(names.entity),
      d.header(names.action),
      d.header(proxy ? kProxyTenant : names.tenant),
      d.header("Content-Type"),
      d.header(names.endpoint),
      d.header(names.api_key),
      extra ? std::optional<std::string_view>(*extra) : std::nullopt};
  std::string out(2, '\0');
  out[0] = static_cast<char>(family | (proxy ? 0x10 : 0));
  unsigned sent = 0;
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    if (fields[i]) sent |= 1u << i;
    const std::string_view value = fields[i].value_or("");
    if (value.find('\n') != std::string_view::npos) return std::nullopt;
    out.append(value).push_back('\n');
  }
  out[1] = static_cast<char>(sent);
  return out + d.body;
}

// Whether two parse results say the same: the same normalized event, or the same error.
bool same(const parse_result& a, const parse_result& b) {
  if (a.ok() != b.ok()) return false;
  if (a.ok()) return to_json(*a) == to_json(*b);
  return a.error().status == b.error().status && a.error().reason == b.error().reason;
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

int run(const fs::path& parse_dir, const fs::path& form_dir) {
  fs::create_directories(parse_dir);
  fs::create_directories(form_dir);
  int parse_seeds = 0, form_seeds = 0, broken = 0;
  for (const char* subdir : {"deliveries", "bad"}) {
    for (const std::string& name : fixture_names(subdir)) {
      const delivery d = load_fixture(name);
      const std::string stem = fixture_stem(name);
      const auto seed = encode(d);
      const parse_result want = parse(d);
      if (!seed || !same(want, parse_input(*seed))) {
        std::fprintf(stderr, "make_seeds: %s: the seed does not parse as the fixture does\n",
                     name.c_str());
        ++broken;
        continue;
      }
      write_file(parse_dir / stem, *seed);
      ++parse_seeds;
      if (!want || want->format != body_format::form) continue;
      write_file(form_dir / stem, d.body);
      ++form_seeds;
      for (const auto& [field, value] : want->form_fields) {
        if (value.find_first_of("{[") == std::string::npos) continue;
        write_file(form_dir / (stem + "." + field), value);
        ++form_seeds;
      }
    }
  }
  std::printf("make_seeds: %d parse seeds in %s, %d form seeds in %s\n", parse_seeds,
              parse_dir.c_str(), form_seeds, form_dir.c_str());
  return broken == 0 && parse_seeds > 0 && form_seeds > 0 ? 0 : 1;
}

// What the fixtures cannot show: each escape, UTF-8 at the range edges, numbers at the type
// edges and past them, duplicate keys, nesting at and past 64, and texts the reader declines.
std::string nested(int levels) {
  return "{\"a\":" + std::string(levels - 1, '[') + "1" + std::string(levels - 1, ']') + "}";
}

std::vector<std::pair<std::string, std::string>> json_edge_cases() {
  return {
      {"edge-bench-result", R"({"officeId":1,"clientId":1042,"resourceId":1042})"},
      {"edge-escapes", R"({"s\n":"\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \uD83D\uDE00 \u0000"})"},
      {"edge-bad-surrogate", R"({"s":"\ud83d\u0041"})"},
      {"edge-utf8",
       "{\"s\":\"K\xC3\xB6ln \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xED\x9F\xBF\"}"},
      {"edge-bad-utf8", "{\"s\":\"\xED\xA0\x80 \xC0\x80 \xF4\x90\x80\x80\"}"},
      {"edge-integers", R"({"a":18446744073709551615,"b":-9223372036854775808,"c":-0,"d":0})"},
      {"edge-big-integers", R"({"a":18446744073709551616,"b":-9223372036854775809})"},
      {"edge-floats", R"({"a":1.0,"b":1.0E7,"c":-0.0,"d":4.9e-324,"e":1.7976931348623157e308})"},
      {"edge-float-range", R"({"a":1e400,"b":1e-400})"},
      {"edge-bad-numbers", R"({"a":01,"b":+1,"c":1.,"d":.5})"},
      {"edge-literals", R"({"t":true,"f":false,"n":null,"a":[],"o":{}})"},
      {"edge-duplicates", R"({"a":1,"a":{"b":[2]},"a":"x"})"},
      {"edge-whitespace", " \t\n\r{ \"a\" :\t[ 1 ,\n{ } ] }\r\n"},
      {"edge-depth-64", nested(64)},
      {"edge-depth-65", nested(65)},
      {"edge-byte-order-mark", "\xEF\xBB\xBF{}"},
      {"edge-top-level-array", R"([1,{"a":2}])"},
  };
}

int write_json_seeds(const fs::path& dir) {
  fs::create_directories(dir);
  int seeds = 0;
  for (const char* subdir : {"deliveries", "bad"}) {
    for (const std::string& name : fixture_names(subdir)) {
      const delivery d = load_fixture(name);
      const auto type = d.header("Content-Type");
      if (d.body.empty() || !type || type->find("json") == std::string_view::npos) continue;
      write_file(dir / fixture_stem(name), d.body);
      ++seeds;
    }
  }
  const int fixture_seeds = seeds;
  for (const auto& [name, text] : json_edge_cases()) {
    write_file(dir / name, text);
    ++seeds;
  }
  std::printf("make_seeds: %d json seeds in %s\n", seeds, dir.c_str());
  return fixture_seeds > 0 ? 0 : 1;
}

}  // namespace
}  // namespace mifos::hooks::fuzz

int main(int argc, char** argv) {
  if (argc != 3 && argc != 5 && argc != 6 && argc != 7) {
    std::fprintf(stderr,
                 "usage: make_seeds PARSE_SEED_DIR FORM_SEED_DIR [HTTP_DIR CODEC_DIR [BRIDGE_DIR "
                 "[JSON_DIR]]]\n");
    return 2;
  }
  try {
    int status = mifos::hooks::fuzz::run(argv[1], argv[2]);
    if (argc == 3 || status != 0) return status;
    status = mifos::hooks::fuzz::write_wire_seeds(argv[3], argv[4]);
    if (argc == 5 || status != 0) return status;
    status = mifos::hooks::fuzz::write_bridge_seeds(argv[5]);
    if (argc == 6 || status != 0) return status;
    return mifos::hooks::fuzz::write_json_seeds(argv[6]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_seeds: %s\n", e.what());
    return 1;
  }
}
