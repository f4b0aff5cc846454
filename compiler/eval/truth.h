// Three-valued answers. A situation may leave dimensions, facts or the date unspecified; an
// answer that holds for every way of filling them in is Yes or No, any other is Unknown
// (Kleene's logic: sound, so a definite answer is never wrong).
#pragma once

#include <cstdint>

#include "model/program.h"

namespace nomos::eval {

using model::Index;

enum class Truth : std::uint8_t { No, Unknown, Yes };

inline Truth operator&&(Truth a, Truth b) {
  if (a == Truth::No || b == Truth::No) return Truth::No;
  if (a == Truth::Yes && b == Truth::Yes) return Truth::Yes;
  return Truth::Unknown;
}
inline Truth operator||(Truth a, Truth b) {
  if (a == Truth::Yes || b == Truth::Yes) return Truth::Yes;
  if (a == Truth::No && b == Truth::No) return Truth::No;
  return Truth::Unknown;
}
inline Truth operator!(Truth a) {
  return a == Truth::Yes ? Truth::No : a == Truth::No ? Truth::Yes : Truth::Unknown;
}
inline Truth truthOf(bool b) { return b ? Truth::Yes : Truth::No; }

/// What an undetermined answer depends on: a dimension, a fact or the date that the
/// situation leaves free (or, for a dimension, gives only as a group of values).
struct Unspecified {
  enum class Kind : std::uint8_t { Dimension, Fact, Date, TooComplex };
  Kind kind = Kind::Date;
  Index index = model::kNone;  // dimension or fact
  friend bool operator==(const Unspecified&, const Unspecified&) = default;
};

}  // namespace nomos::eval
