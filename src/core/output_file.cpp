#include "core/output_file.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace parley {

namespace fs = std::filesystem;

namespace {

// The registry the signal handler reads: fixed storage, no allocation, atomic flags.
constexpr int kSlots = 64;
constexpr size_t kPathMax = 4096;
char g_paths[kSlots][kPathMax];
std::atomic<bool> g_claimed[kSlots];  // the slot belongs to an open file
std::atomic<bool> g_ready[kSlots];    // its path is complete: the handler may read it

int register_temp(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_claimed[i].compare_exchange_strong(expected, true)) continue;
    std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
    g_ready[i].store(true);
    return i;
  }
  return -1;
}

void unregister_temp(int slot) {
  if (slot < 0) return;
  g_ready[slot].store(false);
  g_claimed[slot].store(false);
}

extern "C" void cleanup_and_reraise(int sig) {
  for (int i = 0; i < kSlots; ++i)
    if (g_ready[i].load()) ::unlink(g_paths[i]);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

constexpr const char* kTempMark = ".parley-tmp.";

// ".NAME.parley-tmp.PID" beside `target`.
std::string temp_name(const fs::path& target, long pid) {
  return (target.parent_path() / ("." + target.filename().string() + kTempMark + std::to_string(pid))).string();
}

// Removes temporary files of `target` left by processes that no longer exist.
void remove_stale(const fs::path& target) {
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = "." + target.filename().string() + kTempMark;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    const long pid = std::strtol(digits.c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
    std::error_code rm;
    fs::remove(it->path(), rm);
  }
}

Status os_error(const std::string& what, const std::string& path) {
  return Status::error(what + ": " + std::strerror(errno), Location{path});
}

}  // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::open(const std::string& path) {
  std::unique_ptr<OutputFile> out(new OutputFile());
  out->path_ = path;
  if (path == "-") {
    out->file_ = stdout;
    return out;
  }
  struct stat st {};
  // Under /dev and /proc ("/dev/stdout" is a link to whatever standard output is, possibly a
  // regular file) nothing is ever renamed: the path is opened and written as it is.
  const bool special = path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return Status::error("is a directory", Location{path});
  if ((exists && !S_ISREG(st.st_mode)) || special) {
    // A device, FIFO or socket: written as it is.
    // Appending: "-o /dev/stdout >>log" must not cut what the shell appends to.
    out->file_ = std::fopen(path.c_str(), "ab");
    if (!out->file_) return os_error("cannot open", path);
    out->owned_ = true;
    return out;
  }
  std::error_code ec;
  fs::path target = path;
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    const fs::path resolved = fs::weakly_canonical(target, ec);
    if (!ec) target = resolved;
  }
  out->target_ = target.string();
  const fs::path dir = target.parent_path();
  if (!dir.empty() && !fs::is_directory(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return Status::error("cannot create directory " + dir.string() + ": " + ec.message(), Location{path});
  }
  remove_stale(target);
  mode_t mode = 0;
  if (::stat(out->target_.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  out->temp_ = temp_name(target, static_cast<long>(::getpid()));
  // Registered before it exists, so that a signal between creating and registering cannot
  // leave it behind.
  out->slot_ = register_temp(out->temp_);
  const int fd = ::open(out->temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    const Status s = os_error("cannot create the output's temporary file " + out->temp_, path);
    unregister_temp(out->slot_);
    out->slot_ = -1;
    out->temp_.clear();
    return s;
  }
  ::fchmod(fd, mode);
  out->file_ = ::fdopen(fd, "wb");
  if (!out->file_) {
    ::close(fd);
    return os_error("cannot open the output's temporary file", path);  // the destructor removes it
  }
  out->owned_ = true;
  return out;
}

Status OutputFile::commit() {
  if (done_) return Status::error("committed twice", Location{path_});
  done_ = true;
  const std::string where = path_ == "-" ? "standard output" : path_;
  if (std::fflush(file_) != 0 || std::ferror(file_)) {
    const Status s = os_error("cannot write", where);
    discard();
    return s;
  }
  if (!owned_) return {};
  if (!temp_.empty() && ::fsync(::fileno(file_)) != 0 && errno != EINVAL) {
    const Status s = os_error("cannot write", where);
    discard();
    return s;
  }
  FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) {
    const Status s = os_error("cannot write", where);
    discard();
    return s;
  }
  if (temp_.empty()) return {};
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    const Status s = os_error("cannot move the temporary file " + temp_ + " into place", where);
    discard();
    return s;
  }
  unregister_temp(slot_);
  slot_ = -1;
  temp_.clear();
  return {};
}

void OutputFile::discard() {
  if (file_ && owned_) std::fclose(file_);
  file_ = nullptr;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  unregister_temp(slot_);
  slot_ = -1;
}

OutputFile::~OutputFile() {
  if (!done_) discard();
  else if (file_ && owned_) std::fclose(file_);
}

void install_signal_cleanup() {
  struct sigaction sa {};
  sa.sa_handler = cleanup_and_reraise;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
}

}  // namespace parley
