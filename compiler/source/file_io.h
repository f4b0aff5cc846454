// Reading inputs and writing outputs. Outputs are written atomically: to a temporary file in
// the same directory, then renamed over the target.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace nomos::source {

struct ReadResult {
  std::optional<std::string> contents;
  std::string error;  // why it could not be read, in plain words
};

inline constexpr std::uintmax_t kMaxFileBytes = 64u * 1024u * 1024u;

/// Reads a whole regular file. Directories, unreadable files and files over `maxBytes`
/// give an error string instead of contents.
ReadResult readFile(const std::filesystem::path& path, std::uintmax_t maxBytes = kMaxFileBytes);

/// Writes `contents` to `path` atomically. Returns an error string on failure, "" on success.
std::string writeFileAtomic(const std::filesystem::path& path, const std::string& contents);

}  // namespace nomos::source
