/*
 * The generated knowledge tables and the lookups over them. The tables come
 * from tables.inc, which smtpdiag-gen writes at build time; everything in it
 * is static, so no table symbol escapes this file.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

#include "tables.inc"

const char *smtpdiag__string(uint32_t offset)
{
    return offset < sizeof smtpdiag__pool
               ? (const char *)smtpdiag__pool + offset
               : "";
}

const char *smtpdiag__message(size_t lang_index, uint32_t msg)
{
    if (lang_index >= SMTPDIAG__LANG_COUNT || msg >= SMTPDIAG__MSG_COUNT)
        return "";
    return smtpdiag__string(smtpdiag__messages[lang_index][msg]);
}

size_t smtpdiag__lang_count(void)
{
    return SMTPDIAG__LANG_COUNT;
}

const struct smtpdiag__lang_row *smtpdiag__lang_at(size_t index)
{
    return index < SMTPDIAG__LANG_COUNT ? &smtpdiag__langs[index] : NULL;
}

size_t smtpdiag__lang_index(int lang)
{
    size_t i;
    for (i = 0; i < SMTPDIAG__LANG_COUNT; i++)
        if (smtpdiag__langs[i].id == lang)
            return i;
    return (size_t)-1;
}

const struct smtpdiag__reply_row *smtpdiag__find_reply(int code)
{
    size_t lo = 0, hi = SMTPDIAG__REPLY_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = smtpdiag__replies[mid].code;
        if (c == code)
            return &smtpdiag__replies[mid];
        if (c < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct smtpdiag__status_row *smtpdiag__find_status(smtpdiag_code code)
{
    size_t lo = 0, hi = SMTPDIAG__STATUS_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        smtpdiag_code c = smtpdiag__statuses[mid].code;
        if (c == code)
            return &smtpdiag__statuses[mid];
        if (c < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *smtpdiag__data_hash(void)
{
    return SMTPDIAG__DATA_HASH;
}
