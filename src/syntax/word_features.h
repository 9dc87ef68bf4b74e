/// The atoms the tagger's and the parser's features are built from: hashes of a word's
/// lower-cased form, its affixes and its shape ("Xxxx", "dd.dd"). ASCII letters are folded;
/// other bytes are kept, so "Şuşa" and "şuşa" differ only in their first letter's case.
///
///   WordAtoms a = word_atoms("Negotiated");   // a.lower = hash("negotiated"), a.shape = hash("Xxx")
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/hash.h"

namespace parley::syntax {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// "Obama" -> "Xx", "1,000.5" -> "d,d.d", "U.S." -> "X.X.", "e-mail" -> "x-x". Runs of one
/// class longer than two are cut to two ("Xxx" stays apart from "Xx" so short and long
/// capitalised words differ); non-ASCII bytes count as letters of unknown case ("u").
inline std::string word_shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = (c >= 0xC0) ? 'u' : 0;  // continuation bytes add nothing
    else k = static_cast<char>(c);
    if (k == 0) continue;
    if (k == last) {
      if (++run > 2) continue;
    } else {
      last = k;
      run = 1;
    }
    out += k;
  }
  return out;
}

/// Per-word hashes computed once per sentence.
struct WordAtoms {
  uint64_t form = 0;    ///< exact form
  uint64_t lower = 0;   ///< ASCII-lower-cased form
  uint64_t shape = 0;
  uint64_t prefix[3] = {0, 0, 0};  ///< first 1..3 bytes, lower-cased
  uint64_t suffix[5] = {0, 0, 0, 0, 0};  ///< last 1..5 bytes, lower-cased
  bool upper_initial = false;
  bool has_digit = false;
  bool has_hyphen = false;
};

inline WordAtoms word_atoms(std::string_view form) {
  // old wire copy's double-quote possessive ("OPEC\"s", a word of its own since the tokenizer
  // cuts it as a clitic) has the features of the 's it stands for
  if (form == "\"s" || form == "\"S") form = "'s";
  WordAtoms a;
  const std::string low = ascii_lower(form);
  a.form = fnv1a64(form);
  a.lower = fnv1a64(low);
  a.shape = fnv1a64(word_shape(form));
  const size_t n = low.size();
  for (size_t k = 1; k <= 3; ++k) a.prefix[k - 1] = fnv1a64(std::string_view(low).substr(0, k)) + k;
  for (size_t k = 1; k <= 5; ++k)
    a.suffix[k - 1] = fnv1a64(std::string_view(low).substr(n > k ? n - k : 0)) + 17 * k;
  a.upper_initial = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  for (char c : form) {
    if (c >= '0' && c <= '9') a.has_digit = true;
    if (c == '-') a.has_hyphen = true;
  }
  return a;
}

}  // namespace parley::syntax
