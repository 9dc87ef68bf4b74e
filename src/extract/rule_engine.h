/// The rule engine: how event rules written as dependency patterns (syntax/pattern.h) meet
/// the lexicon (mappings/lexicon/classes.tsv) and the parsed sentences of an article.
///
///   const syntax::ClassTest in_class = extract::class_test(mappings.classes);
///   for (const syntax::PatternMatch& m : syntax::match(pattern, sentence, in_class)) ...
#pragma once

#include "mappings/mappings.h"
#include "syntax/pattern.h"

namespace parley::extract {

/// `@class` for patterns: word i's lemma is a member of the class and no exclusion of that
/// member holds among i's dependents. A verb with a particle (compound:prt) is looked up as
/// "lemma particle" first ("turned down" is "turn down"), then as its lemma alone. For the key
/// `word` the lower-cased form is looked up; `upos` and `xpos` are never in a class. The
/// classes must outlive the returned function.
syntax::ClassTest class_test(const mappings::LexiconClasses& classes);

}  // namespace parley::extract
