/*
 * Reply codes and enhanced status codes: validation, parsing, formatting and
 * severity.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

int smtpdiag_code_is_valid(smtpdiag_code code)
{
    unsigned c = SMTPDIAG_CODE_CLASS(code);
    return c == 2 || c == 4 || c == 5;
}

/* Reads 1 to 3 digits without a leading zero at p[*i]; -1 if malformed. */
static int read_number(const char *p, size_t len, size_t *i)
{
    size_t start = *i;
    int value = 0;
    while (*i < len && p[*i] >= '0' && p[*i] <= '9') {
        if (*i - start == 3)
            return -1;
        value = value * 10 + (p[*i] - '0');
        (*i)++;
    }
    if (*i == start || (p[start] == '0' && *i - start > 1))
        return -1;
    return value;
}

int smtpdiag_code_parse(const char *text, size_t len, smtpdiag_code *code)
{
    size_t i = 1;
    int subject, detail;
    if (!code || (!text && len > 0))
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    *code = 0;
    if (len < 5 || (text[0] != '2' && text[0] != '4' && text[0] != '5') ||
        text[1] != '.')
        return SMTPDIAG_ERR_INVALID_CODE;
    i = 2;
    subject = read_number(text, len, &i);
    if (subject < 0 || i >= len || text[i] != '.')
        return SMTPDIAG_ERR_INVALID_CODE;
    i++;
    detail = read_number(text, len, &i);
    if (detail < 0 || i != len)
        return SMTPDIAG_ERR_INVALID_CODE;
    *code = SMTPDIAG_CODE(text[0] - '0', subject, detail);
    return SMTPDIAG_OK;
}

size_t smtpdiag_code_format(smtpdiag_code code, char *buf, size_t size)
{
    char tmp[16];
    unsigned parts[3];
    size_t n = 0, i;
    int k;
    if (buf && size > 0)
        buf[0] = '\0';
    if (!smtpdiag_code_is_valid(code))
        return 0;
    parts[0] = SMTPDIAG_CODE_CLASS(code);
    parts[1] = SMTPDIAG_CODE_SUBJECT(code);
    parts[2] = SMTPDIAG_CODE_DETAIL(code);
    for (k = 0; k < 3; k++) {
        char digits[3];
        int d = 0;
        unsigned v = parts[k];
        do {
            digits[d++] = (char)('0' + v % 10);
            v /= 10;
        } while (v > 0);
        while (d > 0)
            tmp[n++] = digits[--d];
        if (k < 2)
            tmp[n++] = '.';
    }
    if (buf && size > 0) {
        for (i = 0; i < n && i + 1 < size; i++)
            buf[i] = tmp[i];
        buf[i] = '\0';
    }
    return n;
}

int smtpdiag_reply_code_is_valid(int reply_code)
{
    return reply_code >= 200 && reply_code <= 599;
}

int smtpdiag_reply_code_is_standard(int reply_code)
{
    const struct smtpdiag__reply_row *row;
    if (!smtpdiag_reply_code_is_valid(reply_code))
        return 0;
    row = smtpdiag__find_reply(reply_code);
    return row && row->standard;
}

smtpdiag_severity smtpdiag_reply_severity(int reply_code)
{
    if (!smtpdiag_reply_code_is_valid(reply_code))
        return SMTPDIAG_SEVERITY_UNKNOWN;
    return (smtpdiag_severity)(reply_code / 100);
}

smtpdiag_severity smtpdiag_status_severity(smtpdiag_code status)
{
    if (!smtpdiag_code_is_valid(status))
        return SMTPDIAG_SEVERITY_UNKNOWN;
    return (smtpdiag_severity)SMTPDIAG_CODE_CLASS(status);
}
