#include "diag/diagnostic.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace nomos::diag {

namespace {
constexpr DiagInfo kInfos[] = {
#define NOMOS_DIAG(Name, Code, Sev, Format) {DiagId::Name, Code, Severity::Sev, #Name, Format},
#include "diag/diagnostics.def"
#undef NOMOS_DIAG
};
}  // namespace

std::string_view severityName(Severity s) {
  switch (s) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

const DiagInfo& info(DiagId id) { return kInfos[static_cast<std::size_t>(id)]; }

std::span<const DiagInfo> allDiagnostics() { return kInfos; }

std::optional<DiagId> findByCode(std::string_view code) {
  for (const auto& i : kInfos) {
    if (i.code == code) return i.id;
  }
  return std::nullopt;
}

Diagnostic& DiagnosticEngine::add(DiagId id, Span span, std::string message) {
  diags_.push_back(Diagnostic{id, info(id).severity, span, std::move(message), {}, {}, {}});
  return diags_.back();
}

void DiagnosticEngine::append(DiagnosticEngine&& other) {
  for (auto& d : other.diags_) diags_.push_back(std::move(d));
  other.diags_.clear();
}

std::size_t DiagnosticEngine::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(
      diags_.begin(), diags_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

std::size_t DiagnosticEngine::errorCountSince(std::size_t mark) const {
  std::size_t n = 0;
  for (std::size_t i = mark; i < diags_.size(); ++i) n += diags_[i].severity == Severity::Error;
  return n;
}

std::vector<const Diagnostic*> DiagnosticEngine::sorted(const source::SourceManager& sm) const {
  std::vector<const Diagnostic*> out;
  out.reserve(diags_.size());
  for (const auto& d : diags_) out.push_back(&d);
  auto key = [&sm](const Diagnostic* d) {
    std::string_view path =
        d->span.valid() ? std::string_view(sm.path(d->span.file)) : std::string_view();
    return std::make_tuple(path, d->span.begin, d->code(), std::string_view(d->message));
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Diagnostic* a, const Diagnostic* b) { return key(a) < key(b); });
  return out;
}

}  // namespace nomos::diag
