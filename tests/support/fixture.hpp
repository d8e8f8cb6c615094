// fixture.hpp: loads the raw-delivery corpus in tests/fixtures/ (tests only).
//
// A fixture file is a delivery as its sender builds it: the request line, one `Name: value`
// header per line in the sender's order (no Content-Length, no Host), an empty line, the body
// bytes, and one final '\n' that is not part of the body. Lines are LF. Beside each good
// delivery, `<name>.expected.json` holds the normalized event it must parse to.
//
//   auto d = load_fixture("deliveries/fineract17-loan-repayment.http");
//   auto want = load_expected("deliveries/fineract17-loan-repayment.http");
//   for (const auto& name : fixture_names("deliveries")) { ... }  // "deliveries/<file>.http"
//
// Every function throws std::runtime_error on a missing or malformed file.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/wire.hpp"

namespace mifos::hooks::test {

// The absolute path of the fixtures folder (MIFOS_HOOKS_FIXTURES_DIR).
std::string fixtures_dir();

// The delivery of a fixture file, `relative_path` relative to the fixtures folder.
mifos::hooks::delivery load_fixture(const std::string& relative_path);

// The `.http` files of `subdir`, sorted, as paths relative to the fixtures folder
// ("deliveries/mifosx-client-create.http"), ready for load_fixture().
std::vector<std::string> fixture_names(const std::string& subdir);

// The expected normalized event of a fixture: for "deliveries/x.http" (or "deliveries/x"),
// the JSON in "deliveries/x.expected.json".
nlohmann::json load_expected(const std::string& relative_path);

// The file name without folder and extension: "deliveries/x.http" -> "x".
std::string fixture_stem(const std::string& relative_path);

// A POST to /hooks/ with the entity, action and tenant ("default") headers of `dialect` and
// the given body and content type, for tests that build their own deliveries.
mifos::hooks::delivery make_delivery(mifos::hooks::wire_dialect dialect, std::string entity,
                                     std::string action, std::string body,
                                     std::string content_type = "application/json; charset=UTF-8");

}  // namespace mifos::hooks::test

// Tests write `load_fixture(...)` unqualified.
using mifos::hooks::test::fixture_names;
using mifos::hooks::test::fixture_stem;
using mifos::hooks::test::fixtures_dir;
using mifos::hooks::test::load_expected;
using mifos::hooks::test::load_fixture;
using mifos::hooks::test::make_delivery;
