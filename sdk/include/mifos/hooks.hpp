// hooks.hpp: the whole mifos-hooks SDK in one include.
#pragma once

#include "mifos/hooks/answer.hpp"
#include "mifos/hooks/catalog.hpp"
#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/event.hpp"
#include "mifos/hooks/fineract_client.hpp"
#include "mifos/hooks/fineract_release.hpp"
#include "mifos/hooks/http_answer.hpp"
#include "mifos/hooks/http_client.hpp"
#include "mifos/hooks/http_server.hpp"
#include "mifos/hooks/http_server_options.hpp"
#include "mifos/hooks/receiver.hpp"
#include "mifos/hooks/receiver_options.hpp"
#include "mifos/hooks/requests.hpp"
#include "mifos/hooks/result.hpp"
#include "mifos/hooks/router.hpp"
#include "mifos/hooks/wire.hpp"
