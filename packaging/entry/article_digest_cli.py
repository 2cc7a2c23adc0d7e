"""Frozen entry point of the command line (``article-digest-cli``): ``models.cli:main``."""

import sys

from models.cli import main

sys.exit(main())
