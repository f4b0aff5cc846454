#include <doctest/doctest.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include "syntax_test_util.h"
using namespace nomos::syntax::test;
TEST_CASE("explore") {
  const char* path = std::getenv("NOMOS_EXPLORE");
  if (!path) return;
  std::ifstream in(path);
  std::stringstream ss; ss << in.rdbuf();
  auto p = parse(ss.str());
  std::cout << p->dump();
}
