// libFuzzer target, structure-aware: fuzzer bytes choose a valid program (program_generator.h),
// which then goes through the whole pipeline. Programs that parse exercise the analysis deep.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "program_generator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nomos::fuzz::Choices choices(data, size);
  nomos::fuzz::runPipeline(nomos::fuzz::generateProgram(choices));
  return 0;
}
