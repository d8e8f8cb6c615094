// export_command.cpp: `mock-mifos export`, a traffic file as vegeta targets or a k6 script.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>

#include "cli/commands.hpp"
#include "traffic/export.hpp"
#include "traffic/traffic_source.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kExportIntro =
    R"(Turns a traffic file (JSON Lines or HAR) into input for a distributed load tool, so runs
bigger than one machine go to it:

  vegeta   JSON targets, one per line, for 'vegeta attack -format=json':
           {"method":"POST","url":"http://...","body":"<base64>","header":{"Name":["value"]}}
           Host and Content-Length are left out (vegeta writes them).
  k6       a script for 'k6 run': every request in file order, sent by a constant-arrival-rate
           scenario at the recorded rate; 'k6 run -e TARGET=URL -e RATE=N -e DURATION=60s'
           changes the origin, the rate (per second) and the duration.)";

struct export_flags {
  std::vector<std::string> files;
  std::optional<std::string> format;
  std::string out;
  std::string target = "http://127.0.0.1:8080";
};

int export_usage_error(const std::string& message) { return cli::usage_error("export", message); }

// The file to write for --out `out`: a directory gets the format's file name inside it.
std::filesystem::path output_file(const std::string& out, const std::string& format) {
  namespace fs = std::filesystem;
  const fs::path path(out);
  std::error_code ec;
  const bool directory =
      fs::is_directory(path, ec) || out.ends_with('/') || !path.filename().has_extension();
  if (!directory) return path;
  return path / (format == "k6" ? "script.js" : "targets.jsonl");
}

void define(CLI::App& cmd, export_flags& f) {
  mifos::cli::set_up(cmd, {"usage: mock-mifos export FILE --format k6|vegeta --out PATH [options]",
                           kExportIntro, "What was written is said on stderr."});
  cmd.add_option("FILE", f.files, "the traffic file")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("");
  mifos::cli::add_value_option(
      cmd, "--format",
      [&f](const std::string& v) -> std::string {
        f.format = v;
        return "";
      },
      "k6 or vegeta; required", "F");
  mifos::cli::add_text_option(
      cmd, "--out", f.out,
      "a directory (an existing one, a path ending in '/', or a name without an\n"
      "extension; created if needed) gets targets.jsonl or script.js; any other path\n"
      "is the file itself; \"-\" is stdout. Required",
      "PATH");
  mifos::cli::add_text_option(
      cmd, "--target", f.target,
      "where the requests go (default http://127.0.0.1:8080). Without a path (or\n"
      "with \"/\") each request keeps its recorded path and query; with a path, that\n"
      "path and query replace every request's.",
      "URL");
}

int run(const export_flags& f) {
  if (f.files.empty()) return export_usage_error("a traffic FILE is required");
  if (f.files.size() > 1) return export_usage_error("one FILE only, not " + f.files[1]);
  const std::string& input = f.files[0];
  const auto& format = f.format;
  if (!format) return export_usage_error("--format k6|vegeta is required");
  if (*format != "k6" && *format != "vegeta")
    return export_usage_error("--format must be k6 or vegeta, not \"" + *format + "\"");
  const std::string* out = &f.out;
  if (out->empty()) return export_usage_error("--out PATH is required");
  const std::string& target_text = f.target;
  const auto target = parse_http_url(target_text);
  if (!target)
    return export_usage_error("--target must be an http(s) URL, not \"" + target_text + "\"");

  std::string error;
  auto source = open_traffic_file(input, error);
  if (!source) {
    std::cerr << "mock-mifos export: " << error << "\n";
    return 1;
  }

  std::ofstream file;
  std::ostream* sink = &std::cout;
  std::string written_to = "stdout";
  if (*out != "-") {
    const auto path = output_file(*out, *format);
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "mock-mifos export: cannot write " << path.string() << "\n";
      return 1;
    }
    sink = &file;
    written_to = path.string();
  }

  const k6_options k6{*target, std::filesystem::path(input).filename().string()};
  std::size_t count = 0;
  std::int64_t first = 0, last = 0;
  if (*format == "k6") *sink << k6_script_head(k6);
  while (auto record = source->next(error)) {
    first = count == 0 ? record->offset_us : std::min(first, record->offset_us);
    last = count == 0 ? record->offset_us : std::max(last, record->offset_us);
    ++count;
    if (*format == "k6")
      *sink << k6_request_entry(*record, k6);
    else
      *sink << vegeta_target(record->message, *target) << '\n';
  }
  if (!error.empty()) {
    std::cerr << "mock-mifos export: " << error << "\n";
    return 1;
  }
  const k6_pace pace = recorded_pace(count, last - first);
  if (*format == "k6") *sink << k6_script_tail(pace, k6);
  sink->flush();
  if (!*sink) {
    std::cerr << "mock-mifos export: writing " << written_to << " failed\n";
    return 1;
  }
  std::cerr << "mock-mifos export: wrote " << count << " requests to " << written_to << " ("
            << *format;
  if (*format == "k6")
    std::cerr << ", " << pace.rate << " per " << pace.time_unit << " for " << pace.duration_s
              << " s";
  std::cerr << ", target " << target->origin() << ")\n";
  return 0;
}

}  // namespace

command_runner add_export_command(CLI::App& app) {
  auto flags = std::make_shared<export_flags>();
  define(*app.add_subcommand("export", "turn a traffic file into a k6 script or vegeta targets"),
         *flags);
  return [flags] { return run(*flags); };
}

}  // namespace mifos::mock::cli
