// answer_log.cpp: buffered writes; the file is complete when play returns.
#include "play/answer_log.hpp"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "play/player.hpp"

namespace mifos::mock {

answer_log::answer_log(const std::string& path) : file_(std::fopen(path.c_str(), "w")) {
  if (!file_) throw play_error("cannot write --log " + path + ": " + std::strerror(errno));
}

answer_log::~answer_log() { std::fclose(file_); }

void answer_log::write(std::uint64_t index, std::string_view event, const load_response& r) {
  nlohmann::ordered_json line = {{"index", index},
                                 {"event", event},
                                 {"status", r.status},
                                 {"latency_us", r.done_us - r.intended_us}};
  if (r.status == 0) line["error"] = r.error;
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text += '\n';
  std::fwrite(text.data(), 1, text.size(), file_);
}

}  // namespace mifos::mock
