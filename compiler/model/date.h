// Calendar dates as day numbers, for time windows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nomos::model {

/// Days since 1970-01-01 in the proleptic Gregorian calendar.
struct Date {
  std::int32_t days = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool isValidDate(int year, int month, int day);
Date dateFromCivil(int year, int month, int day);
void civilFromDate(Date d, int& year, int& month, int& day);
std::string formatDate(Date d);  // "2021-11-01"
/// Parses "YYYY-MM-DD"; nullopt if malformed or not a real day.
std::optional<Date> parseDate(std::string_view text);

inline constexpr Date kMinDate{INT32_MIN / 2};
inline constexpr Date kMaxDate{INT32_MAX / 2};

}  // namespace nomos::model
