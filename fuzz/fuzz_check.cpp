// libFuzzer target: raw bytes through the whole `check` pipeline (parse, sema, analysis, all
// renderers).
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nomos::fuzz::runPipeline(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
