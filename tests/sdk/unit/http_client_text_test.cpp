// The pure helpers around the SDK's HTTP and Fineract clients: form encoding, Basic credentials,
// and the API base made from an Endpoint header.
#include <gtest/gtest.h>

#include <mifos/hooks/fineract_client.hpp>
#include <mifos/hooks/http_client.hpp>

namespace hooks = mifos::hooks;

TEST(FormEncode, EncodesLikeJavaUrlEncoderSpacesAsPlusReservedAsPercent) {
  EXPECT_EQ(hooks::form_encode({{"To", "+254712345678"}, {"Body", "Hello Petra, 5% & more"}}),
            "To=%2B254712345678&Body=Hello+Petra%2C+5%25+%26+more");
}

TEST(FormEncode, KeepsUnreservedCharactersAndEncodesUtf8BytesOneByOne) {
  EXPECT_EQ(hooks::form_encode({{"a-b.c_d*", "é"}}), "a-b.c_d*=%C3%A9");
}

TEST(FormEncode, NoFieldsIsEmpty) { EXPECT_EQ(hooks::form_encode({}), ""); }

TEST(BasicAuthorization, IsBasicThenBase64OfUserColonPassword) {
  EXPECT_EQ(hooks::basic_authorization("mifos", "password"), "Basic bWlmb3M6cGFzc3dvcmQ=");
}

TEST(FineractApiBase, AddsV1AfterAFineractEndpointThatStopsAtApi) {
  EXPECT_EQ(hooks::fineract_api_base("https://localhost:8443/fineract-provider/api/"),
            "https://localhost:8443/fineract-provider/api/v1/");
  EXPECT_EQ(hooks::fineract_api_base("https://localhost:8443/fineract-provider/api"),
            "https://localhost:8443/fineract-provider/api/v1/");
}

TEST(FineractApiBase, KeepsAMifosEndpointThatHasV1AndAddsTheSlash) {
  EXPECT_EQ(hooks::fineract_api_base("https://host:8443/mifosng-provider/api/v1/"),
            "https://host:8443/mifosng-provider/api/v1/");
  EXPECT_EQ(hooks::fineract_api_base("https://host:8443/mifosng-provider/api/v1"),
            "https://host:8443/mifosng-provider/api/v1/");
}

TEST(FineractClientOptions, ForEventTakesEndpointTenantAndDialect) {
  hooks::event e;
  e.endpoint = "http://127.0.0.1:8443/mifosng-provider/api/v1/";
  e.tenant = "branch7";
  e.dialect = hooks::wire_dialect::mifos;
  auto o = hooks::fineract_client_options::for_event(e);
  EXPECT_EQ(o.base_url, "http://127.0.0.1:8443/mifosng-provider/api/v1/");
  EXPECT_EQ(o.tenant, "branch7");
  EXPECT_EQ(o.dialect, hooks::wire_dialect::mifos);
}

TEST(FineractClientOptions, ForEventWithoutEndpointLeavesTheBaseForConfiguration) {
  hooks::event e;
  auto o = hooks::fineract_client_options::for_event(e);
  EXPECT_EQ(o.base_url, "");
  EXPECT_EQ(o.tenant, "default");
}

TEST(ClientResponse, FindsAHeaderCaseInsensitively) {
  hooks::client_response r;
  r.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", "7"}};
  EXPECT_EQ(r.header("x-request-id").value_or(""), "7");
  EXPECT_FALSE(r.header("Location").has_value());
}
