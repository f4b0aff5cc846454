// UTF-8 checks done on the raw bytes of a file before it is lexed. The lexer reads bytes,
// so invalid sequences cannot derail it; they are reported here instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nomos::syntax {

/// A half-open byte range [begin, end).
struct ByteRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// The maximal runs of bytes that are not part of a well-formed UTF-8 sequence (overlong
/// forms, surrogates and code points above U+10FFFF are ill-formed), in order.
std::vector<ByteRange> findInvalidUtf8(std::string_view text);

/// One decoded code point and its length in bytes.
struct CodePoint {
  char32_t value = 0;
  std::uint32_t length = 1;
};

/// Decodes the well-formed sequence starting at `offset`; nullopt if there is none.
std::optional<CodePoint> decodeUtf8(std::string_view text, std::size_t offset);

}  // namespace nomos::syntax
