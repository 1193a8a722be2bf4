# Reads the version from include/smtpdiag.h, the one place it is written.
file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/../include/smtpdiag.h" _smtpdiag_lines
     REGEX "^#define SMTPDIAG_VERSION_(MAJOR|MINOR|PATCH) +[0-9]+$")
foreach(_part MAJOR MINOR PATCH)
  string(REGEX MATCH "SMTPDIAG_VERSION_${_part} +([0-9]+)" _m "${_smtpdiag_lines}")
  if(NOT _m)
    message(FATAL_ERROR "SMTPDIAG_VERSION_${_part} not found in smtpdiag.h")
  endif()
  set(_smtpdiag_${_part} "${CMAKE_MATCH_1}")
endforeach()
set(SMTPDIAG_HEADER_VERSION "${_smtpdiag_MAJOR}.${_smtpdiag_MINOR}.${_smtpdiag_PATCH}")
