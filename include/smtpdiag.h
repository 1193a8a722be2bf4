/*
 * libsmtpdiag - understand SMTP replies and RFC 3463 enhanced status codes.
 * SPDX-License-Identifier: MIT
 */
#ifndef SMTPDIAG_H
#define SMTPDIAG_H

/**
 * @mainpage libsmtpdiag
 *
 * libsmtpdiag answers three questions about an SMTP reply such as
 * `550-5.1.1 The email account that you tried to reach does not exist`:
 *
 * - **what happened**: the basic reply code and the RFC 3463 enhanced status
 *   code, read from whatever text the caller has (smtpdiag_parse());
 * - **how bad it is**: success, intermediate, transient or permanent
 *   (smtpdiag_reply_severity(), smtpdiag_status_severity());
 * - **how to say it to a person**: a short title, a plain explanation and
 *   concrete advice in the reader's language (smtpdiag_explain()).
 *
 * Every query function works on caller-owned storage: it never allocates,
 * never does I/O, keeps no global state and is safe to call from any number
 * of threads at once. No initialisation call is needed. Every string the
 * library returns is UTF-8, static, and never `NULL`.
 *
 * @code
 * #include <smtpdiag.h>
 * #include <stdio.h>
 * #include <string.h>
 *
 * int main(void)
 * {
 *     const char *reply = "550 5.1.1 <bob@example.org>: Recipient address
 * rejected"; smtpdiag_lang lang = smtpdiag_lang_negotiate("zh-TW", NULL);
 *     smtpdiag_result r;
 *     smtpdiag_explain(&r, lang, reply, strlen(reply));
 *     printf("%s\n%s\n%s\n", smtpdiag_result_title(&r),
 *            smtpdiag_result_explanation(&r), smtpdiag_result_advice(&r));
 *     return 0;
 * }
 * @endcode
 *
 * The patterns every function follows are described in `docs/api-patterns.md`,
 * the compatibility promise in `docs/ABI.md`.
 */

#include <stddef.h>
#include <stdint.h>

/** @defgroup smtpdiag_version Version and data identity
 * @{ */

/** Major version of this header. @since 0.1.0 */
#define SMTPDIAG_VERSION_MAJOR  0
/** Minor version of this header. @since 0.1.0 */
#define SMTPDIAG_VERSION_MINOR  1
/** Patch version of this header. @since 0.1.0 */
#define SMTPDIAG_VERSION_PATCH  0
/** This header's version as a string. @since 0.1.0 */
#define SMTPDIAG_VERSION_STRING "0.1.0"
/** This header's version as one number, `0xMMmmpp`. @since 0.1.0 */
#define SMTPDIAG_VERSION_NUMBER                                                \
    ((SMTPDIAG_VERSION_MAJOR << 16) | (SMTPDIAG_VERSION_MINOR << 8) |          \
     SMTPDIAG_VERSION_PATCH)

/** @} */

/** @cond INTERNAL */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(SMTPDIAG_STATIC)
#define SMTPDIAG_API
#elif defined(SMTPDIAG_BUILDING)
#define SMTPDIAG_API __declspec(dllexport)
#else
#define SMTPDIAG_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define SMTPDIAG_API __attribute__((visibility("default")))
#else
#define SMTPDIAG_API
#endif
/** @endcond */

#ifdef __cplusplus
extern "C" {
#endif

/** @addtogroup smtpdiag_version
 * @{ */

/**
 * The version of the library that is running, as `0xMMmmpp`.
 *
 * Compare it with #SMTPDIAG_VERSION_NUMBER to learn whether the library
 * loaded at run time is older than the header a program was built with.
 * @since 0.1.0
 */
SMTPDIAG_API unsigned long smtpdiag_version(void);

/**
 * The version of the library that is running, as `"MAJOR.MINOR.PATCH"`.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_version_string(void);

/**
 * A content hash of the knowledge built into the library.
 *
 * The SHA-256 of the data files and translations the tables were generated
 * from, as 64 lower-case hexadecimal digits. Two builds answer the same way
 * for every input exactly when their hashes are equal.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_data_hash(void);

/** @} */

/** @defgroup smtpdiag_errors Return status
 * @{ */

/**
 * What a function that can fail returns. Values are pinned and never reused.
 * @since 0.1.0
 */
typedef enum smtpdiag_error {
    /** Success. */
    SMTPDIAG_OK = 0,
    /** A required pointer was `NULL`, or an argument is out of its range. */
    SMTPDIAG_ERR_INVALID_ARGUMENT = -1,
    /** A code is malformed or out of range (`5.1.1000`, `6.1.1`, `099`). */
    SMTPDIAG_ERR_INVALID_CODE = -2,
    /** The input holds no reply code and no enhanced status code. */
    SMTPDIAG_ERR_NO_CODE = -3,
    /** A caller's buffer is too small for what must be stored in it.
     *  @since 0.1.0 */
    SMTPDIAG_ERR_NO_SPACE = -4,
    /** The message holds no delivery report and no bounce of a known shape.
     *  @since 0.1.0 */
    SMTPDIAG_ERR_NOT_FOUND = -5
} smtpdiag_error;

/**
 * A short English description of a return status.
 *
 * @param error a value of #smtpdiag_error, or any other integer.
 * @return a static string, never `NULL`; `"unknown error"` for a value the
 *         library does not know.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_strerror(int error);

/** @} */

/** @defgroup smtpdiag_enums Names and lists of enumerations
 *
 * Every public enumeration has a stable machine name for each value and can
 * be listed at run time; there are no `_COUNT` sentinels. The functions take
 * the enumeration's identity as their first argument.
 * @{ */

/**
 * The enumerations that smtpdiag_enum_count(), smtpdiag_enum_value(),
 * smtpdiag_enum_name() and smtpdiag_enum_from_name() know.
 * @since 0.1.0
 */
typedef enum smtpdiag_enum {
    /** #smtpdiag_error */
    SMTPDIAG_ENUM_ERROR = 1,
    /** #smtpdiag_severity */
    SMTPDIAG_ENUM_SEVERITY = 2,
    /** #smtpdiag_lang (the languages built into this library) */
    SMTPDIAG_ENUM_LANG = 3,
    /** #smtpdiag_source */
    SMTPDIAG_ENUM_SOURCE = 4,
    /** #smtpdiag_command */
    SMTPDIAG_ENUM_COMMAND = 5,
    /** #smtpdiag_reason */
    SMTPDIAG_ENUM_REASON = 6,
    /** #smtpdiag_bounce */
    SMTPDIAG_ENUM_BOUNCE = 7,
    /** #smtpdiag_action */
    SMTPDIAG_ENUM_ACTION = 8,
    /** #smtpdiag_dsn_kind
     *  @since 0.1.0 */
    SMTPDIAG_ENUM_DSN_KIND = 9
} smtpdiag_enum;

/**
 * How many values an enumeration has in this library.
 * @return the count, or 0 for an unknown enumeration.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_enum_count(smtpdiag_enum which);

/**
 * The value at position @p index (0-based, ascending by value).
 * @return the value, or -1 when @p which or @p index is out of range.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_enum_value(smtpdiag_enum which, size_t index);

/**
 * The stable machine name of a value: `"permanent"`, `"zh-Hant"`,
 * `"invalid_code"` …
 * @return a static string, never `NULL`; `""` for an unknown value.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_enum_name(smtpdiag_enum which, int value);

/**
 * The value whose machine name is @p name (ASCII case-insensitive).
 *
 * @param which the enumeration.
 * @param name the name, not necessarily NUL-terminated; may be `NULL` when
 *        @p len is 0.
 * @param len its length in bytes.
 * @param[out] value receives the value on success; untouched otherwise.
 * @return #SMTPDIAG_OK, or #SMTPDIAG_ERR_INVALID_ARGUMENT when the name is
 *         not known or a pointer is `NULL`.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_enum_from_name(smtpdiag_enum which, const char *name,
                                         size_t len, int *value);

/** @} */

/** @defgroup smtpdiag_codes Reply codes, enhanced status codes and severity
 * @{ */

/**
 * An RFC 3463 enhanced status code packed into one integer:
 * `class * 1000000 + subject * 1000 + detail`, so `5.1.1` is `5001001` and
 * `4.7.650` is `4007650`. 0 means "no code". Build one with #SMTPDIAG_CODE.
 * @since 0.1.0
 */
typedef uint32_t smtpdiag_code;

/** Pack class @p c, subject @p s and detail @p d. @since 0.1.0 */
#define SMTPDIAG_CODE(c, s, d)                                                 \
    ((smtpdiag_code)(c)*1000000u + (smtpdiag_code)(s)*1000u +                  \
     (smtpdiag_code)(d))
/** The class (2, 4 or 5) of a packed code. @since 0.1.0 */
#define SMTPDIAG_CODE_CLASS(x)   ((unsigned)((x) / 1000000u))
/** The subject of a packed code. @since 0.1.0 */
#define SMTPDIAG_CODE_SUBJECT(x) ((unsigned)((x) / 1000u % 1000u))
/** The detail of a packed code. @since 0.1.0 */
#define SMTPDIAG_CODE_DETAIL(x)  ((unsigned)((x) % 1000u))

/**
 * How bad a reply is. The value of each is the first digit of the reply codes
 * it stands for. Values are pinned.
 * @since 0.1.0
 */
typedef enum smtpdiag_severity {
    /** No valid code, so nothing is known. */
    SMTPDIAG_SEVERITY_UNKNOWN = 0,
    /** 2xx / 2.x.x: the request succeeded. */
    SMTPDIAG_SEVERITY_SUCCESS = 2,
    /** 3xx: the server waits for more (354 after DATA, 334 during AUTH). */
    SMTPDIAG_SEVERITY_INTERMEDIATE = 3,
    /** 4xx / 4.x.x: failed for now; the sender should retry later. */
    SMTPDIAG_SEVERITY_TRANSIENT = 4,
    /** 5xx / 5.x.x: failed; retrying the same message will not help. */
    SMTPDIAG_SEVERITY_PERMANENT = 5
} smtpdiag_severity;

/**
 * Parse an enhanced status code written as `class.subject.detail`.
 *
 * The whole of @p text must be the code: class 2, 4 or 5; subject and detail
 * of 1 to 3 digits without leading zeros (RFC 3463 section 2). `5.1.1`,
 * `4.7.650` and `5.1.10` are valid; `5.01.1`, `5.1.1000`, `6.1.1`, `5.1`,
 * ` 5.1.1` are not.
 *
 * @param text the text, not necessarily NUL-terminated; may be `NULL` when
 *        @p len is 0.
 * @param len its length in bytes.
 * @param[out] code receives the packed code on success, 0 otherwise.
 * @return #SMTPDIAG_OK, #SMTPDIAG_ERR_INVALID_CODE, or
 *         #SMTPDIAG_ERR_INVALID_ARGUMENT when @p code is `NULL` (or @p text
 *         is `NULL` with a non-zero @p len).
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_code_parse(const char *text, size_t len,
                                     smtpdiag_code *code);

/**
 * Write a packed code as `class.subject.detail`, with `snprintf` semantics.
 *
 * @param code a packed code.
 * @param buf the buffer; may be `NULL` when @p size is 0.
 * @param size its size in bytes; the output is always NUL-terminated when
 *        @p size > 0.
 * @return the length the full text needs (without the NUL), or 0 when
 *         @p code is not a valid code (then `buf[0]` is set to NUL).
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_code_format(smtpdiag_code code, char *buf,
                                         size_t size);

/**
 * Whether @p code is a well-formed enhanced status code (class 2, 4 or 5;
 * subject and detail 0 to 999).
 * @return 1 or 0.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_code_is_valid(smtpdiag_code code);

/**
 * Whether @p reply_code is a basic reply code: three digits, 200 to 599.
 *
 * Servers send codes no RFC defines (`571`, `471`); they are valid reply
 * codes all the same, see smtpdiag_reply_code_is_standard().
 * @return 1 or 0.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_reply_code_is_valid(int reply_code);

/**
 * Whether an RFC defines @p reply_code as a reply (RFC 5321 and the SMTP
 * extensions), as opposed to a code only seen in the wild such as `571`.
 * @return 1 or 0 (0 also for an invalid code).
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_reply_code_is_standard(int reply_code);

/**
 * The severity of a basic reply code, from its first digit (RFC 5321).
 * @return the severity; #SMTPDIAG_SEVERITY_UNKNOWN for an invalid code.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_severity smtpdiag_reply_severity(int reply_code);

/**
 * The severity of an enhanced status code, from its class (RFC 3463).
 * @return the severity; #SMTPDIAG_SEVERITY_UNKNOWN for an invalid code.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_severity smtpdiag_status_severity(smtpdiag_code status);

/** @} */

/** @defgroup smtpdiag_lang Languages
 *
 * Explanations come in every language built into the library. A caller turns
 * whatever tag it has (an HTTP `Accept-Language`, a POSIX locale name, a user
 * setting) into a #smtpdiag_lang once, with smtpdiag_lang_negotiate(), and
 * passes the handle to every call after that. The library never reads the
 * environment itself.
 * @{ */

/**
 * A language the library knows. Values are pinned and never reused. A
 * build may leave languages out (`SMTPDIAG_LANGUAGES`, `docs/languages.md`):
 * list the languages of a build with smtpdiag_enum_count() and
 * smtpdiag_enum_value() on #SMTPDIAG_ENUM_LANG; a value that is not built in
 * selects English.
 * @since 0.1.0
 */
typedef enum smtpdiag_lang {
    /** English (`en`), always built in; the final fallback. */
    SMTPDIAG_LANG_EN = 1,
    /** Simplified Chinese (`zh-Hans`), as written in mainland China. */
    SMTPDIAG_LANG_ZH_HANS = 2,
    /** Traditional Chinese (`zh-Hant`), as written in Taiwan. */
    SMTPDIAG_LANG_ZH_HANT = 3,
    /** Japanese (`ja`). */
    SMTPDIAG_LANG_JA = 4,
    /** Korean (`ko`). */
    SMTPDIAG_LANG_KO = 5,
    /** German (`de`). */
    SMTPDIAG_LANG_DE = 6,
    /** French (`fr`). */
    SMTPDIAG_LANG_FR = 7,
    /** Spanish (`es`), neutral between Spain and Latin America. */
    SMTPDIAG_LANG_ES = 8,
    /** Portuguese as written in Brazil (`pt-BR`); also chosen for `pt-PT`. */
    SMTPDIAG_LANG_PT_BR = 9,
    /** Russian (`ru`). */
    SMTPDIAG_LANG_RU = 10,
    /** Italian (`it`). */
    SMTPDIAG_LANG_IT = 11
} smtpdiag_lang;

/**
 * Choose the built-in language that best fits a language tag or list.
 *
 * Accepts BCP 47 tags (`en-US`, `zh-Hant-TW`), POSIX locale names
 * (`zh_TW.Big5`, `en_GB.UTF-8@euro`, `C`) and lists of them separated by
 * commas (HTTP `Accept-Language`, with `;q=` weights) or colons (the POSIX
 * `LANGUAGE` variable); ASCII case-insensitive. For Chinese, the script
 * subtag decides when present (`Hans`, `Hant`), otherwise the region
 * (`TW`, `HK`, `MO` → Traditional; others → Simplified); `yue` is
 * Traditional. The full rules are in `docs/languages.md`.
 *
 * @param tags a NUL-terminated tag or list; `NULL` or `""` selects English.
 * @param[out] fell_back if not `NULL`, receives 1 when no tag named a
 *        built-in language (the answer is then English) and 0 otherwise.
 * @return the language; always one built into this library.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_lang smtpdiag_lang_negotiate(const char *tags,
                                                   int *fell_back);

/**
 * The BCP 47 tag of a language: `"en"`, `"zh-Hans"`, `"zh-Hant"`.
 * @return a static string; `""` for a value that is not built in.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_lang_tag(smtpdiag_lang lang);

/**
 * The name of a language in that language: `"English"`, `"简体中文"`.
 * @return a static UTF-8 string; `""` for a value that is not built in.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_lang_name(smtpdiag_lang lang);

/** @} */

/** @defgroup smtpdiag_command SMTP commands
 * @{ */

/**
 * The SMTP command a reply answered. The same reply code means different
 * things after different commands (a 550 to `RCPT TO` is about the
 * recipient, a 550 after the message body about the content). Values are
 * pinned.
 * @since 0.1.0
 */
typedef enum smtpdiag_command {
    /** Not known: the text does not say. */
    SMTPDIAG_COMMAND_UNKNOWN = 0,
    /** The connection greeting (the server's banner). */
    SMTPDIAG_COMMAND_CONNECT = 1,
    /** `HELO`, `EHLO` or `LHLO`. */
    SMTPDIAG_COMMAND_HELO = 2,
    /** `MAIL FROM`. */
    SMTPDIAG_COMMAND_MAIL = 3,
    /** `RCPT TO`. */
    SMTPDIAG_COMMAND_RCPT = 4,
    /** The `DATA` command itself. */
    SMTPDIAG_COMMAND_DATA = 5,
    /** The end of the message body (the final `.` after `DATA`, or `BDAT
       LAST`). */
    SMTPDIAG_COMMAND_EOD = 6,
    /** `AUTH`. */
    SMTPDIAG_COMMAND_AUTH = 7,
    /** `STARTTLS`. */
    SMTPDIAG_COMMAND_STARTTLS = 8
} smtpdiag_command;

/** @} */

/** @defgroup smtpdiag_classify Classifying bounces
 *
 * Why a message failed, from the codes and the free text together: a
 * reason from the vocabulary bounce processors share (Sisimai's names), a
 * finer detail, the bounce kind, and the provider whose server answered.
 * `docs/classifier.md` explains the rules and their precedence;
 * `docs/labelling.md` defines each reason.
 * @{ */

/**
 * Why a message failed. Values are pinned and never reused; the machine
 * names (smtpdiag_enum_name() on #SMTPDIAG_ENUM_REASON) are Sisimai's.
 * @since 0.1.0
 */
typedef enum smtpdiag_reason {
    SMTPDIAG_REASON_UNDEFINED = 0,      /**< nothing says why */
    SMTPDIAG_REASON_AUTHFAILURE = 1,    /**< SPF, DKIM or DMARC failed */
    SMTPDIAG_REASON_BADREPUTATION = 2,  /**< poor sender reputation */
    SMTPDIAG_REASON_BLOCKED = 3,        /**< the sending IP/host is refused */
    SMTPDIAG_REASON_CONTENTERROR = 4,   /**< malformed message */
    SMTPDIAG_REASON_DELIVERED = 5,      /**< delivered */
    SMTPDIAG_REASON_EMAILTOOLARGE = 6,  /**< message too big */
    SMTPDIAG_REASON_EXPIRED = 7,        /**< gave up retrying */
    SMTPDIAG_REASON_FAILEDSTARTTLS = 8, /**< TLS required but failed */
    SMTPDIAG_REASON_FEEDBACK = 9,       /**< a complaint report */
    SMTPDIAG_REASON_FILTERED = 10, /**< the recipient filters this sender */
    SMTPDIAG_REASON_HASMOVED = 11, /**< the recipient moved */
    SMTPDIAG_REASON_HOSTUNKNOWN =
        12, /**< the recipient domain does not exist */
    SMTPDIAG_REASON_MAILBOXFULL = 13,  /**< the mailbox is over quota */
    SMTPDIAG_REASON_MAILERERROR = 14,  /**< a local delivery program failed */
    SMTPDIAG_REASON_NETWORKERROR = 15, /**< network or DNS failure */
    SMTPDIAG_REASON_NORELAYING = 16,   /**< relaying denied */
    SMTPDIAG_REASON_NOTACCEPT = 17,    /**< the destination accepts no mail */
    SMTPDIAG_REASON_NOTCOMPLIANTRFC = 18, /**< violates RFC 5322 */
    SMTPDIAG_REASON_ONHOLD = 19,          /**< held, result not known yet */
    SMTPDIAG_REASON_POLICYVIOLATION = 20, /**< breaks a site policy */
    SMTPDIAG_REASON_RATELIMITED = 21,     /**< too much, too fast */
    SMTPDIAG_REASON_REJECTED = 22,        /**< the envelope sender is refused */
    SMTPDIAG_REASON_REQUIREPTR = 23,      /**< no reverse DNS for the sender */
    SMTPDIAG_REASON_SECURITYERROR = 24,   /**< SMTP AUTH or security failure */
    SMTPDIAG_REASON_SPAMDETECTED = 25,    /**< content judged spam */
    SMTPDIAG_REASON_SUPPRESSED = 26,      /**< on a suppression list */
    SMTPDIAG_REASON_SUSPEND = 27,         /**< the account is disabled */
    SMTPDIAG_REASON_SYNTAXERROR = 28,     /**< SMTP syntax or sequence error */
    SMTPDIAG_REASON_SYSTEMERROR = 29,     /**< remote system error */
    SMTPDIAG_REASON_SYSTEMFULL = 30,      /**< remote storage full */
    SMTPDIAG_REASON_USERUNKNOWN = 31,     /**< no such recipient */
    SMTPDIAG_REASON_VACATION = 32,        /**< an automatic vacation reply */
    SMTPDIAG_REASON_VIRUSDETECTED = 33    /**< a virus was found */
} smtpdiag_reason;

/**
 * Whether the address itself is bad. Severity says whether to retry the
 * message; the bounce kind says whether to keep the address on a list.
 * Values are pinned.
 * @since 0.1.0
 */
typedef enum smtpdiag_bounce {
    /** Not a failure (success, intermediate, vacation, feedback), or
     *  nothing is known. */
    SMTPDIAG_BOUNCE_NONE = 0,
    /** The address may be fine (mailbox full, blocked, spam ...). */
    SMTPDIAG_BOUNCE_SOFT = 1,
    /** The address is bad: suppress it (unknown user or domain ...). */
    SMTPDIAG_BOUNCE_HARD = 2
} smtpdiag_bounce;

/**
 * The `Action` of a DSN recipient (RFC 3464). Values are pinned.
 * @since 0.1.0
 */
typedef enum smtpdiag_action {
    SMTPDIAG_ACTION_UNKNOWN = 0,   /**< not given */
    SMTPDIAG_ACTION_FAILED = 1,    /**< `failed` */
    SMTPDIAG_ACTION_DELAYED = 2,   /**< `delayed` */
    SMTPDIAG_ACTION_DELIVERED = 3, /**< `delivered` */
    SMTPDIAG_ACTION_RELAYED = 4,   /**< `relayed` */
    SMTPDIAG_ACTION_EXPANDED = 5   /**< `expanded` */
} smtpdiag_action;

/**
 * Optional context for smtpdiag_classify(), in caller-owned storage of a
 * fixed size. The setters copy what they are given, so the hints need no
 * other storage to stay valid.
 * @since 0.1.0
 */
typedef struct smtpdiag_hints {
    /** Private; use the setters. */
    uint64_t opaque_[80];
} smtpdiag_hints;

/** @} */

/** @defgroup smtpdiag_result Results
 *
 * A #smtpdiag_result is caller-owned storage that the query functions fill
 * and the `smtpdiag_result_*` getters read. Its size never changes and its
 * contents are private, so new answers can be added without breaking the ABI.
 * It holds no pointer into the caller's input: it stays valid after the input
 * is gone, and may be copied with `memcpy` or assignment.
 * @{ */

/**
 * Opaque, fixed-size storage for one diagnosis. Declare it on the stack;
 * there is nothing to initialise or free.
 * @since 0.1.0
 */
typedef struct smtpdiag_result {
    /** Private; use the getters. */
    uint64_t opaque_[64];
} smtpdiag_result;

/**
 * Which knowledge an explanation came from, from most to least specific.
 * Values are pinned.
 * @since 0.1.0
 */
typedef enum smtpdiag_source {
    /** Nothing explained the input (no valid code). */
    SMTPDIAG_SOURCE_NONE = 0,
    /** The enhanced status code's own entry (`5.1.1`). */
    SMTPDIAG_SOURCE_STATUS = 1,
    /** The entry for the status code's subject (`5.1.0` for `5.1.99`). */
    SMTPDIAG_SOURCE_STATUS_SUBJECT = 2,
    /** The basic reply code's own entry (`550`). */
    SMTPDIAG_SOURCE_REPLY = 3,
    /** The entry for the status code's class alone (`5.0.0`). */
    SMTPDIAG_SOURCE_STATUS_CLASS = 4,
    /** The reply code's first digit alone (`5xx`). */
    SMTPDIAG_SOURCE_REPLY_CLASS = 5,
    /** The reason a phrase of the text named (`"reason:mailboxfull"`). */
    SMTPDIAG_SOURCE_REASON = 6,
    /** A provider's rule (`"rule:gmail-spf-not-passed"`); the texts are those
     *  of the rule's reason. */
    SMTPDIAG_SOURCE_RULE = 7
} smtpdiag_source;

/**
 * The basic reply code, or 0 when there is none.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_result_reply_code(const smtpdiag_result *r);

/**
 * The enhanced status code (see #smtpdiag_code), or 0 when there is none.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_code smtpdiag_result_status(const smtpdiag_result *r);

/** What the offset getters answer when there is no such code. @since 0.1.0 */
#define SMTPDIAG_NO_OFFSET ((size_t)-1)

/**
 * Where the reply code was found: a 0-based byte offset into the input of
 * smtpdiag_parse() or smtpdiag_explain(), or #SMTPDIAG_NO_OFFSET.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_result_reply_code_at(const smtpdiag_result *r);

/**
 * Where the enhanced status code was found (0-based byte offset), or
 * #SMTPDIAG_NO_OFFSET.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_result_status_at(const smtpdiag_result *r);

/**
 * The SMTP command the reply answered, when the text says so
 * (`in reply to RCPT TO command`, `after end of data`).
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_command smtpdiag_result_command(const smtpdiag_result *r);

/**
 * How bad the reply is. When the reply code and the enhanced code disagree
 * (`550 4.4.7`), the reply code governs, as RFC 5321 says.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_severity
smtpdiag_result_severity(const smtpdiag_result *r);

/**
 * The language the texts are in.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_lang smtpdiag_result_lang(const smtpdiag_result *r);

/**
 * A short title (`"Recipient address does not exist"`), or `""`.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_result_title(const smtpdiag_result *r);

/**
 * What happened, in plain words for the person who sent the mail, or `""`.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_result_explanation(const smtpdiag_result *r);

/**
 * What that person can do about it, or `""`.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_result_advice(const smtpdiag_result *r);

/**
 * Why the message failed (#SMTPDIAG_REASON_UNDEFINED when nothing says).
 * Filled by smtpdiag_classify(), smtpdiag_explain() and
 * smtpdiag_explain_code() (from the codes alone).
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_reason smtpdiag_result_reason(const smtpdiag_result *r);

/**
 * The finer distinction within the reason, from the deciding rule
 * (`"greylisting"`, `"dnsbl"`, `"spf"`, `"quota"` …), or `""`.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_result_detail(const smtpdiag_result *r);

/**
 * Whether the address itself is bad (see #smtpdiag_bounce).
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_bounce smtpdiag_result_bounce(const smtpdiag_result *r);

/**
 * The provider whose server answered (`"gmail"`, `"microsoft"`, `"qq"`), as
 * recognised from the text or the hints, or `""`.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_result_provider(const smtpdiag_result *r);

/**
 * The stable id of the rule that decided the reason, or `""` when the codes
 * decided.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_result_rule(const smtpdiag_result *r);

/**
 * Where the deciding phrase was found (0-based byte offset into the input),
 * or #SMTPDIAG_NO_OFFSET.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_result_match_at(const smtpdiag_result *r);

/**
 * The length in bytes of the deciding phrase in the input (0 when none).
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_result_match_len(const smtpdiag_result *r);

/**
 * Which kind of entry the texts came from.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_source smtpdiag_result_source(const smtpdiag_result *r);

/**
 * The key of the entry the texts came from, written as the code it is keyed
 * by: `"5.1.1"`, `"5.1.0"`, `"5.0.0"`, `"550"`, or `"5xx"`; `"reason:NAME"`
 * when a phrase of the text decided, `"rule:ID"` when a provider's rule did;
 * `""` when nothing explained the input.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_result_explained_by(const smtpdiag_result *r);

/** @} */

/** @addtogroup smtpdiag_classify
 * @{ */

/**
 * Clears the hints: no command, no action, no host, no domain.
 * @since 0.1.0
 */
SMTPDIAG_API void smtpdiag_hints_init(smtpdiag_hints *h);

/**
 * The SMTP command the reply answered, when the caller knows it better than
 * the text says. #SMTPDIAG_COMMAND_UNKNOWN clears it.
 * @return #SMTPDIAG_OK, or #SMTPDIAG_ERR_INVALID_ARGUMENT for `NULL` or an
 *         unknown value.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_hints_set_command(smtpdiag_hints *h,
                                            smtpdiag_command command);

/**
 * The DSN `Action` of the recipient the reply is about.
 * @return #SMTPDIAG_OK, or #SMTPDIAG_ERR_INVALID_ARGUMENT.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_hints_set_action(smtpdiag_hints *h,
                                           smtpdiag_action action);

/**
 * The host name of the server that sent the reply
 * (`gmail-smtp-in.l.google.com`, from a DSN's `Remote-MTA` or the MTA's own
 * log). Used to recognise the provider. At most 255 bytes; a trailing dot is
 * ignored.
 * @return #SMTPDIAG_OK, or #SMTPDIAG_ERR_INVALID_ARGUMENT when @p h is `NULL`
 *         or the name is longer than 255 bytes.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_hints_set_remote_host(smtpdiag_hints *h,
                                                const char *host, size_t len);

/**
 * The domain of the recipient address (`qq.com`). Used to recognise the
 * provider when the reply does not name it. At most 255 bytes.
 * @return #SMTPDIAG_OK, or #SMTPDIAG_ERR_INVALID_ARGUMENT.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_hints_set_domain(smtpdiag_hints *h,
                                           const char *domain, size_t len);

/**
 * Classify a reply: find its codes, its reason and its provider, and
 * explain it with the most specific knowledge there is.
 *
 * One pass over the text finds every known phrase and provider marker at
 * once (a DFA compiled at build time: linear time, no allocation). The
 * reason comes from the best rule that matched (a provider's rule, when the
 * provider is recognised, or a phrase), if it is more specific than the
 * codes; otherwise from the codes. The texts come from the deciding rule's
 * reason, else from the codes (as smtpdiag_explain_code() chooses).
 *
 * @param[out] r the result; always filled, also on error.
 * @param lang the language of the texts.
 * @param text the reply, diagnostic or log line; not necessarily
 *        NUL-terminated; may be `NULL` when @p len is 0.
 * @param len its length in bytes.
 * @param hints context, or `NULL` for none.
 * @return #SMTPDIAG_OK when a code or a reason was found,
 *         #SMTPDIAG_ERR_NO_CODE when neither was, or
 *         #SMTPDIAG_ERR_INVALID_ARGUMENT.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_classify(smtpdiag_result *r, smtpdiag_lang lang,
                                   const char *text, size_t len,
                                   const smtpdiag_hints *hints);

/**
 * Explain a reason by itself: its title, explanation and advice in a
 * language, as smtpdiag_classify() gives them when a phrase decided. For
 * programs that store reasons and show them later.
 *
 * @param[out] r the result: the reason, its bounce kind and texts; no codes.
 * @param lang the language of the texts.
 * @param reason a reason; an unknown value gives #SMTPDIAG_ERR_INVALID_ARGUMENT
 *        and an empty result.
 * @return #SMTPDIAG_OK or #SMTPDIAG_ERR_INVALID_ARGUMENT.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_explain_reason(smtpdiag_result *r, smtpdiag_lang lang,
                                         smtpdiag_reason reason);

/**
 * How many providers the library knows.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_provider_count(void);

/**
 * The stable id of the provider at @p index (`"gmail"`, `"qq"`), or `""`.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_provider_id(size_t index);

/**
 * The display name of a provider by id (`"Gmail / Google Workspace"`), or
 * `""` for an unknown id.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_provider_name(const char *id);

/**
 * The data version: the date-based version of the knowledge
 * (`"2026.11.29"`), raised with every change that alters answers.
 * @since 0.1.0
 */
SMTPDIAG_API const char *smtpdiag_data_version(void);

/** @} */

/** @defgroup smtpdiag_explain Explaining codes and replies
 * @{ */

/**
 * Explain a basic reply code, an enhanced status code, or both.
 *
 * The most specific entry wins: the enhanced code's own entry, then its
 * subject's (`5.1.0`), then the reply code's own entry, then the enhanced
 * code's class (`5.0.0`), then the reply code's first digit (`5xx`). When
 * the two codes' classes disagree, the enhanced code is read in the reply
 * code's class (`550 4.4.7` is explained as `5.4.7`), because the reply code
 * governs what happens to the message.
 *
 * @param[out] r the result; always filled, also on error.
 * @param lang the language of the texts (from smtpdiag_lang_negotiate());
 *        a value that is not built in selects English.
 * @param reply_code a basic reply code, or 0 for none.
 * @param status an enhanced status code, or 0 for none.
 * @return #SMTPDIAG_OK; #SMTPDIAG_ERR_INVALID_CODE when a non-zero code is
 *         invalid (the other code, if valid, is still explained);
 *         #SMTPDIAG_ERR_NO_CODE when both are 0; #SMTPDIAG_ERR_INVALID_ARGUMENT
 *         when @p r is `NULL`.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_explain_code(smtpdiag_result *r, smtpdiag_lang lang,
                                       int reply_code, smtpdiag_code status);

/**
 * Explain a reply line, a diagnostic string or a bare code (`"550"`,
 * `"5.1.1"`, `"550 5.1.1 User unknown"`).
 *
 * The same as smtpdiag_classify() without hints: the codes are found as
 * smtpdiag_parse() finds them, the free text is matched against the
 * classifier's phrases, and the most specific knowledge explains the reply.
 * For a bare code the answer is that of smtpdiag_explain_code().
 *
 * @param[out] r the result; always filled, also on error.
 * @param lang the language of the texts.
 * @param text the input, not necessarily NUL-terminated; embedded NUL bytes
 *        are data. May be `NULL` when @p len is 0.
 * @param len its length in bytes.
 * @return #SMTPDIAG_OK, #SMTPDIAG_ERR_NO_CODE when the text holds no code,
 *         or #SMTPDIAG_ERR_INVALID_ARGUMENT.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_explain(smtpdiag_result *r, smtpdiag_lang lang,
                                  const char *text, size_t len);

/** @} */

/** @defgroup smtpdiag_parse Reading replies
 * @{ */

/**
 * Find the basic reply code and the enhanced status code in a text.
 *
 * Fills the codes of @p r (smtpdiag_result_reply_code(),
 * smtpdiag_result_status()), where they were found
 * (smtpdiag_result_reply_code_at(), smtpdiag_result_status_at()), the
 * command the reply answered (smtpdiag_result_command()) and the severity;
 * the texts stay empty. When the text holds several codes, the rule of
 * `docs/precedence.md` decides: a remote server's reply quoted inside a
 * relay's wrapper wins; then the codes at the start of the reply; then the
 * first free-standing enhanced code (qmail's `(#5.1.1)`).
 *
 * Accepts single and multi-line replies (CRLF, LF or CR alone), DSN
 * `Diagnostic-Code` values (`smtp; 550 5.1.1 ...`), log lines and bare codes.
 * Time is linear in @p len; nothing is allocated.
 *
 * @param[out] r the result; always filled, also on error.
 * @param text the input, not necessarily NUL-terminated; may be `NULL` when
 *        @p len is 0.
 * @param len its length in bytes.
 * @return #SMTPDIAG_OK, #SMTPDIAG_ERR_NO_CODE, or
 *         #SMTPDIAG_ERR_INVALID_ARGUMENT.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_parse(smtpdiag_result *r, const char *text,
                                size_t len);

/**
 * The human text of a reply, without its codes, with `snprintf` semantics.
 *
 * Removes the DSN diagnostic type (`smtp;`), the reply code and enhanced code
 * that start each line (`550-5.7.1 `), and the codes smtpdiag_parse() chose
 * wherever they stand (with a `#` before them, and the parentheses of
 * qmail's `(#5.1.1)`); joins lines with one space, so that text never glues
 * to a code; turns control characters into spaces and collapses runs of
 * spaces. Other bytes are copied as they are (invalid UTF-8 included).
 *
 * `"550-5.1.1 The account\r\n550 5.1.1 does not exist"` gives
 * `"The account does not exist"`.
 *
 * @param text the input, as given to smtpdiag_parse(); may be `NULL` when
 *        @p len is 0.
 * @param len its length in bytes.
 * @param buf the output buffer; may be `NULL` when @p size is 0.
 * @param size its size; the output is always NUL-terminated when
 *        @p size > 0.
 * @return the length of the whole text (without the NUL); a value
 *         `>= size` means the output was cut.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_parse_text(const char *text, size_t len, char *buf,
                                        size_t size);

/** @} */

/** @defgroup smtpdiag_dsn Reading bounces
 *
 * A cursor over the recipients of a bounce: an RFC 3464 delivery status
 * notification (`message/delivery-status`), its RFC 6533 form
 * (`message/global-delivery-status`), a bare DSN body, or a plain-text
 * bounce of a shape `docs/dsn.md` lists (qmail, Exim, Sendmail, Postfix,
 * old Exchange). Nothing is allocated: the cursor points into the caller's
 * message, and into the caller's scratch buffer where a part had to be
 * decoded (quoted-printable or base64). Each step costs time linear in the
 * recipient's block; the cursor's size does not grow with the number of
 * recipients.
 *
 * Field values are returned unfolded: line breaks inside a folded field
 * become one space, and leading and trailing white space is removed.
 * @{ */

/**
 * Opaque, fixed-size cursor over one bounce message. It points into the
 * message and the scratch buffer given to smtpdiag_dsn_open(); both must
 * outlive it.
 * @since 0.1.0
 */
typedef struct smtpdiag_dsn {
    /** Private; use the functions. */
    uint64_t opaque_[48];
} smtpdiag_dsn;

/**
 * How smtpdiag_dsn_open() found the recipients. Values are pinned.
 * @since 0.1.0
 */
typedef enum smtpdiag_dsn_kind {
    /** Nothing was found. */
    SMTPDIAG_DSN_KIND_NONE = 0,
    /** A delivery status notification (RFC 3464 or RFC 6533). */
    SMTPDIAG_DSN_KIND_REPORT = 1,
    /** A plain-text bounce of a known shape (`docs/dsn.md`). */
    SMTPDIAG_DSN_KIND_TEXT = 2
} smtpdiag_dsn_kind;

/**
 * Open a bounce message and place the cursor before its first recipient.
 *
 * Accepts a whole message (headers and MIME body, CRLF or LF), in which the
 * first `multipart/report` delivery-status part is read wherever it is
 * nested, or a bare `message/delivery-status` body. Without a DSN part the
 * first text part (or the body) is searched for a plain-text bounce.
 *
 * @param[out] d the cursor; always initialised, also on error.
 * @param msg the message; need not be NUL-terminated; may be `NULL` when
 *        @p len is 0.
 * @param len its length in bytes.
 * @param scratch room for decoding an encoded part; may be `NULL` when
 *        @p scratch_size is 0. @p len bytes always suffice; a message whose
 *        parts are not encoded needs none.
 * @param scratch_size its size in bytes.
 * @return #SMTPDIAG_OK; #SMTPDIAG_ERR_NOT_FOUND when there is neither a
 *         delivery report nor a known bounce shape; #SMTPDIAG_ERR_NO_SPACE
 *         when an encoded part does not fit in @p scratch (the cursor is then
 *         empty); #SMTPDIAG_ERR_INVALID_ARGUMENT.
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_dsn_open(smtpdiag_dsn *d, const char *msg, size_t len,
                                   char *scratch, size_t scratch_size);

/**
 * How the recipients were found.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_dsn_kind smtpdiag_dsn_kind_of(const smtpdiag_dsn *d);

/**
 * Move to the next recipient.
 * @return 1 when the cursor is on a recipient, 0 when there are no more (or
 *         @p d is `NULL`).
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_dsn_next(smtpdiag_dsn *d);

/**
 * Place the cursor before the first recipient again.
 * @since 0.1.0
 */
SMTPDIAG_API void smtpdiag_dsn_rewind(smtpdiag_dsn *d);

/**
 * The current recipient's address: `Final-Recipient`, else
 * `Original-Recipient`, without its address type (`rfc822;`, `utf-8;`) and
 * without enclosing angle brackets. Copied with `snprintf` semantics.
 *
 * @param d the cursor.
 * @param buf the output; may be `NULL` when @p size is 0. Always
 *        NUL-terminated when @p size > 0.
 * @param size its size.
 * @return the length of the whole value (0 when there is none); a value
 *         `>= size` means the output was cut.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_recipient(const smtpdiag_dsn *d, char *buf,
                                           size_t size);

/**
 * A field of the current recipient's block by name (case-insensitive):
 * `Final-Recipient`, `Action`, `Status`, `Remote-MTA`, `Diagnostic-Code`,
 * `Last-Attempt-Date`, `Will-Retry-Until`, any `X-` field. The value is
 * unfolded and otherwise as written (address types and comments kept).
 * For a plain-text bounce only `Final-Recipient` and `Diagnostic-Code` are
 * known. Same return convention as smtpdiag_dsn_recipient().
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_field(const smtpdiag_dsn *d, const char *name,
                                       char *buf, size_t size);

/**
 * A field of the DSN's per-message block by name (`Reporting-MTA`,
 * `Arrival-Date`, `Original-Envelope-Id`, `X-` fields). Same conventions as
 * smtpdiag_dsn_field().
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_message_field(const smtpdiag_dsn *d,
                                               const char *name, char *buf,
                                               size_t size);

/**
 * A header of the original message, when the bounce returns it (a
 * `message/rfc822`, `message/global`, `text/rfc822-headers` or
 * `message/global-headers` part): `Message-ID`, `Subject`, `From`, `To`,
 * `Date`, `List-Id`, or any header the caller names (campaign and VERP
 * ids). The value is unfolded; encoded words (RFC 2047) are left as they
 * are. Same return convention as smtpdiag_dsn_recipient().
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_original_header(const smtpdiag_dsn *d,
                                                 const char *name, char *buf,
                                                 size_t size);

/**
 * The host name of the current recipient's `Remote-MTA`: without the type
 * (`dns;`), comments, a bracketed address or a final dot. Same return
 * convention as smtpdiag_dsn_recipient().
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_remote_mta(const smtpdiag_dsn *d, char *buf,
                                            size_t size);

/**
 * The host name of the DSN's `Reporting-MTA`, cleaned as
 * smtpdiag_dsn_remote_mta() cleans it.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_reporting_mta(const smtpdiag_dsn *d, char *buf,
                                               size_t size);

/**
 * The current recipient's `Action`. A plain-text bounce gives
 * #SMTPDIAG_ACTION_FAILED, or #SMTPDIAG_ACTION_DELAYED for a delay warning.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_action smtpdiag_dsn_action(const smtpdiag_dsn *d);

/**
 * The current recipient's enhanced status code, by the rule of
 * `docs/dsn.md`: the `Status` field, unless the diagnostic carries a more
 * specific code of the same class (`Status: 5.0.0` with `550 5.7.1 ...` in
 * the text gives 5.7.1); without a `Status` field, the diagnostic's code.
 * @return the code, or 0 when there is none.
 * @since 0.1.0
 */
SMTPDIAG_API smtpdiag_code smtpdiag_dsn_status(const smtpdiag_dsn *d);

/**
 * The current recipient's diagnostic: the `Diagnostic-Code` text after its
 * type (`smtp;`), unfolded; for a plain-text bounce, the server's reply.
 * Same return convention as smtpdiag_dsn_recipient().
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_diagnostic(const smtpdiag_dsn *d, char *buf,
                                            size_t size);

/**
 * Classify and explain the current recipient, as smtpdiag_classify() does
 * for its diagnostic, with the status of smtpdiag_dsn_status(), the action,
 * the `Remote-MTA` host and the recipient's domain as hints. Match offsets
 * refer to the text smtpdiag_dsn_diagnostic() gives; the first
 * #SMTPDIAG_DSN_DIAGNOSTIC_MAX bytes of it are read.
 *
 * @param d the cursor, on a recipient.
 * @param[out] r the result; always filled.
 * @param lang the language of the texts.
 * @return #SMTPDIAG_OK, #SMTPDIAG_ERR_NO_CODE when neither the fields nor
 *         the text give a code or a reason, or #SMTPDIAG_ERR_INVALID_ARGUMENT
 *         (also when the cursor is not on a recipient).
 * @since 0.1.0
 */
SMTPDIAG_API int smtpdiag_dsn_classify(const smtpdiag_dsn *d,
                                       smtpdiag_result *r, smtpdiag_lang lang);

/** How many bytes of a diagnostic smtpdiag_dsn_classify() reads. */
#define SMTPDIAG_DSN_DIAGNOSTIC_MAX 4096

/** @} */

/** @defgroup smtpdiag_notice Bounce notices
 *
 * A complete, localized notice for the person who sent a message, about
 * the recipients it could not reach (or not yet): a subject line, what
 * happened to which address, why, what to do, and the server's reply as
 * technical detail. The texts are data (`lib/data/notices.txt`),
 * translated like the rest. Text from outside (addresses, replies) is made
 * harmless: invalid UTF-8 becomes U+FFFD, control and bidirectional
 * formatting characters are replaced, and no line exceeds 998 bytes.
 * @{ */

/**
 * Render a notice for the failed and delayed recipients of a bounce.
 *
 * The first line is the subject; a blank line follows, then the body. A
 * delay notice says that the mail system keeps trying (until the
 * `Will-Retry-Until` date when the DSN gives one); when a bounce holds both,
 * the failed recipients come first. Recipients that were delivered, relayed
 * or expanded are not mentioned. The cursor is rewound before and after.
 *
 * @param d an open cursor.
 * @param lang the language of the notice.
 * @param buf the output; may be `NULL` when @p size is 0; always
 *        NUL-terminated when @p size > 0.
 * @param size its size.
 * @return the length of the whole notice (`snprintf` semantics); 0 when
 *         there is nothing to report (no failed or delayed recipient).
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_dsn_notice(smtpdiag_dsn *d, smtpdiag_lang lang,
                                        char *buf, size_t size);

/**
 * Render a notice for recipients an MTA could not deliver to, from the
 * replies it received, in the same layout as smtpdiag_dsn_notice().
 *
 * @param lang the language of the notice.
 * @param recipients @p count addresses (NUL-terminated strings).
 * @param replies @p count server replies or diagnostics (NUL-terminated;
 *        an element may be `NULL` when there is no reply).
 * @param actions @p count actions (#SMTPDIAG_ACTION_FAILED or
 *        #SMTPDIAG_ACTION_DELAYED; others are skipped), or `NULL` when all
 *        failed.
 * @param count the number of recipients.
 * @param retry_until for delayed recipients, until when the system keeps
 *        trying, as text to show (a date); may be `NULL`.
 * @param buf the output; may be `NULL` when @p size is 0.
 * @param size its size.
 * @return as smtpdiag_dsn_notice(); also 0 when @p recipients or
 *         @p replies is `NULL`.
 * @since 0.1.0
 */
SMTPDIAG_API size_t smtpdiag_notice(smtpdiag_lang lang,
                                    const char *const *recipients,
                                    const char *const *replies,
                                    const smtpdiag_action *actions,
                                    size_t count, const char *retry_until,
                                    char *buf, size_t size);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMTPDIAG_H */
