/* The version is written once (the header); CMake and the library agree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <smtpdiag.h>
#include <stdio.h>
#include <string.h>

static void header_cmake_and_library_agree(void **state)
{
    char buf[32];
    (void)state;
    snprintf(buf, sizeof buf, "%d.%d.%d", SMTPDIAG_VERSION_MAJOR,
             SMTPDIAG_VERSION_MINOR, SMTPDIAG_VERSION_PATCH);
    assert_string_equal(buf, SMTPDIAG_VERSION_STRING);
    assert_string_equal(SMTPDIAG_CMAKE_VERSION, SMTPDIAG_VERSION_STRING);
    assert_string_equal(smtpdiag_version_string(), SMTPDIAG_VERSION_STRING);
    assert_int_equal(smtpdiag_version(), SMTPDIAG_VERSION_NUMBER);
    assert_int_equal(SMTPDIAG_VERSION_NUMBER,
                     (SMTPDIAG_VERSION_MAJOR << 16) |
                         (SMTPDIAG_VERSION_MINOR << 8) |
                         SMTPDIAG_VERSION_PATCH);
}

static void data_hash_is_sha256_hex(void **state)
{
    const char *h = smtpdiag_data_hash();
    size_t i;
    (void)state;
    assert_int_equal(strlen(h), 64);
    for (i = 0; i < 64; i++)
        assert_non_null(strchr("0123456789abcdef", h[i]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_cmake_and_library_agree),
        cmocka_unit_test(data_hash_is_sha256_hex),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
