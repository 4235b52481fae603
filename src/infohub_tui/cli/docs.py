"""The command line's epilog, and the man page and completion scripts that `man` and `completion` print.

Those files are generated from the argument parser by maintained tools
(argparse-manpage, shtab) in `scripts/manpage.py`, committed under `man/` and
`completions/`, and shipped inside the wheel; a test fails when one is out of
date. So the installed app needs neither tool, and nothing here reads
argparse's private attributes.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from infohub_tui import locations

SHELLS = ("bash", "zsh", "fish")

MAN_PAGE = PurePosixPath("man/infohub-tui.1")
"""The man page, relative to the repository (in a wheel: inside the package, and `share/man/man1/`)."""

COMPLETION_FILES = {
    "bash": PurePosixPath("completions/infohub-tui.bash"),
    "zsh": PurePosixPath("completions/_infohub-tui"),
    "fish": PurePosixPath("completions/infohub-tui.fish"),
}
"""Each shell's completion script, relative to the repository; named as each shell looks them up."""

EPILOG = """\
keys in the reader:
  1-4 panes   j/k move   enter read   space/b page   / search   n/N next hit
  o/O open source/archived copy   c/y/Y copy citation/link to cite/live link
  R every source and who cites it   m/B bookmark/list   S date order
  L English/Deutsch   ctrl+p palette   ? every key   q quit

citations (c):
  an entry's quote in quotation marks, who said it, when, where in which source;
  an entry without one as the editors' summary, never in quotation marks;
  citation_style in the config or "Citation style" in the palette: short
  (default), apa, chicago-author-date, mla, din-1505-2 (formatted by citeproc-py)

one entry:
  infohub-tui show PANE:ID     with its sources, the editors' note and "as of"

files:
  infohub-tui paths            where the config, state, content and cache live
  infohub-tui example-config   a commented config file
  infohub-tui schema           the JSON Schema of the content format

exit status:
  0 ok, 1 no search hits, no such entry, content problems or unwritable output,
  2 usage error;
  a closed output pipe ends quietly with 0

more: infohub-tui man, infohub-tui completion bash|zsh|fish, README.md
"""


def shipped(relative: PurePosixPath) -> str:
    """The text of a generated file as the package ships it (MAN_PAGE or one of COMPLETION_FILES)."""
    folder, *rest = relative.parts
    return locations.bundled(folder).joinpath(*rest).read_text(encoding="utf-8")


def manpage() -> str:
    """The manual page in roff."""
    return shipped(MAN_PAGE)


def completion(shell: str) -> str:
    """The completion script of `shell` (one of SHELLS)."""
    return shipped(COMPLETION_FILES[shell])
