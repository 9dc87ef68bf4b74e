/// Fingerprints of an article's text, for recognising the same story read twice (a wire sent
/// again, a file copied) without keeping the text: a hash of its words, and a SimHash of its
/// word trigrams that differs in few bits between near-copies.
///
///   Fingerprint f = fingerprint(doc.text);
///   if (f.words == g.words) ...                          // the same words, in the same order
///   if (hamming(f.simhash, g.simhash) <= 3) ...          // nearly the same text
///
/// Words are runs of ASCII letters and digits (lower-cased) and of other bytes (UTF-8 letters);
/// punctuation, spacing and line ends do not count. Deterministic across platforms and runs.
#pragma once

#include <cstdint>
#include <string_view>

namespace parley::text {

struct Fingerprint {
  uint64_t words = 0;    ///< FNV-1a of the word sequence
  uint64_t simhash = 0;  ///< 64-bit SimHash of the word trigrams (of the words, for fewer than 3)
};

Fingerprint fingerprint(std::string_view text);

/// The number of bits in which `a` and `b` differ.
int hamming(uint64_t a, uint64_t b);

}  // namespace parley::text
