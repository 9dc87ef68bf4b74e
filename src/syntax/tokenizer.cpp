#include "syntax/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace parley::syntax {
namespace {

// ---------------------------------------------------------------------------------------------
// English tokenization tables. These are English morphology and typography as UD English EWT
// annotates it (checked against en_ewt-ud-train), not names: names never reach this file.

// Contractions written without an apostrophe that EWT splits (chat and e-mail spelling), with
// the code-point positions of the cuts (0: none). Matched lower-case or capitalised, in all
// caps only from four letters ("DONT", but "IM" is instant messaging). "lets", "hes", "ill",
// "id", "its", "were", "well" are left alone: in edited text they are ordinary words far more
// often than contractions. "cannot", "gonna" and kin are written so in edited text too.
struct Fused {
  std::string_view form;
  uint8_t cut1, cut2;
};
constexpr Fused kFused[] = {
    {"cannot", 3, 0}, {"gonna", 3, 0},  {"wanna", 3, 0},   {"gotta", 3, 0},    {"outta", 3, 0},
    {"dunno", 2, 3},  {"dont", 2, 0},   {"didnt", 3, 0},   {"doesnt", 4, 0},   {"cant", 2, 0},
    {"wont", 2, 0},   {"isnt", 2, 0},   {"wasnt", 3, 0},   {"werent", 4, 0},   {"arent", 3, 0},
    {"havent", 4, 0}, {"hasnt", 3, 0},  {"hadnt", 3, 0},   {"couldnt", 5, 0},  {"wouldnt", 5, 0},
    {"shouldnt", 6, 0}, {"aint", 2, 0}, {"im", 1, 0},      {"ive", 1, 0},      {"youre", 3, 0},
    {"theyre", 4, 0}, {"thats", 4, 0},  {"theres", 5, 0},  {"whats", 4, 0},    {"heres", 4, 0},
    {"itll", 2, 0},   {"youll", 3, 0},
};
constexpr size_t kMaxFused = 8;  // the longest form

// Bound prefixes after which EWT keeps a hyphenated word whole ("e-mail", "co-operate",
// "non-violent", "anti-war", "re-elect"); after any other word the hyphen is its own word.
constexpr std::string_view kHyphenPrefixes[] = {
    "anti", "arch", "co",  "counter", "cross", "e",     "ex",   "intra", "mid",   "micro",
    "mis",  "multi", "neo", "non",    "over",  "post",  "pre",  "pro",   "psycho", "re",
    "semi", "socio", "sub", "un",
};

// Units and times split from a number written against them ("5pm" = 5 pm, "10km", "3M").
// Ordinals and decades ("10th", "1990s") and codes ("4G", "3801A") stay whole.
constexpr std::string_view kUnits[] = {
    "am", "pm", "k",  "m",  "mm", "cm", "km", "kg",  "lb",  "lbs",  "oz",  "ft",
    "b",  "bn", "t",  "kb", "mb", "gb", "tb", "hz",  "khz", "mhz", "ghz",  "x",   "percent",
    "hh", "mph", "kph", "kw", "mw", "v", "c", "f",   "p",   "mi",  "yds",  "mins", "hrs",
};

// Emoticons, kept whole. `whole`: only as a whole whitespace-delimited chunk (they start with
// a bracket or a letter and would otherwise eat real punctuation or words).
struct Emoticon {
  std::string_view form;
  bool whole;
};
constexpr Emoticon kEmoticons[] = {
    {":-)", false}, {":-(", false}, {";-)", false}, {":-D", false}, {":-P", false},
    {":-/", false}, {":'(", false}, {":)", false},  {":(", false},  {";)", false},
    {":D", false},  {":P", false},  {":p", false},  {";P", false},  {":/", false},
    {":]", false},  {":|", false},  {":o", false},  {":O", false},  {"=)", false},
    {"=(", false},  {"^_^", false}, {"^^", false},  {"(:", true},   {"<3", true},
    {"XD", true},   {"xD", true},   {"D:", true},
};

// Schemes and prefixes that start a URL, compared case-insensitively.
constexpr std::string_view kUrlStarts[] = {"http://", "https://", "ftp://", "www.", "mailto:"};

// ---------------------------------------------------------------------------------------------
// Character classes.

enum class Cls : uint8_t { kSpace, kLetter, kDigit, kMark, kApos, kHyphen, kPunct };

Cls classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Cls::kLetter;
    if (c >= '0' && c <= '9') return Cls::kDigit;
    if (c <= 0x20 || c == 0x7F) return Cls::kSpace;
    if (c == '\'' || c == '`') return Cls::kApos;
    if (c == '-') return Cls::kHyphen;
    return Cls::kPunct;
  }
  if (c == 0x2019) return Cls::kApos;  // ’ is the typographic apostrophe as well as a quote
  if (c == 0x2010 || c == 0x2011) return Cls::kHyphen;
  // Zero-width space and BOM separate like spaces; U+0085 and the C1 controls too.
  if (c == 0x200B || c == 0xFEFF || c < 0xA0) return Cls::kSpace;
  const auto u = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(u)) return Cls::kSpace;
  if (is_letter(c)) return Cls::kLetter;
  if (is_digit(c)) return Cls::kDigit;
  switch (u_charType(u)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:  // soft hyphen, joiners: part of whatever they sit in
      return Cls::kMark;
    case U_CONTROL_CHAR:
      return Cls::kSpace;
    default:
      return Cls::kPunct;
  }
}

char ascii_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c + 32);
  return c < 0x80 ? static_cast<char>(c) : '\0';
}

bool is_sentence_punct(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool is_rule(char32_t c) {
  return c == '-' || c == '=' || c == '*' || c == '~' || c == '+' || c == '_' || c == '#' ||
         c == '<' || c == '>' || c == '|';
}
bool is_quote_apos(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == '`'; }

constexpr size_t kLookahead = 5;

struct Cp {
  char32_t c = 0;
  size_t off = 0;  // byte offset of the code point in the article text
  Cls cls = Cls::kSpace;
};

// ---------------------------------------------------------------------------------------------
// The scanner: whitespace-delimited chunks, each cut left to right into words.

class Scanner {
 public:
  Scanner(std::string_view text, const std::unordered_set<std::string>& abbreviations,
          std::vector<Cp>& cps, Sentence& out)
      : text_(text), abbreviations_(abbreviations), cps_(cps), out_(out) {}

  void run(size_t begin, size_t end) {
    cps_.clear();
    cps_.reserve(end - begin + kLookahead);
    for (size_t i = begin; i < end;) {
      const size_t off = i;
      const auto byte = static_cast<unsigned char>(text_[i]);
      const char32_t c = byte < 0x80 ? (++i, byte) : decode_utf8(text_, i);
      cps_.push_back({c, off, classify(c)});
    }
    n_ = cps_.size();
    out_.words.reserve(n_ / 4 + 4);
    // Sentinels: the scanner looks a few code points ahead without checking the end.
    cps_.resize(n_ + kLookahead, Cp{U' ', end, Cls::kSpace});
    for (size_t i = 0; i < n_;) {
      if (cls(i) == Cls::kSpace) {
        ++i;
        continue;
      }
      size_t e = i;
      bool has_at = false;
      while (cls(e) != Cls::kSpace) has_at |= at(e++) == '@';
      chunk(i, e, has_at);
      i = e;
    }
  }

 private:
  Cls cls(size_t i) const { return cps_[i].cls; }
  char32_t at(size_t i) const { return cps_[i].c; }
  size_t off(size_t i) const { return cps_[i].off; }
  bool alnum(size_t i) const {
    const Cls k = cls(i);
    return k == Cls::kLetter || k == Cls::kDigit || k == Cls::kMark;
  }
  bool letter(size_t i) const { return cls(i) == Cls::kLetter; }
  bool digit(size_t i) const { return cls(i) == Cls::kDigit; }

  // Code points [b, e) start with ASCII `s`, ASCII letters compared in lower case if `fold`.
  bool starts_with(size_t b, size_t e, std::string_view s, bool fold) const {
    if (e - b < s.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
      const char32_t c = at(b + i);
      if ((fold ? ascii_lower(c) : c) != static_cast<char32_t>(s[i])) return false;
    }
    return true;
  }
  // Code points [b, e) are ASCII `s` in lower case, ignoring the case of ASCII letters.
  bool equals_lower(size_t b, size_t e, std::string_view s) const {
    return e - b == s.size() && starts_with(b, e, s, true);
  }

  void chunk(size_t b, size_t e, bool has_at) {
    size_t p = b;
    while (p < e) {
      size_t q = emoticon(p, b, e);
      if (!q && (p == b || !alnum(p - 1))) q = url(p, e);
      if (!q && has_at && alnum(p) && (p == b || !alnum(p - 1))) q = email(p, e);
      if (q) {
        emit({p, q});
        p = q;
      } else if (alnum(p) || word_prefix(p, b, e)) {
        p = word(p, e);
      } else {
        p = punct(p, b, e);
      }
    }
  }

  // A sign that starts a word: "'90s", "#hashtag", "+44" (a telephone number's country code).
  bool word_prefix(size_t p, size_t b, size_t e) const {
    if (p + 1 >= e || (p > b && alnum(p - 1))) return false;
    const char32_t c = at(p);
    if (cls(p) == Cls::kApos) return digit(p + 1);
    if (c == '#') return letter(p + 1);
    if (c == '+') return p == b && digit(p + 1);
    return false;
  }

  size_t emoticon(size_t p, size_t b, size_t e) const {
    const char32_t c = at(p);
    if (c != ':' && c != ';' && c != '=' && c != '^' && c != '(' && c != '<' && c != 'X' &&
        c != 'x' && c != 'D')
      return 0;
    for (const Emoticon& m : kEmoticons) {
      if (!starts_with(p, e, m.form, false)) continue;
      const size_t q = p + m.form.size();
      if (m.whole ? (p == b && q == e) : (q == e || cls(q) == Cls::kPunct || cls(q) == Cls::kApos))
        return q;
    }
    return 0;
  }

  size_t url(size_t p, size_t e) const {
    const char32_t c = ascii_lower(at(p));
    if (c != 'h' && c != 'w' && c != 'f' && c != 'm') return 0;
    bool found = false;
    for (std::string_view s : kUrlStarts)
      if (starts_with(p, e, s, true) && alnum(p + s.size())) found = true;
    if (!found) return 0;
    size_t q = e;
    while (q > p + 4) {
      const char32_t t = at(q - 1);
      if (is_sentence_punct(t) || t == ',' || t == ';' || t == ':' || t == ')' || t == ']' ||
          t == '}' || t == '>' || t == '"' || is_quote_apos(t) || t == 0x201D || t == 0xBB)
        --q;
      else
        break;
    }
    return q;
  }

  size_t email(size_t p, size_t e) const {
    auto local = [&](size_t i) {
      const char32_t c = at(i);
      return alnum(i) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
    };
    size_t r = p;
    while (r < e && local(r)) ++r;
    if (r >= e || at(r) != '@' || !alnum(r + 1)) return 0;
    size_t q = r + 1;
    bool dot = false;
    while (q < e && (alnum(q) || at(q) == '.' || at(q) == '-' || at(q) == '_')) {
      dot |= at(q) == '.' && alnum(q + 1);
      ++q;
    }
    while (q > r + 1 && !alnum(q - 1)) --q;
    return dot ? q : 0;
  }

  // Digit groups kept whole: telephone numbers, postcodes and dates, "713-853-3989",
  // "713/853-5984", "345-9945", "77042-2016", "2023-03-01", "11/28/2000". Returns the end or 0.
  size_t digit_groups(size_t p, size_t e) const {
    size_t q = p;
    size_t groups = 0;
    size_t first_len = 0, last_len = 0;
    char32_t sep = 0;
    for (;;) {
      const size_t g = q;
      while (q < e && digit(q)) ++q;
      if (q == g) return 0;
      if (!groups) first_len = q - g;
      last_len = q - g;
      ++groups;
      if (q + 1 < e && (at(q) == '-' || at(q) == '/') && digit(q + 1)) {
        sep = at(q);
        ++q;
        continue;
      }
      break;
    }
    if (alnum(q) && q < e) return 0;
    if (groups >= 3) return q;
    // "345-9945", "3-5213", "77042-2016"; "1990-1991" is a range.
    if (groups == 2 && sep == '-' && first_len != 4 && last_len == 4) return q;
    return 0;
  }

  bool is_unit(size_t b, size_t e) const {
    for (std::string_view u : kUnits)
      if (equals_lower(b, e, u)) return true;
    return false;
  }

  // A hyphen at `h` between word characters stays inside the word after a bound prefix
  // [seg, h) written in lower case or capitalised ("Anti-war", not "UN-led"), and after a
  // code mixing letters and digits.
  bool keep_hyphen(size_t seg, size_t h) const {
    bool letters = false, digits = false, upper_after_first = false;
    for (size_t i = seg; i < h; ++i) {
      letters |= letter(i);
      digits |= digit(i);
      if (i > seg && at(i) >= 'A' && at(i) <= 'Z') upper_after_first = true;
    }
    if (letters && digits) return true;  // codes: "x3-9890", "nmemdrft8-7-01"
    if (digits || upper_after_first || h - seg > 7) return false;
    // A prefix binds one word: "over-the-counter" is three words and two hyphens.
    size_t k = h + 1;
    while (alnum(k)) ++k;
    if (cls(k) == Cls::kHyphen && alnum(k + 1)) return false;
    for (std::string_view s : kHyphenPrefixes)
      if (equals_lower(seg, h, s)) return true;
    return false;
  }

  // A dotted acronym: one letter, dot, one letter ... ("U.S", "e.g", "a.k.a").
  bool acronym(size_t b, size_t e) const {
    if (e - b < 3) return false;
    for (size_t i = b; i < e; ++i) {
      const bool odd = (i - b) % 2 == 1;
      if (odd ? at(i) != '.' : !letter(i)) return false;
    }
    return true;
  }

  bool abbreviation(size_t b, size_t e) const {
    if (abbreviations_.empty()) return false;
    std::string key;
    key.reserve(off(e) - off(b) + 1);
    for (size_t i = b; i < e; ++i) {
      const char c = ascii_lower(at(i));
      if (c) {
        key += c;
      } else {
        key.append(text_.substr(off(i), off(i + 1) - off(i)));
      }
    }
    key += '.';
    return abbreviations_.count(key) > 0;
  }

  // A word starting at `p`: letters, digits and marks with the inner connectors of numbers,
  // acronyms, dotted names and kept hyphens; then its final dot, a possessive apostrophe or
  // its clitics. Returns the end of what was emitted.
  size_t word(size_t p, size_t e) {
    const size_t start = p;
    if (cls(p) != Cls::kLetter && cls(p) != Cls::kDigit && cls(p) != Cls::kMark)
      ++p;  // "'90s", "#hashtag", "+44"
    size_t q = p;
    size_t seg = p;           // start of the current hyphen-free segment
    bool numeric = digit(p);  // digits and number punctuation so far
    if (numeric) {
      if (const size_t g = digit_groups(p, e)) {
        q = seg = g;
        numeric = false;
      }
    }
    for (;;) {
      while (q < e && alnum(q)) {
        if (numeric && letter(q)) {
          size_t u = q;
          while (u < e && letter(u)) ++u;
          if (!alnum(u) && is_unit(q, u)) {
            emit({start, q});
            return q;
          }
          numeric = false;
        }
        ++q;
      }
      if (q + 1 >= e) break;  // a connector needs something after it in the chunk
      const char32_t c = at(q);
      const bool next = alnum(q + 1);
      if (c == '.' && next) {
        // "Nov.28", "Dr.Michael", "P.O.Box": an abbreviation before a missing space
        if (!numeric && dotted_word_ends(start, q)) break;
        numeric = numeric && digit(q + 1);
        ++q;
        continue;
      }
      if (c == ',' && numeric && digit(q - 1) && digit(q + 1) && digit(q + 2) && digit(q + 3) &&
          !digit(q + 4)) {
        q += 4;
        continue;
      }
      if (c == ':' && numeric && digit(q - 1) && digit(q + 1)) {
        ++q;  // "3:30"
        continue;
      }
      if (c == '/' && numeric && month_day(seg, q)) {
        q += 2;  // "9/11", "5/18"; but "1/2", "20/20", "2001/02"
        continue;
      }
      if (c == '/' && letter(q - 1) && (q - 1 == p || !alnum(q - 2)) && letter(q + 1) &&
          !alnum(q + 2)) {
        q += 2;  // "w/o", "L/C"
        continue;
      }
      if ((c == '&' && letter(q - 1) && letter(q + 1)) || (c == '@' && next) ||
          (c == '_' && next) || (cls(q) == Cls::kApos && letter(q + 1)) || wire_possessive(q)) {
        numeric = false;  // "AT&T", "Rice@ENRON", "O'Neill" (clitics are cut later)
        ++q;
        continue;
      }
      if (cls(q) == Cls::kHyphen && next && keep_hyphen(seg, q)) {
        numeric = false;
        seg = ++q;
        continue;
      }
      break;
    }

    // The final dot of an acronym, an initial or a known abbreviation belongs to the word,
    // also before a second dot ("Inc.."), except the last dot of the sentence, which EWT
    // makes the sentence's own word ("in the U.S." ends with "U.S" and ".").
    if (at(q) == '.' && (at(q + 1) != '.' || at(q + 2) != '.') && !numeric &&
        !sentence_final(q + 1) &&
        ((q - start == 1 && letter(start)) || acronym(start, q) || abbreviation(start, q))) {
      emit({start, q + 1});
      return q + 1;
    }

    // "Sanders'": a possessive apostrophe after s, x or z, unless a single quote is open.
    const char last = ascii_lower(at(q - 1));
    if ((at(q) == '\'' || at(q) == 0x2019) && (last == 's' || last == 'x' || last == 'z') &&
        !alnum(q + 1) && q - start > 1) {
      if (!open_single_) {
        emit({start, q, q + 1});
        return q + 1;
      }
    }
    clitics(start, q);
    return q;
  }

  // [m, slash) and the digits after `slash` read as a month and a day, not a fraction
  // (both one digit) nor a range.
  bool month_day(size_t m, size_t slash) const {
    for (size_t i = m; i < slash; ++i)
      if (!digit(i)) return false;
    size_t e = slash + 1;
    while (digit(e)) ++e;
    const size_t a = slash - m, b = e - slash - 1;
    if (alnum(e) || a > 2 || b > 2 || (a == 1 && b == 1)) return false;
    auto value = [&](size_t from, size_t to) {
      int v = 0;
      for (size_t i = from; i < to; ++i) v = v * 10 + static_cast<int>(at(i) - '0');
      return v;
    };
    const int month = value(m, slash), day = value(slash + 1, e);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  // Only closing brackets and quotes follow code point `i` in the sentence.
  bool sentence_final(size_t i) const {
    for (; i < n_; ++i) {
      const char32_t c = at(i);
      if (c != ')' && c != ']' && c != '}' && c != '"' && !is_quote_apos(c) && c != 0x201D &&
          c != 0xBB)
        return false;
    }
    return true;
  }

  // At a dot `d` followed by a letter or digit, with no dot yet in [b, d): does the word end
  // with the dot? Yes after an abbreviation ("Nov.28") and after an initial or acronym
  // followed by a capitalised word ("J.Smith", "P.O.Box", but "e.g", "U.S").
  bool dotted_word_ends(size_t b, size_t d) const {
    bool single = true;  // [b, d) is letter (dot letter)*
    for (size_t i = b; i < d && single; ++i)
      single = (i - b) % 2 == 0 ? letter(i) : at(i) == '.';
    if (single) return is_upper(at(d + 1)) && letter(d + 2);  // but "J.doc"
    for (size_t i = b; i < d; ++i)
      if (at(i) == '.') return false;
    return abbreviation(b, d);
  }

  // "1990's", "80's", "4's" are plurals, kept whole; "1986's" is a year's possessive.
  bool plural_number(size_t b, size_t e) const {
    if (!digit(e - 1)) return false;
    size_t k = e;
    while (k > b && digit(k - 1)) --k;
    return k != b || e - b != 4 || at(e - 1) == '0';
  }

  // A double quote written for the possessive apostrophe, as old wire copy does ("OPEC\"s
  // committee"): after a letter, before an "s" that ends the word.
  bool wire_possessive(size_t q) const {
    return at(q) == '"' && q > 0 && letter(q - 1) && ascii_lower(at(q + 1)) == 's' && !alnum(q + 2);
  }

  // Emits [b, e) cut before its clitics, from the end: "I'd've" = I + 'd + 've,
  // "couldn't" = could + n't; or cut as a fused form ("gonna" = gon + na).
  void clitics(size_t b, size_t e) {
    auto apos = [&](size_t i) { return cls(i) == Cls::kApos || wire_possessive(i); };
    auto lo = [&](size_t i) { return ascii_lower(at(i)); };
    std::array<size_t, 6> cuts{};  // filled from the back
    size_t n = cuts.size();
    cuts[--n] = e;
    for (size_t stem = e; n > 1;) {
      const size_t len = stem - b;
      size_t cut = 0;
      if (len >= 4 && lo(stem - 1) == 't' && apos(stem - 2) && lo(stem - 3) == 'n' &&
          alnum(stem - 4)) {
        cut = stem - 3;  // n't: "do|n't", "ca|n't", "wo|n't"
      } else if (len >= 3 && apos(stem - 2) && alnum(stem - 3) && !plural_number(b, stem - 2)) {
        const char c = lo(stem - 1);
        if (c == 's' || c == 'm' || c == 'd') cut = stem - 2;
      } else if (len >= 4 && apos(stem - 3) && alnum(stem - 4)) {
        const char c1 = lo(stem - 2), c2 = lo(stem - 1);
        if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l'))
          cut = stem - 3;
      }
      if (!cut) break;
      cuts[--n] = stem = cut;
    }
    if (n == cuts.size() - 1) fused(b, e, cuts, n);
    cuts[--n] = b;
    emit_range(cuts.data() + n, cuts.data() + cuts.size());
  }

  // Cuts of a contraction written without its apostrophe, added before cuts[n].
  void fused(size_t b, size_t e, std::array<size_t, 6>& cuts, size_t& n) const {
    const size_t len = e - b;
    if (len < 2 || len > kMaxFused) return;
    // lower case, capitalised, or all caps from four letters ("DONT", but not "IM")
    bool lower = true, upper = len >= 4;
    for (size_t i = b; i < e; ++i) {
      const bool l = at(i) >= 'a' && at(i) <= 'z', u = at(i) >= 'A' && at(i) <= 'Z';
      lower = lower && (l || (i == b && u));
      upper = upper && u;
    }
    if (!lower && !upper) return;
    for (const Fused& f : kFused) {
      if (!equals_lower(b, e, f.form)) continue;
      if (f.cut2) cuts[--n] = b + f.cut2;
      cuts[--n] = b + f.cut1;
      return;
    }
  }

  size_t punct(size_t p, size_t b, size_t e) {
    const char32_t c = at(p);
    size_t q = p + 1;
    if (c == '.' && at(q) == '.' && at(q + 1) == '.') {
      while (q < e && at(q) == '.') ++q;  // an ellipsis stands alone: "..." "?"
    } else if (c == '.' && p > b && !alnum(p - 1) && extension(q, e)) {
      while (letter(q)) ++q;  // "(GISB draft).doc"
    } else if (is_sentence_punct(c) || ((c == ',' || c == ':') && at(q) == '?')) {
      while (q < e && is_sentence_punct(at(q))) ++q;  // "!!!", "?!", ".?", ":?"
    } else if (is_rule(c) && is_rule(at(q)) && is_rule(at(q + 1))) {
      while (q < e && is_rule(at(q))) ++q;  // "----==", "|-----+----->", "*~*~*"
    } else if (is_quote_apos(c)) {
      if (q < e && is_quote_apos(at(q)) && c != '`') ++q;  // '' and ’’ as a double quote
      if (q == p + 1 && c != 0x2018 && alnum(q) && (p == b || !alnum(p - 1)))
        open_single_ = true;
      else if (q == p + 1 && c != 0x2018 && p > b && alnum(p - 1))
        open_single_ = false;
      else if (c == 0x2018)
        open_single_ = true;
    } else {
      while (q < e && at(q) == c) ++q;  // "--", "***", "<<"
    }
    while (q < e && cls(q) == Cls::kMark) ++q;  // a variation selector after an emoji
    emit({p, q});
    return q;
  }

  // Two to four lower-case letters from `i`, then the end of the chunk or punctuation.
  bool extension(size_t i, size_t e) const {
    size_t k = i;
    while (k < e && at(k) >= 'a' && at(k) <= 'z') ++k;
    return k - i >= 2 && k - i <= 4 && !alnum(k);
  }

  // Emits one surface token cut at code-point positions `cuts` (first and last are its ends);
  // more than one piece makes a multiword token.
  void emit(std::initializer_list<size_t> cuts) { emit_range(cuts.begin(), cuts.end()); }

  void emit_range(const size_t* first, const size_t* last) {
    const size_t b = *first, e = *(last - 1);
    const bool space = space_after(e);
    const int first_word = out_.size();
    for (const size_t* c = first; c + 1 != last; ++c) {
      Word w;
      w.begin = off(*c);
      w.end = off(*(c + 1));
      w.form.assign(text_.substr(w.begin, w.end - w.begin));
      w.space_after = c + 2 == last && space;
      out_.words.push_back(std::move(w));
    }
    if (last - first > 2) {
      MultiwordToken m;
      m.first = first_word;
      m.last = out_.size() - 1;
      m.begin = off(b);
      m.end = off(e);
      m.form.assign(text_.substr(m.begin, m.end - m.begin));
      m.space_after = space;
      out_.multiword.push_back(std::move(m));
    }
  }

  bool space_after(size_t e) const {
    if (e < n_) return cls(e) == Cls::kSpace;
    size_t i = off(e);
    if (i >= text_.size()) return true;
    return classify(decode_utf8(text_, i)) == Cls::kSpace;
  }

  std::string_view text_;
  const std::unordered_set<std::string>& abbreviations_;
  std::vector<Cp>& cps_;
  Sentence& out_;
  size_t n_ = 0;
  bool open_single_ = false;  // a single quote opened and not yet closed in this sentence
};

}  // namespace

Sentence tokenize(std::string_view text, size_t begin, size_t end,
                  const std::unordered_set<std::string>& abbreviations) {
  Sentence s;
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  // Trim whitespace by code points (no-break spaces and line breaks included).
  size_t b = begin;
  while (b < end) {
    size_t i = b;
    if (classify(decode_utf8(text, i)) != Cls::kSpace) break;
    b = i;
  }
  size_t e = end;
  while (e > b) {
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
    size_t i = k;
    if (classify(decode_utf8(text, i)) != Cls::kSpace) break;
    e = k;
  }
  s.begin = b;
  s.end = e;
  if (b == e) return s;
  thread_local std::vector<Cp> cps;
  Scanner(text, abbreviations, cps, s).run(b, e);
  return s;
}

}  // namespace parley::syntax
