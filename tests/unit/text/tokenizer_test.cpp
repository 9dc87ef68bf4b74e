#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::text {
namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s, 0, s.size())) out.emplace_back(t.view(s));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsWordsAndPunctuation) {
  struct Row {
    const char* text;
    V tokens;
  };
  static const Row kRows[] = {
      {"Talks ended, finally.", {"Talks", "ended", ",", "finally", "."}},
      {"Artsakh\xE2\x80\x99s leader", {"Artsakh", "\xE2\x80\x99s", "leader"}},
      {"Armenia's army", {"Armenia", "'s", "army"}},
      {"the ministers' talks", {"the", "ministers", "'", "talks"}},
      {"The U.S. envoy", {"The", "U.S.", "envoy"}},
      {"Omar al-Bashir said", {"Omar", "al-Bashir", "said"}},
      {"Ngozi Okonjo-Iweala", {"Ngozi", "Okonjo-Iweala"}},
      {"Tip O'Neill", {"Tip", "O'Neill"}},
      {"AT&T shares", {"AT&T", "shares"}},
      {"\xC5\x9E" "u\xC5\x9F" "a and Z\xC3\xBCrich", {"\xC5\x9E" "u\xC5\x9F" "a", "and", "Z\xC3\xBCrich"}},
      {"\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9 \xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2",
       {"\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9", "\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2"}},
      {"Washington\xC2\xA0" "D.C. said", {"Washington", "D.C.", "said"}},  // no-break space separates
      {"(UN)", {"(", "UN", ")"}},
      {"\xE2\x80\x9CNo,\xE2\x80\x9D he said", {"\xE2\x80\x9C", "No", ",", "\xE2\x80\x9D", "he", "said"}},
      {"a - b", {"a", "-", "b"}},
      {"1,500 troops", {"1", ",", "500", "troops"}},
      {"2023-03-01", {"2023-03-01"}},
      {"", {}},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(words(row.text), row.tokens);
  }
}

TEST(Tokenizer, OffsetsAreBytesIntoTheWholeText) {
  const std::string text = "Skip this. \xC5\x9E" "u\xC5\x9F" "a\xE2\x80\x99s mayor met.";
  const size_t b = text.find("\xC5\x9E");
  const std::vector<Token> ts = tokenize(text, b, text.size());
  ASSERT_EQ(ts.size(), 5u);
  EXPECT_EQ(ts[0].begin, b);
  EXPECT_EQ(ts[0].end, b + 6);  // Ş u ş a: 2 + 1 + 2 + 1 bytes
  EXPECT_TRUE(ts[0].word);
  EXPECT_TRUE(ts[1].possessive);
  EXPECT_EQ(ts[1].begin, b + 6);
  EXPECT_EQ(ts[1].end, b + 10);  // U+2019 is 3 bytes, then s
  EXPECT_FALSE(ts[1].word);
  EXPECT_EQ(ts[2].view(text), "mayor");
  EXPECT_EQ(ts[4].view(text), ".");
  EXPECT_EQ(ts[4].end, text.size());
  EXPECT_FALSE(ts[4].word);
}

TEST(Tokenizer, TokenizesOnlyTheSpan) {
  const std::string text = "Alpha Beta Gamma";
  const std::vector<Token> ts = tokenize(text, 6, 10);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].view(text), "Beta");
}

TEST(Tokenizer, Flags) {
  struct Row {
    const char* word;
    bool capitalized, all_caps;
  };
  static const Row kRows[] = {
      {"Artsakh", true, false},
      {"al-Bashir", true, false},  // a lower-case particle joined to a capitalised name
      {"NATO", true, true},
      {"UN", true, true},       {"A", true, false},          {"U.S.", true, true},
      {"iPhone", false, false}, {"\xC5\x9E" "U\xC5\x9E" "A", true, true},
      {"\xC5\x9F" "u\xC5\x9F" "a", false, false}, {"G7", true, false},
      {"OSCE's", true, true},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.word);
    const std::string_view s(row.word);
    const std::vector<Token> ts = tokenize(s, 0, s.size());
    ASSERT_FALSE(ts.empty());
    EXPECT_TRUE(ts[0].word);
    EXPECT_EQ(ts[0].capitalized, row.capitalized);
    EXPECT_EQ(ts[0].all_caps, row.all_caps);
    EXPECT_FALSE(ts[0].possessive);
  }
}

TEST(Tokenizer, NameKey) {
  struct Row {
    const char* in;
    const char* key;
  };
  static const Row kRows[] = {
      {"Azerbaijan", "azerbaijan"},
      {"  Jürgen   Müller ", "jurgen muller"},
      {"United Nations (UN)", "united nations un"},
      {"A\xC4\x9F" "dam", "agdam"},
      {"Okonjo-Iweala", "okonjo-iweala"},
      {"O\xE2\x80\x99Neill", "o'neill"},
      {"Artsakh\xE2\x80\x99s", "artsakh 's"},
      {"U.S. envoy", "u.s. envoy"},
      {"Bosnia and Herzegovina", "bosnia and herzegovina"},
      {"Jones, Smith", "jones smith"},
      {"\"Quoted\"", "quoted"},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(name_key(row.in), row.key);
  }
}

}  // namespace
}  // namespace parley::text

namespace parley::text {
namespace {

// BUG: a dotted acronym at the end of the span loses its final dot: tokenize("U.S.") gives
// {"U.S", "."} and name_key("U.S.") gives "u.s ." while in running text ("U.S. envoy") the token
// is "U.S." and its key "u.s.". Gazetteer names are keyed with name_key, so "U.S.", "U.N.",
// "E.U." in organizations.tsv/states.tsv never match the text (see
// Pipeline.DISABLED_DemandFiresKnownGaps). Expected: name_key("U.N.") == "u.n.".
TEST(Tokenizer, AcronymAtTheEndKeepsItsDot) {
  EXPECT_EQ(words("U.S."), (V{"U.S."}));
  EXPECT_EQ(name_key("U.N."), "u.n.");
  EXPECT_EQ(name_key("U.N."), name_key("U.N. envoy").substr(0, 4));
}

}  // namespace
}  // namespace parley::text

namespace parley::text {
namespace {

// Feeds that drop what they cannot encode print "Sinn Fin" for "Sinn Féin": the residue keys the
// gazetteer's second name; nothing when nothing was dropped or a word would keep one letter.
TEST(Tokenizer, AsciiResidueLeavesOutWhatFeedsDrop) {
  EXPECT_EQ(ascii_residue("Sinn Féin"), "Sinn Fin");
  EXPECT_EQ(ascii_residue("Hugo Chávez"), "Hugo Chvez");
  EXPECT_EQ(ascii_residue("Binali Yıldırım"), "Binali Yldrm");
  EXPECT_EQ(ascii_residue("Sinn Fein"), "");
  EXPECT_EQ(ascii_residue("Ó Fiaich"), "");
  EXPECT_EQ(name_key(ascii_residue("Nicolás Maduro")), "nicols maduro");
}

}  // namespace
}  // namespace parley::text
