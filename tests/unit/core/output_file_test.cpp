// core::OutputFile: whole or nothing for files, written through for devices and pipes, links
// followed, modes kept, temporary files removed on errors, signals and after a kill.
#include "core/output_file.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

namespace parley {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-output-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string read(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  static void write(const std::string& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
  // Names in the directory other than `keep`.
  std::vector<std::string> others(const std::string& keep) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename() != keep) out.push_back(e.path().filename().string());
    return out;
  }

  fs::path dir_;
};

std::unique_ptr<OutputFile> must_open(const std::string& p) {
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(p);
  EXPECT_TRUE(out.ok()) << out.status().str();
  return out.ok() ? std::move(out.value()) : nullptr;
}

TEST_F(OutputFileTest, NothingChangesUntilCommit) {
  const std::string p = path("out.nq");
  write(p, "old\n");
  auto out = must_open(p);
  ASSERT_TRUE(out);
  std::fputs("new\n", out->stream());
  EXPECT_EQ(read(p), "old\n");
  EXPECT_FALSE(out->temporary().empty());
  EXPECT_TRUE(fs::exists(out->temporary()));
  ASSERT_TRUE(out->commit().ok());
  EXPECT_EQ(read(p), "new\n");
  EXPECT_TRUE(others("out.nq").empty());
  EXPECT_FALSE(out->commit().ok());  // once
}

TEST_F(OutputFileTest, NotCommittedLeavesTheOldFileAndNoTemporary) {
  const std::string p = path("out.nq");
  write(p, "old\n");
  {
    auto out = must_open(p);
    ASSERT_TRUE(out);
    std::fputs("half", out->stream());
  }
  EXPECT_EQ(read(p), "old\n");
  EXPECT_TRUE(others("out.nq").empty());
}

TEST_F(OutputFileTest, KeepsTheModeAndFollowsSymbolicLinks) {
  const std::string real = path("real.ttl"), link = path("link.ttl");
  write(real, "old");
  ::chmod(real.c_str(), 0600);
  fs::create_symlink(real, link);
  auto out = must_open(link);
  ASSERT_TRUE(out);
  std::fputs("new", out->stream());
  ASSERT_TRUE(out->commit().ok());
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_EQ(read(real), "new");
  struct stat st {};
  ASSERT_EQ(::stat(real.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

TEST_F(OutputFileTest, AFifoIsWrittenThroughNotReplaced) {
  const std::string p = path("pipe");
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = read(p); });
  auto out = must_open(p);  // blocks until the reader opens its end
  ASSERT_TRUE(out);
  EXPECT_TRUE(out->temporary().empty());
  std::fputs("through the pipe", out->stream());
  ASSERT_TRUE(out->commit().ok());
  out.reset();
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(p));
  EXPECT_TRUE(others("pipe").empty());
}

TEST_F(OutputFileTest, ACharacterDeviceIsWrittenThroughNotReplaced) {
  // A stand-in for /dev/null made in the test's own directory (needs root; skipped otherwise).
  const std::string p = path("null");
  if (::mknod(p.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) GTEST_SKIP() << "mknod needs root";
  auto out = must_open(p);
  ASSERT_TRUE(out);
  std::fputs("discarded", out->stream());
  ASSERT_TRUE(out->commit().ok());
  struct stat st {};
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_TRUE(others("null").empty());
}

TEST_F(OutputFileTest, DirectoriesAreErrorsAndMissingParentsAreMade) {
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(dir_.string());
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().str().find("is a directory"), std::string::npos);
  auto deep = must_open(path("a/b/out.nt"));
  ASSERT_TRUE(deep);
  ASSERT_TRUE(deep->commit().ok());
  EXPECT_TRUE(fs::is_regular_file(path("a/b/out.nt")));
}

// A pid no process has: a child that has exited and been reaped.
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

TEST_F(OutputFileTest, TemporariesOfDeadProcessesAreRemovedOnTheNextOpen) {
  const std::string dead = std::to_string(dead_pid());
  const std::string stale = path(".parley-tmp-" + dead + "-0-out.nq");
  const std::string other = path(".parley-tmp-" + dead + "-3-other.nq");  // another target, same dir
  const std::string alive = path(".parley-tmp-1-0-out.nq");  // pid 1 is alive: not touched
  const std::string not_ours = path(".parley-tmp-x-0-out.nq");  // no pid: not one of ours
  write(stale, "x");
  write(other, "x");
  write(alive, "x");
  write(not_ours, "x");
  auto out = must_open(path("out.nq"));
  ASSERT_TRUE(out);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_FALSE(fs::exists(other));
  EXPECT_TRUE(fs::exists(alive));
  EXPECT_TRUE(fs::exists(not_ours));
}

TEST_F(OutputFileTest, TemporaryNameIsRecognisableAndUniquePerOpen) {
  const std::string p = path("out.ttl");
  auto a = must_open(p);
  auto b = must_open(p);
  ASSERT_TRUE(a && b);
  const std::string mine = ".parley-tmp-" + std::to_string(::getpid()) + "-";
  for (const auto* o : {a.get(), b.get()}) {
    const std::string name = fs::path(o->temporary()).filename().string();
    EXPECT_EQ(name.rfind(mine, 0), 0u) << name;
    EXPECT_EQ(name.substr(name.size() - 7), "out.ttl") << name;
    EXPECT_EQ(fs::path(o->temporary()).parent_path(), dir_);
  }
  EXPECT_NE(a->temporary(), b->temporary());
}

TEST_F(OutputFileTest, ALongNameStillGetsATemporaryFile) {
  const std::string p = path(std::string(250, 'n') + ".nt");  // 253 bytes: NAME_MAX is 255
  auto out = must_open(p);
  ASSERT_TRUE(out);
  EXPECT_LE(fs::path(out->temporary()).filename().string().size(), 255u);
  std::fputs("long", out->stream());
  ASSERT_TRUE(out->commit().ok());
  EXPECT_EQ(read(p), "long");
  EXPECT_EQ(others(fs::path(p).filename().string()).size(), 0u);
}

TEST_F(OutputFileTest, KeepsTheModeOfAPlainFile) {
  const std::string p = path("secret.nq");
  write(p, "old");
  ASSERT_EQ(::chmod(p.c_str(), 0600), 0);
  auto out = must_open(p);
  ASSERT_TRUE(out);
  ASSERT_TRUE(out->commit().ok());
  struct stat st {};
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

TEST_F(OutputFileTest, ALinkIntoAnotherDirectoryIsRenamedThere) {
  // links/out.ttl -> ../data/sub/../real.ttl (relative, through a chain of two links)
  fs::create_directories(dir_ / "links");
  fs::create_directories(dir_ / "data" / "sub");
  const std::string real = path("data/real.ttl");
  write(real, "old");
  fs::create_symlink("../data/sub/../real.ttl", dir_ / "links" / "hop.ttl");
  fs::create_symlink("hop.ttl", dir_ / "links" / "out.ttl");
  auto out = must_open(path("links/out.ttl"));
  ASSERT_TRUE(out);
  EXPECT_EQ(fs::canonical(fs::path(out->temporary()).parent_path()), fs::canonical(dir_ / "data"));
  std::fputs("new", out->stream());
  ASSERT_TRUE(out->commit().ok());
  EXPECT_EQ(read(real), "new");
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(path("links/out.ttl"))));
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(path("links/hop.ttl"))));
  // no temporary file left anywhere: links/ holds the two links, data/ the file and sub/
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "links"), fs::directory_iterator()), 2);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "data"), fs::directory_iterator()), 2);
}

TEST_F(OutputFileTest, ADanglingLinkGetsItsFileCreated) {
  fs::create_symlink("made.ttl", dir_ / "out.ttl");
  auto out = must_open(path("out.ttl"));
  ASSERT_TRUE(out);
  std::fputs("new", out->stream());
  ASSERT_TRUE(out->commit().ok());
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(path("out.ttl"))));
  EXPECT_EQ(read(path("made.ttl")), "new");
}

TEST_F(OutputFileTest, ALinkLoopIsAnErrorAndStaysALink) {
  fs::create_symlink("b.ttl", dir_ / "a.ttl");
  fs::create_symlink("a.ttl", dir_ / "b.ttl");
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(path("a.ttl"));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().str().find("symbolic links"), std::string::npos) << out.status().str();
  EXPECT_NE(out.status().str().find("a.ttl"), std::string::npos) << out.status().str();
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(path("a.ttl"))));
  EXPECT_EQ(others("a.ttl"), std::vector<std::string>{"b.ttl"});
}

// In a child whose standard output is the regular file `stdout_file`, writes `text` to `target`
// and commits: the child's exit status (0: written in place, with no temporary file; 3: could not
// set up standard output; 4: not opened, or opened through a temporary; 5: commit failed), or -1
// when it did not exit.
int write_with_stdout_on(const std::string& stdout_file, const std::string& target, const char* text) {
  const pid_t child = ::fork();
  if (child == 0) {
    const int fd = ::open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ::dup2(fd, 1) < 0) ::_exit(3);
    Result<std::unique_ptr<OutputFile>> out = OutputFile::open(target);
    if (!out.ok() || !out.value()->temporary().empty()) ::_exit(4);
    std::fputs(text, out.value()->stream());
    ::_exit(out.value()->commit().ok() ? 0 : 5);
  }
  int status = 0;
  if (::waitpid(child, &status, 0) != child || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

TEST_F(OutputFileTest, ALinkToDevStdoutIsWrittenInPlace) {
  // out -> /dev/stdout, with standard output on a regular file: the bytes go into that file
  // and neither the link nor the file is replaced.
  const std::string captured = path("captured"), link = path("out.nt");
  fs::create_symlink("/dev/stdout", link);
  EXPECT_EQ(write_with_stdout_on(captured, link, "through the link"), 0);
  EXPECT_EQ(read(captured), "through the link");
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_EQ(others("captured"), std::vector<std::string>{"out.nt"});
}

TEST_F(OutputFileTest, ASignalRemovesTheTemporaryFile) {
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    SCOPED_TRACE(sig);
    const std::string p = path("out.trig");
    write(p, "old");
    const pid_t child = ::fork();
    if (child == 0) {
      install_signal_cleanup();
      Result<std::unique_ptr<OutputFile>> out = OutputFile::open(p);
      if (!out.ok()) ::_exit(3);
      std::fputs("half-written", out.value()->stream());
      std::fflush(out.value()->stream());
      std::raise(sig);
      ::_exit(4);  // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << status;
    EXPECT_EQ(WTERMSIG(status), sig);  // the process still dies of the signal
    EXPECT_EQ(read(p), "old");
    EXPECT_TRUE(others("out.trig").empty());
  }
}

TEST_F(OutputFileTest, AnIgnoredSignalStaysIgnored) {
  // "nohup parley ...": SIGHUP was ignored before main; the cleanup must not make it fatal.
  const std::string p = path("out.nq");
  const pid_t child = ::fork();
  if (child == 0) {
    std::signal(SIGHUP, SIG_IGN);
    install_signal_cleanup();
    Result<std::unique_ptr<OutputFile>> out = OutputFile::open(p);
    if (!out.ok()) ::_exit(3);
    std::fputs("whole", out.value()->stream());
    std::raise(SIGHUP);
    ::_exit(out.value()->commit().ok() ? 0 : 5);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(read(p), "whole");
  EXPECT_TRUE(others("out.nq").empty());
}

TEST_F(OutputFileTest, DevStdoutIsWrittenInPlaceEvenWhenItIsARegularFile) {
  // A child whose standard output is a regular file writes "-o /dev/stdout" into it: the file
  // the shell opened gets the bytes, nothing is renamed over it.
  const std::string p = path("captured");
  EXPECT_EQ(write_with_stdout_on(p, "/dev/stdout", "through /dev/stdout"), 0);
  EXPECT_EQ(read(p), "through /dev/stdout");
  EXPECT_TRUE(others("captured").empty());
}

TEST_F(OutputFileTest, StandardOutput) {
  auto out = must_open("-");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->stream(), stdout);
  EXPECT_TRUE(out->temporary().empty());
  EXPECT_TRUE(out->commit().ok());
}

}  // namespace
}  // namespace parley
