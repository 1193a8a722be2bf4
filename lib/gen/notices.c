/*
 * The notice blocks (lib/data/notices.txt): one translatable text each,
 * found at run time by its id.
 * SPDX-License-Identifier: MIT
 */
#include "model.h"

#include <string.h>

void gen_load_notices(struct gen_model *m, const char *path)
{
    static const char *const names[] = {"id", "comment", "text", NULL};
    struct gen_recfile f;
    size_t i, j;
    gen_records_load(path, &f);
    for (i = 0; i < f.count; i++) {
        const struct gen_record *r = &f.records[i];
        const struct gen_field *text = gen_record_field(r, "text");
        struct gen_notice n;
        struct gen_message msg;
        size_t len;
        gen_record_check_names(r, names);
        n.id = gen_record_require(r, "id");
        for (j = 0; j < m->notice_count; j++)
            if (strcmp(m->notices[j].id, n.id) == 0)
                gen_error(path, r->line, "duplicate notice id '%s'", n.id);
        n.msg = m->msg_count;
        len = strlen(n.id) + sizeof "notice:";
        msg.key = gen_xmalloc(len);
        (void)snprintf(msg.key, len, "notice:%s", n.id);
        msg.english = gen_record_require(r, "text");
        msg.file = r->file;
        msg.line = text ? text->line : r->line;
        msg.comment = gen_record_require(r, "comment");
        GEN_PUSH(m->msgs, m->msg_count, m->msg_cap, msg);
        GEN_PUSH(m->notices, m->notice_count, m->notice_cap, n);
    }
}
