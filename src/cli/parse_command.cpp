// parley parse: articles (or the words of a CoNLL-U file) in, CoNLL-U analyses out.
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/syntax_support.h"
#include "mappings/mappings.h"
#include "syntax/analyzer.h"
#include "syntax/conllu.h"
#include "text/reader.h"
#include "text/segmenter.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kParseUsage =
    "Usage: parley parse [-o FILE|-] [--model FILE] [--mappings DIR] [--no-parse] INPUT...\n"
    "       parley parse --tokens GOLD.conllu [-o FILE|-] [--model FILE]\n"
    "       parley parse --info [--model FILE]\n"
    "\n"
    "Writes the words, lemmas, tags and dependency tree of every sentence in CoNLL-U, with each\n"
    "word's byte span in its article as TokenRange=BEGIN:END in MISC. INPUT is a text file, a\n"
    ".jsonl file (one article per line) or - for stdin. With --tokens, the words and sentence\n"
    "breaks of a CoNLL-U file are kept and everything else is predicted (for CoNLL-U scorers).\n";

void print_info(const syntax::SyntaxModel& m, const std::string& path) {
  std::cout << "model: " << path << "\n"
            << "name: " << m.info.name << "\n"
            << "data: " << m.info.data << "\n"
            << "licence: " << m.info.licence << "\n"
            << "attribution: " << m.info.attribution << "\n"
            << "recipe: " << m.info.recipe << "\n"
            << "scores: " << m.info.scores << "\n"
            << "tagger: " << m.tagger.classes() << " tag pairs, " << m.tagger.model().features()
            << " features, " << m.tagger.model().entries() << " weights\n"
            << "parser: " << m.parser.labels().size() << " relations, " << m.parser.model().features()
            << " features, " << m.parser.model().entries() << " weights\n";
}

}  // namespace

int parse_main(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()
      ("output,o", po::value<std::string>()->default_value("-"), "output file, - for stdout")
      ("model", po::value<std::string>()->default_value(default_model_path()), "syntax model file")
      ("mappings", po::value<std::string>()->default_value(default_mappings_dir()),
       "mappings directory (abbreviations for sentence and word splitting)")
      ("tokens", po::value<std::string>(), "keep the words and sentences of this CoNLL-U file")
      ("no-parse", "tag and lemmatise only")
      ("info", "describe the model (training data, licence, recorded scores) and exit")
      ("help,h", "print this help");
  po::variables_map vm;
  if (const int status = parse_arguments(args, opts, "input", kParseUsage, vm); status >= 0) return status;
  const bool info = vm.count("info") != 0, tokens = vm.count("tokens") != 0, inputs = vm.count("input") != 0;
  if (info && (tokens || inputs)) return usage_error("--info takes no input");
  if (tokens && inputs) return usage_error("--tokens and INPUT files cannot be used together");
  if (!info && !tokens && !inputs) return usage_error("no INPUT given (a .txt or .jsonl file, or - for stdin)");
  const bool parse = vm.count("no-parse") == 0;
  const std::string model_path = vm["model"].as<std::string>();
  const std::string out_path = vm["output"].as<std::string>();

  Result<syntax::SyntaxModel> model = syntax::SyntaxModel::load(model_path);
  if (!model.ok()) {
    std::cerr << "parley: error: " << model.status().str() << "\n";
    return 1;
  }
  if (info) {
    print_info(model.value(), model_path);
    return 0;
  }

  std::string out;
  bool failed = false;
  if (tokens) {
    Result<std::vector<syntax::Sentence>> gold = read_conllu_file(vm["tokens"].as<std::string>());
    if (!gold.ok()) {
      std::cerr << "parley: error: " << gold.status().str() << "\n";
      return 1;
    }
    for (syntax::Sentence& s : gold.value()) {
      for (syntax::Word& w : s.words) w = syntax::Word{w.form, {}, {}, {}, {}, -1, {}, w.begin, w.end, w.space_after, {}};
      s.tagged = s.parsed = false;
      model->analyze(s, parse);
      syntax::write_conllu(s, out);
    }
  } else {
    std::vector<Diagnostic> errors;
    auto m = mappings::Mappings::load(vm["mappings"].as<std::string>(), errors, {});
    if (!errors.empty()) {
      for (const Diagnostic& d : errors) std::cerr << d.str() << "\n";
      std::cerr << "parley: error: the mappings have errors (run parley check-mappings)\n";
      return 1;
    }
    const syntax::Analyzer analyzer(model.value(), m->lexicon.abbreviations, m->gazetteer.demonym_words);
    for (const std::string& in : vm["input"].as<std::vector<std::string>>()) {
      text::read_input(in, text::ReadOptions{}, [&](text::Document&& doc) {
        out += "# newdoc id = " + doc.id + "\n";
        const std::vector<text::Sentence> spans = text::segment(doc.text, m->lexicon.abbreviations);
        syntax::Analysis a = analyzer.analyze(doc.text, spans, parse);
        for (size_t k = 0; k < a.sentences.size(); ++k) {
          syntax::Sentence& s = a.sentences[k];
          if (s.words.empty()) continue;
          s.id = doc.id + "-" + std::to_string(k + 1);
          s.text = std::string(doc.text.substr(s.begin, s.end - s.begin));
          syntax::write_conllu(s, out);
        }
      }, [&](const Diagnostic& d) {
        if (d.severity == Diagnostic::Severity::kError) failed = true;
        std::cerr << d.str() << "\n";
      });
    }
  }
  if (Status s = write_output(out_path, out); !s.ok()) {
    std::cerr << "parley: error: " << s.str() << "\n";
    return 1;
  }
  return failed ? 1 : 0;
}

}  // namespace parley::cli
