# The warning set every target of the project is built with.
function(smtpdiag_warnings target)
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow
      $<$<COMPILE_LANGUAGE:C>:-Wstrict-prototypes -Wmissing-prototypes>
      $<$<BOOL:${SMTPDIAG_WERROR}>:-Werror>)
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${SMTPDIAG_WERROR}>:/WX>)
  endif()
endfunction()

# Sanitizers for the library, its tests and examples. The generator, a build
# tool whose output is checked byte for byte, is built without them.
set(SMTPDIAG_SANITIZE "" CACHE STRING
    "Sanitizers to build with, e.g. address,undefined (empty: none)")
function(smtpdiag_sanitize target)
  if(SMTPDIAG_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${SMTPDIAG_SANITIZE}
                           -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${SMTPDIAG_SANITIZE})
  endif()
  # For libFuzzer builds the library itself must report coverage.
  if(SMTPDIAG_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# What every library, test and example target gets.
function(smtpdiag_target_defaults target)
  smtpdiag_warnings(${target})
  smtpdiag_sanitize(${target})
endfunction()
