// The document set: pages, anchors, links, findings, glossary, both formats.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>

#include "backend_support.h"
#include "backends/documents.h"

using namespace nomos;
using namespace nomos::backends;

namespace {

std::map<std::string, std::string> render(const driver::Compilation& c, DocFormat format,
                                          bool single = false) {
  DocumentOptions o;
  o.format = format;
  o.single = single;
  std::map<std::string, std::string> out;
  for (auto& f : renderDocuments(*c.program(), c.analysis(), o)) {
    CHECK_MESSAGE(!out.contains(f.name), "two pages named " << f.name);
    out[f.name] = std::move(f.contents);
  }
  return out;
}

std::set<std::string> idsIn(const std::string& page) {
  std::set<std::string> ids;
  static const std::regex id(R"re(\bid="([^"]+)")re");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator();
       ++it) {
    CHECK_MESSAGE(ids.insert((*it)[1]).second, "duplicate id " << (*it)[1]);
  }
  return ids;
}

/// Every href into the document set names an existing page and an existing element.
void checkLinks(const std::map<std::string, std::string>& pages, const std::regex& href) {
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& [name, text] : pages) ids[name] = idsIn(text);
  std::size_t checked = 0;
  for (const auto& [name, text] : pages) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), href);
         it != std::sregex_iterator(); ++it) {
      std::string target = (*it)[1];
      if (target.starts_with("http")) continue;
      auto hash = target.find('#');
      std::string file = hash == std::string::npos ? target : target.substr(0, hash);
      std::string anchor = hash == std::string::npos ? "" : target.substr(hash + 1);
      if (file.empty()) file = name;
      CAPTURE(name);
      CAPTURE(target);
      REQUIRE(pages.contains(file));
      if (!anchor.empty()) CHECK(ids[file].contains(anchor));
      ++checked;
    }
  }
  CHECK(checked > 20);
}

}  // namespace

TEST_SUITE("backends.documents") {
  TEST_CASE("one HTML page per instrument and an index; every internal link resolves") {
    auto c = testing::compileSpecExample();
    auto pages = render(*c, DocFormat::Html);
    CHECK(pages.size() == 3);
    REQUIRE(pages.contains("index.html"));
    REQUIRE(pages.contains("pipl.html"));
    REQUIRE(pages.contains("cloud.html"));
    checkLinks(pages, std::regex(R"re(href="([^"]*)")re"));

    const std::string& pipl = pages["pipl.html"];
    // Stable anchors: the norm's own name.
    CHECK(pipl.find(R"(<section class="provision" id="pipl_41">)") != std::string::npos);
    // The plain-language rule, the verbatim text and the citation.
    CHECK(pipl.find("must not <a class=\"term\" href=\"#term-action-disclose\">disclose</a>") !=
          std::string::npos);
    CHECK(
        pipl.find("handlers shall not provide personal\ninformation stored within the territory") !=
        std::string::npos);
    CHECK(pipl.find("PIPL, article 41") != std::string::npos);
    // The conflict, linked across pages, with its witness in words.
    CHECK(pipl.find(R"(href="cloud.html#cloud_2713")") != std::string::npos);
    CHECK(pipl.find("Example situation:") != std::string::npos);
    CHECK(pipl.find("No precedence rule or agreement resolves it") != std::string::npos);
    CHECK(pages["cloud.html"].find(R"(href="pipl.html#pipl_41")") != std::string::npos);
    // Sovereignty clauses of the issuer, linked to the index.
    CHECK(pipl.find(R"(href="index.html#cn_data")") != std::string::npos);
    // A glossary of the words used.
    CHECK(pipl.find(R"(<dt id="term-actor-Company">Internet company <code>Company</code></dt>)") !=
          std::string::npos);
    // The exclusive-claim overlap concerns CN (PIPL's issuer) and US (CLOUD's).
    CHECK(pipl.find("N3031") != std::string::npos);
    CHECK(pages["cloud.html"].find("N3031") != std::string::npos);
    // The index: instruments, claims, the agreement, all findings.
    const std::string& index = pages["index.html"];
    CHECK(index.find(R"(<a href="pipl.html">PIPL</a>)") != std::string::npos);
    CHECK(index.find(R"(id="us_uk_data")") != std::string::npos);
    CHECK(index.find("</a> defers to <a") != std::string::npos);
  }

  TEST_CASE("the bundled examples: every internal link resolves, in both formats") {
    for (const auto& e : std::filesystem::directory_iterator(testing::sourceDir() / "examples")) {
      if (!e.is_directory()) continue;
      CAPTURE(e.path().filename().string());
      auto c = testing::compileFiles({e.path().string()});
      auto html = render(*c, DocFormat::Html);
      CHECK(html.size() >= 2);  // an index and at least one instrument
      checkLinks(html, std::regex(R"re(href="([^"]*)")re"));
      checkLinks(render(*c, DocFormat::Markdown), std::regex(R"re(\]\(([^) ]+)(?: "[^"]*")?\))re"));
      checkLinks(render(*c, DocFormat::Html, true), std::regex(R"re(href="([^"]*)")re"));
    }
  }

  TEST_CASE("HTML pages are self-contained and printable") {
    auto c = testing::compileSpecExample();
    for (const auto& [name, page] : render(*c, DocFormat::Html)) {
      CAPTURE(name);
      CHECK(page.starts_with("<!DOCTYPE html>"));
      CHECK(page.find("<script") == std::string::npos);
      CHECK(page.find("http://") == std::string::npos);
      CHECK(page.find("https://") == std::string::npos);
      CHECK(page.find("<link") == std::string::npos);
      CHECK(page.find("@media print") != std::string::npos);
      CHECK(page.find(R"(<nav class="toc")") != std::string::npos);
      CHECK(page.ends_with("</html>\n"));
    }
  }

  TEST_CASE("Markdown pages carry the same content and links") {
    auto c = testing::compileSpecExample();
    auto pages = render(*c, DocFormat::Markdown);
    REQUIRE(pages.contains("index.md"));
    REQUIRE(pages.contains("pipl.md"));
    checkLinks(pages, std::regex(R"re(\]\(([^) ]+)(?: "[^"]*")?\))re"));
    const std::string& pipl = pages["pipl.md"];
    CHECK(pipl.find("### <a id=\"pipl_41\"></a>§ 1. No provision to foreign authorities without "
                    "approval") != std::string::npos);
    CHECK(pipl.find("*PIPL, article 41* · `pipl_41`") != std::string::npos);
    CHECK(pipl.find("(cloud.md#cloud_2713 ") != std::string::npos);
  }

  TEST_CASE("a single document holds every page, with links inside it") {
    auto c = testing::compileSpecExample();
    auto pages = render(*c, DocFormat::Markdown, true);
    REQUIRE(pages.size() == 1);
    const std::string& doc = pages.begin()->second;
    checkLinks(pages, std::regex(R"re(\]\(([^) ]+)(?: "[^"]*")?\))re"));
    CHECK(doc.find("pipl.md") == std::string::npos);
    CHECK(doc.find("(#cloud_2713 ") != std::string::npos);
    CHECK(doc.find("<a id=\"pipl_41\"></a>") != std::string::npos);
    CHECK(doc.find("<a id=\"cloud_2713\"></a>") != std::string::npos);
    auto html = render(*c, DocFormat::Html, true);
    REQUIRE(html.size() == 1);
    checkLinks(html, std::regex(R"re(href="([^"]*)")re"));
  }

  TEST_CASE("page names: lowercased instrument names, made unique") {
    auto c = testing::compileText("names", R"(
jurisdiction X;
action act;
actor A;
instrument Index "An instrument called Index" { issuer X; }
instrument Rules "First" { issuer X; }
instrument RULES "Second" { issuer X; }
norm n1 from Index: A must act;
norm n2 from Rules: A must act;
norm n3 from RULES: A must act;
norm n4: A may act;
)");
    auto pages = render(*c, DocFormat::Html);
    CHECK(pages.contains("index.html"));
    CHECK(pages.contains("index-2.html"));  // the instrument called Index
    CHECK(pages.contains("rules.html"));
    CHECK(pages.contains("rules-2.html"));
    // A norm without `from` still appears, on a page of its own.
    REQUIRE(pages.contains("other-provisions.html"));
    CHECK(pages["other-provisions.html"].find(R"(id="n4")") != std::string::npos);
    CHECK(pages["index-2.html"].find(R"(id="n1")") != std::string::npos);
    checkLinks(pages, std::regex(R"re(href="([^"]*)")re"));
  }

  TEST_CASE("text from the rule files is escaped") {
    auto c = testing::compileText("escapes", R"(
jurisdiction X "<b>X</b> & co";
action act "act *now*";
actor A "a <script>";
instrument I "I | pipe" { issuer X; }
/// Verbatim <i>text</i> & [brackets]
/// # not a heading
norm n1 "Title <em>" from I article "1": A must act;
)");
    auto html = render(*c, DocFormat::Html)["i.html"];
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;X&lt;/b&gt; &amp; co") != std::string::npos);
    CHECK(html.find("Verbatim &lt;i&gt;text&lt;/i&gt; &amp; [brackets]") != std::string::npos);
    auto md = render(*c, DocFormat::Markdown)["i.md"];
    CHECK(md.find("act \\*now\\*") != std::string::npos);
    CHECK(md.find("> Verbatim \\<i\\>text\\</i\\> & \\[brackets\\]\\\n> \\# not a heading") !=
          std::string::npos);
  }
}
