/// Dependency patterns: the language the event rules are written in (mappings/rules/), after
/// Stanford Semgrex. A pattern is a tree of word tests joined by dependency relations, with
/// names on the words a rule reads roles from.
///
///   {lemma:@refuse}=trigger >nsubj {}=agent >xcomp {}=content
///       "The kingdom declined to sign the accord": trigger declined, agent kingdom, content sign
///   {lemma:call}=trigger >obl ({}=addressee >case {lemma:on|upon}) ?>xcomp {}=content
///       "called on Iran to stop": addressee Iran, content stop (optional: may be absent)
///   {lemma:@deny}=trigger !>advmod {lemma:not|never}
///       "denied", but not "did not deny"
///   {upos:NOUN} >nsubj ({} $++ {xpos:``})
///       a noun predicate with an opening quotation mark after its subject ('X is "not a Y"')
///
/// Grammar (spaces between items are free):
///
///   pattern := node clause*            clauses after a node apply to it
///   node    := '{' [test (';' test)*] '}' ['=' name]
///   test    := ['!'] key ':' value ('|' value)*      key: lemma word upos xpos shape;
///              a value "@name" is the lexicon class `name` (asked of the caller's ClassTest)
///   clause  := ['!' | '?'] ('>' | '<') relations target
///            | ['!' | '?'] ('$++' | '$--') target
///              '>' a dependent by that relation, '<' the head by it; '$++' a sister (another
///              dependent of the same head) after it, '$--' a sister before it (Semgrex's
///              sister relations); '!' there is none, '?' optional (bound when there is one)
///   relations := '*' | relation ('|' relation)*      "obl" matches "obl" and "obl:agent";
///                                                    "obl:agent" only itself
///   target  := node | '(' pattern ')'
///
/// `shape` is the written form's case (spaCy's IS_TITLE, IS_UPPER, IS_LOWER): `title` (an
/// upper-case first letter, a lower-case one after it), `upper` (no lower-case letter), `lower`
/// (a lower-case first letter), `none` (no letter): "Serbia" after an opening quotation mark,
/// tagged NOUN, is still `title`.
/// Words are tested case-insensitively for `word` (ASCII), exactly otherwise. A word binds to
/// at most one node of a match. `match` tries every word as the first node, in order, and
/// gives each at most one match: the first in word order of its dependents.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "syntax/sentence.h"

namespace parley::syntax {

class Pattern {
 public:
  enum class Key { kLemma, kWord, kUpos, kXpos, kShape };
  struct Test {
    Key key = Key::kLemma;
    bool negated = false;
    std::vector<std::string> values;  ///< any of them; "@name" is a lexicon class
  };
  struct Clause {
    bool to_head = false;  ///< '<' rather than '>'
    enum class Sister { kNone, kAfter, kBefore } sister = Sister::kNone;  ///< '$++', '$--'
    enum class Mode { kRequired, kOptional, kForbidden } mode = Mode::kRequired;
    std::vector<std::string> relations;  ///< empty: any ('*')
    int target = 0;                      ///< node index
  };
  struct Node {
    std::vector<Test> tests;
    std::string name;  ///< "" when unnamed
    std::vector<Clause> clauses;
  };

  /// Parses `text`; an error names the 1-based column in `where.column`.
  static Result<Pattern> parse(std::string_view text);

  const std::vector<Node>& nodes() const { return nodes_; }  ///< nodes()[0] is the first
  /// The names given to nodes, in pattern order.
  std::vector<std::string> names() const;
  /// The lexicon classes the pattern asks about (without '@'), in pattern order.
  std::vector<std::string> classes() const;

 private:
  std::vector<Node> nodes_;
};

/// Is word `i` of `s` in lexicon class `name`? (For "@name" values; `key` says which of its
/// fields is tested. The sentence is there for classes that look at dependents: the particle
/// of a phrasal verb, an object that excludes a sense.)
using ClassTest = std::function<bool(std::string_view name, Pattern::Key key, const Sentence& s, int i)>;

/// One match: the word bound to each node (-1 for an optional node left unbound or a node
/// under a '!' clause).
struct PatternMatch {
  std::vector<int> words;
  int operator[](size_t node) const { return words[node]; }
};

/// Every match of `p` in the parsed sentence `s`.
std::vector<PatternMatch> match(const Pattern& p, const Sentence& s, const ClassTest& in_class);

/// Does relation `deprel` satisfy the pattern relation `want` ("obl" accepts "obl:agent")?
bool relation_matches(std::string_view want, std::string_view deprel);

}  // namespace parley::syntax
