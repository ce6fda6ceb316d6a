"""``python -m pkisign``: the same command as ``pkisign``."""

import sys

from .cli import main

sys.exit(main())
