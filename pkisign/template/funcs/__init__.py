"""The function map of step's certificate templates.

``FUNCS`` is what ``x509util.GetFuncMap`` gives templates: sprig's
``TxtFuncMap`` without ``env`` and ``expandenv``, step's time helpers and
``fail``, and the ``asn1*`` encoders.  ``BUILTINS`` are text/template's own
functions, which ``FUNCS`` may shadow (sprig's ``slice`` does).
"""

from __future__ import annotations

from ...golang.reflect import GoFunc
from .builtins import BUILTINS
from .sprig_crypto import CRYPTO
from .sprig_date import DATES
from .sprig_defaults import DEFAULTS
from .sprig_dicts import DICTS
from .sprig_encoding import ENCODING
from .sprig_lists import LISTS
from .sprig_math import MATH
from .sprig_regex import REGEX
from .sprig_strings import STRINGS
from .sprig_url import URLS
from .step import STEP

__all__ = ["FUNCS", "BUILTINS"]

FUNCS: dict[str, GoFunc] = {}
for _table in (STRINGS, LISTS, DICTS, DEFAULTS, MATH, ENCODING, REGEX, DATES, CRYPTO, URLS, STEP):
    FUNCS.update(_table)
