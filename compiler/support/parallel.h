// Runs one piece of work on several threads at once, for the phases whose items are
// independent of each other (parsing input files, rendering blocks of findings).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace nomos::support {

/// Calls `item(i)` for every i in [0, count) on up to `threads` threads, the calling thread
/// being one of them, each thread taking the next index from a shared counter; waits for all.
/// When a call throws, the others stop after their current item and the first exception is
/// rethrown here, as the single-threaded loop would have thrown it. If the system refuses to
/// start a thread, the threads already running do the work.
template <class Item>
void forEachIndex(std::size_t threads, std::size_t count, Item&& item) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failureMutex;
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < count; i = next++) item(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failureMutex);
      if (!failure) failure = std::current_exception();
      next = count;
    }
  };
  std::vector<std::thread> pool;
  threads = std::min(threads, count);
  pool.reserve(threads);
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // e.g. a limit on processes: go on with fewer threads
    }
  }
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace nomos::support
