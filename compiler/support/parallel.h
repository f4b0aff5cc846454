// Runs one piece of work on several threads at once, for the phases whose items are
// independent of each other (parsing input files, rendering blocks of findings).
#pragma once

#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace nomos::support {

/// Calls `work` on `threads` threads, the calling thread being one of them, and waits for
/// all. `work` takes its items from a counter it shares with the others until none is left.
/// When one call throws, `stop` is called (so the others end after their current item) and
/// the first exception is rethrown here, as the single-threaded loop would have thrown it.
/// If the system refuses to start a thread, the threads already running do the work.
template <class Work, class Stop>
void runOnThreads(std::size_t threads, Work&& work, Stop&& stop) {
  std::exception_ptr failure;
  std::mutex failureMutex;
  auto guarded = [&] {
    try {
      work();
    } catch (...) {
      std::lock_guard<std::mutex> lock(failureMutex);
      if (!failure) failure = std::current_exception();
      stop();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(guarded);
    } catch (const std::system_error&) {
      break;  // e.g. a limit on processes: go on with fewer threads
    }
  }
  guarded();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace nomos::support
