"""A writer process for the atomic-write kill test: rewrites one file forever until killed.

Usage: python _writer_child.py TARGET SIZE. It alternates two payloads of SIZE bytes
(b"A" * SIZE and b"B" * SIZE) with :func:`models.common.atomic.atomic_write_bytes`, printing one
line after each complete write so the parent knows it has started writing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from models.common.atomic import atomic_write_bytes  # noqa: E402


def main() -> None:
    target, size = sys.argv[1], int(sys.argv[2])
    payloads = (b"A" * size, b"B" * size)
    count = 0
    while True:
        atomic_write_bytes(target, payloads[count % 2])
        count += 1
        print(count, flush=True)


if __name__ == "__main__":
    main()
