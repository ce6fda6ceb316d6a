"""The case corpus for tools/goref/regen_regexp.sh: prints a JSON list of
{"f", "re", "s", "n", "repl"} cases (hand-picked plus seeded random ones,
stable across runs). Strings that are not UTF-8 are {"hex": ...}."""

import json
import random
import sys

rng = random.Random(20261204)
cases = []


def raw(b):
    return {"hex": bytes(b).hex()}


def add(f, re, s="", n=-1, repl=""):
    cases.append({"f": f, "re": re, "s": s, "n": n, "repl": repl})


# Patterns x inputs through submatch (the engine itself) and the sprig functions.
SYNTAX = [
    ("a", "banana"), ("a+", "baaab aa"), ("a*", "baaab"), ("a?", "ba"), ("a{2}", "aaaaa"),
    ("a{2,}", "aaaaa"), ("a{2,3}", "aaaaaaa"), ("a{0}", "aaa"), ("a{0,1}", "aa"), ("a{,2}", "a{,2}"),
    ("a{", "a{"), ("a{1", "a{1"), ("a{1,", "a{1,"), ("a{01}", "a{01}"), ("a{1000}", "a" * 1000),
    ("x{2}{3}", "xxxxxx"), ("a*?", "aaa"), ("a+?", "aaa"), ("a??", "aa"), ("a{2,3}?", "aaaa"),
    ("(?U)a+", "aaa"), ("(?U)a+?", "aaa"), ("(a|ab)(c|bcd)(d*)", "abcd"), ("(a+)(b+)?", "aab aa"),
    ("(a*)+", "b"), ("(a*)*", "b"), ("(a*|b)*", "bab"), ("(a|b)*", "abba"), ("(|a)*", "aa"),
    ("(|a)+", "aa"), ("(a|)+", "aa"), ("(a?)*", "aa"), ("(a??)+", "aa"), ("((a)|b)+", "ab"),
    ("(a)|b", "ab"), ("(a)|(b)", "ba"), ("x(a*)*y", "xaay"), ("(a+|b+)*c", "aabbc"),
    ("(?:a|b)+", "xabx"), ("(?:)", "ab"), ("()", "ab"), ("(()|a)+", "aa"), ("(a|aa)+", "aaaaa"),
    ("(?P<first>\\w+) (?P<last>\\w+)", "Jane Doe, John Roe"), ("(?<y>\\d{4})-(?<m>\\d\\d)", "2024-06 1999-12"),
    ("(?P<n>a)(?P<n>b)", "ab"), ("(?P<_x1>.)", "q"), ("^", "ab"), ("$", "ab"), ("^$", ""), ("^a|b$", "ab\nab"),
    ("(?m)^\\w+$", "one\ntwo\nthree"), ("(?m)^", "a\nb\n"), ("(?m)$", "a\nb\n"), ("\\Aa", "aa"), ("a\\z", "aa"),
    ("(?m)\\Aa", "a\na"), ("(?m)a\\z", "a\na"), ("a$", "a\n"), ("(?m)a$", "a\n"), ("\\bfoo\\b", "foo foobar foo"),
    ("\\Bo\\B", "foo boo o"), ("\\b", "ab cd"), ("\\B", "ab cd"), (".", "a\nb"), ("(?s).", "a\nb"),
    ("(?s:.)+", "a\nb"), ("a.c", "abc a\nc"), ("[^a]", "a\nb"), ("[^\\n]+", "ab\ncd"), ("(?i)hello", "HeLLo hello"),
    ("(?i:a)b", "AB Ab ab"), ("(?i)[a-c]+", "xAbCx"), ("(?i)k", "K k \u212a"), ("(?i)s", "S s \u017f"),
    ("(?i)\u00df", "\u1e9e \u00df ss"), ("(?i)\u03c3", "\u03a3 \u03c3 \u03c2"), ("(?i)[^k]", "k\u212aK"),
    ("(?i)\\W", "k\u212a_ "), ("(?i)[[:upper:]]+", "abcXYZ"), ("(?i)\\p{Lu}+", "abcXYZ"), ("(?-i:a)", "A a"),
    ("(?i)a(?-i)b", "AB Ab"), ("(?ims)^a.b$", "A\nB"), ("(?i-s).", "\n"), ("(?s-m)^a.$", "a\n"),
    ("[abc]+", "xcabx"), ("[a-z0-9]+", "Ab9z-"), ("[]a]+", "]a]"), ("[^]a]+", "]xa"), ("[-a]+", "a-a"),
    ("[a-]+", "a-a"), ("[a\\-z]+", "a-z"), ("[\\d\\s]+", "1 2\t3"), ("[\\D]+", "a1"), ("[\\w.]+", "a.b-c"),
    ("\\d+", "a123b\u0663"), ("\\w+", "h\u00e9llo w\u00f6rld"), ("\\s+", "a \t\n\r\f\vb"), ("\\S+", "a b"),
    ("\\W+", "a, b"), ("[[:alpha:]]+", "ab12cd"), ("[[:^alpha:]]+", "ab12cd"), ("[[:digit:][:space:]]+", "1 2x"),
    ("[[:punct:]]+", "a!-/:@[`{~b"), ("[[:word:]]+", "a_b-c"), ("[[:xdigit:]]+", "0xFFz"), ("[[:print:]]+", "a b\x01"),
    ("[[:graph:]]+", "a b"), ("[[:cntrl:]]+", "a\x01\x1fb"), ("[[:blank:]]+", "a \t\nb"), ("[[:ascii:]]+", "ab\u00e9"),
    ("[[:lower:]]+", "aBc"), ("[[:alnum:]]+", "a1_b"), ("[[.a.]]", "a"), ("[[=a=]]", "a"), ("[[:a]", "[:a"),
    ("\\pL+", "h\u00e9llo \u65e5\u672c 12"), ("\\PL+", "ab12 cd"), ("\\p{L}+", "abc"), ("\\p{Lu}+", "aBCd"),
    ("\\p{Greek}+", "abc \u03b1\u03b2\u03b3 d"), ("\\p{Han}+", "x\u65e5\u672cy"), ("\\p{Cyrillic}+", "\u0434\u0430 no"),
    ("\\p{^Greek}+", "\u03b1ab\u03b2"), ("\\P{^Greek}+", "\u03b1ab\u03b2"), ("\\pN+", "a12\u0663\u00bd"),
    ("\\p{Nd}+", "12\u0663\u00bd"), ("\\p{Any}+", "a\nb"), ("[\\p{Greek}\\d]+", "\u03b11x"), ("\\p{Zs}", "a\u00a0b c"),
    ("\\p{Sm}+", "1+2<3"), ("\\p{Latin}+", "caf\u00e9 \u03b1"), ("\\p{Common}+", "a 1+b"), ("(?i)\\p{Greek}", "\u03a3"),
    ("\\QA.B\\E.", "A.BC AxBC"), ("\\Qa+b", "a+b"), ("\\Q\\E", "x"), ("a\\Q*\\E+", "a**"), ("\\x41\\x{42}", "zABz"),
    ("\\x{65e5}", "\u65e5"), ("\\101", "A"), ("\\0", "\x00"), ("\\07", "\x07"), ("\\a\\f\\t\\n\\r\\v", "\x07\x0c\t\n\r\x0b"),
    ("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\", ".*+?()[]{}|^$\\"), ("\\-\\#\\ \\!", "-# !"), ("a|b|c", "xcba"),
    ("abc|abd|aef|bcx|bcy", "bcy abd"), ("a(?:b|c|d)e", "ace"), ("ab|a", "ab"), ("a|ab", "ab"), ("(a|ab)c", "abc"),
    ("\u65e5\u672c\u8a9e", "\u65e5\u672c\u8a9e\u65e5\u672c"), (".", "\u65e5\U0001F600"), ("[\u00e0-\u00ff]+", "caf\u00e9s"),
    ("[^\\x00-\\x{10FFFF}]", "abc"), ("[\\x00-\\x{10FFFF}]+", "ab"), ("x*", "\u65e5\u672c"), ("", "abc"), ("", ""),
    ("^(.*)\\.(.*)\\.(.*)\\.example\\.com$", "a.b.c.example.com"), ("^([a-z0-9-]+\\.)*example\\.com$", "www.a-b.example.com"),
    ("(a|b)*?c", "abc"), ("(?U)(a|b)*c", "abc"), ("a++", "a"), ("a**", "a"), ("a*+", "a"), ("a??+", "a"), ("a{2}*", "a"),
    ("a{2}{3}", "a"), ("(a*)*b", "aab"), ("(a+)+b", "aab"), ("(?:a*)*", "aa"), ("(?:a+)+", "aa"), ("(?:a?)?", "a"),
    ("(a{2}|b)+", "aabaa"), ("(a{0,2}){2}", "aaa"), ("(a?){3}a{3}", "aaa"), ("(?:(a)|b)*", "ab"), ("(a)*", "aa"),
    ("((a)|(b))*", "ab"), ("(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)", "abcdefghijk"),
    ("x(?:ab)*", "xababab"), ("(?:ab)+c", "ababc"), ("(?i:ab)*", "ABab"), ("a(?:bc)?d", "abcd ad"),
    ("(?:ab){2}", "ababab"), ("(?:a)(?:b)*", "abbb"), ("ab(?i)c*", "abCcC"), ("(?i)ab(?-i)c+", "ABcc ABC"),
    ("abc*", "abccc ab"), ("ab(?:cd)+?", "abcdcd"), ("[a][b]+", "abbb"), ("[aA]b*", "Abb"), ("(?i)[k]+", "kK\u212a"),
    ("a\\Qbc\\E*", "abccc"), ("\\x61b*", "abbb"), ("ab|cd*", "cddd ab"), ("(?:ab|cd)*e", "abcde"),
]
for re_, s in SYNTAX:
    add("submatch", re_, s, -1)
    add("regexFindAll", re_, s, -1)
    add("regexReplaceAll", re_, s, repl="<$0|$1|${2}>")

ERRORS = [
    "a(", "a)", ")", "(", "a(b", "(a))", "a**", "a++", "a*?*", "a??+", "**", "*", "+a", "?", "|*", "(*)", "^*", "$+",
    "\\b*", "a{1001}", "a{1000,1001}", "a{2,1}", "a{100000000}", "(a{500}){3}", "((a{10}){10}){11}", "(a{1000}){0}",
    "x{2}{1000}", "(?<=a)b", "(?<!a)b", "(?=a)", "(?!a)", "(a)\\1", "\\1", "\\8", "\\9", "\\k<a>", "\\C", "\\X", "\\e",
    "\\G", "\\Z", "\\é", "\\x", "\\xg", "\\x{", "\\x{}", "\\x{110000}", "\\x{zz}", "\\x1", "\\p", "\\pX", "\\p{", "\\p{X}",
    "\\p{Greek", "\\P{}", "\\p{^}", "[\\p{Foo}]", "[a", "[a-", "[z-a]", "[\\d-z]", "[a-\\d]", "[]", "[^]", "[[:foo:]]",
    "[[:^foo:]]", "[[:alpha:]", "(?P<>a)", "(?P<a-b>x)", "(?P<a", "(?P=a)", "(?P>a)", "(?<>a)", "(?<a>", "(?'a'x)",
    "(?x)", "(?i", "(?i-)", "(?-)", "(?--i)", "(?i-i)", "(?)", "(?:", "(?#c)", "(?|a)", "(?i)(?z)", "a\\", "\\",
    "x|*", "(?i)*", "[\\Q]\\E]", "\\Qab", raw(b"a\xffb"), raw(b"(?P<\xff>a)"), raw(b"[\xff]"), raw(b"\\Q\xfe"),
    raw(b"\\p\xff"), raw(b"\\p{\xff}"), raw(b"\xe2\x82"), raw(b"(?\xff)"), raw(b"\\x\xff"),
    "(" * 1001 + ")" * 1001, "((((((((((a{2}){2}){2}){2}){2}){2}){2}){2}){2}){2})",
]
for re_ in ERRORS:
    for f in ("mustRegexMatch", "regexMatch", "regexFind", "mustRegexFindAll", "submatch"):
        add(f, re_, "a")

# FindAll and Split n values, Replace forms, empty matches.
for re_, s in [("a", "banana"), ("a*", "banana"), ("", "abc"), ("x*", "xxaxx"), ("[0-9]+", "a1b22c333"),
               (",", "a,b,,c,"), ("\\s*", "a b  c"), ("b*", "abbc"), ("(?:)", ""), ("z", ""), ("z*", ""),
               ("[.-]", "a.b-c.d"), ("\\b", "hi there")]:
    for n in (-1, 0, 1, 2, 3, 10):
        add("regexFindAll", re_, s, n)
        add("mustRegexFindAll", re_, s, n)
        add("regexSplit", re_, s, n)
        add("mustRegexSplit", re_, s, n)
    for repl in ("", "-", "$0", "[$0]", "$1", "${1}x", "$1x", "$$", "$", "$x$", "${", "${}", "${0", "$00", "$-1",
                 "\\$0", "$\u00e9", "${\u00e9}", "$\u0663"):
        add("regexReplaceAll", re_, s, repl=repl)
        add("regexReplaceAllLiteral", re_, s, repl=repl)
for re_, s, repl in [("(?P<w>\\w+)", "ab cd", "${w}!"), ("(?P<w>\\w+)", "ab cd", "$w!"), ("(?P<w>\\w+)", "ab cd", "$wx"),
                     ("(\\w+)@(\\w+)", "a@b c@d", "$2 at $1"), ("(\\w+)@(\\w+)", "a@b", "$3|$10|$1$2"),
                     ("(a)|(b)", "ab", "[$1|$2]"), ("(?P<\u00e9>x)", "x", "${\u00e9}"), ("(?P<a1>x)(?P<a>y)", "xy", "$a1-$a"),
                     ("(x)?y", "y", "<$1>"), ("a*", "baaac", "-"), ("a*", "baaac", "<$0>"), ("", "\u65e5\u672c", "|"),
                     ("x*", "\u65e5x\u672c", "-"), ("(?m)^", "a\nb", "> "), ("(?m)$", "a\nb", ";"), ("$", "ab", "!"),
                     ("\\b", "ab cd", "|"), ("[\u65e5]", "\u65e5\u672c\u65e5", "D")]:
    for f in ("regexReplaceAll", "mustRegexReplaceAll", "regexReplaceAllLiteral", "mustRegexReplaceAllLiteral"):
        add(f, re_, s, repl=repl)
for re_, s in [("a.c", "abc"), ("^x", "xy"), ("(?i)X", "x"), ("[", "x"), ("b+", "abbbc"), ("", ""), ("$", "a")]:
    for f in ("regexMatch", "mustRegexMatch", "regexFind", "mustRegexFind"):
        add(f, re_, s)
for s in ["", "abc", "1.5*2+[x]", "\\.+*?()|[]{}^$", "a-b#c &d", "\u65e5.\u672c", "\x00\x7f\u00e9"]:
    add("regexQuoteMeta", "", s)

# Input that is not UTF-8: each bad byte reads as U+FFFD.
for re_, s in [(".", raw(b"a\xffb")), ("\\x{fffd}", raw(b"a\xff\xfeb")), ("[^a]+", raw(b"a\xe2\x82b")), ("\\W", raw(b"\xff")),
               ("(?i)\ufffd+", raw(b"\xff\xef\xbf\xbd")), ("a*", raw(b"\xffa\xff")), ("", raw(b"\xff\xfe")), ("\\b", raw(b"a\xffb")),
               ("\\pL", raw(b"\xc3\xa9\xc3")), ("(.)(.)", raw(b"\xf0\x9f\x98\x80\xf0\x9f"))]:
    add("submatch", re_, s, -1)
    add("regexReplaceAll", re_, s, repl="<$0>")
    add("regexSplit", re_, s, -1)

# Seeded random patterns over a small alphabet, against short inputs.
atoms = ["a", "b", ".", "[ab]", "[^a]", "\\w", "\\b", "^", "$", "(?i)A", "x", "()", "\\B", "(?m)^", "(?s).", "\\pL"]
ops = ["", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{0,2}", "{1,}"]


def gen(depth):
    k = rng.random()
    if depth > 2 or k < 0.4:
        return rng.choice(atoms) + rng.choice(ops)
    if k < 0.7:
        return gen(depth + 1) + gen(depth + 1)
    if k < 0.85:
        return "(" + gen(depth + 1) + "|" + gen(depth + 1) + ")" + rng.choice(ops)
    return "(?:" + gen(depth + 1) + ")" + rng.choice(ops)


atoms += ["ab", "(?:ab)", "(?i:ab)", "\\Qa.\\E", "[aA]", "[a]"]
for _ in range(600):
    re_ = gen(0)
    s = "".join(rng.choice("aab\nAx ") for _ in range(rng.randrange(0, 9)))
    add("submatch", re_, s, -1)

# Seeded random strings of regex syntax: mostly errors, the rest odd corners.
chaos = list("()[]{}|*+?.^$\\-,:PpLdswbBAzQEx0129ai!<>_=#'&") + [
    "(?", "(?P<", "(?<", "[[:", ":]]", "[:^", "\\p{", "\\P", "\\x{", "\u00e9", "{1,2}", "{2,}", "(?i)", "(?-s:",
    "(?U)", "(?m:", "\\Q", "\\E", "[^", "a-z", "\\pN", "\u03a3"]
for _ in range(700):
    re_ = "".join(rng.choice(chaos) for _ in range(rng.randrange(1, 14)))
    s = "".join(rng.choice("aAb.\n -\u00e9_1\u03c3:") for _ in range(rng.randrange(0, 16)))
    add("submatch", re_, s, -1)

# sprig's atoi: strconv.Atoi's result, its error ignored.
for s in ["0", "42", "-42", "+7", "007", " 1", "1 ", "1_000", "0x10", "1e3", "", "-", "abc", "12abc",
          "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
          "99999999999999999999", "-99999999999999999999", "1" * 40, "-" + "9" * 30, "+9223372036854775808",
          "18446744073709551616", "9" * 19, "9" * 20 + "x", "\u0663"]:
    add("atoi", "", s)

json.dump(cases, sys.stdout, ensure_ascii=False)
