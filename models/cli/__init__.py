"""``article-digest-cli``: the window's job without a window (no Qt is imported).

    article-digest-cli INPUT... [--to ru,ar] [--full] [--models-dir DIR] [--profile quality|fast]
                       [--format json|jsonl|md|txt|html] [--out PATH | --out-dir DIR] [--flags-only]
    article-digest-cli --history
    article-digest-cli revise DIGEST.json --summary EDITED.txt [--out PATH] [--overwrite] [--back-translate]
    article-digest-cli models list|download|verify|remove [--profile P] [--models-dir DIR]
    article-digest-cli models download|verify --english-articles-only
    article-digest-cli models use TASK FOLDER

An INPUT is an article file, a folder of them
(:func:`~models.documents.read.expand_article_paths`), a web link or a saved link
(:mod:`models.documents.fetch`). Several make a batch (:func:`~models.cli.commands.run_digests`): the models load
once, a failing article is one line and the next goes on, a closing line sums up, and
``--out-dir`` writes one file per article under a safe name of its own (:func:`~models.cli.commands._output_name`).

Errors are one line on stderr naming the file and the cause; the exit status is 1 when any
digest failed, 2 for bad usage, 130 when interrupted. Every name the CLI prints goes through
:func:`models.documents.export.printable` (control characters, bidi controls and lone
surrogates escaped), so a file name cannot send escape sequences to the terminal or split a
message over two lines. The libraries' own warnings and log records are hidden unless
``--verbose``. The history is a convenience: when it cannot be written, the digest is
written all the same, with one warning.

Ctrl+C (SIGINT) stops the CLI at any point within a second, writes nothing partial, prints
one line and exits 130 (see :class:`~models.cli.interruption.Interruption`).

The package's modules: this one is the program's start and does only that (the handler
first, then :mod:`models.cli.commands`, where the commands are); ``__main__`` makes
``python -m models.cli`` the same program.
"""

from __future__ import annotations

# Ctrl+C is handled from here on: a signal during the imports below (torch's takes seconds)
# is one line and status 130 too, not a traceback. Nothing comes before it but this small
# module's own import, so that the moment it cannot be handled is as short as can be.
from models.cli.interruption import interruption, started_as_program

if started_as_program():
    interruption.install()

TYPE_CHECKING = False  # typing's import alone takes milliseconds; mypy reads this name as True
if TYPE_CHECKING:
    from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """The CLI: :func:`models.cli.commands.main`."""
    from models.cli.commands import main as run

    return run(argv)
