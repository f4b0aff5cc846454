// The commands that write outputs: `nomos doc` (policy documents) and `nomos export` (the
// rule set as JSON or ODRL). Both compile first; they refuse to write anything when the
// front end (parse, names) failed, and they do write when the analysis found conflicts:
// those are what reviewers read in the documents and tools read in the export.
#pragma once

#include <ostream>
#include <string>

#include "driver/compilation.h"

namespace nomos::driver {

struct DocOptions {
  /// The directory the pages are written to, or "-" for one Markdown (or HTML) document on
  /// standard output.
  std::string output;
  bool markdown = false;  // else HTML
};

struct ExportOptions {
  std::string output = "-";  // a file, or "-" for standard output
  bool odrl = false;         // else the nomos-export JSON
  /// ODRL: the IRI of our profile's vocabulary (the `nomos:` prefix); empty for the default.
  std::string vocabulary;
};

/// `nomos doc`: compile, then write one page per instrument and an index. Exit status: 0 when
/// the documents were written, 1 when errors in the rule files prevented it, 2 for usage and
/// I/O failures (unreadable input, output that is an input, a write that failed).
int doc(const Options& options, const DocOptions& docOptions, std::ostream& out, std::ostream& err);

/// `nomos export`: compile, then write the rule set. Exit status as for doc.
int exportRules(const Options& options, const ExportOptions& exportOptions, std::ostream& out,
                std::ostream& err);

}  // namespace nomos::driver
