// Fuzzes the syntax layer on arbitrary text: sentence splitting (text/segmenter), word splitting
// (syntax/tokenizer), tagging and lemmatising (syntax/tagger, lemmatizer) and the dependency
// parse (syntax/parser) with the shipped model. The bytes are made valid UTF-8 first, as the
// reader does for every article. Invariants: nothing crashes or reads out of bounds (ASan,
// UBSan); sentences are in order inside the text; every word's span is inside its sentence and
// in order, every word is tagged, and the parse is a tree: heads in range, no word its own head,
// no cycle, a relation on every word.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "mappings/mappings.h"
#include "syntax/analyzer.h"
#include "syntax/model.h"
#include "text/segmenter.h"

namespace {

using namespace parley;

void check(bool ok) {
  if (!ok) std::abort();  // libFuzzer reports the input that broke the invariant
}

struct Loaded {
  std::unique_ptr<mappings::Mappings> m;
  syntax::SyntaxModel model;
  std::unique_ptr<syntax::Analyzer> analyzer;
};
Loaded* loaded = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  loaded = new Loaded;
  std::vector<Diagnostic> errors;
  loaded->m = mappings::Mappings::load(PARLEY_FUZZ_MAPPINGS, errors, {});
  check(loaded->m && errors.empty());
  Result<syntax::SyntaxModel> model = syntax::SyntaxModel::load(PARLEY_FUZZ_MODEL);
  check(model.ok());
  loaded->model = std::move(model.value());
  loaded->analyzer = std::make_unique<syntax::Analyzer>(loaded->model, loaded->m->lexicon.abbreviations, loaded->m->gazetteer.demonym_words);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = is_valid_utf8(bytes) ? bytes : repair_utf8(bytes).text;
  const std::vector<text::Sentence> sentences = text::segment(text, loaded->m->lexicon.abbreviations);
  size_t last = 0;
  for (const text::Sentence& s : sentences) {
    check(last <= s.begin && s.begin <= s.end && s.end <= text.size());
    last = s.end;
  }
  const syntax::Analysis a = loaded->analyzer->analyze(text, sentences, /*parse=*/true);
  check(a.sentences.size() == sentences.size());
  for (const syntax::Sentence& s : a.sentences) {
    check(s.parsed || s.words.empty());
    size_t at = s.begin;
    const int n = s.size();
    for (int i = 0; i < n; ++i) {
      const syntax::Word& w = s.words[static_cast<size_t>(i)];
      // (the words of one token, "do" + "n't", may share its span)
      check(w.begin <= w.end && w.end <= s.end && w.begin >= s.begin);
      check(w.begin >= at);
      at = w.begin;
      check(!w.upos.empty() && !w.xpos.empty());
      check(w.head >= -1 && w.head < n && w.head != i);
      check(!w.deprel.empty());
      // no cycle: following heads from any word reaches the root within n steps
      int x = i, steps = 0;
      while (x >= 0 && steps <= n) {
        x = s.words[static_cast<size_t>(x)].head;
        ++steps;
      }
      check(x == -1);
    }
  }
  return 0;
}
