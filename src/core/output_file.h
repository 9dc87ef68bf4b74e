/// Output files written whole or not at all, that never clobber what is not a regular file.
/// Every command that writes a file (extract's RDF, parse's CoNLL-U, train-syntax's model)
/// goes through this one mechanism.
///
///   Result<std::unique_ptr<OutputFile>> out = OutputFile::open("out/parley.nq");
///   if (!out.ok()) return out.status();
///   std::fputs("...", out.value()->stream());
///   PARLEY_TRY(out.value()->commit());     // the target changes only here
///
/// - "-" is standard output.
/// - An existing device, FIFO or socket ("/dev/null", a named pipe), and any path under /dev/
///   or /proc/, or a symbolic link through one ("/dev/stdout" names whatever standard output
///   is, a regular file included), is opened and written as it is (appending): renaming a file
///   over it would replace it.
/// - Otherwise the bytes go to a temporary file ".parley-tmp-PID-SEQ-NAME" in the directory of
///   the file the path names (through symbolic links, so that a link stays a link), which
///   `commit` syncs and renames over that file. A target that existed keeps its permission
///   bits; a new one gets 0666 less the umask. Owner, ACLs and hard links are not kept.
/// - Not committed (an error, an exception): the destructor removes the temporary file. After
///   `install_signal_cleanup`, SIGINT, SIGTERM and SIGHUP remove every open temporary file
///   before the process dies as the signal says. A process killed outright (SIGKILL) leaves its
///   temporary file; the next `open` of any output in that directory removes the temporary
///   files whose process is gone.
///
/// Not thread-safe per object; the signal registry holds up to 64 open files at once.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "core/status.h"

namespace parley {

class OutputFile {
 public:
  /// Opens `path` for writing; creates missing parent directories for a new file.
  static Result<std::unique_ptr<OutputFile>> open(const std::string& path);

  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  FILE* stream() const { return file_; }
  const std::string& path() const { return path_; }
  /// The temporary file ("" when written in place or to standard output).
  const std::string& temporary() const { return temp_; }

  /// Flushes and, for a temporary file, syncs it and renames it over the target. Call once.
  Status commit();

 private:
  OutputFile() = default;
  void discard();

  std::string path_;    // as given
  std::string target_;  // the file a symbolic link names, or path_
  std::string temp_;
  FILE* file_ = nullptr;
  bool owned_ = false;  // file_ is ours to close (not stdout)
  int slot_ = -1;       // in the signal registry
  bool done_ = false;
};

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the open temporary files and
/// then let the signal end the process as it would have. A signal ignored when it is called
/// (`nohup`) stays ignored. Call once, early in main.
void install_signal_cleanup();

}  // namespace parley
