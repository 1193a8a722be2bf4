cmake_minimum_required(VERSION 3.18)
# Builds consumer.c the way a Makefile would, with pkg-config, against the
# installed prefix, and runs it.
find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
set(ENV{PKG_CONFIG_LIBDIR} "${PREFIX}/${LIBDIR}/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs smtpdiag
                OUTPUT_VARIABLE flags RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not find smtpdiag in ${PREFIX}")
endif()
execute_process(COMMAND "${PKG_CONFIG}" --cflags smtpdiag OUTPUT_VARIABLE cflags
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT cflags MATCHES "^-I[^ ]+$")
  message(FATAL_ERROR "Cflags must be only -I<includedir>, got '${cflags}'")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
set(exe "${WORK}/consumer-pkgconfig")
execute_process(COMMAND "${CC}" "${SOURCE}/consumer.c" -o "${exe}" ${flags}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling with pkg-config flags failed: ${err}")
endif()
set(ENV{LD_LIBRARY_PATH} "${PREFIX}/${LIBDIR}")
execute_process(COMMAND "${exe}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the pkg-config consumer failed (${rc})")
endif()
