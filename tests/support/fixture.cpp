// fixture.cpp: reads the fixture files described in fixture.hpp, strictly.
#include "fixture.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace mifos::hooks::test {
namespace {

namespace fs = std::filesystem;

std::string read_all(const std::string& relative_path) {
  const fs::path path = fs::path(fixtures_dir()) / relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("fixture: cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

[[noreturn]] void malformed(const std::string& file, const std::string& why) {
  throw std::runtime_error("fixture " + file + ": " + why);
}

// Splits "METHOD TARGET HTTP/1.1".
void parse_request_line(const std::string& file, const std::string& line, delivery& d) {
  const auto first = line.find(' ');
  const auto last = line.rfind(' ');
  if (first == std::string::npos || first == last || line.compare(last + 1, 5, "HTTP/") != 0) {
    malformed(file, "bad request line '" + line + "'");
  }
  d.method = line.substr(0, first);
  d.target = line.substr(first + 1, last - first - 1);
  if (d.method.empty() || d.target.empty()) malformed(file, "bad request line '" + line + "'");
}

header_field parse_header_line(const std::string& file, const std::string& line) {
  const auto colon = line.find(':');
  if (colon == std::string::npos || colon == 0) malformed(file, "bad header line '" + line + "'");
  std::string value = line.substr(colon + 1);
  const auto start = value.find_first_not_of(" \t");
  value.erase(0, start == std::string::npos ? value.size() : start);
  return {line.substr(0, colon), value};
}

}  // namespace

std::string fixtures_dir() { return MIFOS_HOOKS_FIXTURES_DIR; }

delivery load_fixture(const std::string& relative_path) {
  const std::string text = read_all(relative_path);
  const auto head_end = text.find("\n\n");
  if (head_end == std::string::npos) malformed(relative_path, "no empty line after the headers");
  if (text.back() != '\n') malformed(relative_path, "does not end with '\\n'");
  const std::string head = text.substr(0, head_end);
  if (head.find('\r') != std::string::npos) malformed(relative_path, "CR in the head: use LF");

  delivery d;
  d.headers.clear();
  std::istringstream lines(head);
  std::string line;
  std::getline(lines, line);
  parse_request_line(relative_path, line, d);
  while (std::getline(lines, line)) d.headers.push_back(parse_header_line(relative_path, line));

  const auto body_begin = head_end + 2;
  if (body_begin > text.size() - 1)
    malformed(relative_path, "missing the final '\\n' after the body");
  d.body = text.substr(body_begin, text.size() - 1 - body_begin);
  return d;
}

std::vector<std::string> fixture_names(const std::string& subdir) {
  const fs::path dir = fs::path(fixtures_dir()) / subdir;
  if (!fs::is_directory(dir)) throw std::runtime_error("fixture: no folder " + dir.string());
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".http") {
      names.push_back((fs::path(subdir) / entry.path().filename()).generic_string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

nlohmann::json load_expected(const std::string& relative_path) {
  std::string base = relative_path;
  if (base.size() > 5 && base.ends_with(".http")) base.resize(base.size() - 5);
  const std::string path = base + ".expected.json";
  try {
    return nlohmann::json::parse(read_all(path));
  } catch (const nlohmann::json::exception& e) {
    malformed(path, e.what());
  }
}

std::string fixture_stem(const std::string& relative_path) {
  return fs::path(relative_path).stem().string();
}

delivery make_delivery(wire_dialect dialect, std::string entity, std::string action,
                       std::string body, std::string content_type) {
  const auto& names = wire::header_names_for(dialect);
  delivery d;
  d.method = "POST";
  d.target = "/hooks/";
  d.headers = {{std::string(names.entity), std::move(entity)},
               {std::string(names.action), std::move(action)},
               {std::string(names.tenant), "default"},
               {"Content-Type", std::move(content_type)}};
  d.body = std::move(body);
  return d;
}

}  // namespace mifos::hooks::test
