"""Frozen entry point of the command line (``article-digest-cli``): ``desktop.cli:main``."""

import sys

from desktop.cli import main

sys.exit(main())
