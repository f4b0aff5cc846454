// Generates syntactically valid Nomos programs from fuzzer bytes: a random vocabulary
// (territory and taxonomy dimensions, some closed; flags and counts; an action tree with an
// incompatible pair; actor classes with a disjoint set; levels), instruments of several
// issuers, norms of every modality with random conditions, claims and agreements. Used by the
// structure-aware fuzz target so the analysis is exercised deep, not stopped at the parser.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace nomos::fuzz {

/// A source of choices; reads bytes from the fuzzer input and returns 0 once they run out.
class Choices {
 public:
  Choices(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  /// A number in [0, n).
  unsigned pick(unsigned n) {
    if (n <= 1) return 0;
    unsigned v = 0;
    if (pos_ < size_) v = data_[pos_++];
    if (n > 256 && pos_ < size_) v = (v << 8) | data_[pos_++];
    return v % n;
  }
  bool flip() { return pick(2) == 1; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

inline std::string generateProgram(Choices& in) {
  std::string s;
  const std::vector<std::string> jur = {"AA", "BB", "CC", "DD", "EU", "FR", "IE"};
  s += "jurisdiction AA; jurisdiction BB; jurisdiction CC; jurisdiction DD;\n";
  s += "jurisdiction EU { members FR, IE; }\n";
  s += "dimension loc : territory; dimension rcp : territory;\n";
  s += in.flip() ? "closed " : "";
  s += "dimension data { personal { sensitive { health; } minors; } important; }\n";
  s += "closed dimension purpose { enforcement; security; commerce; }\n";
  s += "fact ok; fact warrant; fact people : count;\n";
  s += "action process { collect; store; transfer { abroad; disclose; } erase; keep; }\n";
  s += "incompatible erase, keep;\n";
  s += "actor Gov; actor Firm; actor Person; disjoint Gov, Firm, Person;\n";
  s += "actor Provider : Firm; actor Operator : Firm;\n";
  s += "levels law > rule;\n";
  s += "body Acme : Provider; body Beta : Operator;\n";
  const std::vector<std::string> issuers = {"AA", "BB", "EU", "FR", "Acme", "Beta"};
  const std::vector<std::string> actors = {"Gov",      "Firm", "Person", "Provider",
                                           "Operator", "Acme", "Beta"};
  const std::vector<std::string> actions = {"process", "collect",  "store", "transfer",
                                            "abroad",  "disclose", "erase", "keep"};
  const std::vector<std::string> cats = {"personal", "sensitive", "health", "minors", "important"};
  const std::vector<std::string> purposes = {"enforcement", "security", "commerce"};
  const std::vector<std::string> modalities = {"must", "must not", "may", "need not"};

  auto date = [&](int base) {
    return std::to_string(2018 + static_cast<int>(in.pick(8)) + base) + "-0" +
           std::to_string(1 + in.pick(9)) + "-1" + std::to_string(in.pick(9));
  };
  // A random condition of bounded depth.
  std::function<std::string(int)> cond = [&](int depth) -> std::string {
    unsigned k = depth > 2 ? in.pick(5) : in.pick(8);
    switch (k) {
      case 0:
        return std::string(in.flip() ? "loc" : "rcp") + (in.flip() ? " not in " : " in ") +
               jur[in.pick(jur.size())];
      case 1:
        return "data in {" + cats[in.pick(cats.size())] + ", " + cats[in.pick(cats.size())] + "}";
      case 2:
        return std::string(in.flip() ? "not " : "") + (in.flip() ? "ok" : "warrant");
      case 3:
        return "people " + std::string(in.flip() ? ">= " : "< ") + std::to_string(in.pick(2000));
      case 4:
        return "purpose in " + purposes[in.pick(purposes.size())];
      case 5:
        return "(" + cond(depth + 1) + " and " + cond(depth + 1) + ")";
      case 6:
        return "(" + cond(depth + 1) + " or " + cond(depth + 1) + ")";
      default:
        return "not (" + cond(depth + 1) + ")";
    }
  };

  unsigned instruments = 1 + in.pick(4);
  for (unsigned i = 0; i < instruments; ++i) {
    std::string issuer = issuers[in.pick(issuers.size())];
    bool body = issuer == "Acme" || issuer == "Beta";
    s += "instrument I" + std::to_string(i) + " { issuer " + issuer + ";";
    if (!body || in.flip()) s += std::string(" level ") + (in.flip() ? "law" : "rule") + ";";
    if (in.flip()) s += " effective " + date(0) + ";";
    if (in.pick(4) == 0) s += " until " + date(8) + ";";
    s += " }\n";
  }
  unsigned norms = 2 + in.pick(10);
  for (unsigned n = 0; n < norms; ++n) {
    std::string modality = modalities[in.pick(modalities.size())];
    s += "norm n" + std::to_string(n) + " from I" + std::to_string(in.pick(instruments)) +
         " article \"" + std::to_string(n + 1) + "\": " + actors[in.pick(actors.size())] + " " +
         modality + " " + actions[in.pick(actions.size())];
    if (in.flip()) s += " where " + cond(0);
    if (in.pick(3) == 0) s += " unless " + cond(1);
    if (modality == "must" && in.pick(3) == 0)
      s += " within " + std::to_string(1 + in.pick(96)) + " hours";
    if (in.pick(4) == 0) s += " effective " + date(0);
    if (in.pick(6) == 0 && n > 0) s += " prevails over n" + std::to_string(in.pick(n));
    s += ";\n";
  }
  unsigned claims = in.pick(4);
  for (unsigned c = 0; c < claims; ++c) {
    s += "sovereignty c" + std::to_string(c) + " of " + jur[in.pick(jur.size())] +
         (in.pick(3) == 0 ? " exclusive" : "") + " over " + cond(1) + ";\n";
  }
  if (in.flip()) {
    s += "agreement g between AA, BB, EU { effective " + date(0) + "; AA defers to BB where " +
         cond(1) + "; EU defers to AA where " + cond(1) + "; }\n";
  }
  return s;
}

}  // namespace nomos::fuzz
