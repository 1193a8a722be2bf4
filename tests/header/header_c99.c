/* Compiled with -std=c99 -pedantic -Werror: the header is strict C99. */
#include <smtpdiag.h>

int header_c99_uses_everything(void);
int header_c99_uses_everything(void)
{
    smtpdiag_result r;
    smtpdiag_code c = SMTPDIAG_CODE(5, 1, 1);
    smtpdiag_lang lang = SMTPDIAG_LANG_ZH_HANT;
    smtpdiag_severity s = SMTPDIAG_SEVERITY_PERMANENT;
    smtpdiag_source src = SMTPDIAG_SOURCE_REPLY_CLASS;
    smtpdiag_enum e = SMTPDIAG_ENUM_SOURCE;
    (void)r;
    return (int)(SMTPDIAG_CODE_CLASS(c) + SMTPDIAG_CODE_SUBJECT(c) +
                 SMTPDIAG_CODE_DETAIL(c)) +
           (int)lang + (int)s + (int)src + (int)e + SMTPDIAG_OK +
           (int)SMTPDIAG_VERSION_NUMBER;
}
