#include "text/segmenter.h"

#include "core/utf8.h"

namespace parley::text {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Closing quotes and brackets that may follow sentence-final punctuation.
bool closer_at(std::string_view t, size_t i, size_t& len) {
  static const std::string_view kClosers[] = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
  for (std::string_view c : kClosers)
    if (t.substr(i, c.size()) == c) { len = c.size(); return true; }
  return false;
}

// Can a sentence start at t[i]? A capital letter, digit or an opening quote/bracket.
bool starter_at(std::string_view t, size_t i) {
  if (i >= t.size()) return false;
  const char c = t[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[' || (c >= '0' && c <= '9')) return true;
  size_t k = i;
  const char32_t cp = decode_utf8(t, k);
  return is_upper(cp) || cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

// The word ending at t[dot] (inclusive of the dot), lower-cased ASCII.
std::string word_before(std::string_view t, size_t dot) {
  size_t b = dot;
  while (b > 0 && !space(t[b - 1]) && t[b - 1] != '(' && t[b - 1] != '"') --b;
  std::string w(t.substr(b, dot + 1 - b));
  for (char& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return w;
}

bool is_initial(const std::string& w) {
  // "j." or "a.b." style initials
  return w.size() == 2 && w[0] >= 'a' && w[0] <= 'z';
}

// Is the first line of an article a headline rather than the first line of a wrapped
// paragraph? Not indented, short, and not ending the way a wrapped line does.
bool headline(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty() || line.front() == ' ' || line.front() == '\t') return false;
  const char last = line.back();
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == '.') return false;
  size_t words = 1;
  for (char ch : line) words += ch == ' ' ? 1 : 0;
  if (words > 14) return false;
  const size_t sp = line.rfind(' ');
  std::string w(line.substr(sp == std::string_view::npos ? 0 : sp + 1));
  for (char& ch : w) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  static const char* kWrapWords[] = {"on", "of", "the", "a", "an", "to", "and", "in", "for", "with",
                                     "by", "at", "from", "that", "as", "or", "but", "its", "his", "her"};
  for (const char* k : kWrapWords)
    if (w == k) return false;
  return true;
}

}  // namespace

// Wire copy opens with a dateline: "CAIRO, March 24 - Sudan has ...", "GENEVA (Reuters) -",
// "RIO DE JANEIRO, MARCH 13 -", "STEPANAKERT (Azatutyun) —": a place in capitals, a date or a
// credit, a dash. It is no part of the first sentence's grammar: where one starts
// at `i`, the offset just past its dash, else 0.
size_t dateline_end(std::string_view t, size_t i) {
  size_t k = i;
  auto upper_word = [&]() {
    const size_t b = k;
    while (k < t.size() && ((t[k] >= 'A' && t[k] <= 'Z') || t[k] == '.' || t[k] == '\'' || t[k] == '-')) ++k;
    return k - b >= 2;
  };
  if (!upper_word()) return 0;
  while (k + 1 < t.size() && t[k] == ' ' && t[k + 1] >= 'A' && t[k + 1] <= 'Z') {
    const size_t save = k++;
    if (!upper_word() || (k < t.size() && t[k] >= 'a' && t[k] <= 'z')) { k = save; break; }
  }
  if (k < t.size() && t[k] >= 'a' && t[k] <= 'z') return 0;
  bool qualified = false;  // a date or a credit follows the place ("NATO - the alliance" is none)
  // ", March 24" / ", MARCH 13"
  if (k + 1 < t.size() && t[k] == ',') {
    size_t j = k + 1;
    while (j < t.size() && t[j] == ' ') ++j;
    const size_t month = j;
    while (j < t.size() && ((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z') || t[j] == '.')) ++j;
    if (j - month < 3 || j >= t.size() || t[j] != ' ') return 0;
    ++j;
    const size_t day = j;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
    if (j == day || j - day > 2) return 0;
    k = j;
    qualified = true;
  }
  // " (Reuters)"
  size_t j = k;
  while (j < t.size() && t[j] == ' ') ++j;
  if (j < t.size() && t[j] == '(') {
    const size_t close = t.find(')', j);
    if (close == std::string_view::npos || close - j > 30) return 0;
    k = close + 1;
    qualified = true;
  }
  if (!qualified) return 0;
  while (k < t.size() && t[k] == ' ') ++k;
  size_t dash = 0;
  if (k < t.size() && t[k] == '-') dash = 1;
  else if (t.substr(k, 3) == "\xE2\x80\x94" || t.substr(k, 3) == "\xE2\x80\x93") dash = 3;  // em, en dash
  if (!dash || k + dash >= t.size() || !space(t[k + dash])) return 0;
  return k + dash;
}

std::vector<Sentence> segment(std::string_view t, const std::unordered_set<std::string>& abbreviations) {
  std::vector<Sentence> out;
  size_t start = std::string_view::npos;  // start of the current sentence
  auto close = [&](size_t end) {
    if (start == std::string_view::npos) return;
    size_t e = end;
    while (e > start && space(t[e - 1])) --e;
    if (e > start) out.push_back({start, e});
    start = std::string_view::npos;
  };
  bool first_line = true;
  size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '\n') {
      // Where does the next line start, and is it indented or preceded by a blank line?
      size_t j = i + 1;
      bool blank_line = false, indented = false;
      size_t k = j;
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
      if (k < t.size() && t[k] == '\n') blank_line = true;
      if (k > j && k < t.size() && t[k] != '\n' && t[k - 1] != '\r') indented = true;
      if (k == t.size()) blank_line = true;
      if (blank_line || indented || (first_line && headline(t.substr(0, i)))) close(i);
      first_line = false;
      i = j;
      continue;
    }
    if (space(c)) { ++i; continue; }
    if (start == std::string_view::npos) {
      start = i;
      if (const size_t e = dateline_end(t, i); e > 0) {
        close(e);
        i = e;
        continue;
      }
    }
    if (c == '.' || c == '!' || c == '?') {
      size_t j = i + 1;
      while (j < t.size() && (t[j] == '.' || t[j] == '!' || t[j] == '?')) ++j;  // "?!", "..."
      size_t len = 0;
      while (j < t.size() && closer_at(t, j, len)) j += len;
      size_t k = j;
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
      const bool followed_by_space = k > j || (j < t.size() && (t[j] == '\n' || t[j] == '\r'));
      if (followed_by_space && (k >= t.size() || starter_at(t, k) || t[k] == '\n' || t[k] == '\r')) {
        bool boundary = true;
        if (c == '.' && j == i + 1) {
          const std::string w = word_before(t, i);
          if (abbreviations.count(w) || is_initial(w)) boundary = false;
        }
        if (boundary) {
          close(j);
          i = j;
          continue;
        }
      }
      i = j;
      continue;
    }
    size_t k = i;
    decode_utf8(t, k);
    i = k;
  }
  close(t.size());
  return out;
}

}  // namespace parley::text
