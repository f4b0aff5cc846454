#include <doctest/doctest.h>

#include "sema/suggest.h"

namespace nomos::sema {

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
  CHECK(editDistance("Company", "Company") == 0);
  CHECK(editDistance("Compnay", "Company") == 1);
  CHECK(editDistance("aproved", "approved") == 1);
  CHECK(editDistance("", "abc") == 3);
  CHECK(editDistance("kitten", "sitting") == 3);
}

TEST_CASE("the closest name is suggested only when it is close") {
  std::vector<std::string> names{"Company", "Citizen", "Government"};
  CHECK(closestName("Compnay", names) == "Company");
  CHECK(closestName("company", names) == "Company");
  CHECK_FALSE(closestName("Regulator", names).has_value());
  CHECK_FALSE(closestName("Company", names).has_value());  // the word itself is no suggestion
  // Short names allow one edit at most.
  CHECK(closestName("CM", {"CN", "XY"}) == "CN");
  CHECK_FALSE(closestName("AB", {"CD"}).has_value());
  // Ties are broken alphabetically, not by order of declaration.
  CHECK(closestName("bat", {"cat", "hat"}) == "cat");
  CHECK(closestName("bat", {"hat", "cat"}) == "cat");
}

}  // namespace nomos::sema
