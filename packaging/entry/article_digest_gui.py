"""Frozen entry point of the window (``article-digest``): ``desktop.app:main``."""

import sys

from desktop.app import main

sys.exit(main())
