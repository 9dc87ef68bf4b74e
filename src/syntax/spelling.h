/// British spellings read as the American ones the treebank was written in. EWT, the model's
/// only training data, is American: "criticized", "labor", "center", "traveled" are words its
/// tagger and parser know, while the BBC's "criticised", "labour", "centre", "travelled" are
/// unknown words, tagged from their suffixes alone (a mistagged verb takes its clause with it).
/// The models read such a word as its American spelling when they know that one and not the
/// form itself; the word's form, lemma and offsets stay as written.
///
///   american_spellings("criticised")   // {"criticized"}
///   american_spellings("labour")       // {"labor"}
///   american_spellings("travelled")    // {"traveled"}
///
/// The candidates are regular rewrites of endings (Oxford and American conventions as in
/// Merriam-Webster's and the Oxford style guides' lists of variant spellings); most are no
/// word at all ("rise" -> "rize"), which is why the caller keeps only a candidate its
/// vocabulary knows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::syntax {

/// American spellings `lower` (a lower-cased word) may stand for, most likely first; empty
/// when no ending of it has a regular variant.
std::vector<std::string> american_spellings(std::string_view lower);

}  // namespace parley::syntax
