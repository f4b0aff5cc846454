#include "source/source_manager.h"

#include <algorithm>

namespace nomos::source {

FileId SourceManager::add(std::string path, std::string contents) {
  files_.push_back(File{std::move(path), std::move(contents), {}});
  return static_cast<FileId>(files_.size() - 1);
}

const std::vector<std::uint32_t>& SourceManager::lineStarts(const File& f) const {
  if (f.lineStarts.empty()) {
    f.lineStarts.push_back(0);
    for (std::uint32_t i = 0; i < f.text.size(); ++i) {
      if (f.text[i] == '\n') f.lineStarts.push_back(i + 1);
    }
  }
  return f.lineStarts;
}

LineCol SourceManager::lineCol(FileId id, std::uint32_t offset) const {
  const File& f = files_.at(id);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
  const auto& starts = lineStarts(f);
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts.begin());  // 1-based
  std::uint32_t start = starts[line - 1];
  std::uint32_t column = 1;
  for (std::uint32_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

void SourceManager::indexLines() const {
  for (const auto& f : files_) lineStarts(f);
}

std::uint32_t SourceManager::lineCount(FileId id) const {
  return static_cast<std::uint32_t>(lineStarts(files_.at(id)).size());
}

std::string_view SourceManager::lineText(FileId id, std::uint32_t line) const {
  const File& f = files_.at(id);
  const auto& starts = lineStarts(f);
  if (line == 0 || line > starts.size()) return {};
  std::uint32_t begin = starts[line - 1];
  std::uint32_t end =
      line < starts.size() ? starts[line] : static_cast<std::uint32_t>(f.text.size());
  std::string_view text(f.text);
  std::string_view s = text.substr(begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace nomos::source
