// answer_log.hpp: `play --log FILE`, one JSON line per delivery sent, in the order answers came.
//
//   {"index":12,"event":"LOAN.REPAYMENT","status":200,"latency_us":840}
//   {"index":13,"event":"CLIENT.CREATE","status":0,"latency_us":3120,"error":"connection reset"}
//
// `index` is the delivery's position in the played files (0-based, counting every delivery read,
// dropped ones too; a duplicate has its original's index), so a test can tell which deliveries
// a receiver answered 2xx. `status` 0 means no answer, with `error` saying why.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "load/load_types.hpp"

namespace mifos::mock {

class answer_log {
 public:
  // Throws play_error if the file cannot be created.
  explicit answer_log(const std::string& path);
  ~answer_log();
  answer_log(const answer_log&) = delete;
  answer_log& operator=(const answer_log&) = delete;

  void write(std::uint64_t index, std::string_view event, const load_response& r);

 private:
  std::FILE* file_ = nullptr;
};

}  // namespace mifos::mock
