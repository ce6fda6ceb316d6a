"""Fuzz target: template regular expressions (Go's regexp, as sprig calls it).

The input after the first byte is split at the first NUL into a pattern
and an input unit (text, other bytes as surrogate escapes, as templates
carry them); the unit is repeated to about 2,000 characters, a long
requester value.  The first byte picks a last character appended to the
input (none, "!", "\\n", the unit's first character) and one sprig
function to run as well.

Contract: the pattern compiles or gives Go's ``error parsing regexp: ...``
one line; one search never takes more VM steps than the program's size
times the input's length plus one (time linear in the input, whatever
the pattern); ``match_string`` agrees with the search's result, which is
a slice of the input; the sprig function answers, gives a GoError or runs
out of the template's regex budget (each search is linear, but FindAll
can search once per match), never another exception.

    python fuzz/fuzz_regex.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import sys

import _harness

with _harness.instrumented(__name__ == "__main__"):
    from pkisign.golang import regexp as goregexp
    from pkisign.golang.reflect import GoError
    from pkisign.template import Limits
    from pkisign.template.funcs.sprig_regex import REGEX
    from pkisign.template.limits import LimitExceeded, reset_limits, use_limits

NAME = "regex"
_LENGTH = 2_000
_FUNCS = ("regexMatch", "regexFind", "regexFindAll", "regexSplit", "regexReplaceAll", "regexReplaceAllLiteral",
          "mustRegexMatch", "mustRegexFindAll")


def one_input(data: bytes) -> str:
    flags, payload = (data[0], data[1:]) if data else (0, b"")
    pattern_b, _, unit_b = payload.partition(b"\x00")
    pattern, unit = _harness.text(pattern_b), _harness.text(unit_b) or "a"
    s = unit * (_LENGTH // len(unit) + 1)
    s = s[:_LENGTH] + ("", "!", "\n", unit[0])[flags & 3]
    try:
        r = goregexp.compile(pattern)
    except goregexp.Error as e:
        message = str(e)
        if not message.startswith("error parsing regexp: "):
            raise _harness.ContractViolation(f"compile error {message!r}") from None
        return "refused:Error"
    bound = r.program_size * (len(s) + 1)
    before = r.steps
    found = r.find_string_index(s)
    if r.steps - before > bound:
        raise _harness.ContractViolation(f"{pattern!r}: {r.steps - before} steps for one search (bound {bound})")
    before = r.steps
    matched = r.match_string(s)
    if r.steps - before > bound:
        raise _harness.ContractViolation(f"{pattern!r}: {r.steps - before} steps for one match (bound {bound})")
    if matched != (found is not None) or (found is not None and not 0 <= found[0] <= found[1] <= len(s)):
        raise _harness.ContractViolation(f"{pattern!r}: match {matched} but search {found}")
    name = _FUNCS[(flags >> 2) % len(_FUNCS)]
    args = (pattern, s, 3) if name.endswith(("FindAll", "Split")) else \
        (pattern, s, "<$1>") if "Replace" in name else (pattern, s)
    token = use_limits(Limits())
    try:
        REGEX[name].fn(*args)
    except GoError:
        return "refused:GoError"
    except LimitExceeded:  # many searches (FindAll, Split, Replace) over the budget
        return "refused:LimitExceeded"
    finally:
        reset_limits(token)
    return "ok"


def seeds() -> list[bytes]:
    pairs = [
        ("(a|aa)+$", "a"), ("(a?){25}a{25}", "a"), ("(.*a){12}", "a"), (r"^(.*)\.(.*)\.(.*)\.example\.com$", "a."),
        (r"^([a-z0-9-]+\.)*example\.com$", "ab-c."), ("(x+x+)+y", "x"), ("(?i)(\\pL|\\d)*$", "É1"), ("(a*)*b", "a"),
        ("((a{1,10}){1,10}){1,10}$", "a"), ("(?s)(.*?,){11}P", "a,"), ("\\b\\w+\\b", "ab "), ("(?m)^.*$", "a\n"),
        ("[[:alpha:]]+|\\p{Greek}+", "aβ"), ("(?U)(a+)+", "a"), ("a{1000}", "a"), ("(|a)*$", "a"),
        ("a.*x|a", "a"),
    ]
    return [bytes((i % 32,)) + p.encode() + b"\x00" + u.encode() for i, (p, u) in enumerate(pairs)]


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import text_mutations

    return text_mutations(seeds(), "()[]{}|*+?.^$\\-,:PpLdswbBAzQE0129ai!<>_\x00a.")


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
