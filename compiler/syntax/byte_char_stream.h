// The lexer's input: the file's bytes, one symbol per byte. ANTLR's own input stream decodes
// UTF-8 into code points, which would make token offsets code-point indices and throw on
// invalid bytes; reading bytes keeps every token offset a byte offset into the SourceManager
// buffer (what Span needs) and lets the lexer run over any input. Nomos needs non-ASCII only
// inside strings and comments, where any byte is accepted.
#pragma once

#include <string>
#include <string_view>

#include <antlr4-runtime.h>

namespace nomos::syntax {

class ByteCharStream : public antlr4::CharStream {
 public:
  /// Reading starts at `start` (past a byte order mark, say); offsets stay buffer offsets.
  ByteCharStream(std::string_view bytes, std::size_t start, std::string sourceName);

  void consume() override;
  std::size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  std::size_t index() override { return pos_; }
  void seek(std::size_t index) override;
  std::size_t size() override { return bytes_.size(); }
  std::string getSourceName() const override { return sourceName_; }
  std::string getText(const antlr4::misc::Interval& interval) override;
  std::string toString() const override { return std::string(bytes_); }

 private:
  std::string_view bytes_;
  std::size_t pos_;
  std::string sourceName_;
};

}  // namespace nomos::syntax
