/// Splits article text into sentences, keeping byte offsets into the text.
///
///   std::vector<Sentence> ss = segment(doc.text, abbreviations);
///   std::string_view first = ss[0].view(doc.text);
///
/// Boundaries: blank lines, a line break followed by indentation (wire copy starts each
/// paragraph indented and wraps lines inside it), a line that is the headline, and
/// sentence-final punctuation followed by a capital, digit or opening quote, unless the word
/// before the dot is a known abbreviation or a single capital letter (an initial).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace parley::text {

struct Sentence {
  size_t begin = 0;  ///< byte offset of the first character (never whitespace)
  size_t end = 0;    ///< one past the last character (never whitespace)
  size_t size() const { return end - begin; }
  std::string_view view(std::string_view text) const { return text.substr(begin, end - begin); }
};

/// Wire copy opens with a dateline: "CAIRO, March 24 - Sudan has ...", "GENEVA (Reuters) -":
/// where one starts at byte `i` of `t`, the offset just past its dash, else 0. The segmenter
/// makes it a sentence of its own.
size_t dateline_end(std::string_view t, size_t i);

/// `abbreviations` holds lower-cased abbreviations with their final dot ("mr.", "u.s.").
std::vector<Sentence> segment(std::string_view text,
                              const std::unordered_set<std::string>& abbreviations);

}  // namespace parley::text
