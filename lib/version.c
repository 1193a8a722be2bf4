/*
 * Version and data identity.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

unsigned long smtpdiag_version(void)
{
    return SMTPDIAG_VERSION_NUMBER;
}

const char *smtpdiag_version_string(void)
{
    return SMTPDIAG_VERSION_STRING;
}

const char *smtpdiag_data_hash(void)
{
    return smtpdiag__data_hash();
}

const char *smtpdiag_data_version(void)
{
    return smtpdiag__data_version();
}
