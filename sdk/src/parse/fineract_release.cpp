// fineract_release.cpp: the release table of fineract_release.hpp.
#include "mifos/hooks/fineract_release.hpp"

#include <array>

namespace mifos::hooks {
namespace {

using enum failure_delivery;
using enum delivery_url_rule;
constexpr auto kFineract = wire_dialect::fineract;
constexpr auto kResult = body_shape::result;
constexpr auto kEnvelope = body_shape::envelope;

constexpr std::array<fineract_release, 17> kReleases{{
    {"mifosx-16", wire_dialect::mifos, kResult, none, slash_appended, false, 0},
    {"1.0", kFineract, kResult, none, slash_appended, false, 1},
    {"1.1", kFineract, kResult, none, slash_appended, false, 2},
    {"1.2", kFineract, kResult, none, slash_appended, false, 3},
    {"1.3", kFineract, kResult, none, slash_appended, false, 4},
    {"1.4", kFineract, kResult, none, slash_appended, false, 5},
    {"1.5", kFineract, kEnvelope, exception, host_root, false, 6},
    {"1.6", kFineract, kEnvelope, exception, host_root, false, 7},
    {"1.7", kFineract, kEnvelope, exception, as_given, false, 8},
    {"1.8", kFineract, kEnvelope, exception, as_given, false, 9},
    {"1.9", kFineract, kEnvelope, stripped, as_given, false, 10},
    {"1.10", kFineract, kEnvelope, stripped, as_given, false, 11},
    {"1.11", kFineract, kEnvelope, stripped, as_given, false, 12},
    {"1.12", kFineract, kEnvelope, stripped, as_given, false, 13},
    {"1.13", kFineract, kEnvelope, stripped, as_given, false, 14},
    {"1.14", kFineract, kEnvelope, stripped, as_given, false, 15},
    {"1.15", kFineract, kEnvelope, stripped, as_given, true, 16},
}};

}  // namespace

std::span<const fineract_release> fineract_releases() noexcept { return kReleases; }

const fineract_release* find_fineract_release(std::string_view name) noexcept {
  for (const auto& r : kReleases)
    if (r.name == name) return &r;
  return nullptr;
}

const fineract_release& default_fineract_release() noexcept {
  return *find_fineract_release("1.11");
}

std::string fineract_release_names() {
  std::string out;
  for (const auto& r : kReleases) {
    if (!out.empty()) out += ", ";
    out += r.name;
  }
  return out;
}

}  // namespace mifos::hooks
