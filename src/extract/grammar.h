/// What the dependency parse says about a word, for the event rules: is it negated, passive,
/// conditional or asked; who is its subject (through control, coordination, relative clauses
/// and participles); which words are listed with it; which bytes its phrase covers.
///
///   const int subj = grammar::subject(s, verb);        // "X declined to sign": sign -> X
///   if (grammar::negated(s, verb)) ...                 // "did not reject", "never denied"
///   auto [b, e] = grammar::phrase_span(s, content);    // bytes, without "that" / "to"
///
/// Pure functions of a parsed Sentence (syntax/sentence.h); cost linear in its length.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "syntax/pattern.h"
#include "syntax/sentence.h"

namespace parley::extract::grammar {

using syntax::Sentence;

/// Is word `w` negated by a dependent: "not", "n't", "never" (advmod), "neither" or "nor"
/// ("neither admits nor denies"), "without" ("without asking them to"), a determiner "no"
/// on its object ("made no demand"), or a subject that names no one ("none of the members",
/// "nobody", "no country", "neither side")?
bool negated(const Sentence& s, int w);

/// Is `w` in a clause a negated verb takes as its complement or subject: "does not mean it
/// should be barred", "I did not say they must leave", "it is not fair to ask them to pay"
/// (climbing from `w` through aux and xcomp to the clause, then through ccomp and csubj to each
/// predicate above it). What such a clause says is not
/// asserted by anyone.
bool under_negated_verb(const Sentence& s, int w);

/// Is `w` in a clause that an allegation or a denial holds: "rejected allegations he pressured
/// the auditor to ...", "denied reports that the two had met", "denied that he urged ...",
/// "accused the minister of demanding ...", "alleged that X met Y" (climbing from `w` through aux,
/// xcomp and ccomp to a clause under a noun of class `allegation_noun`, or the "that" clause or
/// "of" gerund of a verb of class `deny` or `accuse`). What such a clause says is what one
/// side claims and the other disputes, not what the article reports as done.
bool alleged(const Sentence& s, int w, const syntax::ClassTest& in_class);

/// Is `w` a passive verb (an nsubj:pass, csubj:pass or aux:pass dependent)?
bool passive(const Sentence& s, int w);

/// Is `w` an active verb the parse reads as a passive: a passive subject, no passive auxiliary,
/// and an object ("X once again ruled out any process", "ruled" tagged as a participle).
bool active_read_as_passive(const Sentence& s, int w);

/// Is `w` in a condition or a question: inside a clause opened by "if", "unless" or
/// "whether" (itself or a clause above it through xcomp, ccomp and conj; a noun's clause is the
/// verb it is the subject, object or oblique of: "whether to start talks"), or the main clause
/// of a sentence that ends with "?".
bool hypothetical(const Sentence& s, int w);

/// How the subject of a predicate was found (for tests and the rule audit).
enum class SubjectVia { kNone, kSubject, kByAgent, kController, kObjectController, kSharedSubject,
                        kRelativeHead, kModifiedNoun, kParticiple, kPassiveWithoutAgent };

struct Subject {
  int word = -1;
  SubjectVia via = SubjectVia::kNone;
};

/// Who does `v`: its nsubj; the "by" phrase of a passive (kPassiveWithoutAgent and no word
/// when there is none); the controller of an infinitive ("X refused to sign": X; "urged X
/// to sign": X); the subject of the first of coordinated verbs ("X met Y and rejected Z"); the
/// noun a relative clause or participle modifies ("the envoy, who served as", "officials
/// opposing"); the subject of the clause an adverbial participle hangs on ("..., rejecting
/// the plan"). A relative pronoun subject ("who") gives the noun it stands for.
Subject subject(const Sentence& s, int v);

/// The words coordinated with `w` ("Germany, France and Italy": France and Italy for Germany),
/// in word order, without `w`.
std::vector<int> conjuncts(const Sentence& s, int w);

/// The noun a relative pronoun stands for ("the US, which is opposed": US; "the AU and France,
/// both of which called": the AU, with France as its conjunct), or -1 when `w` is no relative
/// pronoun. `w` may be the pronoun or a quantifier over it ("both of which", "all of whom").
/// The noun right before the clause is taken rather than the parse's attachment, which often
/// hangs the clause on a noun further back; an "of" phrase gives the noun it belongs to ("the
/// nation of France, which"), a coordination its first member when the parse attaches the
/// clause to the whole or a quantifier says "both" or "all".
int relative_antecedent(const Sentence& s, int w);

/// Is `w` a personal pronoun that needs an antecedent ("he", "she", "it", "they", "we", "i")?
/// Returns its lower-case form, or "" for any other word.
std::string_view personal_pronoun(const Sentence& s, int w);

/// The bytes of the phrase headed by `w`: its subtree less a leading marker ("that", "to",
/// "for", a preposition), less clauses that report who said it ("..., he said"), and less
/// punctuation at either end.
std::pair<size_t, size_t> phrase_span(const Sentence& s, int w);

/// The preposition or marker that opens the phrase headed by `w` (the lower-case lemma of its
/// first "case" dependent: "between" for "between A and B"), or "" when it has none.
std::string case_of(const Sentence& s, int w);

/// The owner of the noun `w` ("Putin's talks", "the leaders' meeting"): its nmod:poss, or, where
/// the parse misses a plural possessive ("the Russian peacekeepers' continuing negotiations":
/// the apostrophe read as punctuation or as a case marker of `w`), the plural noun right before
/// the apostrophe that ends the words in front of `w`; -1 when there is none.
int owner(const Sentence& s, int w);

/// The word that heads the clause `w` belongs to (w itself for a verb; the verb a noun
/// depends on, through nominal relations).
int clause_head(const Sentence& s, int w);

/// The time a clause speaks of, read from its verb group: kFuture ("will meet", "is to meet",
/// "is going to meet", "shall"), kPast (a past-tense verb or auxiliary: "met", "had met", "has
/// met", "was held"), kPresent (a present-tense verb or auxiliary), kUnknown (no finite verb:
/// an unparsed sentence, a bare noun). `v` is the clause head (clause_head).
enum class Tense { kUnknown, kPast, kPresent, kFuture };
Tense tense(const Sentence& s, int v);

}  // namespace parley::extract::grammar
