"""pkisign.golang.regexp and sprig's regex and atoi functions against Go.

tests/goldens/goregexp.json was written by tools/goref/regen_regexp.sh from
Go's regexp package and sprig's functions themselves; every case must give
the same value, the same error text or the same panic text.  The
pathological patterns must cost a number of VM steps bounded by program
size times input length, whatever the pattern's shape.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pkisign.golang import regexp as goregexp
from pkisign.golang.reflect import GoError, GoNil
from pkisign.template import FUNCS, Limits, Template, TemplateLimitError
from pkisign.template.funcs.sprig_math import MATH
from pkisign.template.funcs.sprig_regex import REGEX
from pkisign.template.limits import reset_limits, use_limits


@pytest.fixture(autouse=True)
def _fresh_budget():
    """Each test calls the functions as one template run would, with its own budget
    (large: the work bounds are asserted per call here)."""
    token = use_limits(Limits(max_match_steps=10 ** 9))
    yield
    reset_limits(token)


GOLDEN = json.loads((Path(__file__).parent.parent / "goldens" / "goregexp.json").read_text())
CASES = GOLDEN["cases"]


def _str(v):
    """A golden string: plain, or {"hex": ...} for bytes that are not UTF-8."""
    if isinstance(v, dict):
        return bytes.fromhex(v["hex"]).decode("utf-8", "surrogateescape")
    return v


def _bytes_offset(s: str, i: int) -> int:
    return -1 if i < 0 else len(s[:i].encode("utf-8", "surrogateescape"))


def _ours(case):
    f, re_, s, n, repl = case["f"], _str(case["re"]), _str(case["s"]), case["n"], _str(case["repl"])
    if f == "submatch":
        try:
            r = goregexp.compile(re_)
        except goregexp.Error as e:
            return {"err": str(e)}
        index = [[_bytes_offset(s, i) for i in m] for m in r.find_all_submatch_index(s, n)]
        return {"out": {"groups": r.num_subexp, "names": r.subexp_names, "index": index or None}}
    table = MATH if f == "atoi" else REGEX
    func = table[f]
    args = {"atoi": (s,), "regexQuoteMeta": (s,)}.get(f)
    if args is None:
        args = (re_, s, n) if f.endswith(("FindAll", "Split")) else (re_, s, repl) if "Replace" in f else (re_, s)
    try:
        value = func.fn(*args)
    except GoError as e:
        return {"err" if func.error else "panic": str(e)}
    if isinstance(value, GoNil):
        return {"out": "nil"}
    return {"out": list(value) if isinstance(value, list) else value}


def _golden(record):
    out = dict(record)
    for key in ("err", "panic"):
        if key in out:
            out[key] = _str(out[key])
    value = out.get("out")
    if isinstance(value, list):
        out["out"] = [_str(v) for v in value]
    elif isinstance(value, dict) and "hex" in value:
        out["out"] = _str(value)
    elif isinstance(value, dict):
        value = dict(value, names=[_str(v) for v in value["names"]])
        out["out"] = value
    return out


def _id(case):
    text = json.dumps([case["f"], case["re"], case["s"], case["n"], case["repl"]], ensure_ascii=True)
    return text if len(text) < 80 else text[:77] + "..."


def test_golden_is_from_go_and_large():
    assert GOLDEN["go"].startswith("go1.") and len(CASES) >= 1000
    assert {c["case"]["f"] for c in CASES} >= {
        "submatch", "regexMatch", "mustRegexMatch", "regexFind", "mustRegexFind", "regexFindAll",
        "mustRegexFindAll", "regexReplaceAll", "mustRegexReplaceAll", "regexReplaceAllLiteral",
        "mustRegexReplaceAllLiteral", "regexSplit", "mustRegexSplit", "regexQuoteMeta", "atoi"}


@pytest.mark.parametrize("record", CASES, ids=[_id(c["case"]) for c in CASES])
def test_like_go(record):
    assert _ours(record["case"]) == _golden(record["go"])


# Patterns that backtracking engines run for minutes on a requester's 10 KB
# name; Go (and goregexp) visit each program instruction at most once per
# input position in a search.
HOSTILE_PATTERNS = ["(a|aa)+", "(a?){25}a{25}", "(.*a){12}", r"^(.*)\.(.*)\.(.*)\.example\.com$",
                    r"^([a-z0-9-]+\.)*example\.com$", "(x+x+)+y", "(a*)*b", "(?:a+|b)*c$"]
HOSTILE_INPUTS = {"a": "a" * 10_000, "dots": "a." * 5_000, "name": "x" * 9_988 + ".example.com",
                  "mixed": "ab.c-" * 2_000}
CALLS = [("regexMatch", lambda p, s: (p, s)), ("regexFind", lambda p, s: (p, s)),
         ("regexFindAll", lambda p, s: (p, s, -1)), ("regexSplit", lambda p, s: (p, s, -1)),
         ("regexReplaceAll", lambda p, s: (p, s, "[$1]"))]


@pytest.mark.parametrize("pattern", HOSTILE_PATTERNS)
@pytest.mark.parametrize("input_name", sorted(HOSTILE_INPUTS))
def test_hostile_pattern_work_is_linear(pattern, input_name):
    s = HOSTILE_INPUTS[input_name]
    r = goregexp.compile(pattern)
    for name, args in CALLS:
        before = r.steps
        REGEX[name].fn(*args(pattern, s))
        work = r.steps - before
        assert work <= r.program_size * (len(s) + 1), (name, work, r.program_size)


def test_hostile_pattern_results():
    s = "a" * 10_000
    assert REGEX["regexMatch"].fn("(a|aa)+", s) is True
    assert REGEX["regexFind"].fn("(a?){25}a{25}", s) == "a" * 50
    assert REGEX["regexReplaceAll"].fn("(.*a){12}", s, "<$1>") == "<a>"
    assert REGEX["regexMatch"].fn(r"^(.*)\.(.*)\.(.*)\.example\.com$", "x" * 9_988 + ".example.com") is False
    name = "a.b." * 2_000 + "example.com"
    assert REGEX["regexReplaceAll"].fn(r"^(.*)\.(.*)\.(.*)\.example\.com$", name, "$3") == "b"


def test_patterns_step_accepts_are_accepted():
    pattern = r"^([a-z0-9-]+\.)*example\.com$"
    assert REGEX["mustRegexMatch"].fn(pattern, "www.a-b.example.com") is True
    assert REGEX["mustRegexMatch"].fn(pattern, "www.example.org") is False
    assert REGEX["regexMatch"].fn(r"(\w+\s?)+$", "many words " * 1_000 + "!") is False


def test_compile_errors_are_gos():
    with pytest.raises(goregexp.Error) as e:
        goregexp.compile(r"(a)\1")
    assert str(e.value) == r"error parsing regexp: invalid escape sequence: `\1`"
    with pytest.raises(GoError) as e2:
        REGEX["regexFind"].fn("(?=x)", "x")
    assert str(e2.value) == ("regexp: Compile(`(?=x)`): error parsing regexp: "
                             "invalid or unsupported Perl syntax: `(?=`")
    assert REGEX["regexMatch"].fn("(?=x)", "x") is False


def _render(text: str, data: object = None, limits: Limits | None = None) -> str:
    return Template.parse(text, funcs=FUNCS).execute(data, limits=limits)


def test_template_runs_the_hostile_patterns_on_a_10kb_value():
    cn = "a" * 10_000
    text = ('{{ regexMatch "(a|aa)+" . }} {{ len (regexFind "(a?){25}a{25}" .) }} '
            '{{ regexReplaceAll "(.*a){12}" . "<$1>" }} {{ regexMatch `^(.*)\\.(.*)\\.(.*)\\.example\\.com$` . }}')
    assert _render(text, cn) == "true 50 <a> false"


def test_regex_work_is_charged_to_the_template_budget():
    text = '{{ range until 50 }}{{ regexMatch "(.*a){12}$" $ }}{{ end }}'
    limits = Limits(max_match_steps=1_000_000)
    with pytest.raises(TemplateLimitError, match=r"regular expressions took more than 1000000 steps in all"):
        _render(text, "a" * 10_000 + "b", limits=limits)
    assert _render('{{ range until 3 }}{{ regexMatch "(.*a){12}$" $ }}{{ end }}', "a" * 10_000 + "b",
                   limits=limits) == "falsefalsefalse"
