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

size_t smtpdiag__code_rule_count(void)
{
    return SMTPDIAG__CODE_RULE_COUNT;
}

size_t smtpdiag__code_rule_at(size_t index)
{
    return index < SMTPDIAG__CODE_RULE_COUNT ? smtpdiag__code_rules[index]
                                             : (size_t)-1;
}

/* One step of the automaton: the trie edge for the class if the state has
 * one, else the failure link's step; the root has every transition. */
static smtpdiag__state_t step(uint32_t state, unsigned cls)
{
    while (state != 0) {
        uint32_t k = smtpdiag__edge_index[state];
        uint32_t end = smtpdiag__edge_index[state + 1];
        for (; k < end && smtpdiag__edge_class[k] <= cls; k++)
            if (smtpdiag__edge_class[k] == cls)
                return smtpdiag__edge_to[k];
        state = smtpdiag__fail[state];
    }
    return smtpdiag__root[cls];
}

/* The longest phrase the generator accepts; the scan remembers where the
 * last this many normalised bytes came from, to report a match's start. */
#define RING 128

void smtpdiag__scan(const char *text, size_t len, smtpdiag__match_fn on_match,
                    void *ctx)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t ring[RING];
    size_t i, fed = 0;
    uint32_t state = 0;
    int after_sep = 1; /* a text starts as if after a separator */

    if (!p)
        return;
    for (i = 0; i < len; i++) {
        unsigned cls = smtpdiag__byte_class[p[i]];
        smtpdiag__state_t next;
        /* Runs of separators (ASCII that is not a letter or digit) count
         * once, and none before the first word: phrases are normalised so. */
        if (cls == 1) {
            if (after_sep)
                continue;
            after_sep = 1;
        } else {
            after_sep = 0;
        }
        ring[fed++ % RING] = i;
        next = step(state, cls);
        state = next & (smtpdiag__state_t)~SMTPDIAG__OUT_FLAG;
        if (next & SMTPDIAG__OUT_FLAG) {
            uint32_t k;
            for (k = smtpdiag__out_index[state];
                 k < smtpdiag__out_index[state + 1]; k++) {
                size_t phrase = smtpdiag__out[k];
                size_t n = smtpdiag__phrases[phrase].len;
                on_match(ctx, phrase, ring[(fed - n) % RING], i + 1);
            }
        }
    }
}
