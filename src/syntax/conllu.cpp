#include "syntax/conllu.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace parley::syntax {
namespace {

constexpr size_t kColumns = 10;
constexpr std::array<const char*, kColumns> kColumnNames = {"ID",    "FORM", "LEMMA",  "UPOS", "XPOS",
                                                            "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"};
enum Column { kId, kForm, kLemma, kUpos, kXpos, kFeats, kHead, kDeprel, kDeps, kMisc };

// Larger IDs are refused rather than risk overflow; no sentence comes near.
constexpr size_t kMaxIdDigits = 7;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The byte length of the whitespace character at `pos` of `text` (ASCII or Unicode White_Space,
// such as the no-break spaces found in EWT's "# text"), or 0 when there is none.
size_t space_length(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u; };
  const unsigned b0 = byte(0);
  if (b0 < 0x80) return is_space(static_cast<char>(b0)) ? 1 : 0;
  if (b0 == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;  // U+0085, U+00A0
  if (b0 == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;    // U+1680
  if (b0 == 0xE2 && byte(1) == 0x80) {
    const unsigned b2 = byte(2);
    if ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)
      return 3;  // U+2000-200A, 2028, 2029, 202F
  }
  if (b0 == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
  if (b0 == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  return 0;
}

// Parses a non-empty run of decimal digits; false on anything else.
bool parse_number(std::string_view s, int& n) {
  if (s.empty() || s.size() > kMaxIdDigits) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  n = v;
  return true;
}

// True when MISC (a "|"-separated list, or "_") holds SpaceAfter=No.
bool misc_space_after_no(std::string_view misc) {
  while (!misc.empty()) {
    size_t bar = misc.find('|');
    std::string_view item = misc.substr(0, bar);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view s) {
  constexpr size_t kMaxShown = 40;
  std::string q = "'";
  if (s.size() > kMaxShown) {
    q.append(s.substr(0, kMaxShown));
    q += "...";
  } else {
    q.append(s);
  }
  return q + "'";
}

// 1-based column in characters (UTF-8 code points) of byte `offset` of `line`.
int char_column(std::string_view line, size_t offset) {
  offset = std::min(offset, line.size());
  int col = 1;
  for (size_t i = 0; i < offset; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

// Where a word's HEAD or a multiword range was read, for errors found at the sentence's end.
struct Origin {
  std::string_view line;
  int line_no = 0;
  size_t offset = 0;  // byte offset of the field in the line
};

// A surface token for span alignment: a word outside any multiword token, or a multiword token.
struct TokenRef {
  const std::string* form;
  bool space_after;
  int word;  // the word's index, or -1 - (multiword index)
};

class Reader {
 public:
  Reader(std::string_view data, const std::string& file) : data_(data), file_(file) {}

  Result<std::vector<Sentence>> read() {
    // A UTF-8 byte order mark is not part of the first line.
    if (data_.substr(0, 3) == "\xEF\xBB\xBF") data_.remove_prefix(3);
    // Sentences average about 20 lines of about 60 bytes: a guess that avoids most regrowth.
    sentences_.reserve(data_.size() / 1200 + 1);
    size_t pos = 0;
    while (pos < data_.size()) {
      const char* nl = static_cast<const char*>(std::memchr(data_.data() + pos, '\n', data_.size() - pos));
      size_t end = nl ? static_cast<size_t>(nl - data_.data()) : data_.size();
      std::string_view line = data_.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_no_;
      PARLEY_TRY(read_line(line));
      pos = end + 1;
    }
    if (open_) {
      if (current_.words.empty()) return error({}, line_no_ + 1, 0, "expected a word line, found the end of the file");
      PARLEY_TRY(finish_sentence());
    }
    return std::move(sentences_);
  }

 private:
  Status error(std::string_view line, int line_no, size_t offset, std::string message) const {
    return Status::error(std::move(message), Location{file_, line_no, char_column(line, offset)});
  }

  Status read_line(std::string_view line) {
    if (line.empty()) {
      if (!open_) return {};  // extra blank lines between sentences
      if (current_.words.empty()) return error(line, line_no_, 0, "expected a word line, found a blank line");
      return finish_sentence();
    }
    open_ = true;
    if (line.front() == '#') {
      read_comment(line);
      return {};
    }
    return read_node(line);
  }

  void read_comment(std::string_view line) {
    std::string_view body = trim(line.substr(1));
    auto value = [&](std::string_view key, std::string& into) {
      if (body.substr(0, key.size()) != key) return false;
      std::string_view rest = trim(body.substr(key.size()));
      if (rest.empty() || rest.front() != '=') return false;
      rest.remove_prefix(1);
      // The text keeps its inner spacing; only the one space after "=" is not part of it.
      if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      into.assign(key == "text" ? rest : trim(rest));
      return true;
    };
    if (!value("sent_id", current_.id)) value("text", current_.text);
  }

  Status read_node(std::string_view line) {
    // Split into exactly 10 columns.
    std::array<std::string_view, kColumns> f;
    std::array<size_t, kColumns> at{};
    size_t n = 0, start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      std::string_view field = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (n == kColumns)
        return error(line, line_no_, start - 1,
                     "expected 10 tab-separated columns, found " +
                         std::to_string(n + 1 + std::count(line.begin() + start, line.end(), '\t')));
      f[n] = field;
      at[n] = start;
      ++n;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (n != kColumns)
      return error(line, line_no_, line.size(), "expected 10 tab-separated columns, found " + std::to_string(n));
    for (size_t c = 0; c < kColumns; ++c)
      if (f[c].empty())
        return error(line, line_no_, at[c],
                     std::string("expected a value or '_' in column ") + std::to_string(c + 1) + " (" +
                         kColumnNames[c] + "), found an empty column");

    // A form of spaces only would have no place in the text (conll18_ud_eval.py refuses it too).
    if (trim(f[kForm]).empty())
      return error(line, line_no_, at[kForm], "expected a FORM with a non-space character, found " + quoted(f[kForm]));

    const std::string_view id = f[kId];
    const int expected = static_cast<int>(current_.words.size()) + 1;
    size_t sep = id.find_first_of("-.");
    int first = 0, second = 0;
    if (sep == std::string_view::npos) {
      if (!parse_number(id, first) || first == 0)
        return error(
            line, line_no_, 0,
            "expected a word ID (1, 2, ...), a multiword range (3-4) or an empty node (8.1), found " + quoted(id));
    } else if (!parse_number(id.substr(0, sep), first) || !parse_number(id.substr(sep + 1), second) ||
               (id[sep] == '-' && first == 0) || (id[sep] == '.' && second == 0)) {
      return error(
          line, line_no_, 0,
          "expected a word ID (1, 2, ...), a multiword range (3-4) or an empty node (8.1), found " + quoted(id));
    }

    if (sep != std::string_view::npos && id[sep] == '.') {
      // Empty node N.M: it follows word N (or comes first, 0.M). Enhanced graphs only: skipped.
      if (first != expected - 1)
        return error(line, line_no_, 0,
                     "expected an empty node " + std::to_string(expected - 1) + ".M after word " +
                         std::to_string(expected - 1) + ", found " + quoted(id));
      return {};
    }

    if (sep != std::string_view::npos) {
      // Multiword token first-last: it comes just before its first word.
      if (first != expected || second <= first)
        return error(line, line_no_, 0,
                     "expected a multiword range " + std::to_string(expected) + "-N (N > " + std::to_string(expected) +
                         ") before word " + std::to_string(expected) + ", found " + quoted(id));
      if (!current_.multiword.empty() && current_.multiword.back().last >= first - 1)
        return error(line, line_no_, 0,
                     "expected a multiword range after word " + std::to_string(current_.multiword.back().last + 1) +
                         " (the end of the previous range), found " + quoted(id));
      MultiwordToken& m = current_.multiword.emplace_back();
      m.first = first - 1;
      m.last = second - 1;
      m.form.assign(f[kForm]);
      m.space_after = !misc_space_after_no(f[kMisc]);
      multiword_origin_.push_back({line, line_no_, 0});
      return {};
    }

    if (first != expected)
      return error(line, line_no_, 0, "expected word ID " + std::to_string(expected) + ", found " + quoted(id));
    Word& w = current_.words.emplace_back();
    w.form.assign(f[kForm]);
    if (f[kLemma] != "_" || f[kForm] == "_") w.lemma.assign(f[kLemma]);
    if (f[kUpos] != "_")
      w.upos.assign(f[kUpos]);
    else
      all_tagged_ = false;
    if (f[kXpos] != "_") w.xpos.assign(f[kXpos]);
    if (f[kFeats] != "_") w.feats.assign(f[kFeats]);
    if (f[kDeprel] != "_")
      w.deprel.assign(f[kDeprel]);
    else
      all_parsed_ = false;
    w.space_after = !misc_space_after_no(f[kMisc]);
    if (f[kHead] == "_") {
      all_parsed_ = false;
      w.head = -1;
    } else {
      int head = 0;
      if (!parse_number(f[kHead], head))
        return error(line, line_no_, at[kHead], "expected HEAD to be a word ID, 0 or '_', found " + quoted(f[kHead]));
      if (head == first)
        return error(line, line_no_, at[kHead],
                     "expected HEAD to be another word's ID or 0, found the word's own ID " + quoted(f[kHead]));
      w.head = head - 1;  // checked against the sentence length at its end
    }
    head_origin_.push_back({line, line_no_, at[kHead]});
    return {};
  }

  Status finish_sentence() {
    Sentence& s = current_;
    const int n = s.size();
    for (int i = 0; i < n; ++i) {
      if (s.words[i].head >= n) {
        const Origin& o = head_origin_[i];
        return error(o.line, o.line_no, o.offset,
                     "expected HEAD between 0 and " + std::to_string(n) + " (the sentence's last word), found " +
                         std::to_string(s.words[i].head + 1));
      }
    }
    for (size_t k = 0; k < s.multiword.size(); ++k) {
      if (s.multiword[k].last >= n) {
        const Origin& o = multiword_origin_[k];
        return error(o.line, o.line_no, o.offset,
                     "expected the multiword range to end at or before the sentence's last word " + std::to_string(n) +
                         ", found range " + std::to_string(s.multiword[k].first + 1) + "-" +
                         std::to_string(s.multiword[k].last + 1));
      }
    }
    s.tagged = all_tagged_;
    s.parsed = all_parsed_;
    compute_spans(s);
    sentences_.push_back(std::move(s));
    current_ = Sentence();
    head_origin_.clear();
    multiword_origin_.clear();
    all_tagged_ = all_parsed_ = true;
    open_ = false;
    return {};
  }

  // Spans into s.text (or into the text rebuilt from the forms when they are not found there).
  void compute_spans(Sentence& s) {
    tokens_.clear();
    size_t k = 0;
    for (int i = 0; i < s.size();) {
      if (k < s.multiword.size() && s.multiword[k].first == i) {
        MultiwordToken& m = s.multiword[k];
        for (int j = m.first; j < m.last; ++j) s.words[j].space_after = false;
        s.words[m.last].space_after = m.space_after;
        tokens_.push_back({&m.form, m.space_after, -1 - static_cast<int>(k)});
        i = m.last + 1;
        ++k;
      } else {
        tokens_.push_back({&s.words[i].form, s.words[i].space_after, i});
        ++i;
      }
    }
    if (!align(s)) {
      std::string rebuilt;
      for (size_t t = 0; t < tokens_.size(); ++t) {
        rebuilt += *tokens_[t].form;
        if (tokens_[t].space_after && t + 1 < tokens_.size()) rebuilt += ' ';
      }
      s.text = std::move(rebuilt);
      align(s);  // cannot fail on the rebuilt text
    }
    s.begin = 0;
    s.end = s.text.size();
  }

  bool align(Sentence& s) const {
    const std::string_view text = s.text;
    size_t pos = 0;
    for (const TokenRef& t : tokens_) {
      while (size_t n = space_length(text, pos)) pos += n;
      const std::string& form = *t.form;
      if (text.compare(pos, form.size(), form) != 0) return false;
      const size_t begin = pos, end = pos + form.size();
      pos = end;
      if (t.word >= 0) {
        s.words[t.word].begin = begin;
        s.words[t.word].end = end;
        continue;
      }
      MultiwordToken& m = s.multiword[-1 - t.word];
      m.begin = begin;
      m.end = end;
      // Sub-spans when the words spell the token ("do" + "n't"), else the token's span each.
      size_t at = begin;
      bool spelled = true;
      for (int j = m.first; j <= m.last && spelled; ++j) {
        const std::string& wf = s.words[j].form;
        spelled = at + wf.size() <= end && text.compare(at, wf.size(), wf) == 0;
        at += wf.size();
      }
      spelled = spelled && at == end;
      at = begin;
      for (int j = m.first; j <= m.last; ++j) {
        Word& w = s.words[j];
        if (spelled) {
          w.begin = at;
          w.end = at + w.form.size();
          at = w.end;
        } else {
          w.begin = begin;
          w.end = end;
        }
      }
    }
    return true;
  }

  std::string_view data_;
  const std::string& file_;
  int line_no_ = 0;
  bool open_ = false;  // a sentence has started (comment or word line seen)
  bool all_tagged_ = true, all_parsed_ = true;
  Sentence current_;
  std::vector<Origin> head_origin_;
  std::vector<Origin> multiword_origin_;
  std::vector<TokenRef> tokens_;
  std::vector<Sentence> sentences_;
};

// Appends `v`, "_" when empty; tabs and line breaks (which would break the line) become spaces.
void append_field(std::string& out, std::string_view v) {
  if (v.empty()) {
    out += '_';
    return;
  }
  const size_t from = out.size();
  out.append(v);
  for (size_t i = from; i < out.size(); ++i)
    if (out[i] == '\t' || out[i] == '\n' || out[i] == '\r') out[i] = ' ';
}

void append_misc(std::string& out, bool space_after, size_t begin, size_t end) {
  bool any = false;
  if (!space_after) {
    out += "SpaceAfter=No";
    any = true;
  }
  if (end > begin) {
    if (any) out += '|';
    out += "TokenRange=";
    out += std::to_string(begin);
    out += ':';
    out += std::to_string(end);
    any = true;
  }
  if (!any) out += '_';
}

}  // namespace

Result<std::vector<Sentence>> read_conllu(std::string_view data, const std::string& file) {
  return Reader(data, file).read();
}

void write_conllu(const Sentence& s, std::string& out) {
  if (!s.id.empty()) {
    out += "# sent_id = ";
    append_field(out, s.id);
    out += '\n';
  }
  if (!s.text.empty()) {
    out += "# text = ";
    append_field(out, s.text);
    out += '\n';
  }
  size_t k = 0;
  int token_last = -1;  // the last word of the multiword token being written, or -1
  for (int i = 0; i < s.size(); ++i) {
    // Multiword tokens out of order or out of range are left out; their words are written.
    while (k < s.multiword.size() && s.multiword[k].first < i) ++k;
    if (k < s.multiword.size() && s.multiword[k].first == i && s.multiword[k].last > i &&
        s.multiword[k].last < s.size()) {
      const MultiwordToken& m = s.multiword[k];
      out += std::to_string(m.first + 1);
      out += '-';
      out += std::to_string(m.last + 1);
      out += '\t';
      append_field(out, m.form);
      out += "\t_\t_\t_\t_\t_\t_\t_\t";
      append_misc(out, m.space_after, m.begin, m.end);
      out += '\n';
      token_last = m.last;
    }
    const Word& w = s.words[i];
    out += std::to_string(i + 1);
    out += '\t';
    append_field(out, w.form);
    out += '\t';
    append_field(out, w.lemma);
    out += '\t';
    append_field(out, w.upos);
    out += '\t';
    append_field(out, w.xpos);
    out += '\t';
    append_field(out, w.feats);
    out += '\t';
    if (w.head >= 0 && w.head < s.size())
      out += std::to_string(w.head + 1);
    else if (w.head == -1 && s.parsed)
      out += '0';
    else
      out += '_';
    out += '\t';
    append_field(out, w.deprel);
    out += "\t_\t";
    if (i <= token_last)
      out += '_';  // spacing and range are on the multiword line
    else
      append_misc(out, w.space_after, w.begin, w.end);
    out += '\n';
  }
  out += '\n';
}

}  // namespace parley::syntax
