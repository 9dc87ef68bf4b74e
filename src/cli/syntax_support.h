/// What the syntax subcommands (parse, eval-syntax, train-syntax) share: the compiled-in model
/// path, whole-file reads, and output written whole or not at all.
///
///   Result<syntax::SyntaxModel> m = load_model(vm["model"].as<std::string>());
///   Status s = write_output("-", text);   // "-" is stdout
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "syntax/model.h"
#include "syntax/sentence.h"

namespace parley::cli {

/// models/en-ud.syntax in the source tree (set at build time).
std::string default_model_path();
Result<std::string> read_file(const std::string& path);
/// Reads and parses a CoNLL-U file.
Result<std::vector<syntax::Sentence>> read_conllu_file(const std::string& path);
/// Writes `data` to `path` through a temporary file renamed into place; "-" writes stdout.
Status write_output(const std::string& path, const std::string& data);

}  // namespace parley::cli
