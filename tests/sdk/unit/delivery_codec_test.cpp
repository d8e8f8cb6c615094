// delivery_codec_test.cpp: a delivery survives encode/decode byte for byte, and the decoder
// refuses (never crashes on) truncated or random bytes.
#include "delivery_codec.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace mifos::hooks::detail {
namespace {

delivery sample() {
  delivery d;
  d.method = "POST";
  d.target = "/hooks?tenant=default";
  d.headers = {{"X-Fineract-Entity", "CLIENT"}, {"X-Fineract-Action", "CREATE"}, {"X-Empty", ""}};
  d.body = std::string("{\"a\":1}\0\x01\xff", 10);
  return d;
}

TEST(DeliveryCodec, RoundTripsHeadersAndABinaryBody) {
  const delivery d = sample();
  delivery back;
  ASSERT_TRUE(decode_delivery(encode_delivery(d), back));
  EXPECT_EQ(back, d);
  EXPECT_EQ(back.body.size(), 10u);
}

TEST(DeliveryCodec, RoundTripsEmptyFields) {
  delivery d;
  d.method = "";
  d.target = "";
  d.headers = {{"", ""}};
  d.body = "";
  delivery back;
  back.body = "stale";
  ASSERT_TRUE(decode_delivery(encode_delivery(d), back));
  EXPECT_EQ(back, d);
}

TEST(DeliveryCodec, RoundTripsNulBytesInEveryField) {
  delivery d;
  d.method = std::string("P\0ST", 4);
  d.target = std::string("/\0", 2);
  d.headers = {{std::string("n\0", 2), std::string("\0v", 2)}};
  d.body = std::string(3, '\0');
  delivery back;
  ASSERT_TRUE(decode_delivery(encode_delivery(d), back));
  EXPECT_EQ(back, d);
}

TEST(DeliveryCodec, EncodesTheDocumentedLayout) {
  delivery d;
  d.method = "GET";
  d.target = "/";
  d.body = "b";
  const std::string expected = std::string("\x04\0\0\0", 4) + std::string("\x03\0\0\0", 4) + "GET" +
                               std::string("\x01\0\0\0", 4) + "/" + std::string(4, '\0') +
                               std::string("\x01\0\0\0", 4) + "b";
  EXPECT_EQ(encode_delivery(d), expected);
}

TEST(DeliveryCodec, EveryTruncationDecodesFalse) {
  const std::string bytes = encode_delivery(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    delivery out;
    EXPECT_FALSE(decode_delivery(std::string_view(bytes).substr(0, n), out)) << "length " << n;
  }
}

TEST(DeliveryCodec, TrailingBytesDecodeFalse) {
  delivery out;
  EXPECT_FALSE(decode_delivery(encode_delivery(sample()) + "x", out));
}

TEST(DeliveryCodec, FailedDecodeLeavesTheOutputUntouched) {
  delivery out = sample();
  EXPECT_FALSE(decode_delivery("garbage", out));
  EXPECT_EQ(out, sample());
}

TEST(DeliveryCodec, HugeHeaderCountDecodesFalseWithoutAllocatingForIt) {
  std::string bytes = encode_delivery(delivery{});
  // The header count sits after the field count, method "POST" and target "/".
  const std::size_t at = 4 + 4 + 4 + 4 + 1;
  bytes.replace(at, 4, std::string("\xff\xff\xff\x7f", 4));
  delivery out;
  EXPECT_FALSE(decode_delivery(bytes, out));
}

TEST(DeliveryCodec, RandomGarbageAndMutationsNeverCrash) {
  std::mt19937 rng(1234);
  const std::string valid = encode_delivery(sample());
  int decoded = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes;
    if (i % 2 == 0) {
      bytes.resize(rng() % 64);
      for (auto& c : bytes) c = static_cast<char>(rng());
    } else {
      bytes = valid;
      for (int k = 0; k < 3; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    }
    delivery out;
    if (decode_delivery(bytes, out)) {
      ++decoded;
      EXPECT_EQ(encode_delivery(out), bytes);  // whatever decodes is exactly what we would write
    }
  }
  EXPECT_LT(decoded, 20000);
}

}  // namespace
}  // namespace mifos::hooks::detail
