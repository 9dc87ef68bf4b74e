#include "cli/graph_input.h"

#include <iostream>

#include "core/output_file.h"

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

bool write_output(const std::string& path, const std::string& text) {
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(path);
  if (!out.ok()) {
    std::cerr << "parley: error: " << out.status().str() << "\n";
    return false;
  }
  Status s;
  if (std::fwrite(text.data(), 1, text.size(), out.value()->stream()) != text.size())
    s = Status::error("write error", Location{path, 0, 0});
  if (s.ok()) s = out.value()->commit();
  if (!s.ok()) {
    std::cerr << "parley: error: " << s.str() << "\n";
    return false;
  }
  return true;
}

}  // namespace parley::cli
