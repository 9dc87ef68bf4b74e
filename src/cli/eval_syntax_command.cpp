// parley eval-syntax: scores the syntax model against a gold CoNLL-U treebank.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/syntax_support.h"
#include "mappings/mappings.h"
#include "syntax/analyzer.h"
#include "syntax/evaluate.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kEvalUsage =
    "Usage: parley eval-syntax [--model FILE] [--mappings DIR] [--gold-words-only] GOLD.conllu...\n"
    "\n"
    "Prints UPOS, XPOS, lemma accuracy, UAS and LAS (LAS on the universal part of the relation,\n"
    "as in the CoNLL 2018 shared task) twice per file: on the gold words (multiword tokens split\n"
    "as the treebank splits them), and on parley's own words, split from each gold sentence's\n"
    "text and aligned to the gold words by characters (as the CoNLL 2018 evaluation does; the\n"
    "sentence breaks are the treebank's).\n";

void print_scores(const char* setting, const syntax::SyntaxScores& s, bool with_words) {
  auto pct = [](const syntax::Score& x) { return 100.0 * x.f1(); };
  std::printf("  %-22s", setting);
  if (with_words) std::printf(" tokens %6.2f  words %6.2f ", pct(s.tokens), pct(s.words));
  std::printf(" upos %6.2f  xpos %6.2f  lemma %6.2f  uas %6.2f  las %6.2f\n", pct(s.upos), pct(s.xpos),
              pct(s.lemma), pct(s.uas), pct(s.las));
}

}  // namespace

std::string recorded_scores(const std::string& set, const syntax::SyntaxScores& s);

int eval_syntax_main(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()
      ("model", po::value<std::string>()->default_value(default_model_path()), "syntax model file")
      ("mappings", po::value<std::string>()->default_value(default_mappings_dir()),
       "mappings directory (abbreviations for word splitting)")
      ("gold-words-only", "skip the evaluation with parley's own word splitting")
      ("help,h", "print this help");
  po::variables_map vm;
  if (const int status = parse_arguments(args, opts, "gold", kEvalUsage, vm); status >= 0) return status;
  if (!vm.count("gold")) return usage_error("no GOLD.conllu given");
  const std::string model_path = vm["model"].as<std::string>();
  Result<syntax::SyntaxModel> model = syntax::SyntaxModel::load(model_path);
  if (!model.ok()) {
    std::cerr << "parley: error: " << model.status().str() << "\n";
    return 1;
  }
  const bool own_words = vm.count("gold-words-only") == 0;
  std::unique_ptr<mappings::Mappings> m;
  if (own_words) {
    std::vector<Diagnostic> errors;
    m = mappings::Mappings::load(vm["mappings"].as<std::string>(), errors, {});
    if (!errors.empty()) {
      for (const Diagnostic& d : errors) std::cerr << d.str() << "\n";
      std::cerr << "parley: error: the mappings have errors (run parley check-mappings)\n";
      return 1;
    }
  }

  bool failed = false;
  std::printf("model %s (%s)\n", model_path.c_str(), model->info.scores.c_str());
  for (const std::string& path : vm["gold"].as<std::vector<std::string>>()) {
    Result<std::vector<syntax::Sentence>> gold = read_conllu_file(path);
    if (!gold.ok()) {
      std::cerr << "parley: error: " << gold.status().str() << "\n";
      failed = true;
      continue;
    }
    size_t words = 0;
    for (const syntax::Sentence& s : gold.value()) words += s.words.size();
    std::printf("%s: %zu sentences, %zu words\n", path.c_str(), gold->size(), words);

    std::vector<syntax::Sentence> system = gold.value();
    for (syntax::Sentence& s : system) {
      for (syntax::Word& w : s.words) w = syntax::Word{w.form, {}, {}, {}, {}, -1, {}, w.begin, w.end, w.space_after, {}};
      model->analyze(s, true);
    }
    Result<syntax::SyntaxScores> scores = syntax::evaluate(gold.value(), system);
    if (!scores.ok()) {
      std::cerr << "parley: error: " << path << ": " << scores.status().str() << "\n";
      failed = true;
      continue;
    }
    print_scores("gold words:", scores.value(), false);
    // The scores in the form train-syntax records them in a model ("dev: upos=..."), without
    // the set name, so that a model's recorded figure can be compared with any file's.
    const std::string recorded = recorded_scores("dev", scores.value());
    std::printf("  %-22s %s\n", "recorded form:", recorded.substr(recorded.find(": ") + 2).c_str());

    if (!own_words) continue;
    const syntax::Analyzer analyzer(model.value(), m->lexicon.abbreviations, m->gazetteer.demonym_words);
    std::vector<syntax::Sentence> own;
    own.reserve(gold->size());
    for (const syntax::Sentence& g : gold.value()) {
      syntax::Sentence s = analyzer.analyze(g.text, 0, g.text.size(), true);
      s.text = g.text;
      own.push_back(std::move(s));
    }
    Result<syntax::SyntaxScores> own_scores = syntax::evaluate(gold.value(), own);
    if (!own_scores.ok()) {
      std::cerr << "parley: error: " << path << ": " << own_scores.status().str() << "\n";
      failed = true;
      continue;
    }
    print_scores("parley's own words:", own_scores.value(), true);
  }
  return failed ? 1 : 0;
}

}  // namespace parley::cli
