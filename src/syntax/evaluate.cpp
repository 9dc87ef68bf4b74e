#include "syntax/evaluate.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace parley::syntax {
namespace {

// Head values of a flattened word besides a global word index.
constexpr int kRoot = -1;
constexpr int kBadHead = -2;     // outside its sentence
constexpr int kNotAligned = -3;  // a system head with no gold word aligned to it
constexpr int kBadSystemHead = -4;

// Decodes the UTF-8 character at `s[i]`, advancing `i`; invalid bytes decode as themselves
// (one at a time), which is enough to compare and copy text.
char32_t next_char(std::string_view s, size_t& i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned c = b(i);
  auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC0 && c < 0xE0 && cont(i + 1)) {
    char32_t v = ((c & 0x1F) << 6) | (b(i + 1) & 0x3F);
    i += 2;
    return v;
  }
  if (c >= 0xE0 && c < 0xF0 && cont(i + 1) && cont(i + 2)) {
    char32_t v = ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
    i += 3;
    return v;
  }
  if (c >= 0xF0 && c < 0xF8 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
    char32_t v = ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
    i += 4;
    return v;
  }
  ++i;
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Unicode general category Zs, which conll18_ud_eval.py removes from token forms.
bool is_zs(char32_t c) {
  return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// `form` without Zs characters. Bytes that are not valid UTF-8 are kept as they are.
std::string without_spaces(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  for (size_t i = 0; i < form.size();) {
    const size_t from = i;
    const char32_t c = next_char(form, i);
    if (!is_zs(c)) out.append(form.substr(from, i - from));
  }
  return out;
}

// Python's str.lower() for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals.
std::string lower(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  for (size_t i = 0; i < form.size();) {
    const size_t from = i;
    char32_t c = next_char(form, i);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    if (c == 0x130) {  // İ lowers to i + combining dot above
      out += 'i';
      append_utf8(out, 0x307);
      continue;
    }
    const char32_t before = c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F))
      c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
      c += 0x50;
    else if (c == 0x178)
      c = 0xFF;
    else if ((c >= 0x100 && c <= 0x137 && c % 2 == 0) || (c >= 0x139 && c <= 0x148 && c % 2 == 1) ||
             (c >= 0x14A && c <= 0x177 && c % 2 == 0) || (c >= 0x179 && c <= 0x17E && c % 2 == 1))
      c += 1;
    if (c == before)
      out.append(form.substr(from, i - from));
    else
      append_utf8(out, c);
  }
  return out;
}

struct Span {
  size_t start = 0, end = 0;
};

struct FlatWord {
  Span span;  // the word's, or its multiword token's, span in the characters
  bool multiword = false;
  std::string key;   // lower-cased form, for the LCS alignment
  int head = kRoot;  // a global word index, kRoot or kBadHead
  const Word* word = nullptr;
};

// Where a token came from, to say where gold and system diverge.
struct TokenOrigin {
  int sentence = 0;
  int word = 0;  // the token's first word
  const std::string* form = nullptr;
};

// One side (gold or system) as conll18_ud_eval.py sees it.
struct Flat {
  std::string chars;  // the token forms without spaces, concatenated
  std::vector<Span> tokens;
  std::vector<TokenOrigin> origins;  // parallel to tokens
  std::vector<Span> sentences;
  std::vector<FlatWord> words;
};

std::string describe_sentence(const std::vector<Sentence>& side, int k) {
  std::string d = "sentence " + std::to_string(k + 1);
  if (k < static_cast<int>(side.size()) && !side[k].id.empty()) d += " (" + side[k].id + ")";
  return d;
}

Result<Flat> flatten(const std::vector<Sentence>& side, const char* name) {
  Flat f;
  for (int k = 0; k < static_cast<int>(side.size()); ++k) {
    const Sentence& s = side[k];
    const int offset = static_cast<int>(f.words.size());
    const size_t sentence_start = f.chars.size();
    auto add_token = [&](const std::string& form, int word) -> Status {
      const std::string chars = without_spaces(form);
      if (chars.empty())
        return Status::error(std::string(name) + " " + describe_sentence(side, k) + ", word " +
                             std::to_string(word + 1) + ": expected a form with a non-space character, found '" + form +
                             "'");
      f.tokens.push_back({f.chars.size(), f.chars.size() + chars.size()});
      f.origins.push_back({k, word, &form});
      f.chars += chars;
      return {};
    };
    auto add_word = [&](const Word& w, bool multiword, const std::string& key) {
      FlatWord& fw = f.words.emplace_back();
      fw.span = f.tokens.back();
      fw.multiword = multiword;
      fw.key = lower(key);
      fw.head = w.head == -1 ? kRoot : (w.head >= 0 && w.head < s.size() ? offset + w.head : kBadHead);
      fw.word = &w;
    };
    size_t m = 0;
    for (int i = 0; i < s.size();) {
      // Multiword tokens out of order or out of range are ignored, as the CoNLL-U writer does.
      while (m < s.multiword.size() && s.multiword[m].first < i) ++m;
      if (m < s.multiword.size() && s.multiword[m].first == i && s.multiword[m].last > i &&
          s.multiword[m].last < s.size()) {
        const MultiwordToken& t = s.multiword[m];
        PARLEY_TRY(add_token(t.form, i));
        // conll18 removes spaces from the token's form, not from the forms of its words.
        for (int j = t.first; j <= t.last; ++j) add_word(s.words[j], true, s.words[j].form);
        i = t.last + 1;
      } else {
        PARLEY_TRY(add_token(s.words[i].form, i));
        add_word(s.words[i], false, without_spaces(s.words[i].form));
        ++i;
      }
    }
    f.sentences.push_back({sentence_start, f.chars.size()});
  }
  return f;
}

// The first `n` characters of chars[at...], for messages.
std::string excerpt(const std::string& chars, size_t at) {
  constexpr int kShown = 20;
  size_t i = std::min(at, chars.size());
  for (int n = 0; n < kShown && i < chars.size(); ++n) next_char(chars, i);
  return chars.substr(std::min(at, chars.size()), i - std::min(at, chars.size()));
}

// The token holding character `at` (the last token when `at` is at the end).
size_t token_at(const Flat& f, size_t at) {
  auto it = std::upper_bound(f.tokens.begin(), f.tokens.end(), at, [](size_t a, const Span& t) { return a < t.start; });
  return it == f.tokens.begin() ? 0 : static_cast<size_t>(it - f.tokens.begin()) - 1;
}

std::string describe_position(const Flat& f, const std::vector<Sentence>& side, const char* name, size_t at) {
  if (f.tokens.empty()) return std::string(name) + " has no words";
  const size_t t = token_at(f, at);
  const TokenOrigin& o = f.origins[t];
  std::string d = std::string(name) + " " + describe_sentence(side, o.sentence) + ", word " +
                  std::to_string(o.word + 1) + " '" + *o.form + "'";
  if (at >= f.chars.size()) return d + " is its end";
  // The character number within the token, 1-based, counted in characters.
  size_t i = f.tokens[t].start;
  int n = 1;
  while (i < at) {
    next_char(f.chars, i);
    ++n;
  }
  return d + ", character " + std::to_string(n) + ", has '" + excerpt(f.chars, at) + "'";
}

Status divergence(const Flat& g, const std::vector<Sentence>& gold, const Flat& s,
                  const std::vector<Sentence>& system) {
  size_t at = 0;
  const size_t n = std::min(g.chars.size(), s.chars.size());
  while (at < n && g.chars[at] == s.chars[at]) ++at;
  // Back up to the start of a UTF-8 character (the bytes before `at` are the same on both sides).
  while (at > 0 && at < g.chars.size() && (static_cast<unsigned char>(g.chars[at]) & 0xC0) == 0x80) --at;
  return Status::error("expected gold and system to cover the same text (spaces aside), but they differ: " +
                       describe_position(g, gold, "gold", at) + "; " + describe_position(s, system, "system", at));
}

Score spans_score(const std::vector<Span>& gold, const std::vector<Span>& system) {
  Score score{gold.size(), system.size(), 0};
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].start < gold[gi].start) {
      ++si;
    } else if (gold[gi].start < system[si].start) {
      ++gi;
    } else {
      score.correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return score;
}

bool beyond_end(const std::vector<FlatWord>& words, size_t i, size_t end) {
  if (i >= words.size()) return true;
  if (words[i].multiword) return words[i].span.start >= end;
  return words[i].span.end > end;
}

size_t extend_end(const FlatWord& w, size_t end) { return w.multiword && w.span.end > end ? w.span.end : end; }

// Aligns the words as conll18_ud_eval.py's align_words: returns, for each system word, the
// index of its gold word or -1.
std::vector<int> align_words(const std::vector<FlatWord>& gold, const std::vector<FlatWord>& system) {
  std::vector<int> to_gold(system.size(), -1);
  std::vector<int> lcs;
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (!gold[gi].multiword && !system[si].multiword) {
      // Words outside multiword tokens: aligned when their spans are equal.
      if (gold[gi].span.start == system[si].span.start && gold[gi].span.end == system[si].span.end) {
        to_gold[si++] = static_cast<int>(gi++);
      } else if (gold[gi].span.start <= system[si].span.start) {
        ++gi;
      } else {
        ++si;
      }
      continue;
    }
    // A multiword span: the smallest region no multiword token sticks out of.
    size_t end;
    if (gold[gi].multiword) {
      end = gold[gi].span.end;
      if (!system[si].multiword && system[si].span.start < gold[gi].span.start) ++si;
    } else {
      end = system[si].span.end;
      if (!gold[gi].multiword && gold[gi].span.start < system[si].span.start) ++gi;
    }
    const size_t gs = gi, ss = si;
    while (!beyond_end(gold, gi, end) || !beyond_end(system, si, end)) {
      if (gi < gold.size() && (si >= system.size() || gold[gi].span.start <= system[si].span.start)) {
        end = extend_end(gold[gi], end);
        ++gi;
      } else {
        end = extend_end(system[si], end);
        ++si;
      }
    }
    if (gi == gs || si == ss) continue;
    // Align its words by the longest common subsequence of their lower-cased forms.
    const size_t ng = gi - gs, ns = si - ss, width = ns + 1;
    lcs.assign((ng + 1) * width, 0);
    auto at = [&](size_t g, size_t s) -> int& { return lcs[g * width + s]; };
    for (size_t g = ng; g-- > 0;)
      for (size_t s = ns; s-- > 0;) {
        int v = gold[gs + g].key == system[ss + s].key ? 1 + at(g + 1, s + 1) : 0;
        at(g, s) = std::max({v, at(g + 1, s), at(g, s + 1)});
      }
    size_t g = 0, s = 0;
    while (g < ng && s < ns) {
      if (gold[gs + g].key == system[ss + s].key) {
        to_gold[ss + s] = static_cast<int>(gs + g);
        ++g;
        ++s;
      } else if (at(g, s) == at(g + 1, s)) {
        ++g;
      } else {
        ++s;
      }
    }
  }
  return to_gold;
}

bool unfilled(std::string_view column) { return column.empty() || column == "_"; }

std::string_view universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

double Score::precision() const { return system ? static_cast<double>(correct) / static_cast<double>(system) : 0.0; }
double Score::recall() const { return gold ? static_cast<double>(correct) / static_cast<double>(gold) : 0.0; }
double Score::f1() const {
  return gold + system ? 2.0 * static_cast<double>(correct) / static_cast<double>(gold + system) : 0.0;
}

Result<SyntaxScores> evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& system) {
  Result<Flat> g = flatten(gold, "gold");
  if (!g.ok()) return g.status();
  Result<Flat> s = flatten(system, "system");
  if (!s.ok()) return s.status();
  if (g->chars != s->chars) return divergence(g.value(), gold, s.value(), system);

  const std::vector<FlatWord>& gw = g->words;
  const std::vector<FlatWord>& sw = s->words;
  const std::vector<int> to_gold = align_words(gw, sw);

  SyntaxScores r;
  r.tokens = spans_score(g->tokens, s->tokens);
  r.sentences = spans_score(g->sentences, s->sentences);
  for (Score* score : {&r.words, &r.upos, &r.xpos, &r.lemma, &r.uas, &r.las}) {
    score->gold = gw.size();
    score->system = sw.size();
  }
  for (size_t k = 0; k < sw.size(); ++k) {
    if (to_gold[k] < 0) continue;
    const FlatWord& gf = gw[to_gold[k]];
    const FlatWord& sf = sw[k];
    const Word& a = *gf.word;
    const Word& b = *sf.word;
    ++r.words.correct;
    r.upos.correct += a.upos == b.upos || (unfilled(a.upos) && unfilled(b.upos));
    r.xpos.correct += a.xpos == b.xpos || (unfilled(a.xpos) && unfilled(b.xpos));
    r.lemma.correct += unfilled(a.lemma) || a.lemma == b.lemma;
    // The system head, seen through the alignment.
    const int head = sf.head >= 0 ? (to_gold[sf.head] >= 0 ? to_gold[sf.head] : kNotAligned)
                                  : (sf.head == kRoot ? kRoot : kBadSystemHead);
    if (head == gf.head && gf.head != kBadHead) {
      ++r.uas.correct;
      std::string_view da = universal(a.deprel), db = universal(b.deprel);
      r.las.correct += da == db || (unfilled(da) && unfilled(db));
    }
  }
  return r;
}

}  // namespace parley::syntax
