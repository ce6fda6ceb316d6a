"""``python -m pkisign``: the same command as ``pkisign``."""

import sys

from .cli.command import main

sys.exit(main())
