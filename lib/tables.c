/*
 * The generated knowledge tables and the lookups over them. The tables come
 * from tables.inc, which smtpdiag-gen writes at build time; everything in it
 * is static, so no table symbol escapes this file.
 * SPDX-License-Identifier: MIT
 */
#include "command_patterns.h"
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
    if (code >= 0 && code < 600) { /* the generated direct index */
        unsigned index = smtpdiag__reply_index[code];
        return index < SMTPDIAG__REPLY_COUNT ? &smtpdiag__replies[index] : NULL;
    }
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
    unsigned cls = SMTPDIAG_CODE_CLASS(code),
             subject = SMTPDIAG_CODE_SUBJECT(code),
             detail = SMTPDIAG_CODE_DETAIL(code);
    if ((cls == 2 || cls == 4 || cls == 5) && subject < 8 && detail < 32) {
        /* the generated direct index covers these */
        unsigned index =
            smtpdiag__status_index[((cls == 2 ? 0 : cls - 3) * 8 + subject) *
                                       32 +
                                   detail];
        return index < SMTPDIAG__STATUS_COUNT ? &smtpdiag__statuses[index]
                                              : NULL;
    }
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

const char *smtpdiag__data_version(void)
{
    return SMTPDIAG__DATA_VERSION;
}

size_t smtpdiag__reason_count(void)
{
    return SMTPDIAG__REASON_COUNT;
}

const struct smtpdiag__reason_row *smtpdiag__reason_at(size_t index)
{
    return index < SMTPDIAG__REASON_COUNT ? &smtpdiag__reasons[index] : NULL;
}

const struct smtpdiag__reason_row *smtpdiag__find_reason(int id)
{
    unsigned index;
    if (id < 0 || id > 255)
        return NULL;
    index = smtpdiag__reason_by_id[id];
    return index < SMTPDIAG__REASON_COUNT ? &smtpdiag__reasons[index] : NULL;
}

size_t smtpdiag__provider_count(void)
{
    return SMTPDIAG__PROVIDER_COUNT;
}

const struct smtpdiag__provider_row *smtpdiag__provider_at(size_t index)
{
    return index < SMTPDIAG__PROVIDER_COUNT ? &smtpdiag__providers[index]
                                            : NULL;
}

const struct smtpdiag__rule_row *smtpdiag__rule_at(size_t index)
{
    return index < SMTPDIAG__RULE_COUNT ? &smtpdiag__rules[index] : NULL;
}

const struct smtpdiag__phrase_row *smtpdiag__phrase_at(size_t index)
{
    return index < SMTPDIAG__PHRASE_COUNT ? &smtpdiag__phrases[index] : NULL;
}

size_t smtpdiag__code_rules_of(size_t provider, const uint16_t **rules)
{
    size_t first;
    if (provider >= SMTPDIAG__PROVIDER_COUNT)
        return 0;
    first = smtpdiag__code_rule_first[provider];
    *rules = smtpdiag__code_rules + first;
    return smtpdiag__code_rule_first[provider + 1] - first;
}

/* A state as the walk carries it, and as the dense rows and the chains
 * hold their targets (lib/gen/emit.c): its dense row's offset, or
 * DENSE_SPARSE | its number; DENSE_OUT when it has outputs. */
#define DENSE_OUT    SMTPDIAG__WALK_OUT
#define DENSE_SPARSE SMTPDIAG__WALK_SPARSE

/* The walk starts at the root's row. */
typedef char smtpdiag__root_has_a_row[SMTPDIAG__DENSE_STATES >= 1 ? 1 : -1];

static uint32_t encode(uint32_t state)
{
    return state < SMTPDIAG__DENSE_STATES ? state * SMTPDIAG__DENSE_CLASSES
                                          : DENSE_SPARSE | state;
}

static uint32_t decode(uint32_t at)
{
    return (at & DENSE_SPARSE) ? at & ~DENSE_SPARSE
                               : at / SMTPDIAG__DENSE_CLASSES;
}

/* A step that neither a dense row nor a chain's one edge answers: a
 * non-ASCII class, or a state off its chain. The trie edge for the class if
 * the state has one, else the failure link's step; the root has every
 * transition. Returns the target encoded, with DENSE_OUT. */
static uint32_t sparse_step(uint32_t state, unsigned cls)
{
    smtpdiag__state_t to;
    for (;;) {
        uint32_t k, end;
        if (state < SMTPDIAG__DENSE_STATES && cls < SMTPDIAG__DENSE_CLASSES)
            return smtpdiag__dense[state * SMTPDIAG__DENSE_CLASSES + cls];
        if (state == 0) {
            to = smtpdiag__root[cls];
            break;
        }
        if (smtpdiag__chain_class[state] == cls)
            return smtpdiag__chain_to[state];
        if (smtpdiag__chain_class[state] == 254) { /* several edges */
            k = smtpdiag__chain_to[state] >> 9;
            end = k + (smtpdiag__chain_to[state] & 0x1FFu);
            for (; k < end && smtpdiag__edge_class[k] < cls; k++)
                ;
            if (k < end && smtpdiag__edge_class[k] == cls) {
                to = smtpdiag__edge_to[k];
                break;
            }
        }
        state = smtpdiag__fail[state];
    }
    return encode(to & (smtpdiag__state_t)~SMTPDIAG__OUT_FLAG) |
           ((to & SMTPDIAG__OUT_FLAG) ? DENSE_OUT : 0);
}

/* Where a match of a phrase that ends before p[end] starts, from its word
 * lengths (last word first, then a 0): a word is as long in the text as in
 * the phrase, and the words are apart by a run of separators. Whole words
 * are skipped, not byte by byte. */
static size_t match_start(const unsigned char *p, size_t end,
                          const uint8_t *words)
{
    size_t k = end;
    for (;;) {
        if (*words > k) /* cannot happen for a match; stay in the text */
            return 0;
        k -= *words++;
        if (*words == 0 || k == 0)
            return k;
        k--; /* the separator before the word, and any before it */
        while (k > 0 && smtpdiag__byte_class[p[k - 1]] == 1)
            k--;
    }
}

/* Reports the phrases of the state the walk is at (decoded), which ends
 * before p[end]. */
static void report(const unsigned char *p, size_t end, uint32_t state,
                   smtpdiag__match_fn on_match, void *ctx)
{
    uint32_t k;
    for (k = smtpdiag__out_index[state]; k < smtpdiag__out_index[state + 1];
         k++) {
        const struct smtpdiag__phrase_row *ph =
            &smtpdiag__phrases[smtpdiag__out[k]];
        on_match(ctx, ph,
                 match_start(p, end, smtpdiag__phrase_words + ph->words), end);
    }
}

void smtpdiag__scan(const char *text, size_t len, smtpdiag__match_fn on_match,
                    void *ctx)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    uint32_t at = 0; /* the root's row */

    if (!p)
        return;
    /* The generator makes a run of separators loop on the state the first
     * one reached, so runs count once without a test here. */
    while (i < len) {
        unsigned cls;
        uint32_t next;
        /* Most steps go from a dense row to a dense row that reports
         * nothing: one load each, and one test of both flags. */
        if (!(at & DENSE_SPARSE)) {
            for (;;) {
                cls = smtpdiag__byte_class[p[i]];
                if (cls >= SMTPDIAG__DENSE_CLASSES)
                    break;
                next = smtpdiag__dense[at + cls];
                if (next >= DENSE_SPARSE)
                    goto flagged;
                at = next;
                if (++i == len)
                    return;
            }
            next = sparse_step(decode(at), cls);
        } else {
            /* Along a phrase's chain, to a state without a row that
             * reports nothing: a test of the class and one load each. */
            for (;;) {
                uint32_t s = at & ~DENSE_SPARSE;
                cls = smtpdiag__byte_class[p[i]];
                if (smtpdiag__chain_class[s] != cls) {
                    next = sparse_step(s, cls); /* off the chain */
                    break;
                }
                next = smtpdiag__chain_to[s];
                if (next - DENSE_SPARSE >= DENSE_SPARSE)
                    break; /* a row, or outputs */
                at = next;
                if (++i == len)
                    return;
            }
        }
    flagged:
        i++;
        at = next & ~DENSE_OUT;
        if (next & DENSE_OUT)
            report(p, i, decode(at), on_match, ctx);
    }
}

uint64_t smtpdiag__command_first(unsigned list, int c)
{
    size_t at = c >= 'a' && c <= 'z' ? (size_t)(c - 'a') : c == '>' ? 26 : 27;
    if (at == 27)
        return 0;
    switch (list) {
    case SMTPDIAG__CMD_ANCHOR:
        return smtpdiag__command_anchors_by_first[at];
    case SMTPDIAG__CMD_PHRASE:
        return smtpdiag__command_phrases_by_first[at];
    default:
        return smtpdiag__command_words_by_first[at];
    }
}

uint32_t smtpdiag__notice_msg(const char *id)
{
    size_t i;
    for (i = 0; i < SMTPDIAG__NOTICE_COUNT; i++)
        if (strcmp(smtpdiag__string(smtpdiag__notices[i].id), id) == 0)
            return smtpdiag__notices[i].msg;
    return SMTPDIAG__NO_MSG;
}
