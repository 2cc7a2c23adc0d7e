"""Only the article queue changes an article's entry: its state, progress, digest and the rest.

The window and the articles list ask :class:`~desktop.ui.article_queue.ArticleQueue` for a
change and follow its ``entry_changed`` signal; an entry changed behind the queue's back is
shown stale (a digest reopened from the history listed as "Not digested"). An AST scan of
``desktop/`` finds every assignment to one of :class:`ArticleEntry`'s fields on an object other
than ``self`` and checks it is made by ``ArticleQueue``.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from desktop.ui.article_queue import ArticleEntry
from tests.conftest import REPO_ROOT

DESKTOP = REPO_ROOT / "desktop"
ENTRY_FIELDS = frozenset(field.name for field in dataclasses.fields(ArticleEntry))
#: The one class that may change an entry, and its module.
OWNER = ("desktop/ui/article_queue.py", "ArticleQueue")
#: Assignments to a field's name on something that is not an entry: a background task's JobState.
NOT_ENTRIES = {("desktop/ui/runner.py", "task.state")}


def _targets(node: ast.AST) -> list[ast.expr]:
    """The expressions an assignment, augmented assignment or setattr() call writes to."""
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        targets = [node.target]
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" and len(node.args) >= 2:
        name = node.args[1]
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            return [ast.Attribute(value=node.args[0], attr=name.value, ctx=ast.Store())]
        return []
    else:
        return []
    flat: list[ast.expr] = []
    while targets:
        target = targets.pop()
        if isinstance(target, (ast.Tuple, ast.List)):
            targets.extend(target.elts)
        elif isinstance(target, ast.Starred):
            targets.append(target.value)
        else:
            flat.append(target)
    return flat


def entry_field_writes(source: str, path: str) -> list[tuple[str, str, int, str]]:
    """Every write of an entry field on an object other than ``self`` in ``source``:
    (path, enclosing class or "", line, what is written, e.g. "entry.state")."""
    writes: list[tuple[str, str, int, str]] = []

    def visit(node: ast.AST, cls: str) -> None:
        for target in _targets(node):
            if not isinstance(target, ast.Attribute) or target.attr not in ENTRY_FIELDS:
                continue
            if isinstance(target.value, ast.Name) and target.value.id == "self":
                continue  # a class's own attribute (ArticleEntry itself assigns none)
            written = f"{ast.unparse(target.value)}.{target.attr}"
            if (path, written) not in NOT_ENTRIES:
                writes.append((path, cls, node.lineno, written))
        for child in ast.iter_child_nodes(node):
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)

    visit(ast.parse(source), "")
    return writes


def test_only_the_article_queue_changes_an_entry() -> None:
    writes = []
    for file in sorted(DESKTOP.rglob("*.py")):
        path = file.relative_to(REPO_ROOT).as_posix()
        writes += entry_field_writes(file.read_text(encoding="utf-8"), path)
    elsewhere = [f"{path}:{line} ({cls or 'module'}): {written}" for path, cls, line, written in writes if (path, cls) != OWNER]
    assert not elsewhere, "entries changed outside ArticleQueue:\n" + "\n".join(elsewhere)
    assert any(written.endswith(".state") for *_, written in writes)  # the scan sees the queue's own


def test_the_scan_catches_every_way_of_writing_a_field() -> None:
    source = '''
class Window:
    def show(self, entry, digest):
        entry.state = EntryState.DONE
        self.entry.digest, other = digest, 1
        entry.progress += 0.5
        entry.reason: str = ""
        setattr(entry, "step", "Summarising")
        self.state = "mine"          # its own attribute: not an entry's
        entry.title_shown = True     # not a field of ArticleEntry
'''
    writes = entry_field_writes(source, "desktop/ui/window.py")
    assert [(cls, written) for _path, cls, _line, written in writes] == [
        ("Window", "entry.state"), ("Window", "self.entry.digest"), ("Window", "entry.progress"),
        ("Window", "entry.reason"), ("Window", "entry.step"),
    ]
    assert entry_field_writes("task.state = JobState()\n", "desktop/ui/runner.py") == []
    assert entry_field_writes("task.state = JobState()\n", "desktop/ui/window.py") != []
