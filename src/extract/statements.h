/// Demands and denials read off the dependency parse: the rules of mappings/rules/demand.tsv
/// and denial.tsv are patterns over a parsed sentence (syntax/pattern.h) whose named nodes
/// give the trigger, and where the rule names them, the agent, addressee and content. What a
/// rule leaves unnamed, the grammar gives: the agent is the trigger's subject through
/// passives, control, coordination and relative clauses (extract/grammar.h), or the owner of a
/// demand noun ("Iran's demand", "a demand by Iran", "Iran made a demand"), or whoever says
/// the clause; pronouns and descriptions resolve to actors (extract/reference.h).
///
///   const StatementReader reader(doc, tagged, analysis, mappings, reference);
///   for (size_t si = 0; si < tagged.sentences.size(); ++si) reader.read(si, AnchorIndex(analysis.sentences[si]), events);
///
/// A trigger the parse negates fires only rules of polarity negative or any; a trigger in a
/// condition or a question fires none. Each agent gets one statement of a class per sentence,
/// from the first rule (in file order) that reads it. Read-only; holds references only.
#pragma once

#include <optional>
#include <vector>

#include "extract/extractor.h"
#include "extract/reference.h"
#include "extract/rule_engine.h"
#include "syntax/pattern.h"

namespace parley::extract {

class StatementReader {
 public:
  StatementReader(const text::Document& doc, const ner::Tagged& tagged, const syntax::Analysis& analysis,
                  const mappings::Mappings& m, const Reference& ref);

  /// Appends the demands and denials of sentence `si` to `out` (which holds the events of
  /// the sentences before, for the one-per-agent check). `anchors` is that sentence's AnchorIndex.
  void read(size_t si, const AnchorIndex& anchors, std::vector<Event>& out) const;

 private:
  void read_one(const Firing& f, size_t si, std::vector<Event>& out) const;
  std::vector<size_t> agents(const Firing& f, size_t si) const;
  /// Who owns a demand or denial noun: "Iran's demand", "a demand by/from Iran", "the EU demand".
  std::vector<size_t> owners(size_t si, int trigger) const;
  bool meaningful(std::string_view content) const;
  /// Can word `w` be someone asked to do something (a name, a pronoun, "the parties", "the council")?
  /// Of whom a demand is made when no rule names it: the subject of the demanded clause ("that
  /// Armenia hand over"), the owner of the demanded act ("Iran's withdrawal"), or whoever rejects,
  /// accepts or ignores the demand noun ("Sudan rejected a demand by the IMF"); -1 when none.
  int implied_addressee(size_t si, int trigger, int content) const;
  bool animate(const syntax::Sentence& s, int w) const;
  /// The latest demand told in the three sentences before `si` ("made a similar demand", "the
  /// call was seconded" point back to it), or null.
  const Event* latest_demand(size_t si, const std::vector<Event>& out) const;
  /// Is word `w`, whose phrase ends at byte `phrase_end`, a demand or claim named only by a
  /// determiner, "similar" or "same" ("the allegations", "a similar demand on Wednesday"), so
  /// that it points back as "this" does?
  bool noun_back(const syntax::Sentence& s, int w, size_t phrase_end) const;

  const text::Document& doc_;
  const ner::Tagged& t_;
  const syntax::Analysis& a_;
  const mappings::Mappings& m_;
  const Reference& ref_;
  syntax::ClassTest in_class_;
};

}  // namespace parley::extract
