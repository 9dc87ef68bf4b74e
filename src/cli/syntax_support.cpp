#include "cli/syntax_support.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "core/output_file.h"
#include "syntax/conllu.h"

namespace parley::cli {

std::string default_model_path() { return PARLEY_DEFAULT_MODEL; }

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(std::string("cannot open: ") + std::strerror(errno), Location{path});
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::error("cannot read", Location{path});
  return ss.str();
}

Result<std::vector<syntax::Sentence>> read_conllu_file(const std::string& path) {
  Result<std::string> bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  return syntax::read_conllu(bytes.value(), path);
}

Status write_output(const std::string& path, const std::string& data) {
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(path);
  if (!out.ok()) return out.status();
  if (std::fwrite(data.data(), 1, data.size(), out.value()->stream()) != data.size())
    return Status::error(std::string("cannot write: ") + std::strerror(errno),
                         Location{path == "-" ? "standard output" : path});
  return out.value()->commit();
}

}  // namespace parley::cli
