// Internal to the document backend: the plan of a document set (pages, stable anchors) and
// the builder that fills each page through a DocWriter. Split over documents.cpp (pages),
// doc_findings.cpp (findings) and doc_glossary.cpp (glossary).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "backends/doc_writer.h"
#include "backends/documents.h"
#include "backends/phrase.h"
#include "model/program.h"

namespace nomos::backends::detail {

using model::Index;
using model::kNone;

struct Page {
  std::string slug;  // "pipl"; "index" for the index page
  std::string file;  // "pipl.html"
  std::string title;
  std::string anchor;        // the page's heading when all pages form one document
  Index instrument = kNone;  // kNone on the index and on the page of norms without `from`
  std::vector<Index> norms;
  std::vector<std::size_t> findings;  // indices into analysis.findings
};

class DocBuilder final : public Linker {
 public:
  DocBuilder(const model::Program& program, const analysis::Result& analysis,
             const DocumentOptions& options);

  std::vector<OutputFile> build();

  // Linker: link targets relative to the page being written; records the terms it uses.
  std::string term(const TermRef& ref) override;
  std::string norm(Index norm) override;

 private:
  void plan();
  void assignTermIds();
  std::string uniqueId(std::string candidate, std::string_view fallback);
  std::string href(std::size_t page, std::string_view anchor) const;

  // documents.cpp
  void writeIndex(DocWriter& w, int level);
  void writeInstrumentPage(DocWriter& w, std::size_t page, int level);
  std::vector<std::pair<std::string, Phrase>> instrumentFacts(const Page& page);
  ProvisionView provision(Index norm, int number, int level);
  void writeSovereignty(DocWriter& w, const std::vector<Index>& claims,
                        const std::vector<Index>& agreements, int level, bool anchors);
  std::vector<NavLink> navigation(std::size_t current) const;
  Phrase window(std::optional<model::Date> from, std::optional<model::Date> to) const;

  // doc_findings.cpp
  FindingView findingView(std::size_t finding);
  std::vector<FindingLink> findingLinks(Index norm);
  std::string findingCounts(const std::vector<std::size_t>& findings) const;
  std::vector<std::size_t> pageFindings(const Page& page) const;

  // doc_glossary.cpp
  std::vector<GlossaryGroup> glossary();
  GlossaryEntry describe(const TermRef& ref);
  Phrase termLink(const TermRef& ref, std::string_view text, std::string_view tip = {});
  Phrase categoryTree(Index dim, const std::vector<Index>& cats);

  const model::Program& p_;
  const analysis::Result& a_;
  DocumentOptions opt_;
  Phraser phraser_;

  std::vector<Page> pages_;  // [0] is the index
  std::vector<std::size_t> normPage_;
  std::vector<std::string> normAnchor_, claimAnchor_, agreementAnchor_;
  std::map<TermRef, std::string> termIds_;
  std::set<std::string> ids_;  // every anchor handed out

  std::size_t current_ = 0;      // the page being written
  std::set<TermRef> usedTerms_;  // terms linked from it
  /// While the glossary is described: the terms it holds, the only ones its entries link to.
  const std::set<TermRef>* glossaryTerms_ = nullptr;
};

/// "conflict", "contradiction", … as shown in documents.
std::string_view findingKindLabel(analysis::FindingKind kind);

}  // namespace nomos::backends::detail
