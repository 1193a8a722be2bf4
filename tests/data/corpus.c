/* Reading the labelled corpora in tests/data (see corpus.h). */
#include "corpus.h"
#include "escapes.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

void corpus_open(struct corpus *c, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->lineno = 0;
    c->f = fopen(path, "r");
    if (!c->f)
        fail_msg("cannot open %s", path);
}

int corpus_row(struct corpus *c, char **cols, int n, size_t *len)
{
    while (fgets(c->line, sizeof c->line, c->f)) {
        char *p = c->line;
        int k;
        c->lineno++;
        c->line[strcspn(c->line, "\r\n")] = '\0';
        if (c->line[0] == '#' || c->line[0] == '\0' ||
            strncmp(c->line, "input\t", 6) == 0)
            continue;
        for (k = 0; k < n; k++) {
            cols[k] = p;
            p = strchr(p, '\t');
            if ((p == NULL) != (k == n - 1))
                fail_msg("%s:%d: expected %d columns", c->name, c->lineno, n);
            if (p)
                *p++ = '\0';
        }
        *len = corpus_unescape(cols[0]);
        return 1;
    }
    return 0;
}

void corpus_close(struct corpus *c)
{
    if (c->f)
        fclose(c->f);
    c->f = NULL;
}
