#include "cli/wire_flags.hpp"

namespace mifos::mock::cli {

std::optional<std::string> read_wire_flags(const flag_values& flags, hooks::wire_dialect& dialect,
                                           failure_shape& failures) {
  if (auto d = flags.last("dialect")) {
    if (*d == "fineract") {
      dialect = hooks::wire_dialect::fineract;
    } else if (*d == "mifos") {
      dialect = hooks::wire_dialect::mifos;
    } else {
      return "--dialect must be fineract or mifos, not \"" + *d + "\"";
    }
  }
  if (auto s = flags.last("failure-shape")) {
    if (*s == "stripped") {
      failures = failure_shape::stripped;
    } else if (*s == "exception") {
      failures = failure_shape::exception;
    } else {
      return "--failure-shape must be stripped or exception, not \"" + *s + "\"";
    }
  }
  return std::nullopt;
}

}  // namespace mifos::mock::cli
