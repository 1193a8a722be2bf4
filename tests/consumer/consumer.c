/* What an embedder writes: explain a real bounce line in Traditional Chinese.
 * Exits 0 only when the installed library answers as documented. */
#include <smtpdiag.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *line =
        "550 5.1.1 <bob@example.org>: Recipient address rejected";
    smtpdiag_result r;
    int rc = smtpdiag_explain(&r, smtpdiag_lang_negotiate("zh-TW", NULL), line,
                              strlen(line));
    printf("%s %s: %s\n", smtpdiag_version_string(),
           smtpdiag_result_explained_by(&r), smtpdiag_result_title(&r));
    if (rc != SMTPDIAG_OK ||
        smtpdiag_result_status(&r) != SMTPDIAG_CODE(5, 1, 1) ||
        smtpdiag_result_lang(&r) != SMTPDIAG_LANG_ZH_HANT ||
        strcmp(smtpdiag_version_string(), SMTPDIAG_VERSION_STRING) != 0)
        return 1;
    return 0;
}
