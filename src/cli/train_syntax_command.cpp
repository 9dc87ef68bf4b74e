// parley train-syntax: a treebank in, a syntax model file out.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "core/status.h"
#include "cli/syntax_support.h"
#include "core/output_file.h"
#include "syntax/evaluate.h"
#include "syntax/model.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kTrainUsage =
    "Usage: parley train-syntax --train TRAIN.conllu [--dev DEV.conllu] -o MODEL [options]\n"
    "\n"
    "Trains the tagger, lemmatiser and parser on a Universal Dependencies treebank and writes\n"
    "one model file. The same input and options give a byte-identical file. With --dev, the\n"
    "scores on that file (gold words, predicted tags) are recorded in the model.\n";

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string recorded_scores(const std::string& set, const syntax::SyntaxScores& s) {
  return set + ": upos=" + fixed2(100 * s.upos.f1()) + " xpos=" + fixed2(100 * s.xpos.f1()) +
         " lemma=" + fixed2(100 * s.lemma.f1()) + " uas=" + fixed2(100 * s.uas.f1()) +
         " las=" + fixed2(100 * s.las.f1());
}

int train_syntax_main(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()
      ("train", po::value<std::string>(), "training treebank (CoNLL-U)")
      ("dev", po::value<std::string>(), "development treebank: its scores are recorded in the model")
      ("output,o", po::value<std::string>(), "model file to write")
      ("tagger-epochs", po::value<int>()->default_value(syntax::TaggerOptions{}.epochs), "tagger training epochs")
      ("parser-epochs", po::value<int>()->default_value(syntax::ParserOptions{}.epochs), "parser training epochs")
      ("folds", po::value<int>()->default_value(syntax::TrainSyntaxOptions{}.jackknife_folds),
       "jackknife folds for the parser's training tags (0: gold tags)")
      ("no-gold-copy", "with --folds, train the parser on jackknifed tags only (not also on a gold-tag copy)")
      ("seed", po::value<uint64_t>()->default_value(1), "seed of the training order")
      ("max-sentences", po::value<size_t>(), "use only the first N training sentences")
      ("name", po::value<std::string>()->default_value("en-ud"), "model name")
      ("data", po::value<std::string>()->default_value(""), "what the training data is (name, version, commit)")
      ("licence", po::value<std::string>()->default_value(""), "the model's licence (that of its data)")
      ("attribution", po::value<std::string>()->default_value(""), "the notice the data's licence asks for")
      ("quiet,q", "no progress lines")
      ("help,h", "print this help");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(opts).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << kTrainUsage << "\n" << opts;
    return 0;
  }
  if (!vm.count("train")) return usage_error("--train is required");
  if (!vm.count("output")) return usage_error("-o/--output is required");
  if (vm["tagger-epochs"].as<int>() < 1 || vm["parser-epochs"].as<int>() < 1)
    return usage_error("--tagger-epochs and --parser-epochs must be at least 1");
  if (vm["folds"].as<int>() < 0) return usage_error("--folds must be 0 or more");
  if (vm.count("max-sentences") && vm["max-sentences"].as<size_t>() == 0)
    return usage_error("--max-sentences must be at least 1");
  const bool quiet = vm.count("quiet") != 0;
  // Fail before hours of training, not after: the output is opened now (a temporary file
  // beside it, removed if training fails) and moved into place when the model is complete.
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(vm["output"].as<std::string>());
  if (!out.ok()) {
    std::cerr << "parley: error: " << out.status().str() << "\n";
    return 1;
  }

  Result<std::vector<syntax::Sentence>> train = read_conllu_file(vm["train"].as<std::string>());
  if (!train.ok()) {
    std::cerr << "parley: error: " << train.status().str() << "\n";
    return 1;
  }
  std::optional<std::vector<syntax::Sentence>> dev;
  if (vm.count("dev")) {
    Result<std::vector<syntax::Sentence>> d = read_conllu_file(vm["dev"].as<std::string>());
    if (!d.ok()) {
      std::cerr << "parley: error: " << d.status().str() << "\n";
      return 1;
    }
    dev = std::move(d.value());
  }
  std::vector<syntax::Sentence>& sentences = train.value();
  if (vm.count("max-sentences") && vm["max-sentences"].as<size_t>() < sentences.size())
    sentences.resize(vm["max-sentences"].as<size_t>());
  if (sentences.empty()) {
    std::cerr << "parley: error: " << printable(vm["train"].as<std::string>()) << ": no sentences to train on\n";
    return 1;
  }
  for (const syntax::Sentence& s : sentences)
    if (!s.tagged || !s.parsed) {
      std::cerr << "parley: error: " << printable(vm["train"].as<std::string>()) << ": sentence " << printable(s.id)
                << " lacks tags or a tree; a training treebank needs both\n";
      return 1;
    }

  const auto start = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& line) {
    if (quiet) return;
    const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "parley: train-syntax: %7.1f s  %s\n", t, line.c_str());
  };
  syntax::TrainSyntaxOptions o;
  o.tagger.epochs = vm["tagger-epochs"].as<int>();
  o.tagger.seed = vm["seed"].as<uint64_t>();
  o.tagger.progress = progress;
  o.parser.epochs = vm["parser-epochs"].as<int>();
  o.parser.seed = vm["seed"].as<uint64_t>();
  o.parser.progress = progress;
  o.jackknife_folds = vm["folds"].as<int>();
  o.gold_copy = vm.count("no-gold-copy") == 0;
  o.progress = progress;
  syntax::SyntaxModel m = syntax::train_syntax(sentences, o);
  m.info.name = vm["name"].as<std::string>();
  m.info.data = vm["data"].as<std::string>();
  m.info.licence = vm["licence"].as<std::string>();
  m.info.attribution = vm["attribution"].as<std::string>();
  m.info.recipe = "parley train-syntax --tagger-epochs " + std::to_string(o.tagger.epochs) +
                  " --parser-epochs " + std::to_string(o.parser.epochs) + " --folds " +
                  std::to_string(o.jackknife_folds) + (o.gold_copy ? "" : " --no-gold-copy") + " --seed " + std::to_string(o.tagger.seed) +
                  " (" + std::to_string(sentences.size()) + " training sentences)";
  if (dev) {
    // Score the model exactly as `eval-syntax` will score the saved file.
    Result<syntax::SyntaxModel> reloaded = syntax::SyntaxModel::from_bytes(m.to_bytes(), "(trained model)");
    if (!reloaded.ok()) {
      std::cerr << "parley: error: " << reloaded.status().str() << "\n";
      return 1;
    }
    std::vector<syntax::Sentence> system = *dev;
    for (syntax::Sentence& s : system) {
      for (syntax::Word& w : s.words) w = syntax::Word{w.form, {}, {}, {}, {}, -1, {}, w.begin, w.end, w.space_after, {}};
      reloaded->analyze(s, true);
    }
    Result<syntax::SyntaxScores> scores = syntax::evaluate(*dev, system);
    if (!scores.ok()) {
      std::cerr << "parley: error: " << scores.status().str() << "\n";
      return 1;
    }
    m.info.scores = recorded_scores("dev", scores.value());
    progress(m.info.scores);
  }
  if (Status written = m.save(*out.value()); !written.ok()) {
    std::cerr << "parley: error: " << written.str() << "\n";
    return 1;
  }
  progress("wrote " + vm["output"].as<std::string>());
  return 0;
}

}  // namespace parley::cli
