// base64_test.cpp: RFC 4648 base64, its test vectors, and strict refusal of malformed text.
#include "mifos/hooks/base64.hpp"

#include <gtest/gtest.h>

namespace mifos::hooks {
namespace {

TEST(Base64, EncodesTheRfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, EncodesBasicCredentials) {
  EXPECT_EQ(base64_encode("mifos:password"), "bWlmb3M6cGFzc3dvcmQ=");
}

TEST(Base64, DecodesTheRfc4648Vectors) {
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_EQ(base64_decode("Zg=="), "f");
  EXPECT_EQ(base64_decode("Zm8="), "fo");
  EXPECT_EQ(base64_decode("Zm9vYmFy"), "foobar");
}

TEST(Base64, RoundTripsEveryByteValue) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  const std::string text = base64_encode(bytes);
  EXPECT_EQ(text.substr(text.size() - 12), "+fr7/P3+/w==");
  EXPECT_EQ(base64_decode(text), bytes);
}

TEST(Base64, RefusesABadLength) {
  EXPECT_FALSE(base64_decode("Zg=").has_value());
  EXPECT_FALSE(base64_decode("Zm9vY").has_value());
}

TEST(Base64, RefusesCharactersOutsideTheAlphabetAndWhitespace) {
  EXPECT_FALSE(base64_decode("Zm9v!mFy").has_value());
  EXPECT_FALSE(base64_decode("Zm9v YmE=").has_value());
  EXPECT_FALSE(base64_decode("Zm9v-_Fy").has_value());  // the URL-safe alphabet is not accepted
}

TEST(Base64, RefusesMisplacedPadding) {
  EXPECT_FALSE(base64_decode("Z===").has_value());
  EXPECT_FALSE(base64_decode("====").has_value());
  EXPECT_FALSE(base64_decode("Zg==Zm9v").has_value());
  EXPECT_FALSE(base64_decode("Z=9v").has_value());
}

}  // namespace
}  // namespace mifos::hooks
