"""Reading and writing the user's files without surprises.

`read_regular` never opens a named pipe, a device or a socket (a FIFO blocks
forever, /dev/zero fills memory), also behind a symlink, and refuses files past
a size limit before reading them. `make_dirs` creates the app's own directories
but never the home directory itself: with `HOME=/nonexistent` nothing appears
at /nonexistent.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


class NotARegularFile(OSError):
    """The path exists but is not a regular file (`kind` says what it is)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: is {kind}, not a regular file")
        self.kind = kind


class FileTooLarge(OSError):
    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size} bytes, over the limit of {limit}")
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def check_regular(path: Path) -> os.stat_result:
    """The file's status; raises NotARegularFile for anything but a regular file (after symlinks)."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise NotARegularFile(path, kind_of(status.st_mode))
    return status


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file; OSError (FileNotFoundError, NotARegularFile, FileTooLarge, ...) else.

    The file is checked before it is opened, and opened without blocking, then
    checked again, so that swapping it for a pipe in between blocks nothing.
    """
    status = check_regular(path)
    if limit is not None and status.st_size > limit:
        raise FileTooLarge(path, status.st_size, limit)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(path, kind_of(status.st_mode))
        if limit is not None and status.st_size > limit:
            raise FileTooLarge(path, status.st_size, limit)
        data = handle.read(limit + 1 if limit is not None else -1)
    if limit is not None and len(data) > limit:  # it grew while being read
        raise FileTooLarge(path, len(data), limit)
    return data


class HomeMissing(OSError):
    def __init__(self, home: Path) -> None:
        super().__init__(f"the home directory {home} does not exist")
        self.strerror = f"the home directory {home} does not exist"


def make_dirs(directory: Path) -> None:
    """`mkdir -p`, except that the home directory (or anything above it) is never created."""
    if directory.is_dir():
        return
    home = Path(os.path.expanduser("~"))
    missing = directory
    while not missing.parent.exists() and missing.parent != missing:
        missing = missing.parent
    # `missing` is now the topmost directory to create.
    if missing == home or missing in home.parents:
        raise HomeMissing(home)
    directory.mkdir(parents=True, exist_ok=True)
