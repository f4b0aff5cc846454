#include "syntax/utf8.h"

namespace nomos::syntax {

std::optional<CodePoint> decodeUtf8(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return std::nullopt;
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(offset);
  if (lead < 0x80) return CodePoint{lead, 1};
  std::uint32_t length = 0;
  char32_t value = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, min = 0x10000;
  } else {
    return std::nullopt;  // a continuation byte or 0xF8..0xFF cannot start a sequence
  }
  if (offset + length > text.size()) return std::nullopt;
  for (std::uint32_t i = 1; i < length; ++i) {
    unsigned char c = byte(offset + i);
    if ((c & 0xC0) != 0x80) return std::nullopt;
    value = (value << 6) | (c & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return CodePoint{value, length};
}

std::vector<ByteRange> findInvalidUtf8(std::string_view text) {
  std::vector<ByteRange> runs;
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (auto cp = decodeUtf8(text, i)) {
      i += cp->length;
      continue;
    }
    auto at = static_cast<std::uint32_t>(i);
    if (!runs.empty() && runs.back().end == at) {
      runs.back().end = at + 1;
    } else {
      runs.push_back({at, at + 1});
    }
    ++i;
  }
  return runs;
}

}  // namespace nomos::syntax
