#!/usr/bin/env python3
"""Writes the seed corpora (NAME.in/data-*) and dictionaries (NAME.dict) of
the fuzz targets from the test data and the knowledge files, so that the
seeds start from real replies and the dictionaries hold real phrases.
Run from anywhere; the output is deterministic and committed. Other files
(hand-written seeds, inputs libFuzzer added while fuzzing) are left alone.

usage: tests/fuzz/make-seeds.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'r': '\r', 'n': '\n', 't': '\t', '\\': '\\'}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def tsv_inputs(name):
    rows = []
    with open(os.path.join(ROOT, 'tests', 'data', name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#') or line.startswith('input\t'):
                continue
            rows.append(unescape(line.split('\t')[0]).encode('utf-8'))
    return rows


def every(rows, n):
    """n rows spread evenly over the list (deterministic)."""
    if len(rows) <= n:
        return rows
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]


def knowledge(field, name):
    vals = []
    with open(os.path.join(ROOT, 'lib', 'data', name), encoding='utf-8') as f:
        for line in f:
            if line.startswith(field + ': '):
                vals.append(line[len(field) + 2:].strip())
    return vals


def write_seeds(target, seeds):
    d = os.path.join(HERE, target + '.in')
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f.startswith('data-'):
            os.remove(os.path.join(d, f))
    for i, s in enumerate(seeds):
        with open(os.path.join(d, 'data-%03d' % i), 'wb') as f:
            f.write(s)


def dict_entry(b):
    out = ''
    for c in b:
        if 0x20 <= c < 0x7f and c not in (0x22, 0x5c):
            out += chr(c)
        else:
            out += '\\x%02X' % c
    return '"%s"' % out


def write_dict(target, words, comment):
    seen, lines = set(), ['# ' + comment, '# Written by tests/fuzz/make-seeds.py.']
    for w in words:
        if isinstance(w, str):
            w = w.encode('utf-8')
        if w and w not in seen and len(w) <= 64:
            seen.add(w)
            lines.append(dict_entry(w))
    with open(os.path.join(HERE, target + '.dict'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


replies = tsv_inputs('replies.tsv')
classified = tsv_inputs('classify-corpus.tsv')
phrases = knowledge('phrase', 'rules.txt')
markers = knowledge('marker', 'providers.txt')
domains = ' '.join(knowledge('domains', 'providers.txt')).split()
tags = ['en', 'en-US', 'zh', 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO',
        'zh-CN', 'zh-SG', 'zh_TW.Big5', 'zh_CN.UTF-8', 'en_GB.UTF-8@euro', 'C',
        'POSIX', 'yue', 'yue-HK', 'cmn-Hans', 'zh-Hant-TW', 'zh-Latn', 'de',
        'fr-CA', '*', 'i-klingon', 'x-private', 'en;q=0.5', 'zh;q=0',
        'de, zh-TW;q=0.8, en;q=0.3', 'fr:zh_TW:en', 'zh-hant-tw;q=1.000',
        ' zh-Hant , en ', ';q=', ',,,', ':::', 'zh-' * 30]
smtp_words = ['550', '550-', '550 ', '5.1.1', '4.7.0', '#5.1.1', '(#5.1.1)',
              '\r\n', '\n', '\r', 'smtp;', 'X-Postfix;', 'said:', 'host ',
              'in reply to RCPT TO command', 'after end of data', 'RCPT TO',
              'MAIL FROM', 'DATA', 'end of data', 'STARTTLS', 'AUTH', 'EHLO',
              'Diagnostic-Code:', 'Remote-MTA:', 'Status:', '5.', '.1', '999',
              '1000', '0', '00', '.']

# parse: byte 0 picks the language and the buffer size.
write_seeds('parse', [bytes([i % 256]) + r for i, r in enumerate(every(replies, 40))])
write_dict('parse', smtp_words + every(phrases, 150), 'smtpdiag_parse and friends')

# classify: mode, command, action, host length, domain length, host, domain, text.
seeds = []
for i, text in enumerate(every(classified, 80)):
    host = domains[i % len(domains)].encode() if i % 3 else b''
    dom = domains[(i * 7) % len(domains)].encode() if i % 2 else b''
    seeds.append(bytes([i % 16, i % 10, i % 7, len(host), len(dom)]) + host + dom + text)
write_seeds('classify', seeds)
write_dict('classify', smtp_words + phrases + markers + domains, 'smtpdiag_classify')

# explain: mode byte, then per mode (see fuzz_explain.c).
seeds = []
codes = [(550, 5001001), (421, 4007000), (250, 2000000), (0, 5007026),
         (554, 0), (0, 0), (699, 6001001), (-1, 0xffffffff), (550, 4004007),
         (571, 5007001), (450, 4002002), (552, 5002002)]
for lang in (1, 2, 3, 0, 9):
    for rc, st in codes:
        seeds.append(bytes([0]) + struct.pack('<iiI', lang, rc, st))
for lang in (1, 2, 3, 0x7fffffff):
    for reason in (0, 1, 13, 31, 33, 34, -1):
        seeds.append(bytes([1]) + struct.pack('<ii', lang, reason))
for i, text in enumerate(every(replies, 20)):
    seeds.append(bytes([2]) + tags[i % len(tags)].encode() + b'\0' + text)
for which in range(0, 10):
    seeds.append(bytes([3]) + struct.pack('<iiI', which, which * 3, which) + b'permanent')
for name in (b'zh-Hant', b'userunknown', b'RCPT', b'invalid_code', b'hard', b'failed', b''):
    seeds.append(bytes([3]) + struct.pack('<iiI', 6, 31, 2) + name)
for code in (b'5.1.1', b'4.7.650', b'2.0.0', b'5.01.1', b'5.1.1000', b'6.1.1', b'5.1', b' 5.1.1', b'5.999.999'):
    seeds.append(bytes([4, len(code) + 1]) + code)
for p in ('gmail', 'qq', 'microsoft', 'nope', ''):
    seeds.append(bytes([5]) + struct.pack('<I', 3) + p.encode())
for v in (0, -1, -3, 550, 571, 199, 600, 2147483647, -2147483648):
    seeds.append(bytes([6]) + struct.pack('<i', v))
write_seeds('explain', seeds)
write_dict('explain', smtp_words + tags + ['gmail', 'qq', 'microsoft', 'permanent',
           'userunknown', 'mailboxfull', 'invalid_code', 'zh-Hant', 'hard', 'soft',
           'failed', 'delayed', 'rcpt', 'status_subject'] + every(phrases, 60),
           'smtpdiag_explain_code, _explain_reason, _explain, names')

# lang: mode byte, then the tag list.
write_seeds('lang', [bytes([i % 2]) + t.encode() for i, t in enumerate(tags)])
write_dict('lang', ['en', 'zh', 'yue', 'cmn', 'Hans', 'Hant', 'TW', 'HK', 'MO', 'CN',
                    'SG', '-', '_', '.', '@', ',', ':', ';', 'q=', ';q=0.', '*',
                    'UTF-8', 'Big5', 'euro', 'C', 'POSIX', 'x-', 'i-', 'Latn'],
           'smtpdiag_lang_negotiate')

# parse_text: the buffer-size mode, a size byte, then the text.
write_seeds('parse_text', [bytes([i % 8, (i * 13) % 256]) + r
                           for i, r in enumerate(every(replies, 48))])
write_dict('parse_text', smtp_words, 'smtpdiag_parse_text')
