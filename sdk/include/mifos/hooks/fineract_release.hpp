// fineract_release.hpp: what each release of Mifos X and Apache Fineract puts on the wire for a
// hook, one row per release (docs/wire-format.md sections 1 and 4, fineract-commands.md "2026").
//
// One table decides every release-dependent behaviour: the header family, the body shape, how a
// failed command is delivered, where the delivery goes, and how the hooks admin API reads its
// bodies. Which catalog pairs fire in a release is on each catalog entry (catalog.hpp, fires_in).
//
//   const auto* r = mifos::hooks::find_fineract_release("1.6");
//   if (r && r->delivery_url == mifos::hooks::delivery_url_rule::host_root) ...  // posts to "/"
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "mifos/hooks/event.hpp"
#include "mifos/hooks/wire.hpp"

namespace mifos::hooks {

// How a failed command (validation error, not found, domain rule, parked for a checker) is
// delivered.
enum class failure_delivery {
  none,       // Mifos X, Fineract <= 1.4: failures fire nothing
  exception,  // 1.5-1.8: the envelope with "status":"Exception" and the error body as response
  stripped,   // 1.9+: the envelope without status, response, officeId and clientId
};

// Where a delivery goes, from the hook's Payload URL.
enum class delivery_url_rule {
  slash_appended,  // Mifos X, Fineract <= 1.4: the URL minus one trailing '/', plus '/'
  host_root,       // 1.5-1.6: "/" on the URL's host; its path is dropped
  as_given,        // 1.7+: the URL itself; one with a path must end in '/' (else refused)
};

struct fineract_release {
  std::string_view name;  // "mifosx-16", "1.0" ... "1.15"
  wire_dialect headers;   // X-Mifos-* or X-Fineract-*
  body_shape body;        // bare command result, or the envelope (1.5+)
  failure_delivery failures;
  delivery_url_rule delivery_url;
  // 1.15 rewrote the hooks admin API: unknown body keys are ignored instead of refused, and a
  // missing template name answers 404 error.msg.template.not.found.
  bool admin_api_rewritten;
  // Its place in time: releases compare by it (mifosx-16 is 0).
  int order;

  // 1.7+ refuse a Payload URL with a path and no trailing '/' (Retrofit 2's base URL rule).
  bool refuses_path_without_slash() const noexcept {
    return delivery_url == delivery_url_rule::as_given;
  }
};

// Every release, oldest first: mifosx-16, 1.0, 1.1, ..., 1.15.
std::span<const fineract_release> fineract_releases() noexcept;

// The release named `name` ("1.8", "mifosx-16"), or nullptr.
const fineract_release* find_fineract_release(std::string_view name) noexcept;

// The release tools default to: 1.11, the newest one whose hooks are what Fineract's 2024-10
// source (the catalog's reference) publishes: from 1.12 on, commands moved to the new command
// pipeline publish nothing.
const fineract_release& default_fineract_release() noexcept;

// "mifosx-16, 1.0, 1.1, ..., 1.15", for help texts and error messages.
std::string fineract_release_names();

}  // namespace mifos::hooks
