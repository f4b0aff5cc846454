#include "syntax/byte_char_stream.h"

#include <algorithm>

namespace nomos::syntax {

ByteCharStream::ByteCharStream(std::string_view bytes, std::size_t start, std::string sourceName)
    : bytes_(bytes), pos_(std::min(start, bytes.size())), sourceName_(std::move(sourceName)) {}

void ByteCharStream::consume() {
  if (pos_ >= bytes_.size()) throw antlr4::IllegalStateException("cannot consume EOF");
  ++pos_;
}

std::size_t ByteCharStream::LA(ssize_t i) {
  if (i == 0) return 0;  // undefined by the IntStream contract
  ssize_t at = static_cast<ssize_t>(pos_) + (i > 0 ? i - 1 : i);
  if (at < 0 || at >= static_cast<ssize_t>(bytes_.size())) return antlr4::IntStream::EOF;
  return static_cast<unsigned char>(bytes_[static_cast<std::size_t>(at)]);
}

void ByteCharStream::seek(std::size_t index) { pos_ = std::min(index, bytes_.size()); }

std::string ByteCharStream::getText(const antlr4::misc::Interval& interval) {
  ssize_t size = static_cast<ssize_t>(bytes_.size());
  ssize_t a = std::max<ssize_t>(interval.a, 0);
  ssize_t b = std::min<ssize_t>(interval.b, size - 1);
  if (b < a) return {};
  return std::string(
      bytes_.substr(static_cast<std::size_t>(a), static_cast<std::size_t>(b - a + 1)));
}

}  // namespace nomos::syntax
