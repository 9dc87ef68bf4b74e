#include "cli/syntax_support.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
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
  auto write_to = [&](FILE* f, const std::string& name) -> Status {
    const bool wrote = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    const bool flushed = std::fflush(f) == 0;
    if (!wrote || !flushed) return Status::error(std::string("cannot write: ") + std::strerror(errno), Location{name});
    return {};
  };
  if (path == "-") return write_to(stdout, "standard output");

  // A device, a pipe or a socket is written to as it is; renaming a file over it would replace
  // it. A symbolic link is written through: the file it points to is replaced.
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
    if (std::filesystem::is_directory(st)) return Status::error("is a directory", Location{path});
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return Status::error(std::string("cannot open: ") + std::strerror(errno), Location{path});
    Status s = write_to(f, path);
    if (std::fclose(f) != 0 && s.ok()) s = Status::error(std::string("cannot write: ") + std::strerror(errno), Location{path});
    return s;
  }
  std::string target = path;
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec))) {
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(path, ec);
    if (!ec) target = resolved.string();
  }
  const std::string tmp = target + ".tmp." + std::to_string(::getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f)
    return Status::error(std::string("cannot create the output (a temporary file beside it): ") + std::strerror(errno),
                         Location{path});
  Status s = write_to(f, path);
  if (std::fclose(f) != 0 && s.ok()) s = Status::error(std::string("cannot write: ") + std::strerror(errno), Location{path});
  if (!s.ok()) {
    std::remove(tmp.c_str());
    return s;
  }
  if (std::rename(tmp.c_str(), target.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::error("cannot rename into place: " + why, Location{path});
  }
  return {};
}

}  // namespace parley::cli
