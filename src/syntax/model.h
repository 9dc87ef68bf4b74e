/// A syntax model file: tagger, lemmatiser and parser in one versioned binary, with the name,
/// licence and attribution of the treebank it was trained on and the scores it reached.
///
///   Result<SyntaxModel> m = SyntaxModel::load("models/en-ud.syntax");
///   if (!m.ok()) return m.status();       // "models/en-ud.syntax: at byte 12: ... (truncated?)"
///   m->analyze(sentence, /*parse=*/true); // tags, lemmas, heads and relations
///
///   SyntaxModel trained = train_syntax(ewt_train, TrainSyntaxOptions{});
///   PARLEY_TRY(trained.save("models/en-ud.syntax"));   // byte-identical for the same input
///
/// Layout (little-endian): magic "PARLEYSX", format version (u32), the info strings, then
/// three sections (tagger, lemmatiser, parser), each a u64 length and its bytes, and last a
/// 64-bit FNV-1a checksum of everything before it. A file that is truncated, has another
/// magic, version or checksum, or whose sections do not parse exactly is refused with a
/// Status; nothing is read out of bounds. A loaded model is immutable and shared by threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/output_file.h"
#include "core/status.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/sentence.h"
#include "syntax/tagger.h"

namespace parley::syntax {

inline constexpr uint32_t kModelFormatVersion = 1;

/// What a model says about itself (written by `train-syntax`, shown by `parse --info`).
struct ModelInfo {
  std::string name;         ///< "en-ud"
  std::string data;         ///< the training data, with version and commit
  std::string licence;      ///< the model's own licence (that of its training data)
  std::string attribution;  ///< the notice the licence asks for
  std::string recipe;       ///< the command and options that made it
  std::string scores;       ///< recorded accuracy ("ewt-dev upos=95.12 ..."), one "key=value" per word
};

class SyntaxModel {
 public:
  ModelInfo info;
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;

  /// Tags and lemmatises `s`; parses it too when `parse` is set. `finite_verb`: see
  /// Tagger::tag (set for running text).
  void analyze(Sentence& s, bool parse, bool finite_verb = false) const;

  std::string to_bytes() const;
  /// `name` is used in error messages (the file's path).
  static Result<SyntaxModel> from_bytes(std::string_view bytes, const std::string& name);
  static Result<SyntaxModel> load(const std::string& path);
  /// Writes the model whole or not at all (core/output_file.h).
  Status save(const std::string& path) const;
  /// Writes the model into an output opened earlier (before training) and commits it.
  Status save(OutputFile& out) const;
};

struct TrainSyntaxOptions {
  TaggerOptions tagger;
  ParserOptions parser;
  /// The parser learns from tags predicted by taggers trained on the other folds, so that it
  /// sees tagging errors as they will be at run time. 0 or 1: it learns from gold tags.
  int jackknife_folds = 10;
  /// With jackknifing, the parser also learns from a copy of the data with gold tags and lemmas
  /// (it sees each tree once with clean and once with noisy tags: +0.3 UAS and LAS on EWT dev).
  bool gold_copy = true;
  std::function<void(const std::string&)> progress;
};

/// Trains all three components on `gold` (deterministic for the same input and options).
SyntaxModel train_syntax(const std::vector<Sentence>& gold, const TrainSyntaxOptions& options);

}  // namespace parley::syntax
