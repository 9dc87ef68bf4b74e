#include "cli/syntax_support.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <unistd.h>

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
  if (path == "-") {
    const bool ok = std::fwrite(data.data(), 1, data.size(), stdout) == data.size() && std::fflush(stdout) == 0;
    return ok ? Status{} : Status::error(std::string("cannot write to standard output: ") + std::strerror(errno));
  }
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::error(std::string("cannot create: ") + std::strerror(errno), Location{tmp});
  const bool wrote = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  const bool closed = std::fclose(f) == 0;
  if (!wrote || !closed) {
    std::remove(tmp.c_str());
    return Status::error("cannot write (disk full?)", Location{path});
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::error("cannot rename into place: " + why, Location{path});
  }
  return {};
}

}  // namespace parley::cli
