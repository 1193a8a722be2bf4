/*
 * smtpdiag_hints: the caller's optional context for classification, copied
 * into fixed-size storage.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

typedef char smtpdiag__hints_fit
    [sizeof(struct smtpdiag__hints) <= sizeof(smtpdiag_hints) ? 1 : -1];

void smtpdiag__hints_load(struct smtpdiag__hints *h, const smtpdiag_hints *src)
{
    if (src)
        memcpy(h, src, sizeof *h);
    else
        memset(h, 0, sizeof *h);
}

static void store(smtpdiag_hints *dst, const struct smtpdiag__hints *h)
{
    memcpy(dst, h, sizeof *h);
}

void smtpdiag_hints_init(smtpdiag_hints *h)
{
    struct smtpdiag__hints empty;
    if (!h)
        return;
    memset(&empty, 0, sizeof empty);
    store(h, &empty);
}

int smtpdiag_hints_set_command(smtpdiag_hints *h, smtpdiag_command command)
{
    struct smtpdiag__hints v;
    if (!h || (int)command < 0 || command > SMTPDIAG_COMMAND_STARTTLS)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__hints_load(&v, h);
    v.command = (uint8_t)command;
    store(h, &v);
    return SMTPDIAG_OK;
}

int smtpdiag_hints_set_action(smtpdiag_hints *h, smtpdiag_action action)
{
    struct smtpdiag__hints v;
    if (!h || (int)action < 0 || action > SMTPDIAG_ACTION_EXPANDED)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__hints_load(&v, h);
    v.action = (uint8_t)action;
    store(h, &v);
    return SMTPDIAG_OK;
}

/* Copies a name lower-cased, without a trailing dot. */
static int copy_name(char *dst, uint16_t *dst_len, const char *src, size_t len)
{
    size_t i;
    if ((!src && len > 0))
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    if (len > 0 && src[len - 1] == '.')
        len--;
    if (len > 255)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    for (i = 0; i < len; i++)
        dst[i] = (char)smtpdiag__ascii_lower((unsigned char)src[i]);
    dst[len] = '\0';
    *dst_len = (uint16_t)len;
    return SMTPDIAG_OK;
}

int smtpdiag_hints_set_remote_host(smtpdiag_hints *h, const char *host,
                                   size_t len)
{
    struct smtpdiag__hints v;
    int rc;
    if (!h)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__hints_load(&v, h);
    rc = copy_name(v.host, &v.host_len, host, len);
    if (rc == SMTPDIAG_OK)
        store(h, &v);
    return rc;
}

int smtpdiag_hints_set_domain(smtpdiag_hints *h, const char *domain, size_t len)
{
    struct smtpdiag__hints v;
    int rc;
    if (!h)
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    smtpdiag__hints_load(&v, h);
    rc = copy_name(v.domain, &v.domain_len, domain, len);
    if (rc == SMTPDIAG_OK)
        store(h, &v);
    return rc;
}
