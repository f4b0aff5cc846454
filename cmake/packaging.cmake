# Packaging with CPack: `cpack -G DEB` in a build directory makes nomos_VERSION_ARCH.deb from
# the install rules (bin/nomos, share/nomos/stdlib, share/man/man1/nomos.1). docs/install.md
# describes it; tests/scripts/deb_test.sh builds the package and runs what it installs.

set(CPACK_PACKAGE_NAME "nomos")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Nomos project")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "compiler for cyberspace governance rules: finds conflicts between norms, publishes them")
set(CPACK_PACKAGE_DESCRIPTION
    "Nomos is a language for writing cyberspace governance norms (who must, must not, may or
need not do what, where, when and under whose authority) as source files. The nomos
compiler resolves names, proves where norms collide and gives a concrete situation for each
collision, applies precedence rules and agreements between jurisdictions, checks
sovereignty claims, runs the tests written in rule files and publishes the rules as
documents and machine-readable rule sets.")
# Whoever publishes a package should name themselves: -DNOMOS_PACKAGE_CONTACT="Name <mail>".
set(NOMOS_PACKAGE_CONTACT "Nomos maintainers" CACHE STRING "Maintainer field of the packages")
set(CPACK_PACKAGE_CONTACT "${NOMOS_PACKAGE_CONTACT}")
set(CPACK_RESOURCE_FILE_README "${CMAKE_SOURCE_DIR}/README.md")

# The binary looks for its standard library in ../share/nomos/stdlib relative to itself, so
# any prefix works; /usr is where a Debian package belongs.
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Computed from the binary when dpkg-shlibdeps can run (libantlr4-runtime4.9, libfmt9,
# libstdc++6, libgcc-s1, libc6 on Debian 12); otherwise the same list written by hand.
find_program(NOMOS_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NOMOS_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libantlr4-runtime4.9, libfmt9, libstdc++6 (>= 12), libgcc-s1 (>= 3.0), libc6 (>= 2.34)")
endif()

include(CPack)
