#include "syntax/pattern.h"

#include <algorithm>
#include <cctype>

#include "syntax/word_features.h"

namespace parley::syntax {

// --- Parsing ----------------------------------------------------------------------------------

namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// A value: anything up to a separator, so that "n't", "U.S." and "al-Sharaa" need no quoting.
bool value_char(char c) {
  return c != ';' && c != '|' && c != '}' && c != '{' && !std::isspace(static_cast<unsigned char>(c));
}

class PatternParser {
 public:
  PatternParser(std::string_view text, std::vector<Pattern::Node>& nodes) : t_(text), nodes_(nodes) {}

  Status run() {
    int first = 0;
    PARLEY_TRY(pattern(first));
    skip();
    if (i_ < t_.size()) return error("unexpected '" + std::string(1, t_[i_]) + "' after the pattern");
    return Status();
  }

 private:
  Status error(const std::string& what) const {
    Location where;
    where.column = static_cast<int>(i_) + 1;
    return Status::error(what, where);
  }
  void skip() {
    while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
  }
  bool eat(char c) {
    skip();
    if (i_ < t_.size() && t_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  std::string word(bool (*ok)(char)) {
    const size_t start = i_;
    while (i_ < t_.size() && ok(t_[i_])) ++i_;
    return std::string(t_.substr(start, i_ - start));
  }

  Status pattern(int& index) {
    PARLEY_TRY(node(index));
    for (;;) {
      skip();
      if (i_ >= t_.size() || t_[i_] == ')') return Status();
      PARLEY_TRY(clause(index));
    }
  }

  Status node(int& index) {
    skip();
    if (!eat('{')) return error("expected '{' to open a word test");
    index = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    skip();
    if (!eat('}')) {
      for (;;) {
        Pattern::Test test;
        PARLEY_TRY(this->test(test));
        nodes_[index].tests.push_back(std::move(test));
        if (eat('}')) break;
        if (!eat(';')) return error("expected ';' or '}' after a test");
      }
    }
    if (eat('=')) {
      skip();
      const std::string name = word(name_char);
      if (name.empty()) return error("expected a name after '='");
      for (const Pattern::Node& other : nodes_)
        if (other.name == name) return error("the name '" + name + "' is given twice");
      nodes_[index].name = name;
    }
    return Status();
  }

  Status test(Pattern::Test& test) {
    skip();
    if (eat('!')) test.negated = true;
    skip();
    const size_t at = i_;
    const std::string key = word(name_char);
    if (key == "lemma") test.key = Pattern::Key::kLemma;
    else if (key == "word") test.key = Pattern::Key::kWord;
    else if (key == "upos") test.key = Pattern::Key::kUpos;
    else if (key == "xpos") test.key = Pattern::Key::kXpos;
    else if (key == "shape") test.key = Pattern::Key::kShape;
    else {
      i_ = at;
      return error(key.empty() ? "expected a key (lemma, word, upos, xpos, shape)"
                               : "unknown key '" + key + "' (lemma, word, upos, xpos, shape)");
    }
    if (!eat(':')) return error("expected ':' after '" + key + "'");
    for (;;) {
      skip();
      const size_t value_at = i_;
      std::string value = word(value_char);
      if (value.empty()) return error("expected a value");
      if (value[0] == '@' && (value.size() == 1 || !std::all_of(value.begin() + 1, value.end(), name_char))) {
        i_ = value_at;
        return error("a class is '@' and a name of letters, digits, '_' and '-'");
      }
      if (test.key == Pattern::Key::kWord && value[0] != '@')
        value = ascii_lower(value);
      if (test.key == Pattern::Key::kShape && value != "title" && value != "upper" && value != "lower" && value != "none") {
        i_ = value_at;
        return error("a shape is title, upper, lower or none");
      }
      test.values.push_back(std::move(value));
      if (!eat('|')) break;
    }
    return Status();
  }

  Status clause(int from) {
    Pattern::Clause c;
    skip();
    if (eat('!')) c.mode = Pattern::Clause::Mode::kForbidden;
    else if (eat('?')) c.mode = Pattern::Clause::Mode::kOptional;
    skip();
    if (const size_t at = i_; eat('$')) {
      const std::string_view op = t_.substr(i_, 2);
      if (op == "++") c.sister = Pattern::Clause::Sister::kAfter;
      else if (op == "--") c.sister = Pattern::Clause::Sister::kBefore;
      i_ = at;
      if (c.sister == Pattern::Clause::Sister::kNone) return error("expected '$++' (a later sister) or '$--' (an earlier sister)");
      i_ += 3;
    } else if (eat('>')) {
      c.to_head = false;
    } else if (eat('<')) {
      c.to_head = true;
    } else {
      return error("expected '>' (a dependent), '<' (the head) or '$++', '$--' (a sister)");
    }
    skip();
    if (c.sister == Pattern::Clause::Sister::kNone && !eat('*')) {
      for (;;) {
        skip();
        const size_t at = i_;
        std::string rel = word([](char ch) { return std::islower(static_cast<unsigned char>(ch)) != 0; });
        if (!rel.empty() && i_ < t_.size() && t_[i_] == ':') {
          ++i_;
          const std::string sub = word([](char ch) { return std::islower(static_cast<unsigned char>(ch)) != 0; });
          if (sub.empty()) {
            i_ = at;
            return error("a relation's subtype is missing after ':'");
          }
          rel += ":" + sub;
        }
        if (rel.empty()) return error("expected a relation (nsubj, obl:agent, ...) or '*'");
        c.relations.push_back(std::move(rel));
        if (!eat('|')) break;
      }
    }
    skip();
    int target = 0;
    if (eat('(')) {
      PARLEY_TRY(pattern(target));
      if (!eat(')')) return error("expected ')'");
    } else {
      PARLEY_TRY(node(target));
    }
    c.target = target;
    nodes_[from].clauses.push_back(c);
    return Status();
  }

  std::string_view t_;
  size_t i_ = 0;
  std::vector<Pattern::Node>& nodes_;
};

}  // namespace

Result<Pattern> Pattern::parse(std::string_view text) {
  Pattern p;
  PatternParser parser(text, p.nodes_);
  Status s = parser.run();
  if (!s.ok()) return s;
  return p;
}

std::vector<std::string> Pattern::names() const {
  std::vector<std::string> out;
  for (const Node& n : nodes_)
    if (!n.name.empty()) out.push_back(n.name);
  return out;
}

std::vector<std::string> Pattern::classes() const {
  std::vector<std::string> out;
  for (const Node& n : nodes_)
    for (const Test& t : n.tests)
      for (const std::string& v : t.values)
        if (v[0] == '@') out.push_back(v.substr(1));
  return out;
}

// --- Matching ---------------------------------------------------------------------------------

bool relation_matches(std::string_view want, std::string_view deprel) {
  if (deprel.size() < want.size() || deprel.compare(0, want.size(), want) != 0) return false;
  return deprel.size() == want.size() || (deprel[want.size()] == ':' && want.find(':') == std::string_view::npos);
}

namespace {

class Matcher {
 public:
  Matcher(const Pattern& p, const Sentence& s, const ClassTest& in_class)
      : p_(p), s_(s), in_class_(in_class), bound_(p.nodes().size(), -1) {
    children_.resize(s.words.size());
    for (int i = 0; i < s.size(); ++i)
      if (s.words[i].head >= 0 && s.words[i].head < s.size()) children_[s.words[i].head].push_back(i);
  }

  bool at(int w, PatternMatch& out) {
    std::fill(bound_.begin(), bound_.end(), -1);
    if (!node(0, w, [] { return true; })) return false;
    out.words = bound_;
    return true;
  }

 private:
  using Next = std::function<bool()>;

  // The case of a written form: "title", "upper", "lower" or "none" (no ASCII letter).
  static std::string_view shape(std::string_view form) {
    size_t upper = 0, lower = 0;
    int first = 0;  // 1: upper, 2: lower
    for (char ch : form) {
      const bool u = ch >= 'A' && ch <= 'Z', l = ch >= 'a' && ch <= 'z';
      upper += u;
      lower += l;
      if (first == 0 && (u || l)) first = u ? 1 : 2;
    }
    if (first == 0) return "none";
    if (first == 2) return "lower";
    return lower == 0 ? "upper" : "title";
  }

  bool passes(const Pattern::Node& n, int i) const {
    const Word& w = s_.words[i];
    for (const Pattern::Test& t : n.tests) {
      std::string_view field;
      std::string lowered;
      switch (t.key) {
        case Pattern::Key::kLemma: field = w.lemma; break;
        case Pattern::Key::kWord: lowered = ascii_lower(w.form); field = lowered; break;
        case Pattern::Key::kUpos: field = w.upos; break;
        case Pattern::Key::kXpos: field = w.xpos; break;
        case Pattern::Key::kShape: field = shape(w.form); break;
      }
      bool any = false;
      for (const std::string& v : t.values) {
        any = v[0] == '@' ? in_class_ && in_class_(std::string_view(v).substr(1), t.key, s_, i) : field == v;
        if (any) break;
      }
      if (any == t.negated) return false;
    }
    return true;
  }

  bool taken(int w) const { return std::find(bound_.begin(), bound_.end(), w) != bound_.end(); }

  // Binds node n to word w, then satisfies n's clauses, then `next`; unbinds on failure.
  bool node(int n, int w, const Next& next) {
    if (taken(w) || !passes(p_.nodes()[n], w)) return false;
    bound_[n] = w;
    if (clauses(n, 0, next)) return true;
    bound_[n] = -1;
    return false;
  }

  void unbind(int n) {
    bound_[n] = -1;
    for (const Pattern::Clause& c : p_.nodes()[n].clauses) unbind(c.target);
  }

  std::vector<int> candidates(const Pattern::Clause& c, int w) const {
    auto fits = [&](int x) {
      if (c.relations.empty()) return true;
      for (const std::string& r : c.relations)
        if (relation_matches(r, s_.words[x].deprel)) return true;
      return false;
    };
    std::vector<int> out;
    if (c.sister != Pattern::Clause::Sister::kNone) {
      const int h = s_.words[w].head;
      if (h >= 0 && h < s_.size())
        for (int x : children_[h])
          if (c.sister == Pattern::Clause::Sister::kAfter ? x > w : x < w) out.push_back(x);
    } else if (c.to_head) {
      const int h = s_.words[w].head;
      if (h >= 0 && h < s_.size() && fits(w)) out.push_back(h);
    } else {
      for (int x : children_[w])
        if (fits(x)) out.push_back(x);
    }
    return out;
  }

  bool clauses(int n, size_t k, const Next& next) {
    const auto& cs = p_.nodes()[n].clauses;
    if (k == cs.size()) return next();
    const Pattern::Clause& c = cs[k];
    const Next rest = [&, n, k] { return clauses(n, k + 1, next); };
    const std::vector<int> cands = candidates(c, bound_[n]);
    switch (c.mode) {
      case Pattern::Clause::Mode::kRequired:
        for (int x : cands)
          if (node(c.target, x, rest)) return true;
        return false;
      case Pattern::Clause::Mode::kOptional:
        for (int x : cands)
          if (node(c.target, x, rest)) return true;
        return rest();
      case Pattern::Clause::Mode::kForbidden:
        for (int x : cands) {
          const bool exists = node(c.target, x, [] { return true; });
          unbind(c.target);
          if (exists) return false;
        }
        return rest();
    }
    return false;
  }

  const Pattern& p_;
  const Sentence& s_;
  const ClassTest& in_class_;
  std::vector<int> bound_;
  std::vector<std::vector<int>> children_;
};

}  // namespace

std::vector<PatternMatch> match(const Pattern& p, const Sentence& s, const ClassTest& in_class) {
  std::vector<PatternMatch> out;
  if (p.nodes().empty() || !s.parsed) return out;
  Matcher m(p, s, in_class);
  for (int w = 0; w < s.size(); ++w) {
    PatternMatch found;
    if (m.at(w, found)) out.push_back(std::move(found));
  }
  return out;
}

}  // namespace parley::syntax
