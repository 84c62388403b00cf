# The Debian package guestfsd-cpp (cpack -G DEB; `ninja -C build deb`): our daemon as
# /usr/sbin/guestfsd, its man page, the live-mode unit and udev rules, and our appliance
# payload in place of libguestfs0's supermin.d/daemon.tar.gz (diverted by the maintainer
# scripts beside this file). `cmake --install` installs the same files under
# CMAKE_INSTALL_PREFIX.

# Based on the protocol and behaviour of libguestfs 1.48.6; +cppN counts our releases.
set(GFSD_PACKAGE_VERSION 1.48.6+cpp1)
set(GFSD_VERSION_DATE 2026-12-06)

# The man page, from our POD source.
find_program(POD2MAN pod2man REQUIRED)
set(GFSD_MAN ${CMAKE_BINARY_DIR}/guestfsd.8)
add_custom_command(OUTPUT ${GFSD_MAN} ${GFSD_MAN}.gz
  COMMAND ${POD2MAN} --section=8 --center=guestfsd-cpp --release=guestfsd-cpp
          --name=GUESTFSD --date=${GFSD_VERSION_DATE}
          ${CMAKE_SOURCE_DIR}/deploy/man/guestfsd.8.pod ${GFSD_MAN}
  COMMAND gzip -9n -c ${GFSD_MAN} > ${GFSD_MAN}.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/deploy/man/guestfsd.8.pod
  COMMENT "Man page guestfsd(8)")
add_custom_target(man ALL DEPENDS ${GFSD_MAN})
install(FILES ${GFSD_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man8)

# What Debian wants of every package: its changelog and copyright.
set(GFSD_CHANGELOG ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${GFSD_CHANGELOG}
  COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/deploy/package/changelog > ${GFSD_CHANGELOG}
  DEPENDS ${CMAKE_SOURCE_DIR}/deploy/package/changelog)
add_custom_target(changelog ALL DEPENDS ${GFSD_CHANGELOG})
install(FILES ${GFSD_CHANGELOG} ${CMAKE_SOURCE_DIR}/deploy/package/copyright
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/guestfsd-cpp)

# libguestfs live.
install(FILES ${CMAKE_SOURCE_DIR}/deploy/live/guestfsd.service
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/live/99-guestfsd-live.rules
        DESTINATION lib/udev/rules.d)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/live/99-guestfs-disk-serial.rules
        DESTINATION lib/udev/rules.d RENAME 99-guestfs-serial.rules)

# The appliance payload (`ninja appliance` makes it; installing needs it made).
install(FILES ${CMAKE_BINARY_DIR}/appliance/supermin.d/daemon.tar.gz
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/guestfs/supermin.d)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME guestfsd-cpp)
set(CPACK_PACKAGE_VERSION ${GFSD_PACKAGE_VERSION})
set(CPACK_PACKAGE_CONTACT "guestfsd-cpp maintainers <maintainers@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "libguestfs daemon, a C++ implementation")
set(CPACK_PACKAGE_DESCRIPTION "A drop-in replacement for the guestfsd of libguestfs.
 It takes the original's place in the libguestfs appliance: its payload
 replaces libguestfs0's supermin.d/daemon.tar.gz through dpkg-divert, so
 guestfish and the virt-* tools on this machine run it. Removing the
 package restores the original. The daemon is also installed as
 /usr/sbin/guestfsd for libguestfs live.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://libguestfs.org/")
# Runtime dependencies from what the binary links (dpkg-shlibdeps), plus the library
# whose appliance the payload belongs to.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libguestfs0 (>= 1:1.48.6), libguestfs0 (<< 1:1.48.7)")
# Loaded on first use (adapters/posix/lazy_library.hpp), so not seen by shlibdeps;
# every libguestfs appliance has them, and live mode wants them for the actions
# they serve.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libaugeas0, libhivex0, librpm9, libacl1, libcap2, libselinux1, libsystemd0, libyara9, libtsk19")
set(CPACK_DEBIAN_PACKAGE_CONFLICTS guestfsd)
set(CPACK_DEBIAN_PACKAGE_REPLACES guestfsd)
set(CPACK_DEBIAN_PACKAGE_PROVIDES guestfsd)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/deploy/package/preinst ${CMAKE_SOURCE_DIR}/deploy/package/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The debug-info-free build: the package is the shipped binary.
set(CPACK_STRIP_FILES ON)
include(CPack)

add_custom_target(deb
  COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${CMAKE_BINARY_DIR}/CPackConfig.cmake
  DEPENDS guestfsd man changelog appliance
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
  COMMENT "Debian package guestfsd-cpp"
  USES_TERMINAL)
