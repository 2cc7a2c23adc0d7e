"""``python -m models.cli``: the same program as ``article-digest-cli``."""

import sys

from models.cli import main

sys.exit(main())
