"""Write man/infohub-tui.1 from the argument parser (tests/test_cli_docs.py checks it is current).

Run after changing any subcommand, option or help text: python scripts/manpage.py
"""

from __future__ import annotations

from pathlib import Path

from infohub_tui import __version__
from infohub_tui.cli.docs import manpage
from infohub_tui.cli.main import parser

MAN_PAGE = Path(__file__).resolve().parents[1] / "man" / "infohub-tui.1"


def main() -> None:
    MAN_PAGE.parent.mkdir(exist_ok=True)
    MAN_PAGE.write_text(manpage(parser(), __version__), encoding="utf-8")
    print(MAN_PAGE)


if __name__ == "__main__":
    main()
