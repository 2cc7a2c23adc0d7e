"""Frozen entry point of the window (``article-digest``): ``desktop.app:main``."""

import multiprocessing
import sys

# The digest engine runs in a spawned child process (models.digest.process): in a frozen app
# that child is this executable again, and this call turns it into the engine, before
# anything else is imported.
multiprocessing.freeze_support()

from desktop.app import main

sys.exit(main())
