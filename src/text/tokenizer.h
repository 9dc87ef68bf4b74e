/// Splits a span of text into word and punctuation tokens with byte offsets.
///
///   for (const Token& t : tokenize(doc.text, s.begin, s.end)) ...
///
/// A word is letters and digits with inner hyphens, apostrophes, dots and ampersands
/// ("Okonjo-Iweala", "O'Neill", "al-Bashir", "U.S.", "AT&T"); a trailing possessive
/// ("'s", "’s", or a lone apostrophe after s) is its own token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::text {

struct Token {
  size_t begin = 0;
  size_t end = 0;
  bool word = false;        ///< letters/digits, else punctuation
  bool capitalized = false; ///< first character is an upper-case letter
  bool all_caps = false;    ///< at least two letters, none lower-case
  bool possessive = false;  ///< the "'s" token
  std::string_view view(std::string_view text) const { return text.substr(begin, end - begin); }
};

std::vector<Token> tokenize(std::string_view text, size_t begin, size_t end);

/// Folded words of `s` joined by single spaces: the key gazetteer names are matched by.
std::string name_key(std::string_view s);
/// `s` with every character outside ASCII left out ("Sinn Fin" of "Sinn Féin", "Chvez" of
/// "Chávez"): how some corpus feeds print names, having dropped what they could not encode. Empty
/// when nothing was left out, or when a word would lose all but one letter.
std::string ascii_residue(std::string_view s);
/// The last word of a name key ("sabah" of "ali al-khalifa al-sabah"; the key when it is one word).
std::string last_key_word(std::string_view key);

}  // namespace parley::text
