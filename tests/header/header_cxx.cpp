// The public header used from C++: extern "C" linkage, no C-only constructs.
#include <smtpdiag.h>

#include <cstdio>
#include <cstring>

int main()
{
    smtpdiag_result r;
    const char *line = "550 5.1.1 User unknown";
    if (smtpdiag_explain(&r, smtpdiag_lang_negotiate("en", nullptr), line,
                         std::strlen(line)) != SMTPDIAG_OK)
        return 1;
    if (smtpdiag_result_status(&r) != SMTPDIAG_CODE(5, 1, 1))
        return 1;
    std::printf("%s\n", smtpdiag_result_title(&r));
    return 0;
}
