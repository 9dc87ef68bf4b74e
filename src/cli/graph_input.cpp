#include "cli/graph_input.h"

#include <iostream>

#include "cli/syntax_support.h"

namespace parley::cli {

bool load_corpus(const std::vector<std::string>& paths, analysis::Corpus& corpus) {
  bool ok = true;
  for (const std::string& p : paths) {
    if (Status s = corpus.read(p); !s.ok()) {
      std::cerr << "parley: error: " << s.str() << "\n";
      ok = false;
    }
  }
  corpus.finish();
  return ok;
}

bool write_or_report(const std::string& path, const std::string& text) {
  if (Status s = write_output(path, text); !s.ok()) {
    std::cerr << "parley: error: " << s.str() << "\n";
    return false;
  }
  return true;
}

}  // namespace parley::cli
