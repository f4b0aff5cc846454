// Lowering of names and literal values.
#include <limits>

#include <fmt/format.h>

#include "model/date.h"
#include "syntax/lowering.h"
#include "syntax/utf8.h"

namespace nomos::syntax {

namespace {

// 9223372036854775807 → 9_223_372_036_854_775_807, the way Nomos writes large numbers.
std::string withSeparators(std::int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
    out += digits[i];
  }
  return out;
}

bool isDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

ast::Ident Lowering::ident(antlr4::Token* token) {
  return {std::string(s_.textOf(token)), span(token)};
}

ast::QualName Lowering::qualName(P::QualNameContext* ctx) {
  ast::QualName name;
  if (ctx == nullptr) {
    name.span = s_.span(0u, 0u);
    return name;
  }
  for (auto* part : ctx->Identifier()) name.parts.emplace_back(s_.textOf(part->getSymbol()));
  name.span = span(ctx);
  return name;
}

std::vector<ast::QualName> Lowering::nameList(P::NameListContext* ctx) {
  std::vector<ast::QualName> names;
  if (ctx == nullptr) return names;
  for (auto* q : ctx->qualName()) names.push_back(qualName(q));
  return names;
}

std::string Lowering::stringValue(antlr4::Token* token) {
  std::string_view text = s_.textOf(token);
  ast::Span at = span(token);
  std::string out;
  // Also reads an unterminated string (retyped by the lexical checks): it simply has no
  // closing quote.
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') break;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i + 1 >= text.size()) break;
    char e = text[i + 1];
    if (e == '"' || e == '\\') {
      out += e;
      ++i;
    } else if (e == 'n') {
      out += '\n';
      ++i;
    } else {
      auto cp = decodeUtf8(text, i + 1);
      std::uint32_t length = cp ? cp->length : 1;
      std::string_view escape = text.substr(i, 1 + length);
      auto begin = at.begin + static_cast<std::uint32_t>(i);
      auto& d =
          s_.diags.report(diag::DiagId::InvalidEscape, s_.span(begin, begin + 1 + length), escape);
      d.help.push_back(
          "the escapes are `\\\"` (a quote), `\\\\` (a backslash) and `\\n` (a line break)");
      out += escape;
      i += length;
    }
  }
  return out;
}

std::string Lowering::title(P::TitleContext* ctx) {
  if (ctx == nullptr || ctx->StringLiteral() == nullptr) return {};
  return stringValue(ctx->StringLiteral()->getSymbol());
}

ast::Date Lowering::date(antlr4::Token* token) {
  ast::Date d;
  d.span = span(token);
  std::string_view text = s_.textOf(token);
  if (token == nullptr || token->getTokenIndex() == INVALID_INDEX) return d;
  bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                isDigits(text.substr(0, 4)) && isDigits(text.substr(5, 2)) &&
                isDigits(text.substr(8, 2));
  if (shaped) {
    d.year = std::stoi(std::string(text.substr(0, 4)));
    d.month = std::stoi(std::string(text.substr(5, 2)));
    d.day = std::stoi(std::string(text.substr(8, 2)));
    if (model::isValidDate(d.year, d.month, d.day)) return d;
  }
  auto& diag = s_.diags.report(diag::DiagId::InvalidDate, d.span, text);
  if (!shaped) {
    diag.help.push_back("write dates as YYYY-MM-DD, for example 2021-11-01");
  } else if (d.month < 1 || d.month > 12) {
    diag.help.push_back(fmt::format("there is no month {:02}", d.month));
  } else if (d.year >= 1) {
    int last = 28;
    while (last < 31 && model::isValidDate(d.year, d.month, last + 1)) ++last;
    diag.help.push_back(fmt::format("{:04}-{:02} has {} days", d.year, d.month, last));
  } else {
    diag.help.push_back("years run from 0001 to 9999");
  }
  d.year = d.month = d.day = 0;
  return d;
}

std::int64_t Lowering::integer(antlr4::Token* token) {
  std::string_view text = s_.textOf(token);
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t value = 0;
  for (char c : text) {
    if (c == '_') continue;
    if (c < '0' || c > '9') return 0;
    int digit = c - '0';
    if (value > (kMax - digit) / 10) {
      s_.diags.report(diag::DiagId::IntegerOverflow, span(token), text, withSeparators(kMax));
      return 0;
    }
    value = value * 10 + digit;
  }
  return value;
}

std::optional<ast::Duration> Lowering::duration(P::DurationContext* ctx) {
  if (ctx == nullptr || ctx->IntegerLiteral() == nullptr || ctx->timeUnit() == nullptr)
    return std::nullopt;
  antlr4::Token* number = ctx->IntegerLiteral()->getSymbol();
  antlr4::Token* unit = ctx->timeUnit()->getStart();
  ast::Duration d;
  d.span = span(ctx);
  d.text = fmt::format("{} {}", s_.textOf(number), s_.textOf(unit));
  std::int64_t n = integer(number);
  bool days = unit->getType() == P::DAY || unit->getType() == P::DAYS;
  constexpr std::int64_t kMaxDays = std::numeric_limits<std::int64_t>::max() / 24;
  if (days && n > kMaxDays) {
    s_.diags.report(diag::DiagId::IntegerOverflow, span(number), s_.textOf(number),
                    withSeparators(kMaxDays));
    n = 0;
  }
  d.hours = days ? n * 24 : n;
  return d;
}

void Lowering::requireTwo(const std::vector<ast::QualName>& names, std::string_view what) {
  if (names.size() != 1) return;  // none: the parser has already complained
  s_.diags.report(diag::DiagId::SyntaxError, names.front().span, what);
}

}  // namespace nomos::syntax
