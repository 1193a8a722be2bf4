/*
 * Language negotiation: BCP 47 tags, POSIX locale names and lists of either,
 * resolved against the languages built into the tables (lib/data/
 * languages.txt). The rules are written down in docs/languages.md.
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

/* One subtag or word: a slice of the caller's text. */
struct slice {
    const char *p;
    size_t n;
};

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int all(struct slice s, int (*pred)(char))
{
    size_t i;
    for (i = 0; i < s.n; i++)
        if (!pred(s.p[i]))
            return 0;
    return 1;
}

/* Whether the space-separated list contains the word, ASCII case-folded. */
static int list_has(const char *list, struct slice word)
{
    const char *p = list;
    if (word.n == 0)
        return 0;
    while (*p) {
        size_t n = 0, i;
        while (p[n] && p[n] != ' ')
            n++;
        if (n == word.n) {
            for (i = 0; i < n; i++)
                if (smtpdiag__ascii_lower((unsigned char)p[i]) !=
                    smtpdiag__ascii_lower((unsigned char)word.p[i]))
                    break;
            if (i == n)
                return 1;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* Resolves one tag; returns the language id, or 0 if none fits. */
static int resolve_tag(struct slice tag)
{
    struct slice primary = {NULL, 0}, script = {NULL, 0}, region = {NULL, 0};
    size_t i = 0, k, best_score = 0;
    int best = 0, index = 0;

    /* POSIX: language_REGION.charset@modifier; the charset and modifier
     * say nothing about the language. */
    for (k = 0; k < tag.n; k++)
        if (tag.p[k] == '.' || tag.p[k] == '@')
            tag.n = k;
    if ((tag.n == 1 && (tag.p[0] == 'C' || tag.p[0] == 'c')) ||
        (tag.n == 5 && list_has("posix", tag)))
        return SMTPDIAG_LANG_EN;

    while (i < tag.n) {
        struct slice sub;
        sub.p = tag.p + i;
        sub.n = 0;
        while (i < tag.n && tag.p[i] != '-' && tag.p[i] != '_') {
            i++;
            sub.n++;
        }
        i++; /* the separator */
        if (index == 0) {
            if (sub.n < 2 || sub.n > 3 || !all(sub, is_alpha))
                return 0;
            primary = sub;
        } else if (index == 1 && sub.n == 3 && all(sub, is_alpha)) {
            primary = sub; /* extended language: zh-yue means yue */
        } else if (sub.n == 4 && all(sub, is_alpha) && !script.p && !region.p) {
            script = sub;
        } else if (((sub.n == 2 && all(sub, is_alpha)) ||
                    (sub.n == 3 && all(sub, is_digit))) &&
                   !region.p) {
            region = sub;
        } else if (sub.n == 1) {
            break; /* an extension or private use: the rest is not ours */
        }
        index++;
    }

    for (k = 0; k < smtpdiag__lang_count(); k++) {
        const struct smtpdiag__lang_row *row = smtpdiag__lang_at(k);
        size_t score;
        if (!list_has(smtpdiag__string(row->primary), primary) &&
            !list_has(smtpdiag__string(row->also), primary))
            continue;
        if (script.p && list_has(smtpdiag__string(row->script), script))
            score = 4;
        else if (!script.p && list_has(smtpdiag__string(row->regions), region))
            score = 3;
        else if (row->is_default)
            score = 2;
        else
            score = 1;
        if (score > best_score) {
            best_score = score;
            best = row->id;
        }
    }
    return best;
}

/* Reads the weight of ";q=0.8" as thousandths; 1000 when absent. */
static int weight(struct slice params)
{
    size_t i;
    for (i = 0; i + 2 < params.n; i++) {
        if ((params.p[i] == 'q' || params.p[i] == 'Q') &&
            params.p[i + 1] == '=') {
            int w = 0, scale = 1000;
            size_t j = i + 2;
            if (params.p[j] == '1')
                return 1000;
            for (j++; j < params.n && params.p[j] == '.'; j++)
                ;
            for (; j < params.n && is_digit(params.p[j]) && scale > 1; j++) {
                scale /= 10;
                w += (params.p[j] - '0') * scale;
            }
            return w;
        }
    }
    return 1000;
}

smtpdiag_lang smtpdiag_lang_negotiate(const char *tags, int *fell_back)
{
    int best = 0, best_weight = 0;
    const char *p = tags ? tags : "";

    while (*p) {
        struct slice item, params = {NULL, 0};
        int lang, w;
        while (*p == ' ' || *p == ',' || *p == ':')
            p++;
        item.p = p;
        while (*p && *p != ',' && *p != ':')
            p++;
        item.n = (size_t)(p - item.p);
        while (item.n > 0 && item.p[item.n - 1] == ' ')
            item.n--;
        for (params.p = item.p; params.p < item.p + item.n; params.p++)
            if (*params.p == ';')
                break;
        params.n = (size_t)(item.p + item.n - params.p);
        item.n -= params.n;
        while (item.n > 0 && item.p[item.n - 1] == ' ')
            item.n--;
        w = weight(params);
        if (item.n == 0 || w == 0 || w <= best_weight)
            continue;
        lang = resolve_tag(item);
        if (lang) {
            best = lang;
            best_weight = w;
        }
    }
    if (fell_back)
        *fell_back = best == 0;
    return best ? (smtpdiag_lang)best : SMTPDIAG_LANG_EN;
}

const char *smtpdiag_lang_tag(smtpdiag_lang lang)
{
    const struct smtpdiag__lang_row *row =
        smtpdiag__lang_at(smtpdiag__lang_index(lang));
    return row ? smtpdiag__string(row->tag) : "";
}

const char *smtpdiag_lang_name(smtpdiag_lang lang)
{
    const struct smtpdiag__lang_row *row =
        smtpdiag__lang_at(smtpdiag__lang_index(lang));
    return row ? smtpdiag__string(row->name) : "";
}
