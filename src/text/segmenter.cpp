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
    if (start == std::string_view::npos) start = i;
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
