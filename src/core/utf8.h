/// UTF-8 validation, repair and the few Unicode character questions the stages ask.
///
///   Utf8Repair r = repair_utf8(bytes);     // invalid sequences become U+FFFD
///   for (size_t off : r.replaced) warn(line_col(bytes, off));
///   size_t i = 0; char32_t c = decode_utf8(r.text, i);   // advances i
///
/// All functions are pure and thread-safe; the character classes come from ICU.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// Text made valid UTF-8 and the input byte offsets where a replacement happened.
struct Utf8Repair {
  std::string text;
  std::vector<size_t> replaced;  ///< offsets into the input, one per U+FFFD inserted
};

/// Replaces every maximal invalid subsequence by U+FFFD (Unicode's "substitution of maximal
/// subparts"), so that valid input comes back byte-identical.
Utf8Repair repair_utf8(std::string_view bytes);

/// True when `s` is valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// Decodes the code point at `i` of valid UTF-8 `s` and advances `i` past it.
char32_t decode_utf8(std::string_view s, size_t& i);

/// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

/// 1-based line and column (in code points) of byte offset `off` in `s`.
struct LineCol {
  int line = 1;
  int column = 1;
};
LineCol line_col(std::string_view s, size_t off);

bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_letter(char32_t c);
bool is_digit(char32_t c);

/// Lower-cases and removes diacritics ("Müller" -> "muller", "Ağdam" -> "agdam"); also maps
/// typographic apostrophes and dashes to ASCII. Used for matching names, never for output.
std::string fold(std::string_view s);

}  // namespace parley
