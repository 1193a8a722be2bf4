# Install rules: libraries, header, pkg-config file and CMake package.
include(CMakePackageConfigHelpers)

set(_targets)
if(TARGET smtpdiag_shared)
  list(APPEND _targets smtpdiag_shared)
endif()
if(TARGET smtpdiag_static)
  list(APPEND _targets smtpdiag_static)
endif()

install(TARGETS ${_targets} EXPORT smtpdiagTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT dev
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES "${PROJECT_SOURCE_DIR}/include/smtpdiag.h"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(SMTPDIAG_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/smtpdiag")
install(EXPORT smtpdiagTargets NAMESPACE smtpdiag::
        FILE smtpdiagTargets.cmake DESTINATION "${SMTPDIAG_CMAKE_DIR}")
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/smtpdiagConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/smtpdiagConfig.cmake"
  INSTALL_DESTINATION "${SMTPDIAG_CMAKE_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/smtpdiagConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/smtpdiagConfig.cmake"
              "${PROJECT_BINARY_DIR}/smtpdiagConfigVersion.cmake"
        DESTINATION "${SMTPDIAG_CMAKE_DIR}")

# pkg-config: the prefix is found relative to the .pc file (pcfiledir), so
# an installed tree can be moved, and `cmake --install --prefix` works.
set(_pcdir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${_pcdir}")
  set(SMTPDIAG_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _up "/root/${_pcdir}" "/root")
  string(REGEX REPLACE "/$" "" _up "${_up}")
  set(SMTPDIAG_PC_PREFIX "\${pcfiledir}/${_up}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SMTPDIAG_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(SMTPDIAG_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SMTPDIAG_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SMTPDIAG_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/smtpdiag.pc.in"
               "${PROJECT_BINARY_DIR}/smtpdiag.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/smtpdiag.pc"
        DESTINATION "${_pcdir}")
