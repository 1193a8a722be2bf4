/* The escapes of the corpora in tests/data (see escapes.h). */
#include "escapes.h"

size_t corpus_unescape(char *s)
{
    size_t i = 0, o = 0;
    while (s[i]) {
        if (s[i] == '\\' && s[i + 1]) {
            char c = s[i + 1];
            s[o++] = c == 'r' ? '\r' : c == 'n' ? '\n' : c == 't' ? '\t' : c;
            i += 2;
        } else {
            s[o++] = s[i++];
        }
    }
    s[o] = '\0';
    return o;
}
