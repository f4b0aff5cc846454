// Hostile and broken input: each case gets its specific coded diagnostic and exit status,
// never a crash, a hang or an out-of-memory.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace nomos::testing;
using nomos::driver::OutputFormat;

namespace {

std::multiset<std::string> codesOf(const CheckRun& run) {
  std::multiset<std::string> codes;
  auto j = nlohmann::json::parse(run.out);
  for (const auto& d : j["diagnostics"]) codes.insert(d["code"].get<std::string>());
  return codes;
}

CheckRun checkText(const std::string& name, const std::string& text) {
  auto dir = scratchDir("hostile-" + name);
  writeText(dir / "input.nomos", text);
  return runCheck({(dir / "input.nomos").string()}, OutputFormat::Json);
}

const char* kVocabulary =
    "jurisdiction CN; jurisdiction US;\n"
    "dimension location : territory;\n"
    "action disclose;\n"
    "actor Company;\n"
    "instrument I { issuer CN; }\n";

}  // namespace

TEST_CASE("10,000 nested parentheses are refused before the parser recurses") {
  std::string cond = std::string(10000, '(') + "location in CN" + std::string(10000, ')');
  auto run = checkText("parens", std::string(kVocabulary) +
                                     "norm n from I: Company must disclose where " + cond + ";\n");
  CHECK(run.status == 1);
  CHECK(codesOf(run).count("N1010") == 1);
}

TEST_CASE("10,000 nested taxonomy blocks are refused") {
  std::string tax;
  for (int i = 0; i < 10000; ++i) tax += "c" + std::to_string(i) + " { ";
  tax += std::string(10000, '}');
  auto run = checkText("taxonomy", "dimension data { " + tax + " }\n");
  CHECK(run.status == 1);
  CHECK(codesOf(run).count("N1010") == 1);
}

TEST_CASE("the deepest nesting allowed is parsed on the parser threads too") {
  // The parser and the lowering recurse once per level; on helper threads they run on a
  // thread's stack, not the main one's.
  auto dir = scratchDir("deep-threads");
  for (int i = 0; i < 4; ++i) {
    std::string cond = std::string(195, '(') + "location in CN" + std::string(195, ')');
    std::string tax;
    for (int k = 0; k < 195; ++k) tax += "c" + std::to_string(k) + " { ";
    tax += std::string(195, '}');
    writeText(dir / fmt::format("f{}.nomos", i),
              fmt::format("module f{};\n", i) +
                  (i == 0 ? std::string(kVocabulary) : "import f0;\n") +
                  fmt::format("dimension data{} {{ {} }}\n", i, tax) +
                  fmt::format("norm n{} from I: Company must disclose where {};\n", i, cond));
  }
  auto serial = runCheck({dir.string()}, OutputFormat::Json, {}, 1);
  CHECK(codesOf(serial).count("N1010") == 0);
  CHECK(serial.status == 0);
  auto parallel = runCheck({dir.string()}, OutputFormat::Json, {}, 4);
  CHECK(parallel.out == serial.out);
}

TEST_CASE("NUL bytes and invalid UTF-8 are coded errors") {
  auto nul = checkText(
      "nul", std::string("jurisdiction CN;\n") + std::string(1, '\0') + "jurisdiction US;\n");
  CHECK(nul.status == 1);
  CHECK(codesOf(nul).count("N1012") >= 1);
  auto utf8 = checkText("utf8", "jurisdiction CN \"Chin\xc3\x28\";\n");
  CHECK(utf8.status == 1);
  CHECK(codesOf(utf8).count("N1005") >= 1);
}

TEST_CASE("CRLF line endings and a byte order mark are accepted") {
  auto run = checkText(
      "crlf", "\xEF\xBB\xBF/// China.\r\njurisdiction CN \"China\";\r\njurisdiction US;\r\n");
  CHECK(run.status == 0);
  CHECK(codesOf(run).count("N1005") == 0);
  CHECK(codesOf(run).count("N1001") == 0);
}

TEST_CASE("very long identifiers and strings are handled") {
  std::string id(200000, 'a');
  std::string title(1000000, 'x');
  auto run = checkText("long", "jurisdiction " + id + " \"" + title + "\";\n");
  CHECK(run.status == 0);
  auto unterminated = checkText("unterminated", "jurisdiction CN \"" + title + "\n");
  CHECK(unterminated.status == 1);
  CHECK(codesOf(unterminated).count("N1008") == 1);
}

TEST_CASE("a 100 MB file is refused with its size, not read") {
  auto dir = scratchDir("hostile-big");
  {
    std::ofstream out(dir / "big.nomos", std::ios::binary);
    std::string chunk(1 << 20, ' ');
    for (int i = 0; i < 100; ++i) out << chunk;
  }
  auto run = runCheck({(dir / "big.nomos").string()}, OutputFormat::Json);
  CHECK(run.status == 2);
  CHECK(codesOf(run).count("N0005") == 1);
  fs::remove(dir / "big.nomos");
}

TEST_CASE("10,000 files are checked") {
  auto dir = scratchDir("hostile-many");
  for (int i = 0; i < 10000; ++i) {
    writeText(
        dir / ("d" + std::to_string(i / 100)) / ("f" + std::to_string(i) + ".nomos"),
        "/// Jurisdiction " + std::to_string(i) + ".\njurisdiction J" + std::to_string(i) + ";\n");
  }
  auto run = runCheck({dir.string()}, OutputFormat::Json);
  auto j = nlohmann::json::parse(run.out);
  CHECK(run.status == 0);
  CHECK(j["summary"]["errors"] == 0);
  nomos::driver::Options o;
  o.paths = {dir.string()};
  o.maxFiles = 5000;
  std::ostringstream out, err;
  CHECK(nomos::driver::check(o, out, err) == 2);
  CHECK(out.str().find("N0006") != std::string::npos);
}

TEST_CASE("a path that is missing, a directory without rules, a FIFO, a symlink loop") {
  auto dir = scratchDir("hostile-paths");
  auto missing = runCheck({(dir / "nope.nomos").string()}, OutputFormat::Json);
  CHECK(missing.status == 2);
  CHECK(codesOf(missing).count("N0001") == 1);

  fs::create_directories(dir / "empty");
  auto empty = runCheck({(dir / "empty").string()}, OutputFormat::Json);
  CHECK(empty.status == 2);
  CHECK(codesOf(empty).count("N0002") == 1);

  REQUIRE(::mkfifo((dir / "fifo.nomos").c_str(), 0600) == 0);
  auto fifo = runCheck({(dir / "fifo.nomos").string()}, OutputFormat::Json);
  CHECK(fifo.status == 2);
  CHECK(codesOf(fifo).count("N0001") == 1);

  fs::create_symlink(dir / "b.nomos", dir / "a.nomos");
  fs::create_symlink(dir / "a.nomos", dir / "b.nomos");
  auto loop = runCheck({(dir / "a.nomos").string()}, OutputFormat::Json);
  CHECK(loop.status == 2);
  CHECK(codesOf(loop).count("N0001") == 1);
  CHECK(loop.out.find("symbolic link loop") != std::string::npos);
}

TEST_CASE("an unreadable file is an I/O error") {
  if (::geteuid() == 0) return;  // root reads everything; the FIFO case above covers the path
  auto dir = scratchDir("hostile-unreadable");
  writeText(dir / "secret.nomos", "jurisdiction CN;\n");
  fs::permissions(dir / "secret.nomos", fs::perms::none);
  auto run = runCheck({(dir / "secret.nomos").string()}, OutputFormat::Json);
  CHECK(run.status == 2);
  CHECK(codesOf(run).count("N0001") == 1);
}

TEST_CASE("imports may not leave their root: `..`, symbolic links, absolute paths") {
  auto dir = scratchDir("hostile-imports");
  writeText(dir / "outside" / "secret.nomos", "jurisdiction XX;\n");
  writeText(dir / "root" / "main.nomos", "import link.secret;\njurisdiction CN;\n");
  fs::create_directory_symlink(dir / "outside", dir / "root" / "link");
  auto viaLink = runCheck({(dir / "root" / "main.nomos").string()}, OutputFormat::Json,
                          {(dir / "root").string()});
  CHECK(viaLink.status == 1);
  CHECK(codesOf(viaLink).count("N2006") == 1);

  writeText(dir / "abs" / "main.nomos", "import \"/etc/passwd\";\njurisdiction CN;\n");
  auto absolute = runCheck({(dir / "abs" / "main.nomos").string()}, OutputFormat::Json);
  CHECK(absolute.status == 1);
  CHECK(codesOf(absolute).count("N2023") == 1);
}

TEST_CASE("a condition whose normal form would explode is reported, not computed") {
  // (a1 or b1) and (a2 or b2) and ... negated: 2^40 boxes if expanded naively.
  std::string vocab = "action act; actor A; jurisdiction J; instrument I { issuer J; }\n";
  std::string cond;
  for (int i = 0; i < 40; ++i) {
    vocab += "fact a" + std::to_string(i) + "; fact b" + std::to_string(i) + ";\n";
    cond += (i ? " and " : "") + std::string("(a") + std::to_string(i) + " or b" +
            std::to_string(i) + ")";
  }
  auto run =
      checkText("blowup", vocab + "norm n from I: A must act where " + cond + " unless " + cond +
                              ";\n" + "norm m from I: A must not act where not (" + cond + ");\n");
  CHECK(codesOf(run).count("N3070") >= 1);
  CHECK(run.status == 1);
}

TEST_CASE("output is byte-identical across runs and across the order of inputs") {
  fs::current_path(sourceDir());
  for (const char* example : {"examples/cross_border", "examples/company_policy"}) {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(example)) {
      if (e.path().extension() == ".nomos") files.push_back(e.path().generic_string());
    }
    std::sort(files.begin(), files.end());
    for (auto format : {OutputFormat::Text, OutputFormat::Json, OutputFormat::Sarif}) {
      auto first = runCheck(files, format, {example});
      auto again = runCheck(files, format, {example});
      std::vector<std::string> reversed(files.rbegin(), files.rend());
      auto backwards = runCheck(reversed, format, {example});
      CHECK(first.out == again.out);
      CHECK(first.out == backwards.out);
      CHECK(first.status == backwards.status);
    }
  }
}

TEST_CASE("output is byte-identical with any number of parser threads") {
  fs::current_path(sourceDir());
  std::vector<std::string> examples;
  for (const auto& e : fs::directory_iterator("examples")) {
    if (e.is_directory()) examples.push_back(e.path().generic_string());
  }
  std::sort(examples.begin(), examples.end());
  REQUIRE(examples.size() >= 5);
  for (const auto& example : examples) {
    for (auto format : {OutputFormat::Text, OutputFormat::Json, OutputFormat::Sarif}) {
      CAPTURE(example);
      auto serial = runCheck({example}, format, {}, 1);
      for (unsigned jobs : {2u, 3u, 8u}) {
        CAPTURE(jobs);
        auto parallel = runCheck({example}, format, {}, jobs);
        CHECK(parallel.out == serial.out);
        CHECK(parallel.status == serial.status);
      }
    }
  }

  // Files with syntax errors, name errors and unreadable neighbours: every file's messages
  // must come out in the same order whichever thread parsed it.
  auto dir = scratchDir("parallel-parse");
  for (int i = 0; i < 12; ++i) {
    std::ofstream(dir / fmt::format("f{:02}.nomos", i))
        << fmt::format("actor A{0};\naction act{0};\n", i)
        << (i % 3 == 0 ? "norm broken_" + std::to_string(i) + " : A must ;\n" : "")
        << (i % 4 == 1 ? "norm unknown_" + std::to_string(i) + ": Nobody must act;\n" : "")
        << (i % 5 == 2 ? std::string("\xff\xfe not utf-8\n") : "");
  }
  // Enough findings (40 x 40 conflicting pairs) that the text is rendered in several blocks.
  {
    std::ofstream big(dir / "many_findings.nomos");
    big << "actor Crowd;\naction gather;\n";
    for (int i = 0; i < 40; ++i) {
      big << fmt::format(
          "norm must_{0}: Crowd must gather;\nnorm must_not_{0}: Crowd must not gather;\n", i);
    }
  }
  auto text = runCheck({(dir / "many_findings.nomos").string()}, OutputFormat::Text, {}, 1);
  REQUIRE(text.out.find("1600 errors") != std::string::npos);
  for (unsigned jobs : {2u, 5u}) {
    CAPTURE(jobs);
    CHECK(runCheck({(dir / "many_findings.nomos").string()}, OutputFormat::Text, {}, jobs).out ==
          text.out);
  }

  auto serial = runCheck({dir.string()}, OutputFormat::Json, {}, 1);
  REQUIRE(serial.status == 1);
  REQUIRE(serial.out.find("N1") != std::string::npos);  // the syntax errors are there
  for (unsigned jobs : {2u, 4u, 16u}) {
    CAPTURE(jobs);
    CHECK(runCheck({dir.string()}, OutputFormat::Json, {}, jobs).out == serial.out);
  }
}

TEST_CASE("every input the fuzzers found is a clean diagnostic in every format") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(sourceDir() / "tests" / "fuzz-regressions")) {
    if (e.path().extension() == ".nomos") cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  for (const auto& input : cases) {
    CAPTURE(input.filename().string());
    for (auto format : {OutputFormat::Text, OutputFormat::Json, OutputFormat::Sarif}) {
      CheckRun run;
      REQUIRE_NOTHROW(run = runCheck({input.string()}, format));
      CHECK(run.status <= 1);
      if (format == OutputFormat::Text) continue;
      // The out stream holds the document; anything written to err would break the parse.
      nlohmann::json doc;
      REQUIRE_NOTHROW(doc = nlohmann::json::parse(run.out));
      if (format == OutputFormat::Json) CHECK(!doc["diagnostics"].empty());
      if (format == OutputFormat::Sarif) CHECK(!doc["runs"][0]["results"].empty());
    }
  }
}

TEST_CASE("--no-analysis keeps the front end's errors and drops the analysis findings") {
  auto run = [](const std::string& golden, bool analyze) {
    nomos::driver::Options o;
    o.paths = {(sourceDir() / "tests" / "golden" / golden).string()};
    o.today = nomos::model::dateFromCivil(2026, 1, 1);
    o.format = OutputFormat::Json;
    o.analyze = analyze;
    std::ostringstream out, err;
    CheckRun r;
    r.status = nomos::driver::check(o, out, err);
    r.out = out.str();
    return r;
  };
  auto analysed = codesOf(run("warn_contradiction_permission_prohibition.nomos", true));
  auto parsedOnly = codesOf(run("warn_contradiction_permission_prohibition.nomos", false));
  auto isFinding = [](const std::string& code) { return code.rfind("N3", 0) == 0; };
  CHECK(std::count_if(analysed.begin(), analysed.end(), isFinding) > 0);
  CHECK(std::count_if(parsedOnly.begin(), parsedOnly.end(), isFinding) == 0);
  auto nameError = run("fail_unknown_level.nomos", false);
  CHECK(nameError.status == 1);
  CHECK(codesOf(nameError) == codesOf(run("fail_unknown_level.nomos", true)));
}
