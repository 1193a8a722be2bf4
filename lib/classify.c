/*
 * Classifying a reply: the reason, bounce kind, provider and deciding rule,
 * from the codes, the phrases the automaton finds in the text, and the
 * caller's hints. The precedence is written down in docs/classifier.md.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

/* Priorities the codes carry against the rules' 1..9 (docs/classifier.md). */
enum {
    PRIORITY_STATUS = 4,  /* an enhanced code's own entry: 5.1.1 */
    PRIORITY_SUBJECT = 2, /* its subject's: 5.1.0 */
    PRIORITY_REPLY = 1    /* the basic reply code's */
};

/* How many provider-scoped candidates and armed pairs a text may hold at
 * once; beyond that the weakest are dropped (bounded work and memory). */
#define MAX_SCOPED 8
#define MAX_ARMED  32

struct candidate {
    size_t rule, start, end;
    int priority; /* 0: none */
};

struct matcher {
    smtpdiag_code status;
    unsigned reply_class;  /* of the reply code, else of the status */
    struct candidate best; /* rules for any provider */
    struct candidate scoped[MAX_SCOPED]; /* rules for one provider */
    size_t scoped_count;
    size_t armed_pair[MAX_ARMED], armed_start[MAX_ARMED];
    size_t armed_count;
    int provider; /* the first provider a marker named, or -1 */
    struct smtpdiag__command_finder command;
    const char *text;
    size_t len;
};

/* Higher priority wins; then the longer match; then the earlier one. */
static int beats(const struct candidate *a, const struct candidate *b)
{
    if (a->priority != b->priority)
        return a->priority > b->priority;
    if (a->end - a->start != b->end - b->start)
        return a->end - a->start > b->end - b->start;
    return a->start < b->start;
}

static void offer(struct matcher *m, size_t rule, size_t start, size_t end)
{
    const struct smtpdiag__rule_row *row = smtpdiag__rule_at(rule);
    struct candidate c;
    size_t i, worst = 0;
    if (!row || (row->status && row->status != m->status) ||
        (row->reply_class && row->reply_class != m->reply_class))
        return;
    c.rule = rule;
    c.start = start;
    c.end = end;
    c.priority = row->priority;
    if (row->provider == SMTPDIAG__NO_PROVIDER) {
        if (!m->best.priority || beats(&c, &m->best))
            m->best = c;
        return;
    }
    if (m->scoped_count < MAX_SCOPED) {
        m->scoped[m->scoped_count++] = c;
        return;
    }
    for (i = 1; i < MAX_SCOPED; i++)
        if (beats(&m->scoped[worst], &m->scoped[i]))
            worst = i;
    if (beats(&c, &m->scoped[worst]))
        m->scoped[worst] = c;
}

static void on_match(void *ctx, const struct smtpdiag__phrase_row *ph,
                     size_t start, size_t end)
{
    struct matcher *m = ctx;
    size_t i;
    switch (ph->kind) {
    case SMTPDIAG__PHRASE_MARKER:
        if (m->provider < 0)
            m->provider = ph->target;
        break;
    case SMTPDIAG__PHRASE_SINGLE:
        offer(m, ph->target, start, end);
        break;
    case SMTPDIAG__PHRASE_COMMAND:
        smtpdiag__command_candidate(&m->command, m->text, m->len, start,
                                    ph->target);
        break;
    case SMTPDIAG__PHRASE_PAIR_FIRST:
        for (i = 0; i < m->armed_count; i++)
            if (m->armed_pair[i] == ph->pair)
                return;
        if (m->armed_count < MAX_ARMED) {
            m->armed_pair[m->armed_count] = ph->pair;
            m->armed_start[m->armed_count++] = start;
        }
        break;
    default: /* the second half of a pair fires when the first came before */
        for (i = 0; i < m->armed_count; i++)
            if (m->armed_pair[i] == ph->pair && m->armed_start[i] < start) {
                offer(m, ph->target, m->armed_start[i], end);
                break;
            }
        break;
    }
}

/* Whether name is one of the provider's domains or a subdomain of one. */
static int in_domains(const char *domains, const char *name, size_t len)
{
    const char *d = domains;
    while (len > 0 && *d) {
        size_t n = 0;
        while (d[n] && d[n] != ' ')
            n++;
        if (n <= len && memcmp(name + len - n, d, n) == 0 &&
            (n == len || name[len - n - 1] == '.'))
            return 1;
        d += n;
        while (*d == ' ')
            d++;
    }
    return 0;
}

static int provider_from_hints(const struct smtpdiag__hints *h)
{
    size_t i;
    if (h->host_len == 0 && h->domain_len == 0)
        return -1;
    for (i = 0; i < smtpdiag__provider_count(); i++) {
        const char *domains =
            smtpdiag__string(smtpdiag__provider_at(i)->domains);
        if (in_domains(domains, h->host, h->host_len) ||
            in_domains(domains, h->domain, h->domain_len))
            return (int)i;
    }
    return -1;
}

/* The reason the codes give, and how strongly. */
static int code_reason(const struct smtpdiag__state *s, int *priority)
{
    const struct smtpdiag__status_row *st;
    const struct smtpdiag__reply_row *rp;
    smtpdiag_code status = s->status;
    int reply_class = s->reply_code / 100;
    if (status && s->reply_code &&
        (reply_class == 2 || reply_class == 4 || reply_class == 5))
        status = SMTPDIAG_CODE(reply_class, SMTPDIAG_CODE_SUBJECT(status),
                               SMTPDIAG_CODE_DETAIL(status));
    if (status && SMTPDIAG_CODE_SUBJECT(status) != 0) {
        if ((st = smtpdiag__find_status(status)) != NULL) {
            *priority = PRIORITY_STATUS;
            /* A reply code that an extension gives one meaning (535: a
             * failed login; lib/data/reply-codes.txt, one-meaning) says
             * more than a status that names only "other". */
            if (st->reason == SMTPDIAG_REASON_UNDEFINED &&
                (rp = smtpdiag__find_reply(s->reply_code)) != NULL &&
                rp->one_meaning)
                return rp->reason;
            return st->reason;
        }
        st = smtpdiag__find_status(status - SMTPDIAG_CODE_DETAIL(status));
        if (st && st->reason != SMTPDIAG_REASON_UNDEFINED) {
            *priority = PRIORITY_SUBJECT;
            return st->reason;
        }
    }
    if (s->reply_code && (rp = smtpdiag__find_reply(s->reply_code)) != NULL) {
        *priority = PRIORITY_REPLY;
        return rp->reason;
    }
    if (status && SMTPDIAG_CODE_CLASS(status) == 2) {
        *priority = PRIORITY_REPLY;
        return SMTPDIAG_REASON_DELIVERED;
    }
    *priority = 0;
    return SMTPDIAG_REASON_UNDEFINED;
}

/* What the context says when nothing else does (docs/classifier.md). */
static int context_reason(const struct smtpdiag__state *s, int action)
{
    int reply_class = s->reply_code / 100;
    if (action == SMTPDIAG_ACTION_DELIVERED ||
        action == SMTPDIAG_ACTION_RELAYED || action == SMTPDIAG_ACTION_EXPANDED)
        return SMTPDIAG_REASON_DELIVERED;
    if (action == SMTPDIAG_ACTION_DELAYED)
        return SMTPDIAG_REASON_ONHOLD;
    if (reply_class != 5)
        return SMTPDIAG_REASON_UNDEFINED;
    switch (s->command) {
    case SMTPDIAG_COMMAND_RCPT:
        /* "mailbox unavailable" / "mailbox name not allowed" (RFC 5321) */
        return s->reply_code == 550 || s->reply_code == 553
                   ? SMTPDIAG_REASON_USERUNKNOWN
                   : SMTPDIAG_REASON_UNDEFINED;
    case SMTPDIAG_COMMAND_MAIL:
        return SMTPDIAG_REASON_REJECTED;
    case SMTPDIAG_COMMAND_CONNECT:
    case SMTPDIAG_COMMAND_HELO:
        return SMTPDIAG_REASON_BLOCKED;
    default:
        return SMTPDIAG_REASON_UNDEFINED;
    }
}

/* The reason, rule, provider and bounce kind of a state, from the winning
 * rule (or none), the codes and the context; returns whether a rule
 * decided. */
static int decide(struct smtpdiag__state *s, const struct candidate *win,
                  int provider, int action)
{
    const struct smtpdiag__reason_row *reason;
    int code_priority, decided;

    s->reason = (uint8_t)code_reason(s, &code_priority);
    /* A rule that says "no reason given" is never more specific than a
     * code that names one. */
    decided =
        win && win->priority > code_priority &&
        (smtpdiag__rule_at(win->rule)->reason != SMTPDIAG_REASON_UNDEFINED ||
         s->reason == SMTPDIAG_REASON_UNDEFINED);
    if (decided) {
        const struct smtpdiag__rule_row *row = smtpdiag__rule_at(win->rule);
        s->reason = row->reason;
        s->rule = (uint16_t)win->rule;
        if (win->end > win->start) {
            s->match_at = (uint64_t)win->start + 1;
            s->match_len = (uint32_t)(win->end - win->start);
        }
    }
    if (s->reason == SMTPDIAG_REASON_UNDEFINED) {
        /* Nothing more specific than "no reason given": the context may say
         * more. Then no rule decided. */
        int from_context = context_reason(s, action);
        if (from_context != SMTPDIAG_REASON_UNDEFINED) {
            s->reason = (uint8_t)from_context;
            s->rule = SMTPDIAG__NO_RULE;
            s->match_at = 0;
            s->match_len = 0;
            decided = 1; /* the context decided */
        }
    }
    if (action == SMTPDIAG_ACTION_FAILED &&
        s->severity == SMTPDIAG_SEVERITY_TRANSIENT) {
        /* The MTA gave up while the last answer was temporary: whatever
         * that answer said, the message expired in the queue
         * (docs/classifier.md). */
        s->reason = SMTPDIAG_REASON_EXPIRED;
        s->rule = SMTPDIAG__NO_RULE;
        s->match_at = 0;
        s->match_len = 0;
    }
    s->provider =
        (uint8_t)(provider < 0 ? (int)SMTPDIAG__NO_PROVIDER : provider);

    reason = smtpdiag__find_reason(s->reason);
    s->bounce = (uint8_t)(reason ? reason->bounce : SMTPDIAG_BOUNCE_NONE);
    if (s->severity == SMTPDIAG_SEVERITY_SUCCESS ||
        s->severity == SMTPDIAG_SEVERITY_INTERMEDIATE ||
        (!decided && !s->reply_code && !s->status &&
         s->reason == SMTPDIAG_REASON_UNDEFINED))
        s->bounce = SMTPDIAG_BOUNCE_NONE;
    return decided;
}

void smtpdiag__classify_codes(struct smtpdiag__state *s)
{
    (void)decide(s, NULL, -1, SMTPDIAG_ACTION_UNKNOWN);
}

int smtpdiag__classify_state(struct smtpdiag__state *s, const char *text,
                             size_t len, const struct smtpdiag__hints *h)
{
    struct matcher m;
    const struct candidate *win;
    size_t i;

    /* Not a memset of the whole matcher (~900 bytes): the lists are read
     * only up to their counts. */
    m.best.priority = 0;
    m.scoped_count = 0;
    m.armed_count = 0;
    m.status = s->status;
    m.reply_class = s->reply_code ? (unsigned)s->reply_code / 100
                                  : SMTPDIAG_CODE_CLASS(s->status);
    m.provider = -1;
    m.text = text;
    m.len = text ? len : 0;
    smtpdiag__command_init(&m.command);
    smtpdiag__scan(m.text, m.len, on_match, &m);
    s->command =
        (uint8_t)(h->command ? h->command
                             : smtpdiag__command_result(
                                   &m.command, s->reply_code, s->status));
    if (m.provider < 0)
        m.provider = provider_from_hints(h);

    /* Rules of the recognised provider: its phrases, and its meanings of
     * codes (a rule with a status and no phrase). */
    win = m.best.priority ? &m.best : NULL;
    for (i = 0; i < m.scoped_count; i++)
        if ((int)smtpdiag__rule_at(m.scoped[i].rule)->provider == m.provider &&
            (!win || beats(&m.scoped[i], win)))
            win = &m.scoped[i];
    if (m.provider >= 0 && s->status) {
        const uint16_t *rules = NULL;
        size_t n = smtpdiag__code_rules_of((size_t)m.provider, &rules);
        for (i = 0; i < n; i++) {
            size_t rule = rules[i];
            const struct smtpdiag__rule_row *row = smtpdiag__rule_at(rule);
            if (row->status == s->status &&
                (!win || row->priority > win->priority)) {
                m.best.rule = rule;
                m.best.start = m.best.end = 0;
                m.best.priority = row->priority;
                win = &m.best;
            }
        }
    }
    return decide(s, win, m.provider, h->action);
}

size_t smtpdiag_provider_count(void)
{
    return smtpdiag__provider_count();
}

const char *smtpdiag_provider_id(size_t index)
{
    const struct smtpdiag__provider_row *row = smtpdiag__provider_at(index);
    return row ? smtpdiag__string(row->id) : "";
}

const char *smtpdiag_provider_name(const char *id)
{
    size_t i;
    for (i = 0; id && i < smtpdiag__provider_count(); i++) {
        const struct smtpdiag__provider_row *row = smtpdiag__provider_at(i);
        if (strcmp(smtpdiag__string(row->id), id) == 0)
            return smtpdiag__string(row->name);
    }
    return "";
}
