/// The linguistic analysis of one sentence: syntactic words in Universal Dependencies English
/// conventions with lemma, UPOS, PTB XPOS, head and relation, each with its byte span in the
/// article text. Computed once by `syntax/`, read by `ner/`, `extract/` and `resolve/`.
///
///   const syntax::Sentence& s = analysis.sentences[k];
///   for (int i = 0; i < s.size(); ++i)
///     if (s.words[i].deprel == "nsubj") use(s.words[i].form, s.words[s.words[i].head].lemma);
///   int agent = s.child(verb, "obl:agent");          // -1 when there is none
///   auto [b, e] = s.subtree_span(agent);             // bytes of the whole phrase
///
/// Word indices are 0-based; `head == -1` is the root. A Sentence is a plain value: copy it,
/// share it read-only across threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::syntax {

/// One syntactic word (a CoNLL-U word line, not a multiword token line).
struct Word {
  std::string form;    ///< as in the text ("n't" for the second word of "don't")
  std::string lemma;   ///< "" until the lemmatiser runs
  std::string upos;    ///< UPOS ("PROPN"); "" until tagged
  std::string xpos;    ///< PTB tag ("NNP"); "" until tagged
  std::string feats;   ///< CoNLL-U FEATS, "" when unknown (parley predicts none yet)
  int head = -1;       ///< index of the head word, -1 for the root (and before parsing)
  std::string deprel;  ///< UD relation with subtype ("nsubj:pass"); "" before parsing
  size_t begin = 0;    ///< byte span in the article text (for CoNLL-U input: in the
  size_t end = 0;      ///< sentence's reconstructed text)
  bool space_after = true;  ///< whitespace follows in the text (CoNLL-U SpaceAfter=No)
  /// The spelling the tagger and parser read instead of `form`, or "" for the form itself:
  /// the American spelling of a British word the models do not know ("criticised" is read as
  /// "criticized"; see spelling.h). Set by the tagger.
  std::string spelling;
};

/// A surface token that is several syntactic words ("don't" = "do" + "n't").
struct MultiwordToken {
  int first = 0;      ///< index of its first word
  int last = 0;       ///< index of its last word (inclusive)
  std::string form;   ///< the surface form
  size_t begin = 0, end = 0;
  bool space_after = true;
};

struct Sentence {
  std::vector<Word> words;
  std::vector<MultiwordToken> multiword;  ///< in word order, non-overlapping
  size_t begin = 0, end = 0;  ///< byte span of the sentence
  bool tagged = false;        ///< upos/xpos/lemma are filled
  bool parsed = false;        ///< head/deprel are filled
  std::string id;             ///< CoNLL-U sent_id, when read from or written to CoNLL-U
  std::string text;           ///< CoNLL-U "# text", when read from CoNLL-U

  int size() const { return static_cast<int>(words.size()); }

  /// The children of word `i` in word order; with `rel`, only those whose relation is `rel`
  /// or, when `rel` has no subtype, a subtype of it ("obl" matches "obl:tmod"). Cost: O(n).
  std::vector<int> children(int i, std::string_view rel = {}) const;
  /// The first child of `i` with relation `rel` (see `children`), or -1.
  int child(int i, std::string_view rel) const;
  /// Indices of the root words (usually one).
  std::vector<int> roots() const;
  /// The first and last word index of the subtree of `i` (projective or not: min and max).
  std::pair<int, int> subtree(int i) const;
  /// The byte span from the first to the last word of the subtree of `i`.
  std::pair<size_t, size_t> subtree_span(int i) const;
  /// Word indices on the tree path from `a` to `b`, both included, through their lowest common
  /// ancestor; empty when either index is out of range or they are in different trees.
  std::vector<int> path(int a, int b) const;
  /// The universal part of word i's relation ("nsubj" for "nsubj:pass").
  std::string_view universal_deprel(int i) const;
};

}  // namespace parley::syntax
