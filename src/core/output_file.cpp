#include "core/output_file.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

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

// Temporary files are ".parley-tmp-PID-SEQ-NAME" in the target's directory: the prefix and
// the pid let any later run find those of processes that are gone, whatever their target.
constexpr std::string_view kTempPrefix = ".parley-tmp-";
constexpr size_t kNameMax = 255;  // NAME_MAX on Linux file systems
std::atomic<unsigned> g_sequence{0};

std::string temp_name(const fs::path& target, long pid) {
  std::string name(kTempPrefix);
  name += std::to_string(pid);
  name += '-';
  name += std::to_string(g_sequence.fetch_add(1));
  name += '-';
  // The target's name, cut so that the whole stays a valid file name.
  const std::string base = target.filename().string();
  name.append(base, 0, name.size() < kNameMax ? kNameMax - name.size() : 0);
  return (target.parent_path() / name).string();
}

// The pid in a temporary file's name, or 0 when `name` is not one of parley's.
long temp_pid(std::string_view name) {
  if (name.substr(0, kTempPrefix.size()) != kTempPrefix) return 0;
  name.remove_prefix(kTempPrefix.size());
  const size_t dash = name.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 9) return 0;
  long pid = 0;
  for (char c : name.substr(0, dash)) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

// Removes the temporary files in `dir` left by processes that no longer exist (a run killed
// with SIGKILL cannot remove its own).
void remove_stale(const fs::path& dir_or_empty) {
  const fs::path dir = dir_or_empty.empty() ? fs::path(".") : dir_or_empty;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const long pid = temp_pid(it->path().filename().string());
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
    std::error_code rm;
    if (it->is_regular_file(rm)) fs::remove(it->path(), rm);
  }
}

bool under_dev_or_proc(const fs::path& p) {
  const std::string& s = p.native();
  return s.rfind("/dev/", 0) == 0 || s.rfind("/proc/", 0) == 0;
}

// Follows the symbolic links from `path` (at most 40, as Linux does) to the path of the file
// they name, which need not exist. `special` is set when any name on the way is under /dev or
// /proc: those are written in place ("out -> /dev/stdout").
Result<fs::path> follow_links(const fs::path& path, bool& special) {
  fs::path p = path;
  special = under_dev_or_proc(p);
  for (int hops = 0;; ++hops) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(p, ec);
    if (ec || !fs::is_symlink(st)) return p;
    if (hops == 40) return Status::error("too many levels of symbolic links");
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) return Status::error("cannot read the symbolic link " + p.string() + ": " + ec.message());
    p = to.is_absolute() ? to : p.parent_path() / to;
    special = special || under_dev_or_proc(p);
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
  if (path.empty()) return Status::error("empty output path");
  // The file the path names, through any symbolic links: the temporary file goes beside it,
  // so that the link stays a link and the rename stays within one file system.
  bool special = false;
  Result<fs::path> followed = follow_links(path, special);
  if (!followed.ok()) return Status::error(followed.status().message(), Location{path});
  const fs::path target = followed.value();
  struct stat st {};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) return os_error("cannot open", path);
  if (exists && S_ISDIR(st.st_mode)) return Status::error("is a directory", Location{path});
  if ((exists && !S_ISREG(st.st_mode)) || special) {
    // A device, FIFO or socket, or a name under /dev or /proc ("/dev/stdout" names whatever
    // standard output is, a regular file included): written as it is, never renamed over.
    // Appending: "-o /dev/stdout >>log" must not cut what the shell appends to.
    out->file_ = std::fopen(path.c_str(), "ab");
    if (!out->file_) return os_error("cannot open", path);
    out->owned_ = true;
    return out;
  }
  std::error_code ec;
  out->target_ = target.string();
  const fs::path dir = target.parent_path();
  if (!dir.empty() && !fs::is_directory(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return Status::error("cannot create directory " + dir.string() + ": " + ec.message(), Location{path});
  }
  remove_stale(dir);
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
  if (out->slot_ < 0) {
    out->temp_.clear();
    return Status::error("too many outputs open at once, or a path too long, to remove on a signal",
                         Location{path});
  }
  // O_NOFOLLOW: a link planted under the temporary name cannot redirect the output.
  const int fd = ::open(out->temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
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
  // The rename itself is on disk only once the directory is: best effort, a file system may
  // not support syncing a directory.
  const std::string dir = fs::path(target_).parent_path().string();
  const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
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
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    // A signal ignored when parley started stays ignored ("nohup parley ...", or SIGINT in a
    // background job of a script): it ends nothing, so there is nothing to clean up.
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &sa, nullptr);
  }
}

}  // namespace parley
