/// Scoring a system's analyses against gold ones the way the CoNLL 2018 UD shared task does
/// (conll18_ud_eval.py 1.2): tokens, sentences and words by their character spans, tags,
/// lemmas and attachments on the aligned words.
///
///   Result<std::vector<syntax::Sentence>> gold = syntax::read_conllu(gold_bytes, gold_file);
///   Result<std::vector<syntax::Sentence>> sys = syntax::read_conllu(sys_bytes, sys_file);
///   Result<syntax::SyntaxScores> r = syntax::evaluate(gold.value(), sys.value());
///   if (r.ok()) report("LAS", r->las.f1());
///
/// How words are matched (as conll18_ud_eval.py): the forms of all tokens (a multiword token's
/// surface form, or a word outside one) are concatenated with Unicode space characters (Zs)
/// removed; gold and system must give the same characters. A token or sentence is correct when
/// its span in those characters is the same in both. Words outside multiword tokens are aligned
/// when their spans are equal. Around multiword tokens, the smallest region that no gold or
/// system multiword token sticks out of is found and its words are aligned by the longest common
/// subsequence of their lower-cased forms (lower-casing as Python's str.lower() for Latin,
/// Greek and Cyrillic letters; other scripts compare as they are).
///
/// On aligned words: UPOS, XPOS and LEMMA must be equal ("" and "_" stand for the same unfilled
/// column; a gold LEMMA that is unfilled accepts any system lemma); UAS wants the system head to
/// be aligned to the gold head (or both to be roots); LAS also wants the universal parts of the
/// relations ("nsubj" of "nsubj:pass") to be equal. Unlike the script, evaluation does not
/// refuse cycles or several roots; a head outside its sentence is never correct.
///
/// Pure functions, safe to call from several threads. Cost: linear in the number of words,
/// plus (region length)^2 inside multiword regions.
#pragma once

#include <cstddef>
#include <vector>

#include "core/status.h"
#include "syntax/sentence.h"

namespace parley::syntax {

/// Counts for one metric: items in gold, items in the system output, correct items.
struct Score {
  size_t gold = 0, system = 0, correct = 0;
  double precision() const;  ///< correct / system, 0 when there is no system item
  double recall() const;     ///< correct / gold, 0 when there is no gold item
  double f1() const;         ///< 2 correct / (gold + system), 0 when both are empty
};

/// The conll18_ud_eval.py metrics parley can score ("Tokens", "Sentences", "Words", "UPOS",
/// "XPOS", "Lemmas", "UAS", "LAS"). For the tag, lemma and attachment metrics, gold and system
/// count words; their f1() is the shared task's F1 score.
struct SyntaxScores {
  Score tokens, sentences, words, upos, xpos, lemma, uas, las;
};

/// Scores `system` against `gold`. They must cover the same text (the same non-space
/// characters of the token forms, in order); otherwise the error says where they first
/// diverge: the sentence (1-based, with its sent_id), the word (1-based, with its form) and the
/// character on each side. A word whose form is only spaces is also an error (conll18 refuses
/// an empty FORM).
Result<SyntaxScores> evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

}  // namespace parley::syntax
