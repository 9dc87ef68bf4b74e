/// Runs a function over a stream of jobs on worker threads and hands the results back in the
/// order the jobs were submitted, on the submitting thread: the writer, the merger and the
/// diagnostics stay single-threaded, and the output is the same whatever the thread count.
///
///   OrderedRunner<Document, ArticleGraph> runner(
///       threads, /*window=*/2 * threads,
///       [&](Document& d) { return pipe.run(d); },                  // on a worker thread
///       [&](Document& d, ArticleGraph&& g) { writer.write(g); });  // on this thread, in order
///   for (...) runner.submit(std::move(doc));   // blocks while `window` jobs are in flight
///   runner.finish();                           // delivers the rest
///
/// With `threads` 0 or 1 there is no thread: `submit` runs the job and delivers it at once.
/// Memory is bounded by `window` jobs and their results. `work` must be safe to call from
/// several threads at once; `deliver` is only ever called by the thread calling `submit` and
/// `finish`. `work` must not throw (catch inside it and return the error as part of the
/// result). One runner per stream; not itself shareable between submitting threads.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace parley::pipeline {

template <typename Job, typename Output>
class OrderedRunner {
 public:
  using Work = std::function<Output(Job&)>;
  using Deliver = std::function<void(Job&, Output&&)>;

  OrderedRunner(unsigned threads, size_t window, Work work, Deliver deliver)
      : window_(std::max<size_t>(window, 1)), work_(std::move(work)), deliver_(std::move(deliver)) {
    if (threads <= 1) return;
    workers_.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work_loop(); });
  }

  OrderedRunner(const OrderedRunner&) = delete;
  OrderedRunner& operator=(const OrderedRunner&) = delete;

  /// Joins the workers; results not yet delivered by `finish` are dropped.
  ~OrderedRunner() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& w : workers_) w.join();
  }

  /// Queues `job`; first delivers every result already done at the front, then waits (and
  /// delivers) while `window` jobs are in flight.
  void submit(Job job) {
    if (workers_.empty()) {
      Output out = work_(job);
      deliver_(job, std::move(out));
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      slots_.push_back(Slot{std::move(job), std::nullopt});
    }
    ready_.notify_one();
    deliver_done(/*wait_below=*/window_);
  }

  /// Waits for every job submitted and delivers the results in order.
  void finish() {
    if (!workers_.empty()) deliver_done(/*wait_below=*/1);
  }

 private:
  struct Slot {
    Job job;
    std::optional<Output> out;  // set by the worker that ran it
  };

  // Delivers the finished results at the front; waits for the front one while `wait_below` or
  // more slots are in the queue (in flight or waiting for a worker).
  void deliver_done(size_t wait_below) {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu_);
      if (slots_.empty()) return;
      if (!slots_.front().out) {
        if (slots_.size() < wait_below) return;
        done_.wait(lock, [this] { return slots_.front().out.has_value(); });
      }
      // std::deque keeps references to the other slots valid when the front one is popped.
      Slot front = std::move(slots_.front());
      slots_.pop_front();
      ++first_;
      lock.unlock();
      deliver_(front.job, std::move(*front.out));
    }
  }

  void work_loop() {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [this] { return stopping_ || next_ < first_ + slots_.size(); });
        if (stopping_) return;
        slot = &slots_[next_ - first_];
        ++next_;
      }
      // The slot is not popped before its result is set: its job is this thread's alone.
      Output out = work_(slot->job);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slot->out.emplace(std::move(out));
      }
      done_.notify_all();
    }
  }

  const size_t window_;
  Work work_;
  Deliver deliver_;
  std::mutex mu_;
  std::condition_variable ready_;  // a job is waiting for a worker, or stopping
  std::condition_variable done_;   // a result is set
  std::deque<Slot> slots_;         // jobs first_, first_ + 1, ... not yet delivered
  size_t first_ = 0;               // sequence number of slots_.front()
  size_t next_ = 0;                // sequence number of the next job a worker takes
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace parley::pipeline
