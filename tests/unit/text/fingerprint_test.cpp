#include "text/fingerprint.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::text {
namespace {

const std::string kStory =
    "Talks between the two delegations resumed in Geneva on Monday after a break of three weeks, "
    "officials said. The envoy told reporters that both sides had agreed to exchange prisoners and "
    "to open a humanitarian corridor before the end of the month, although several details remained "
    "to be settled by the working groups that meet again next week.";

TEST(Fingerprint, SpacingPunctuationAndCaseDoNotCount) {
  const Fingerprint a = fingerprint(kStory);
  std::string b = kStory;
  for (char& c : b)
    if (c == ' ') c = '\n';
  b[0] = 't';
  EXPECT_EQ(fingerprint(b + "\r\n").words, a.words);
  EXPECT_EQ(fingerprint(b).simhash, a.simhash);
}

TEST(Fingerprint, ANearCopyIsNearAnotherStoryIsFar) {
  const Fingerprint a = fingerprint(kStory);
  std::string near = kStory;
  near.replace(near.find("Monday"), 6, "Tuesday");  // one word changed
  const Fingerprint b = fingerprint(near);
  EXPECT_NE(a.words, b.words);
  EXPECT_LE(hamming(a.simhash, b.simhash), 6);
  const Fingerprint other = fingerprint(
      "Oil prices fell sharply on Friday as traders weighed rising inventories against a weaker dollar, "
      "and analysts said demand for jet fuel would stay low until the summer travel season began in June.");
  EXPECT_GT(hamming(a.simhash, other.simhash), 12);
}

TEST(Fingerprint, ShortAndEmptyTexts) {
  EXPECT_EQ(fingerprint("").words, fingerprint("  ,. ").words);
  EXPECT_NE(fingerprint("Baku").words, fingerprint("Yerevan").words);
  EXPECT_NE(fingerprint("Baku").simhash, 0u);
}

}  // namespace
}  // namespace parley::text
