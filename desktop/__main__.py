"""``python -m desktop [FILE...]``: start the Article Digest window (see :mod:`desktop.app`)."""

from __future__ import annotations

from desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
