"""A cache of loaded hubs, so large content is parsed once, not at every start.

Entries live in the user's cache directory, keyed by the content directory and
language, and are used only while the package version, the model's classes, the rules the
loader checks (their modules' text) and every content file's size and modification time are
unchanged: a hub cached before a rule was added is read again and checked by it. Anything unreadable is ignored and
rebuilt. (The cache holds pickles: it trusts the user's own cache directory as
much as the user's own files.)

Large content starts with its first pane alone (`ContentLibrary`): from the cache, whose
panes are pickled apart, or without one by parsing that pane's file (`load_hub(only=...)`);
the whole hub is read after the first frame.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable, Collection
from dataclasses import fields, replace
from pathlib import Path

from infohub_tui import __version__
from infohub_tui.hub.content_files import ContentSignature, content_signature
from infohub_tui.hub.model import PANE_TABLE, PANES, Clock, Entry, Hub, Pane, Reference, Source
from infohub_tui.system.files import make_dirs, read_regular

ModelShape = tuple[tuple[str, tuple[str, ...]], ...]
Key = tuple[str, ModelShape, int, str, str, ContentSignature]
_RULE_MODULES = ("rules.py", "dates.py", "loader.py", "source_urls.py", "yaml_source.py")
_rules: int | None = None


def rules_signature() -> int:
    """A checksum of the modules whose checks decide what content loads (read once a run)."""
    global _rules
    if _rules is None:
        here = Path(__file__).parent
        _rules = zlib.crc32(b"".join((here / name).read_bytes() for name in _RULE_MODULES))
    return _rules


def _model_shape() -> ModelShape:
    """The model's classes and their fields: a hub pickled by a model of another shape is not used."""
    classes = (Hub, Source, Reference, Clock, *(table.entry_type for table in PANE_TABLE.values()))
    return tuple((cls.__name__, tuple(field.name for field in fields(cls))) for cls in classes)


def _real(directory: Path) -> str:
    """The directory's real path; never raises (Path.resolve raises on a symlink loop)."""
    return os.path.realpath(directory)


def _key(directory: Path, lang: str) -> Key:
    return (
        __version__,
        _model_shape(),
        rules_signature(),
        _real(directory),
        lang,
        content_signature(directory / lang),
    )


def cache_path(cache_dir: Path, directory: Path, lang: str) -> Path:
    # Only names the file: the key inside it holds the directory, so a clash is a cache miss.
    digest = zlib.crc32(f"{_real(directory)}\0{lang}".encode())
    return cache_dir / f"hub-{lang}-{digest:08x}.pickle"


def _entries(raw: bytes) -> tuple[Entry, ...]:
    """One pane's entries, unpickled without collections between the many objects they make."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        entries = pickle.loads(raw)
    finally:
        if collecting:
            gc.enable()
    if not isinstance(entries, tuple):
        raise TypeError("not a pane's entries")
    return entries


def cached_hub(
    directory: Path, lang: str, cache_dir: Path, only: Collection[Pane] | None = None
) -> Hub | None:
    """The cache's hub of `lang`, if its files have not changed since it was stored; else None.

    Each pane's entries are a pickle of their own: with `only`, the others are not unpickled
    (their lists are empty), so large content's first pane shows before the rest is read."""
    try:
        cached_key, header, panes = pickle.loads(read_regular(cache_path(cache_dir, directory, lang)))
        if cached_key != _key(directory, lang) or not isinstance(header, Hub):
            return None
        entries = {
            pane: _entries(panes[pane.value]) if only is None or pane in only else () for pane in PANES
        }
        return replace(header, entries_by_pane=entries)
    except Exception:
        return None


def load_cached_hub(
    directory: Path, lang: str, cache_dir: Path, before_parse: Callable[[], None] | None = None
) -> Hub:
    """`load_hub`, answered from the cache when the files have not changed
    (`before_parse` is called when they have, before they are parsed)."""
    hub = cached_hub(directory, lang, cache_dir)
    if hub is not None:
        return hub
    from infohub_tui.hub.loader import load_hub

    if before_parse is not None:
        before_parse()
    key = _key(directory, lang)  # before the parse: a file changed meanwhile is read again next time
    hub = load_hub(directory, lang)
    panes = {
        pane.value: pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        for pane, entries in hub.entries_by_pane.items()
    }
    _store(cache_path(cache_dir, directory, lang), (key, replace(hub, entries_by_pane={}), panes))
    return hub


def _store(path: Path, value: object) -> None:
    try:
        make_dirs(path.parent)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return
