"""py3langid's language model, read from an uncompressed copy in the user cache, memory-mapped.

py3langid ships its model LZMA-compressed; its own loading decompresses about 70 MB of arrays into
the process (a 130 MB peak) on every start. Here the same arrays are kept as ``.npy`` files under
``user_cache_dir()/langid/<key>``, made once per py3langid version and model file, and mapped
read-only: only the pages a detection touches become resident. The identifier is py3langid's own
``LanguageIdentifier`` built from those arrays, so its results are the same.

A cache that cannot be written, or a copy that cannot be read, falls back to py3langid's own
loading: the cache never makes a read fail.
"""

from __future__ import annotations

import logging
import lzma
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from models.common.atomic import move_into_place
from models.common.paths import user_cache_dir
from models.inventory.copies import remove_abandoned_partials

__all__ = ["discard_cached_copy", "load_identifier", "packaged_identifier"]

log = logging.getLogger(__name__)

#: The arrays of py3langid's model file (``modelio.save_model``), one ``.npy`` each in the copy.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_CHUNK = 1 << 20
_TYPECODES = {("u", 2): "H", ("u", 4): "I", ("i", 4): "i", ("i", 8): "q"}


def cache_folder() -> Path:
    return user_cache_dir() / "langid"


def load_identifier() -> Any:
    """py3langid's ``LanguageIdentifier`` (probabilities normalised), from the cached copy; the
    copy is made first if there is none. Falls back to py3langid's own loading on any failure."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    model = MODEL_DIR / MODEL_FILE
    try:
        copy = _copy_path(model)
        if copy.is_dir():
            try:
                return _mapped_identifier(copy)
            except Exception as error:  # damaged: made again below
                log.warning("the language model's cached copy %s is unreadable (%s); making it again", copy, error)
                shutil.rmtree(copy, ignore_errors=True)
        _make_copy(model, copy)
        return _mapped_identifier(copy)
    except Exception as error:
        log.warning("using the compressed language model (no cached copy: %s)", error)
        return packaged_identifier()


def packaged_identifier() -> Any:
    """py3langid's ``LanguageIdentifier`` (probabilities normalised) loaded its own way, from
    the compressed file it ships: the fallback."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def discard_cached_copy() -> None:
    """Remove the cached copy (found damaged in use), so the next start makes it again."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    try:
        shutil.rmtree(_copy_path(MODEL_DIR / MODEL_FILE), ignore_errors=True)
    except OSError:
        pass


def _copy_path(model: Path) -> Path:
    """The copy's folder, named for what it is made from: a new py3langid or model file, a new copy."""
    import py3langid

    stat = model.stat()  # a reinstall writes the file anew: a new mtime, even for the same version
    version = getattr(py3langid, "__version__", "unknown")
    return cache_folder() / f"py3langid-{version}-{stat.st_size}-{stat.st_mtime_ns}"


def _make_copy(model: Path, copy: Path) -> None:
    """Decompress ``model`` into ``copy``, one ``.npy`` per array; the folder appears whole or not
    at all (another process making the same copy at the same time: the first one's is kept)."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(copy.parent, copy.name)
    staging = Path(tempfile.mkdtemp(prefix=f".{copy.name}.", suffix=".tmp", dir=copy.parent))
    try:
        archive_path = staging / "model.npz"
        with lzma.open(model) as source, open(archive_path, "wb") as target:
            shutil.copyfileobj(source, target, _CHUNK)
        # An .npz is a zip of .npy files: copied out as they are, no array is ever in memory.
        with zipfile.ZipFile(archive_path) as archive:
            for name in _ARRAYS:
                with archive.open(f"{name}.npy") as source, open(staging / f"{name}.npy", "wb") as target:
                    shutil.copyfileobj(source, target, _CHUNK)
        archive_path.unlink()
        move_into_place(staging, copy, existing="keep")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _drop_from_page_cache(copy)


def _drop_from_page_cache(copy: Path) -> None:
    """Let the just-written files leave the page cache (they are on disk now): a page fault on a
    mapping also maps the cached pages around it, so a fully cached copy makes a detection
    resident four times what it reads."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in copy.glob("*.npy"):
        try:
            descriptor = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(descriptor)
        except OSError:
            pass


def _remove_stale(folder: Path, keep: str) -> None:
    """Copies for other py3langid versions or model files, and what a stopped process left."""
    for entry in folder.iterdir():
        if entry.name != keep and not entry.name.startswith("."):  # "." names: another's work in progress
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
    remove_abandoned_partials(folder, ".*")


def _mapped_identifier(copy: Path) -> Any:
    """The identifier over the copy's arrays: the two large ones (features x languages, the DFA's
    rows) mapped, the rest read. Raises if a file is missing, short or does not fit the others."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    def load(name: str, mapped: bool) -> Any:
        path = copy / f"{name}.npy"
        return _mapped(path) if mapped else np.load(path, allow_pickle=False)

    ptc, pc, classes = load("ptc", True), load("pc", False), load("classes", False).tolist()
    nextmove, row, output = load("nextmove", True), load("nextmove_row", False), load("out_feat", False)
    rows = nextmove.size // 256
    if not (
        ptc.ndim == 2
        and pc.shape == (ptc.shape[1],) == (len(classes),)
        and nextmove.ndim == 1
        and nextmove.size == rows * 256
        and row.shape == output.shape == (row.size,)
        and (row.size == 0 or (int(row.max()) < rows and -1 <= int(output.min()) and int(output.max()) < ptc.shape[0]))
    ):
        raise ValueError("the arrays do not fit together")
    # The int arrays are indexed once per byte of text: a memoryview gives Python ints as fast as
    # py3langid's own array('I') (a memmap's items are numpy ints, 4x slower to index, and a
    # uint16 row number shifted by 8 would overflow).
    return LanguageIdentifier(ptc, pc, classes, _ints(nextmove), _ints(output), norm_probs=True, tk_row=_ints(row))


def _mapped(path: Path) -> Any:
    """The array in the ``.npy`` file at ``path``, mapped read-only, without read-ahead: a
    detection touches scattered rows, and reading ahead would bring in most of the file."""
    import mmap

    import numpy as np

    with open(path, "rb") as file:
        if np.lib.format.read_magic(file) != (1, 0):
            raise ValueError(f"{path.name}: unexpected .npy version")
        shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(file)
        if fortran_order or dtype.hasobject:
            raise ValueError(f"{path.name}: unexpected layout")
        offset = file.tell()
        buffer = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        buffer.madvise(mmap.MADV_RANDOM)
    except (AttributeError, OSError):  # no madvise here (Windows): only slower to page in
        pass
    count = 1
    for size in shape:
        count *= size
    return np.frombuffer(buffer, dtype=dtype, count=count, offset=offset).reshape(shape)  # short file: ValueError


def _ints(array: Any) -> memoryview:
    """A C-contiguous native-endian integer array as a flat memoryview of Python ints."""
    typecode = _TYPECODES.get((array.dtype.kind, array.dtype.itemsize))
    if typecode is None or not array.dtype.isnative:
        raise ValueError(f"unexpected array type {array.dtype}")
    return memoryview(array).cast("B").cast(typecode)
