#include "text/tokenizer.h"

#include "core/utf8.h"

namespace parley::text {
namespace {

bool wordish(char32_t c) { return is_letter(c) || is_digit(c); }
bool apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool inner(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == '.' || c == '&' || apostrophe(c); }

}  // namespace

std::vector<Token> tokenize(std::string_view t, size_t begin, size_t end) {
  std::vector<Token> out;
  size_t i = begin;
  while (i < end) {
    size_t j = i;
    const char32_t c = decode_utf8(t, j);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == '\f' || c == '\v') {
      i = j;
      continue;
    }
    Token tok;
    tok.begin = i;
    if (!wordish(c)) {
      tok.end = j;
      out.push_back(tok);
      i = j;
      continue;
    }
    tok.word = true;
    size_t k = j;
    while (k < end) {
      size_t m = k;
      const char32_t d = decode_utf8(t, m);
      if (wordish(d)) { k = m; continue; }
      // "RFE/RL": a slash between capitals joins one name
      if (d == '/' && m < end && k > tok.begin && t[k - 1] >= 'A' && t[k - 1] <= 'Z' && t[m] >= 'A' && t[m] <= 'Z') {
        k = m;
        continue;
      }
      if (inner(d)) {
        size_t n = m;
        const char32_t e = m < end ? decode_utf8(t, n) : U' ';
        if (wordish(e)) {
          // possessive 's ends the word: split it off below
          if (apostrophe(d) && (e == 's' || e == 'S')) {
            size_t q = n;
            const char32_t after = q < end ? decode_utf8(t, q) : U' ';
            if (!wordish(after)) break;
          }
          k = m;
          continue;
        }
        // acronym dot: "U.S." keeps its final dot when letters and dots alternate
        if (d == '.' && k - tok.begin >= 3 && t[k - 2] == '.') { k = m; break; }
      }
      break;
    }
    tok.end = k;
    std::string_view w = t.substr(tok.begin, tok.end - tok.begin);
    size_t p = 0;
    const char32_t first = decode_utf8(w, p);
    tok.capitalized = is_upper(first);
    // "al-Qaeda", "el-Sisi", "bin-Laden": a short lower-case particle joined to a capitalised name
    if (!tok.capitalized) {
      const size_t dash = w.find('-');
      if (dash != std::string_view::npos && dash >= 2 && dash <= 3 && dash + 1 < w.size()) {
        size_t q = dash + 1;
        tok.capitalized = is_upper(decode_utf8(w, q));
      }
    }
    int letters = 0, lower = 0;
    for (size_t q = 0; q < w.size();) {
      const char32_t x = decode_utf8(w, q);
      if (is_letter(x)) { ++letters; if (is_lower(x)) ++lower; }
    }
    tok.all_caps = letters >= 2 && lower == 0;
    out.push_back(tok);
    i = k;
    // possessive
    if (i < end) {
      size_t m = i;
      const char32_t d = decode_utf8(t, m);
      if (apostrophe(d)) {
        size_t n = m;
        const char32_t e = n < end ? decode_utf8(t, n) : U' ';
        if (e == 's' || e == 'S') {
          size_t q = n;
          const char32_t after = q < end ? decode_utf8(t, q) : U' ';
          if (!wordish(after)) {
            Token ps;
            ps.begin = i;
            ps.end = n;
            ps.possessive = true;
            out.push_back(ps);
            i = n;
          }
        }
      }
    }
  }
  return out;
}

std::string last_key_word(std::string_view key) {
  const size_t sp = key.rfind(' ');
  return std::string(sp == std::string_view::npos ? key : key.substr(sp + 1));
}

std::string ascii_residue(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool dropped = false, lost = false;  // anywhere; in the current word
  size_t kept = 0;                     // characters of the current word kept
  for (size_t i = 0; i <= s.size(); ++i) {
    const unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    if (c >= 0x80) {
      dropped = lost = true;
      continue;
    }
    if (c == ' ' || c == '-') {
      if (lost && kept <= 1) return {};
      lost = false;
      kept = 0;
    } else {
      ++kept;
    }
    if (i < s.size()) out += static_cast<char>(c);
  }
  return dropped ? out : std::string{};
}

std::string name_key(std::string_view s) {
  std::string key;
  for (const Token& t : tokenize(s, 0, s.size())) {
    if (!t.word) {
      std::string_view p = t.view(s);
      if (p == "(" || p == ")" || p == "," || p == "\"") continue;
    }
    if (!key.empty()) key += ' ';
    key += fold(t.view(s));
  }
  return key;
}

}  // namespace parley::text
