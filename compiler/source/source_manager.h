// Owns the text of every file the compiler reads. Spans are byte offsets into these
// buffers; line and column are computed only when a diagnostic is rendered.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace nomos::source {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

/// A half-open byte range [begin, end) in one file.
struct Span {
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  /// The smallest span covering both (same file assumed).
  Span to(Span other) const { return {file, begin, other.end > end ? other.end : end}; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// 1-based line and column; the column counts Unicode code points, not bytes.
struct LineCol {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

class SourceManager {
 public:
  /// Takes ownership of `contents`. `path` is how the file is named in messages.
  FileId add(std::string path, std::string contents);

  std::size_t size() const { return files_.size(); }
  const std::string& path(FileId id) const { return files_.at(id).path; }
  std::string_view text(FileId id) const { return files_.at(id).text; }

  LineCol lineCol(FileId id, std::uint32_t offset) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view lineText(FileId id, std::uint32_t line) const;
  std::uint32_t lineCount(FileId id) const;
  /// Finds the line starts of every file now. lineCol and lineText fill them on first use;
  /// after this call they write nothing, so several threads may call them at once.
  void indexLines() const;

 private:
  struct File {
    std::string path;
    std::string text;
    mutable std::vector<std::uint32_t> lineStarts;  // filled on first use
  };
  const std::vector<std::uint32_t>& lineStarts(const File& f) const;
  std::deque<File> files_;
};

}  // namespace nomos::source
