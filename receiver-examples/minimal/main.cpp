// The smallest useful receiver, as the README shows it: three routes and a clean stop.
#include <iostream>
#include <mifos/hooks.hpp>

namespace hooks = mifos::hooks;

int main() {
  hooks::block_stop_signals();  // a Ctrl-C before wait_for_signal() still stops cleanly

  hooks::router r;
  r.on<hooks::loan_repayment_request>(
       [](const hooks::event& e, const hooks::loan_repayment_request& req) {
         std::cout << "loan " << e.result.loan_id.value_or(0) << " repaid "
                   << req.transaction_amount.value_or("?") << std::endl;
       })
      .on("CLIENT", "*",
          [](const hooks::event& e) { std::cout << "client " << e.action << std::endl; })
      .on_any([](const hooks::event& e) { std::cout << hooks::to_json(e).dump() << std::endl; });

  hooks::receiver_options options;
  options.address = "0.0.0.0";  // take deliveries from other hosts too (the default is 127.0.0.1)
  options.port = 9000;
  hooks::receiver server(std::move(r), options);
  server.start();            // returns once the socket accepts connections
  server.wait_for_signal();  // until SIGINT or SIGTERM, then a clean stop
}
