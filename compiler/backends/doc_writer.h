// The shape of a policy document, independent of its format: the document builder
// (documents.cpp) decides what a page says and calls a DocWriter; the HTML and Markdown
// writers decide only how it looks. A writer collects the headings and puts a table of
// contents after the page header when it finishes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backends/phrase.h"
#include "model/program.h"

namespace nomos::backends {

/// A link to a finding from the provision it concerns.
struct FindingLink {
  std::string label;  // "conflict with cloud_2713"
  std::string href;
  std::string severity;  // "error", "warning", "note"
};

/// One norm as a numbered provision.
struct ProvisionView {
  std::string id;  // anchor: the norm's name
  int level = 3;   // heading level
  int number = 0;
  std::string name;
  std::string title;
  model::Modality modality = model::Modality::Must;
  Phrase sentence;            // the plain-language rule
  std::string verbatim;       // the `///` text, line breaks kept
  std::string citation;       // "PIPL, article 41"
  std::vector<Phrase> notes;  // prevails over …, in force …
  std::vector<FindingLink> findings;
};

struct FindingView {
  std::string id;
  std::string severity;  // "error", "warning", "note"
  std::string kind;      // "Conflict", "Contradiction", …
  std::string code;      // "N3001"
  bool resolved = false;
  Phrase summary;
  Phrase resolution;  // empty when not applicable
  Phrase witness;     // empty when the finding has none
};

struct GlossaryEntry {
  std::string id;
  std::string term;  // the words used in the text
  std::string name;  // the declared name
  Phrase description;
};

struct GlossaryGroup {
  std::string title;  // "Actors", "Actions", …
  std::vector<GlossaryEntry> entries;
};

struct NavLink {
  std::string text;
  std::string href;
  bool current = false;
};

class DocWriter {
 public:
  virtual ~DocWriter() = default;
  /// Links to the other pages of the document set (empty for a single document).
  virtual void navigation(const std::vector<NavLink>& links) = 0;
  /// The page's title block: the h1, a subtitle and a list of labelled facts.
  virtual void header(std::string_view title, const Phrase& subtitle,
                      const std::vector<std::pair<std::string, Phrase>>& meta) = 0;
  /// Headings of level 2 and 3 appear in the table of contents.
  virtual void heading(int level, std::string_view text, std::string_view id) = 0;
  virtual void paragraph(const Phrase& text) = 0;
  /// Labelled facts inside the body (a part's metadata in a single document).
  virtual void facts(const std::vector<std::pair<std::string, Phrase>>& rows) = 0;
  virtual void bullets(const std::vector<Phrase>& items) = 0;
  virtual void table(const std::vector<std::string>& head,
                     const std::vector<std::vector<Phrase>>& rows) = 0;
  virtual void provision(const ProvisionView& p) = 0;
  virtual void finding(const FindingView& f) = 0;
  virtual void glossary(const std::vector<GlossaryGroup>& groups) = 0;
  /// The whole page, table of contents included.
  virtual std::string finish() = 0;
};

/// `pageTitle` goes into <title>; `generator` names the program in the footer.
std::unique_ptr<DocWriter> makeHtmlWriter(std::string pageTitle, std::string generator);
std::unique_ptr<DocWriter> makeMarkdownWriter(std::string generator);

}  // namespace nomos::backends
