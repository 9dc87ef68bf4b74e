/// Meetings read off the dependency parse: the rules of mappings/rules/meeting.tsv name a
/// meeting word (=trigger), veto some (kind block: "refused to meet", "an offer to host
/// talks", "no plans for a summit") or name more sides of a meeting just told (kind join:
/// "X will represent the UK", "the delegation was led by X"). The sides are read from the
/// grammar of the trigger, the same for every rule:
///
///   verb   "A met B", "A and B met", "A met with B in C", "A was received by B": its subject,
///          object and "with", "between", "among" phrases, and the "by" phrase of a passive;
///   noun   "talks between A and B", "A's talks with B", "Azerbaijani-Armenian talks", "a
///          meeting of the foreign ministers": its own such phrases, possessor and modifiers;
///          where it is what a verb of holding or attending takes ("A held talks with B", "A
///          attended the summit", "a meeting was held between A and B", "at the talks, A said"),
///          also that verb's subject and phrases; the doer of a "where" clause right after it
///          ("a summit where A and B signed the accord").
///
/// Where the parse misplaces a side phrase, it is still read: a "between" phrase hung on the
/// meeting's time or topic phrase ("talks were held in recent weeks between A and B"), a "with"
/// right after the noun read as a clause marker ("after his talks with Mr X, Y said"). The "then"
/// part of an "if ... then" sentence names no meeting.
///
/// Each side is the phrase the parse gives it: the actors named in it count (a person, the
/// state or body an adjective, a genitive or "of" phrase says the person acts for), less what the
/// phrase says of a topic, a place or a time ("talks on Gibraltar", "in Doha") and less the
/// clauses inside it ("the envoy, who said ...").
///
///   const MeetingReader reader(analysis, tagged, mappings, reference);
///   for (const MeetingHit& h : reader.read(si, AnchorIndex(analysis.sentences[si]))) use(h.trigger, h.sides);
///
/// Read-only; holds references only.
#pragma once

#include <string>
#include <vector>

#include "extract/reference.h"
#include "extract/rule_engine.h"

namespace parley::extract {

struct MeetingHit {
  const mappings::Rule* rule = nullptr;
  int trigger = -1;               ///< the meeting word
  size_t begin = 0, end = 0;      ///< its bytes
  std::vector<size_t> sides;      ///< mention indices of the actors the grammar places in it
  /// The states a visit goes to ("visited Russia", "a visit to Egypt"): sides too, the host,
  /// although the text names them as places.
  std::vector<size_t> hosts;
};

class MeetingReader {
 public:
  MeetingReader(const syntax::Analysis& analysis, const ner::Tagged& tagged, const mappings::Mappings& m,
                const Reference& ref);

  /// The meeting words of sentence `si` that no block vetoes (trigger and join rules; nothing
  /// when the sentence is not parsed), in word order, one hit per word (the first rule in file
  /// order that binds it). `anchors` is that sentence's AnchorIndex: only rules it admits are tried.
  std::vector<MeetingHit> read(size_t si, const AnchorIndex& anchors) const;

  /// Does the meeting word refer back to a meeting already told ("the meeting", "Friday's
  /// talks", "such discussions", "this summit") rather than tell one with its own sides ("the
  /// talks between A and B", "the meeting of the foreign ministers")?
  bool anaphoric(size_t si, int trigger) const;
  /// The determiner of the meeting word, lower case ("the", "such", ""); a possessor gives "'s".
  std::string determiner(size_t si, int trigger) const;
  /// The sides the grammar of word `w` gives (as for a meeting word): for a mediation with no
  /// meeting word of its own ("mediated between A and B").
  std::vector<size_t> sides(size_t si, int w) const;
  /// Is the clause of the meeting word negated ("X was not involved in these talks")?
  bool denied(size_t si, int trigger) const;
  /// Does the sentence place the meeting now: "X is at a summit", "they are holding talks"?
  bool ongoing(size_t si, int trigger) const;
  /// Is the meeting word told as one before the meetings the article is about ("the previous
  /// negotiations", "three earlier rounds of talks", "the last October talks")?
  bool earlier(size_t si, int trigger) const;
  /// 1 for "the first meeting", 2 for "the second round of talks", ...; 0 when none.
  int ordinal(size_t si, int trigger) const;

 private:
  /// The measure a meeting word is counted by ("round", "series", "days" of class
  /// partitive_noun in "the second round of talks", "two days of talks"), or `t` itself.
  int measure_of(const syntax::Sentence& s, int t) const;
  std::vector<int> side_words(const syntax::Sentence& s, int t) const;
  /// The actors of the phrase headed by `w` (less `trigger`'s subtree) into `out`; with
  /// `clauses`, those of the clauses inside it too.
  void actors_in(size_t si, int w, int trigger, std::vector<size_t>& out, bool clauses = false) const;

  const syntax::Analysis& a_;
  const ner::Tagged& t_;
  const mappings::Mappings& m_;
  const Reference& ref_;
  syntax::ClassTest in_class_;
};

}  // namespace parley::extract
