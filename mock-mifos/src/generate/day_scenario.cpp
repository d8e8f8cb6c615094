// day_scenario.cpp: runs the day planned in day_plan.hpp, on the caller's runner (`serve`) or on a
// fresh portfolio whose deliveries are written as traffic (`generate`).
#include "generate/day_scenario.hpp"

#include <cstdio>
#include <queue>
#include <stdexcept>
#include <vector>

#include "generate/day_plan.hpp"
#include "portfolio/portfolio.hpp"
#include "wire/url.hpp"

namespace mifos::mock {

scenario_summary run_day(const scenario_options& options, const command_runner& run) {
  if (options.clients == 0) throw std::invalid_argument("--clients must be at least 1");
  return day_plan::working_day(options, run).run();
}

scenario_summary generate_day(const scenario_options& options,
                              const std::function<void(const hooks::traffic_record&)>& emit) {
  auto url = parse_http_url(options.payload_url);
  if (!url) throw std::invalid_argument("not an http(s) URL: " + options.payload_url);
  if (options.dialect == hooks::wire_dialect::fineract && has_path_without_trailing_slash(*url))
    throw std::invalid_argument(
        "Fineract 1.7+ refuses a Payload URL with a path and no "
        "trailing '/': use " +
        options.payload_url + "/");
  hook web_hook;
  web_hook.id = 1;
  web_hook.template_name = "Web";
  web_hook.display_name = "mock-mifos generate";
  web_hook.active = true;
  web_hook.config = {
      {"Payload URL", options.payload_url},
      {"Content Type", options.format == hooks::body_format::form ? "form" : "json"}};
  payload_settings settings;
  settings.dialect = options.dialect;
  settings.failures = options.failures;
  settings.endpoint = options.server_url + (options.dialect == hooks::wire_dialect::mifos
                                                ? "/mifosng-provider/api/v1/"
                                                : "/fineract-provider/api/");
  portfolio accounts;
  std::size_t deliveries = 0;
  std::map<std::string, std::size_t> per_event;
  scenario_summary summary = run_day(options, [&](std::int64_t at_us, const rest_call& call) {
    std::optional<rest_outcome> out = accounts.handle(call);
    if (!out) throw std::logic_error("the portfolio does not serve " + call.path);
    if (at_us < 0 || !out->event) return std::move(*out);
    if (auto d = build_hook_delivery(*out->event, web_hook, settings)) {
      ++deliveries;
      ++per_event[out->event->entity + "." + out->event->action];
      emit(hooks::traffic_record{at_us, std::move(d->message)});
    }
    return std::move(*out);
  });
  summary.deliveries = deliveries;
  summary.per_event = std::move(per_event);
  return summary;
}

}  // namespace mifos::mock
