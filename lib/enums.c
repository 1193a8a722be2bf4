/*
 * Machine names and run-time listing of every public enumeration, and
 * smtpdiag_strerror(). One list per enumeration, sorted by value.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

struct named {
    int value;
    const char *name;
};

static const struct named error_names[] = {
    {SMTPDIAG_ERR_NOT_FOUND, "not_found"},
    {SMTPDIAG_ERR_NO_SPACE, "no_space"},
    {SMTPDIAG_ERR_NO_CODE, "no_code"},
    {SMTPDIAG_ERR_INVALID_CODE, "invalid_code"},
    {SMTPDIAG_ERR_INVALID_ARGUMENT, "invalid_argument"},
    {SMTPDIAG_OK, "ok"},
};

static const struct named severity_names[] = {
    {SMTPDIAG_SEVERITY_UNKNOWN, "unknown"},
    {SMTPDIAG_SEVERITY_SUCCESS, "success"},
    {SMTPDIAG_SEVERITY_INTERMEDIATE, "intermediate"},
    {SMTPDIAG_SEVERITY_TRANSIENT, "transient"},
    {SMTPDIAG_SEVERITY_PERMANENT, "permanent"},
};

static const struct named source_names[] = {
    {SMTPDIAG_SOURCE_NONE, "none"},
    {SMTPDIAG_SOURCE_STATUS, "status"},
    {SMTPDIAG_SOURCE_STATUS_SUBJECT, "status_subject"},
    {SMTPDIAG_SOURCE_REPLY, "reply"},
    {SMTPDIAG_SOURCE_STATUS_CLASS, "status_class"},
    {SMTPDIAG_SOURCE_REPLY_CLASS, "reply_class"},
    {SMTPDIAG_SOURCE_REASON, "reason"},
    {SMTPDIAG_SOURCE_RULE, "rule"},
};

static const struct named command_names[] = {
    {SMTPDIAG_COMMAND_UNKNOWN, "unknown"},
    {SMTPDIAG_COMMAND_CONNECT, "connect"},
    {SMTPDIAG_COMMAND_HELO, "helo"},
    {SMTPDIAG_COMMAND_MAIL, "mail"},
    {SMTPDIAG_COMMAND_RCPT, "rcpt"},
    {SMTPDIAG_COMMAND_DATA, "data"},
    {SMTPDIAG_COMMAND_EOD, "eod"},
    {SMTPDIAG_COMMAND_AUTH, "auth"},
    {SMTPDIAG_COMMAND_STARTTLS, "starttls"},
};

static const struct named bounce_names[] = {
    {SMTPDIAG_BOUNCE_NONE, "none"},
    {SMTPDIAG_BOUNCE_SOFT, "soft"},
    {SMTPDIAG_BOUNCE_HARD, "hard"},
};

static const struct named action_names[] = {
    {SMTPDIAG_ACTION_UNKNOWN, "unknown"},
    {SMTPDIAG_ACTION_FAILED, "failed"},
    {SMTPDIAG_ACTION_DELAYED, "delayed"},
    {SMTPDIAG_ACTION_DELIVERED, "delivered"},
    {SMTPDIAG_ACTION_RELAYED, "relayed"},
    {SMTPDIAG_ACTION_EXPANDED, "expanded"},
};

static const struct named dsn_kind_names[] = {
    {SMTPDIAG_DSN_KIND_NONE, "none"},
    {SMTPDIAG_DSN_KIND_REPORT, "report"},
    {SMTPDIAG_DSN_KIND_TEXT, "text"},
};

#define LIST(a)                                                                \
    {                                                                          \
        (a), sizeof(a) / sizeof((a)[0])                                        \
    }

static const struct {
    const struct named *items;
    size_t count;
} fixed[] = {
    {NULL, 0},
    LIST(error_names),
    LIST(severity_names),
    {NULL, 0},
    LIST(source_names),
    LIST(command_names),
    {NULL, 0},
    LIST(bounce_names),
    LIST(action_names),
    LIST(dsn_kind_names),
};

/* Languages and reasons come from the generated tables; the others from
 * the lists above. */
static int from_tables(smtpdiag_enum which)
{
    return which == SMTPDIAG_ENUM_LANG || which == SMTPDIAG_ENUM_REASON;
}

static int known(smtpdiag_enum which)
{
    return (int)which >= 1 && (size_t)which < sizeof fixed / sizeof fixed[0];
}

size_t smtpdiag_enum_count(smtpdiag_enum which)
{
    if (which == SMTPDIAG_ENUM_LANG)
        return smtpdiag__lang_count();
    if (which == SMTPDIAG_ENUM_REASON)
        return smtpdiag__reason_count();
    return known(which) ? fixed[which].count : 0;
}

int smtpdiag_enum_value(smtpdiag_enum which, size_t index)
{
    if (index >= smtpdiag_enum_count(which))
        return -1;
    if (which == SMTPDIAG_ENUM_LANG)
        return smtpdiag__lang_at(index)->id;
    if (which == SMTPDIAG_ENUM_REASON)
        return smtpdiag__reason_at(index)->id;
    return fixed[which].items[index].value;
}

const char *smtpdiag_enum_name(smtpdiag_enum which, int value)
{
    size_t i;
    if (which == SMTPDIAG_ENUM_LANG)
        return smtpdiag_lang_tag((smtpdiag_lang)value);
    if (which == SMTPDIAG_ENUM_REASON) {
        const struct smtpdiag__reason_row *row = smtpdiag__find_reason(value);
        return row ? smtpdiag__string(row->name) : "";
    }
    if (from_tables(which))
        return "";
    for (i = 0; i < smtpdiag_enum_count(which); i++)
        if (fixed[which].items[i].value == value)
            return fixed[which].items[i].name;
    return "";
}

int smtpdiag_enum_from_name(smtpdiag_enum which, const char *name, size_t len,
                            int *value)
{
    size_t i, n = smtpdiag_enum_count(which);
    if (!value || (!name && len > 0))
        return SMTPDIAG_ERR_INVALID_ARGUMENT;
    for (i = 0; i < n; i++) {
        int v = smtpdiag_enum_value(which, i);
        const char *canon = smtpdiag_enum_name(which, v);
        size_t j;
        int equal = strlen(canon) == len;
        for (j = 0; equal && j < len; j++)
            equal = smtpdiag__ascii_lower((unsigned char)name[j]) ==
                    smtpdiag__ascii_lower((unsigned char)canon[j]);
        if (equal) {
            *value = v;
            return SMTPDIAG_OK;
        }
    }
    return SMTPDIAG_ERR_INVALID_ARGUMENT;
}

const char *smtpdiag_strerror(int error)
{
    switch (error) {
    case SMTPDIAG_OK:
        return "success";
    case SMTPDIAG_ERR_INVALID_ARGUMENT:
        return "invalid argument";
    case SMTPDIAG_ERR_INVALID_CODE:
        return "invalid reply code or enhanced status code";
    case SMTPDIAG_ERR_NO_CODE:
        return "no reply code or enhanced status code found";
    case SMTPDIAG_ERR_NO_SPACE:
        return "buffer too small";
    case SMTPDIAG_ERR_NOT_FOUND:
        return "no delivery report or known bounce found";
    default:
        return "unknown error";
    }
}
