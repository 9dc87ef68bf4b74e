#include "pipeline/ordered_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace parley::pipeline {
namespace {

// Jobs that finish out of order (later ones sooner) still come back in submission order, for
// every thread count, and each is run exactly once.
TEST(OrderedRunner, DeliversInSubmissionOrder) {
  for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
    std::vector<int> delivered;
    std::atomic<int> runs{0};
    {
      OrderedRunner<int, std::string> r(
          threads, 5,
          [&](int& n) {
            ++runs;
            std::this_thread::sleep_for(std::chrono::microseconds((n % 7) * 200));
            return std::to_string(n * n);
          },
          [&](int& n, std::string&& out) {
            EXPECT_EQ(out, std::to_string(n * n));
            delivered.push_back(n);
          });
      for (int n = 0; n < 200; ++n) r.submit(n);
      r.finish();
    }
    ASSERT_EQ(delivered.size(), 200u) << threads << " threads";
    for (int n = 0; n < 200; ++n) EXPECT_EQ(delivered[n], n) << threads << " threads";
    EXPECT_EQ(runs.load(), 200) << threads << " threads";
  }
}

// No more than `window` jobs are in flight: memory is bounded whatever the input's length.
TEST(OrderedRunner, HoldsAtMostTheWindow) {
  std::atomic<int> in_flight{0}, most{0};
  int delivered = 0;
  OrderedRunner<int, int> r(
      4, 3,
      [&](int& n) {
        const int now = ++in_flight;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {}
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        return n;
      },
      [&](int&, int&&) {
        --in_flight;
        ++delivered;
      });
  for (int n = 0; n < 100; ++n) r.submit(n);
  r.finish();
  EXPECT_EQ(delivered, 100);
  EXPECT_LE(most.load(), 3);
}

// Results are delivered on the submitting thread only (the writer is not thread-safe).
TEST(OrderedRunner, DeliversOnTheSubmittingThread) {
  const std::thread::id me = std::this_thread::get_id();
  std::set<std::thread::id> workers;
  std::mutex mu;
  OrderedRunner<int, int> r(
      2, 4,
      [&](int& n) {
        std::lock_guard<std::mutex> lock(mu);
        workers.insert(std::this_thread::get_id());
        return n;
      },
      [&](int&, int&&) { EXPECT_EQ(std::this_thread::get_id(), me); });
  for (int n = 0; n < 50; ++n) r.submit(n);
  r.finish();
  EXPECT_EQ(workers.count(me), 0u);
}

// A runner dropped without finish joins its threads (an early error return).
TEST(OrderedRunner, DestroyedWithoutFinish) {
  int delivered = 0;
  {
    OrderedRunner<int, int> r(2, 8, [](int& n) { return n; }, [&](int&, int&&) { ++delivered; });
    for (int n = 0; n < 5; ++n) r.submit(n);
  }
  EXPECT_LE(delivered, 5);
}

}  // namespace
}  // namespace parley::pipeline
