// `nomos doc`: policy documents for reviewers. One page per instrument (its provisions in
// plain language, their verbatim text and citation, the issuer's sovereignty clauses and
// agreements, every finding that involves them, a glossary) and an index page. All pages are
// produced in memory; the driver writes them.
#pragma once

#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "model/program.h"

namespace nomos::backends {

enum class DocFormat : std::uint8_t { Html, Markdown };

struct DocumentOptions {
  DocFormat format = DocFormat::Html;
  /// One document holding every page (for `-o -`), instead of a set of linked pages.
  bool single = false;
  /// Named in each page's footer and HTML generator tag.
  std::string generator = "nomos";
};

struct OutputFile {
  std::string name;  // a file name without directories: "index.html", "pipl.html"
  std::string contents;
};

/// The pages, index first. With `single`, exactly one file named "index.md"/"index.html".
std::vector<OutputFile> renderDocuments(const model::Program& program,
                                        const analysis::Result& analysis,
                                        const DocumentOptions& options);

/// The file extension for a format: "html" or "md".
std::string_view docExtension(DocFormat format);

}  // namespace nomos::backends
