#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8, ValidInputComesBackByteIdentical) {
  static const char* const kValid[] = {
      "",
      "plain ASCII text.",
      "M\xC3\xBCller",                       // ü
      "A\xC4\x9F" "dam",                     // ğ
      "\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9",  // Сергей
      "\xE2\x80\x9Cquoted\xE2\x80\x9D",     // curly quotes
      "\xF0\x9F\x98\x80",                    // U+1F600
      "\xEF\xBF\xBD",                        // U+FFFD itself
      "\xF4\x8F\xBF\xBF",                    // U+10FFFF, the last code point
      "\xED\x9F\xBF",                        // U+D7FF, just below the surrogates
      "\xEE\x80\x80",                        // U+E000, just above them
  };
  for (const char* s : kValid) {
    SCOPED_TRACE(s);
    const Utf8Repair r = repair_utf8(s);
    EXPECT_EQ(r.text, s);
    EXPECT_TRUE(r.replaced.empty());
    EXPECT_TRUE(is_valid_utf8(s));
  }
}

TEST(Utf8, EachMaximalInvalidSubpartBecomesOneReplacement) {
  struct Row {
    const char* name;
    std::string in;
    std::string out;
    std::vector<size_t> replaced;
  };
  const Row kRows[] = {
      {"truncated 3-byte at end", "a\xE2\x82", "a" + kFffd, {1}},
      {"truncated 3-byte before ASCII", "\xE2\x82" "A", kFffd + "A", {0}},
      {"truncated 4-byte", "x\xF0\x9F\x98y", "x" + kFffd + "y", {1}},
      {"overlong C0 AF: two subparts", "\xC0\xAF", kFffd + kFffd, {0, 1}},
      {"overlong E0 80 80", "\xE0\x80\x80", kFffd + kFffd + kFffd, {0, 1, 2}},
      {"surrogate ED A0 80", "\xED\xA0\x80", kFffd + kFffd + kFffd, {0, 1, 2}},
      {"above U+10FFFF", "\xF4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd, {0, 1, 2, 3}},
      {"lone continuation", "a\x80" "b", "a" + kFffd + "b", {1}},
      {"two lone continuations", "\xBF\x80", kFffd + kFffd, {0, 1}},
      {"lone FF", "ab\xFF", "ab" + kFffd, {2}},
      {"F5 lead byte", "\xF5\x80", kFffd + kFffd, {0, 1}},
      {"lead byte then valid char", "\xC3\xC3\xBC", kFffd + "\xC3\xBC", {0}},
      {"mixed", "M\xC3\xBCl\xFFler\xE2\x82", "M\xC3\xBCl" + kFffd + "ler" + kFffd, {4, 8}},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    const Utf8Repair r = repair_utf8(row.in);
    EXPECT_EQ(r.text, row.out);
    EXPECT_EQ(r.replaced, row.replaced);
    EXPECT_FALSE(is_valid_utf8(row.in));
    EXPECT_TRUE(is_valid_utf8(r.text));
  }
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  std::vector<char32_t> cps;
  for (char32_t c = 0; c < 0x800; ++c) cps.push_back(c);
  for (char32_t c = 0x800; c <= 0x10FFFF; c += 0x3F) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    cps.push_back(c);
  }
  for (char32_t c : {char32_t{0xD7FF}, char32_t{0xE000}, char32_t{0xFFFF}, char32_t{0x10000},
                     char32_t{0x10FFFF}})
    cps.push_back(c);
  std::string all;
  for (char32_t c : cps) {
    std::string one;
    append_utf8(one, c);
    ASSERT_TRUE(is_valid_utf8(one)) << std::hex << static_cast<uint32_t>(c);
    const size_t expected_len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    ASSERT_EQ(one.size(), expected_len) << std::hex << static_cast<uint32_t>(c);
    size_t i = 0;
    ASSERT_EQ(decode_utf8(one, i), c);
    ASSERT_EQ(i, one.size());
    all += one;
  }
  // and as one string, decoded in sequence
  size_t i = 0;
  for (char32_t c : cps) ASSERT_EQ(decode_utf8(all, i), c);
  EXPECT_EQ(i, all.size());
}

TEST(Utf8, LineColCountsLinesAndCodePoints) {
  // "ab\nc\xC3\xA9 d": é is two bytes but one column
  const std::string s = "ab\nc\xC3\xA9 d\n\nx";
  struct Row {
    size_t off;
    int line, column;
  };
  static const Row kRows[] = {
      {0, 1, 1}, {1, 1, 2}, {2, 1, 3},   // the newline itself is on line 1
      {3, 2, 1}, {4, 2, 2}, {6, 2, 3}, {7, 2, 4},
      {9, 3, 1}, {10, 4, 1},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.off);
    const LineCol lc = line_col(s, row.off);
    EXPECT_EQ(lc.line, row.line);
    EXPECT_EQ(lc.column, row.column);
  }
}

TEST(Utf8, FoldLowercasesAndStripsDiacritics) {
  struct Row {
    const char* in;
    const char* out;
  };
  static const Row kRows[] = {
      {"M\xC3\xBCller", "muller"},                    // Müller (precomposed)
      {"Mu\xCC\x88ller", "muller"},                   // Müller (combining diaeresis)
      {"A\xC4\x9F" "dam", "agdam"},                   // Ağdam
      {"\xC5\x9Eu\xC5\x9F" "a", "susa"},              // Şuşa
      {"\xC4\xB0lham \xC6\x8Fliyev", "ilham \xC9\x99liyev"},  // İlham Əliyev: ə has no base letter
      {"Stra\xC3\x9F" "e", "strasse"},                // ß
      {"K\xC4\xB1z\xC4\xB1l", "kizil"},               // dotless ı
      {"O\xE2\x80\x99Neill", "o'neill"},              // curly apostrophe
      {"O\xE2\x80\x98Neill", "o'neill"},              // left single quote
      {"Okonjo\xE2\x80\x93Iweala", "okonjo-iweala"},  // en dash
      {"a\xE2\x80\x94" "b", "a-b"},                   // em dash
      {"U.S.", "u.s."},
      {"ABC def", "abc def"},
      {"Z\xC3\xBCrich", "zurich"},
      {"", ""},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(fold(row.in), row.out);
  }
}

TEST(Utf8, CharacterClasses) {
  EXPECT_TRUE(is_upper(U'A'));
  EXPECT_TRUE(is_upper(U'\u015E'));   // Ş
  EXPECT_TRUE(is_upper(U'\u0421'));   // С
  EXPECT_FALSE(is_upper(U'a'));
  EXPECT_TRUE(is_lower(U'\u00FC'));   // ü
  EXPECT_TRUE(is_letter(U'\u0259'));  // ə
  EXPECT_TRUE(is_letter(U'\u4E2D'));  // 中
  EXPECT_FALSE(is_letter(U'-'));
  EXPECT_TRUE(is_digit(U'7'));
  EXPECT_FALSE(is_digit(U'x'));
}

}  // namespace
}  // namespace parley
