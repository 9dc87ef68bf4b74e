/// Who a word of a parsed sentence stands for, within one article: the mention that names
/// it, the name in its apposition, the body an unnamed office holder speaks for, the
/// antecedent of a pronoun or of a definite description ("the kingdom", "the government"),
/// and the speaker of a quotation or of a reported clause.
///
///   const Reference ref(doc, tagged, analysis, mappings);
///   for (size_t m : ref.actors_of(sentence, word)) use(tagged.mentions[m]);
///   const int who = ref.speaker(sentence, word);      // "..., Lavrov said": Lavrov
///
/// Holds references to its inputs, which must outlive it; read-only after construction.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mappings/mappings.h"
#include "ner/tagger.h"
#include "syntax/analyzer.h"
#include "text/document.h"

namespace parley::extract {

class Reference {
 public:
  Reference(const text::Document& doc, const ner::Tagged& tagged, const syntax::Analysis& analysis,
            const mappings::Mappings& m);

  /// The mention (index into tagged.mentions) whose span holds word `w` of sentence `si`, or -1.
  int mention_at(size_t si, int w) const;

  /// The actors word `w` of sentence `si` stands for, with those coordinated with it ("Germany
  /// and France"), in text order; empty when it names no actor. See the header comment.
  std::vector<size_t> actors_of(size_t si, int w) const;

  /// The state a word names even where it reads as a place ("criticism from Israel", "a demand
  /// from Iran": who, not where; the caller knows the phrase names a side), or -1.
  int state_at(size_t si, int w) const;

  /// Who says the clause holding word `w`: the subject of the verb of saying it is reported
  /// under ("Lavrov said that ..."), the one the sentence's attribution names ("...," said
  /// Lavrov), or, for a quotation over several sentences, the attribution of the sentence that
  /// closes or opens it. -1 when nobody is named.
  int speaker(size_t si, int w) const;

  /// The state or body the person named by mention `m` acts for, as the phrase that names
  /// them says: a demonym, name or possessive on the name or its title ("Russian president
  /// Dmitry Medvedev", "UK Foreign Secretary Jack Straw", "Kuwait's Crown Prince Sheikh Saad"),
  /// an "of" phrase ("Patrice Talon of Benin"), or the same on a title in apposition ("Khaled
  /// Meshaal, leader of the Hamas group"; "the Colombian ambassador, Luis Hoyos"). -1 when the
  /// mention names no person, its sentence is not parsed, or the phrase names no one.
  int acts_for(size_t m) const { return acts_for_[m]; }

  /// Is mention `m` a public actor: a state, a body or place the gazetteer knows, an authority,
  /// force, office or collective, a person the persons gazetteer names, or a person the article
  /// shows acting for one of those? Not a company or a person it shows with none ("an analyst
  /// at Merrill Lynch", "director Anurag Kashyap").
  bool public_actor(size_t m) const;
  /// Does mention `m` name a person, by name or by office ("the prime minister"), not a state,
  /// body or collective?
  bool is_person_mention(size_t m) const;

  /// Is sentence `si` (part of) a quotation?
  bool quoted(size_t si) const;
  /// Is word `w` of sentence `si` inside a quotation ('Charles said, "All we need is ...')?
  bool inside_quote(size_t si, int w) const;
  /// Does sentence `si` end inside a quotation (one opened in it or up to three before)?
  bool quote_open(size_t si) const { return si < quote_open_.size() && quote_open_[si]; }

  /// The nearest actor before sentence `si`'s word `w` that a pronoun or description of
  /// `want` type could stand for: a person for "he"/"she" (not one a form of address gives the
  /// other gender: kHe, kShe), a state for "the kingdom", a body for "the ministry", any
  /// non-person actor for "it"/"they". -1 when none within three sentences.
  enum class Want { kPerson, kHe, kShe, kState, kBody, kNonPerson };
  /// With `head` ("commission"), an earlier name holding that word comes first.
  int antecedent(size_t si, int w, Want want, std::string_view head = {}) const;

 private:
  /// "the two leaders", "both sides": the two actors of the nearest earlier sentence (up to
  /// five back) that names two of the kind the noun says (persons for "leaders", states for
  /// "countries", any other actor for "sides"); empty for any other word.
  std::vector<size_t> pair_of(size_t si, int w) const;
  bool eligible(size_t m) const;
  bool same_side(size_t a, size_t b) const;  // do mentions a and b name one state or body?
  int find_acts_for(size_t m) const;          // acts_for, read from the text and the parse
  int head_word(size_t m) const;              // the word heading mention m in its parse, or -1
  int side_of(size_t person) const;          // acts_for of the person, or of the same name told before
  bool fits(size_t m, Want want) const;
  void read_genders();  // gender_ from the forms of address written with each surname
  int actor_at(size_t si, int w, int depth) const;
  int attribution(size_t si) const;  // the speaker a sentence's own verb of saying names
  int sayer(size_t si, int verb) const;  // who a verb of saying says it is said by, or -1

  const text::Document& doc_;
  const ner::Tagged& t_;
  const syntax::Analysis& a_;
  const mappings::Mappings& m_;
  std::vector<std::vector<int>> word_mention_;  // per sentence, per word: mention or -1
  std::vector<int> acts_for_;                   // per mention: acts_for
  std::vector<char> gender_;                    // per mention: 'm', 'f' or 0 (unknown)
  std::vector<char> quote_open_;                // per sentence: does it end inside a quotation?
  std::vector<size_t> first_mention_;           // per sentence (and one past the last): its first mention
  std::unordered_map<std::string, std::vector<size_t>> persons_by_surname_;  // last word -> persons acting for someone, in order
  /// The first mention of sentence `si - back` (of the first sentence when there are fewer).
  size_t first_mention(size_t si, size_t back) const {
    const size_t j = std::min(si >= back ? si - back : 0, first_mention_.size() - 1);
    return first_mention_[j];
  }
  mutable int asking_ = 0;                      // speaker() calls under way ("we" said by "we")
};

}  // namespace parley::extract
