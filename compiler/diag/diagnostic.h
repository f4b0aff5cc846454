// Structured diagnostics. Messages come from the registry in diagnostics.def; renderers
// (render.h) turn them into text, JSON or SARIF.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "source/source_manager.h"

namespace nomos::diag {

using source::Span;

enum class Severity : std::uint8_t { Note, Warning, Error };
std::string_view severityName(Severity s);

enum class DiagId : std::uint16_t {
#define NOMOS_DIAG(Name, Code, Sev, Format) Name,
#include "diag/diagnostics.def"
#undef NOMOS_DIAG
};

struct DiagInfo {
  DiagId id;
  std::string_view code;  // "N1001"
  Severity severity;
  std::string_view name;  // "SyntaxError"
  std::string_view format;
};

const DiagInfo& info(DiagId id);
std::span<const DiagInfo> allDiagnostics();
std::optional<DiagId> findByCode(std::string_view code);

/// A secondary location: "note: the other norm is here".
struct Related {
  Span span;
  std::string message;
};

/// One concrete situation in which two norms collide, in plain words and as structured data.
/// The structured form is built only when an output asks for it (JSON, SARIF, documents,
/// export): text output of a repository with 100k findings never needs it, and building a
/// JSON tree per finding cost more than finding the conflict.
struct Witness {
  /// Builds the structured form on demand; the analysis supplies one that refers to the
  /// program, which outlives the diagnostics' readers.
  class Source {
   public:
    virtual ~Source() = default;
    virtual nlohmann::json situation() const = 0;
  };

  Witness() = default;
  Witness(const nlohmann::json& situation, std::string text)
      : text(std::move(text)),
        compact_(situation.is_null()
                     ? std::string()
                     : situation.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) {}
  Witness(std::shared_ptr<const Source> source, std::string text)
      : text(std::move(text)), source_(std::move(source)) {}

  /// {"actor": [...], "action": "...", "dimensions": {...}, "facts": {...}, "date": "..."}
  nlohmann::json json() const {
    if (source_) return source_->situation();
    return compact_.empty() ? nlohmann::json() : nlohmann::json::parse(compact_);
  }
  bool hasJson() const { return source_ != nullptr || !compact_.empty(); }

  std::string text;  // "a ServiceProvider discloses personal data; location CN, ..."

 private:
  std::string compact_;
  std::shared_ptr<const Source> source_;
};

struct Diagnostic {
  DiagId id;
  Severity severity;
  Span span;
  std::string message;
  std::vector<Related> related;
  std::vector<std::string> help;
  std::optional<Witness> witness;

  std::string_view code() const { return info(id).code; }
};

class DiagnosticEngine {
 public:
  /// Formats the registry message with `args`. The returned reference stays valid; fill in
  /// related spans, help and witness through it.
  template <class... Args>
  Diagnostic& report(DiagId id, Span span, const Args&... args) {
    return add(id, span, fmt::vformat(info(id).format, fmt::make_format_args(args...)));
  }
  Diagnostic& add(DiagId id, Span span, std::string message);
  /// Moves every diagnostic of `other` to the end of this one, in order.
  void append(DiagnosticEngine&& other);

  /// Diagnostics in their deterministic order: file path, offset, code, message.
  std::vector<const Diagnostic*> sorted(const source::SourceManager& sm) const;
  const std::deque<Diagnostic>& all() const { return diags_; }

  std::size_t count(Severity s) const;
  bool hasErrors() const { return count(Severity::Error) > 0; }
  std::size_t errorCountSince(std::size_t mark) const;
  std::size_t size() const { return diags_.size(); }

 private:
  std::deque<Diagnostic> diags_;
};

}  // namespace nomos::diag
