"""sprig's numeric and conversion functions (numeric.go, functions.go)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Any, Callable

from ...golang.fmt import format_value
from ...golang.reflect import GoError, GoList
from ...golang.strconv import NumError, atoi, parse_int
from ..limits import check_alloc, check_elements
from .base import FuncTable, go_int64, to_float64, to_int64, wrap64

__all__ = ["MATH"]

MATH = FuncTable()


@MATH.func("atoi", ["string"], "int")
def _atoi(s: str) -> int:
    # sprig drops Atoi's error but keeps its value: out of range clamps.
    return atoi(s)[0]


@MATH.func("int64", ["interface {}"], "int64")
def _int64(v: Any) -> Any:
    return go_int64(to_int64(v))


@MATH.func("int", ["interface {}"], "int")
def _int(v: Any) -> int:
    return to_int64(v)


@MATH.func("float64", ["interface {}"], "float64")
def _float64(v: Any) -> float:
    return to_float64(v)


@MATH.func("toDecimal", ["interface {}"], "int64")
def _to_decimal(v: Any) -> Any:
    try:
        return go_int64(parse_int(format_value(v), 8, 64))
    except NumError:
        return go_int64(0)


def until_step(start: int, stop: int, step: int) -> list[int]:
    if stop < start:
        if step >= 0:
            return []
        count = (start - stop - step - 1) // -step
    else:
        if step <= 0:
            return []
        count = (stop - start + step - 1) // step
    check_alloc(count, "list")
    check_elements(count, "list")
    return list(range(start, stop, step))


@MATH.func("until", ["int"], "[]int")
def _until(count: int) -> Any:
    return GoList(until_step(0, count, -1 if count < 0 else 1), "[]int")


@MATH.func("untilStep", ["int", "int", "int"], "[]int")
def _until_step(start: int, stop: int, step: int) -> Any:
    return GoList(until_step(start, stop, step), "[]int")


@MATH.func("seq", ["...int"], "string")
def _seq(*params: int) -> str:
    if len(params) == 1:
        start, end = 1, params[0]
        inc = -1 if end < start else 1
        nums = until_step(start, end + inc, inc)
    elif len(params) == 2:
        start, end = params
        step = -1 if end < start else 1
        nums = until_step(start, end + step, step)
    elif len(params) == 3:
        start, step, end = params
        inc = 1
        if end < start:
            inc = -1
            if step > 0:
                return ""
        nums = until_step(start, end + inc, step)
    else:
        return ""
    return " ".join(str(n) for n in nums)


@MATH.func("add1", ["interface {}"], "int64")
def _add1(i: Any) -> Any:
    return go_int64(to_int64(i) + 1)


@MATH.func("add", ["...interface {}"], "int64")
def _add(*i: Any) -> Any:
    return go_int64(sum(to_int64(b) for b in i))


@MATH.func("sub", ["interface {}", "interface {}"], "int64")
def _sub(a: Any, b: Any) -> Any:
    return go_int64(to_int64(a) - to_int64(b))


def _go_div(a: int, b: int) -> int:
    if b == 0:
        raise GoError("runtime error: integer divide by zero")
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


@MATH.func("div", ["interface {}", "interface {}"], "int64")
def _div(a: Any, b: Any) -> Any:
    return go_int64(_go_div(to_int64(a), to_int64(b)))


@MATH.func("mod", ["interface {}", "interface {}"], "int64")
def _mod(a: Any, b: Any) -> Any:
    x, y = to_int64(a), to_int64(b)
    return go_int64(x - _go_div(x, y) * y)


@MATH.func("mul", ["interface {}", "...interface {}"], "int64")
def _mul(a: Any, *v: Any) -> Any:
    val = to_int64(a)
    for b in v:
        val = wrap64(val * to_int64(b))
    return go_int64(val)


def _decimal_op(a: Any, rest: tuple[Any, ...], op: Callable[[Decimal, Decimal], Decimal]) -> float:
    """shopspring/decimal arithmetic on the shortest decimal forms of the floats."""
    def dec(v: Any) -> Decimal:
        f = to_float64(v)
        if math.isnan(f) or math.isinf(f):
            raise GoError(f"Cannot create a Decimal from {format_value(f)}")
        return Decimal(repr(f))

    with localcontext() as ctx:
        ctx.prec = 400
        acc = dec(a)
        for x in rest:
            acc = op(acc, dec(x))
        return float(acc)


def _div_round(d1: Decimal, d2: Decimal) -> Decimal:
    if d2 == 0:
        raise GoError("decimal division by 0")
    try:
        return (d1 / d2).quantize(Decimal("1e-16"), rounding=ROUND_HALF_UP)
    except (DivisionByZero, InvalidOperation):
        raise GoError("decimal division by 0") from None


@MATH.func("add1f", ["interface {}"], "float64")
def _add1f(i: Any) -> float:
    return _decimal_op(i, (1,), lambda x, y: x + y)


@MATH.func("addf", ["...interface {}"], "float64")
def _addf(*i: Any) -> float:
    return _decimal_op(0.0, i, lambda x, y: x + y)


@MATH.func("subf", ["interface {}", "...interface {}"], "float64")
def _subf(a: Any, *v: Any) -> float:
    return _decimal_op(a, v, lambda x, y: x - y)


@MATH.func("divf", ["interface {}", "...interface {}"], "float64")
def _divf(a: Any, *v: Any) -> float:
    return _decimal_op(a, v, _div_round)


@MATH.func("mulf", ["interface {}", "...interface {}"], "float64")
def _mulf(a: Any, *v: Any) -> float:
    return _decimal_op(a, v, lambda x, y: x * y)


@MATH.func("max", ["interface {}", "...interface {}"], "int64", aliases=("biggest",))
def _max(a: Any, *i: Any) -> Any:
    return go_int64(max([to_int64(a)] + [to_int64(b) for b in i]))


@MATH.func("min", ["interface {}", "...interface {}"], "int64")
def _min(a: Any, *i: Any) -> Any:
    return go_int64(min([to_int64(a)] + [to_int64(b) for b in i]))


def _go_max(x: float, y: float) -> float:
    if math.isinf(x) and x > 0 or math.isinf(y) and y > 0:
        return math.inf
    if math.isnan(x) or math.isnan(y):
        return math.nan
    if x == 0 and x == y:
        return y if math.copysign(1, x) < 0 else x
    return x if x > y else y


def _go_min(x: float, y: float) -> float:
    if math.isinf(x) and x < 0 or math.isinf(y) and y < 0:
        return -math.inf
    if math.isnan(x) or math.isnan(y):
        return math.nan
    if x == 0 and x == y:
        return x if math.copysign(1, x) < 0 else y
    return x if x < y else y


@MATH.func("maxf", ["interface {}", "...interface {}"], "float64")
def _maxf(a: Any, *i: Any) -> float:
    acc = to_float64(a)
    for b in i:
        acc = _go_max(acc, to_float64(b))
    return acc


@MATH.func("minf", ["interface {}", "...interface {}"], "float64")
def _minf(a: Any, *i: Any) -> float:
    acc = to_float64(a)
    for b in i:
        acc = _go_min(acc, to_float64(b))
    return acc


@MATH.func("floor", ["interface {}"], "float64")
def _floor(a: Any) -> float:
    f = to_float64(a)
    return f if math.isinf(f) or math.isnan(f) else float(math.floor(f))


@MATH.func("ceil", ["interface {}"], "float64")
def _ceil(a: Any) -> float:
    f = to_float64(a)
    return f if math.isinf(f) or math.isnan(f) else float(math.ceil(f))


@MATH.func("round", ["interface {}", "int", "...float64"], "float64")
def _round(a: Any, p: int, *r_opt: float) -> float:
    round_on = r_opt[0] if r_opt else 0.5
    val = to_float64(a)
    try:
        pw = math.pow(10, float(p))
    except OverflowError:
        pw = math.inf
    digit = pw * val
    if math.isinf(digit) or math.isnan(digit):
        return digit / pw if not math.isnan(digit) else math.nan
    frac = math.fmod(digit, 1.0)
    r = math.ceil(digit) if frac >= round_on else math.floor(digit)
    return r / pw
