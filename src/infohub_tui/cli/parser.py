"""The argument parser: the options, subcommands and help texts of `infohub-tui`.

`--content` and `--lang` may come before or after the subcommand; the app's
options (`--pane`, `--no-mouse`, `--watch`) also go to `serve`, which runs the
app.
"""

from __future__ import annotations

import argparse
from functools import partial

from infohub_tui import __version__
from infohub_tui.chart.limits import MAX_WIDTH, MIN_WIDTH
from infohub_tui.cli.argtypes import (
    directory_path,
    entry_reference,
    port_number,
    positive_int,
    shown_date,
    whole_number_between,
)
from infohub_tui.cli.docs import EPILOG, SHELLS
from infohub_tui.hub.dates import FIRST_DAY, LAST_DAY
from infohub_tui.hub.model import PANES
from infohub_tui.hub.schema import SCHEMA_NAMES
from infohub_tui.i18n import LANGUAGES

# --format name: the function of `export` that writes it.
EXPORT_FORMATS = {
    "markdown": "to_markdown",
    "json": "to_json",
    "csl-json": "to_csl_json",
    "svg-timeline": "to_svg_timeline",
}
SHOW_FORMATS = ("text", "markdown", "json")
"""`show --format`: see formats/show.py."""


def parser() -> argparse.ArgumentParser:
    """The command line. Options of the parent parsers are accepted before and after a subcommand;
    given after it, they win (their defaults are suppressed, so they never undo one given before)."""

    def content_options(default: object) -> argparse.ArgumentParser:
        options = argparse.ArgumentParser(add_help=False, argument_default=default)
        directories(
            options.add_argument(
                "--content",
                type=directory_path,
                metavar="DIR",
                help="content directory to read instead of the bundled one (default: the user content"
                " directory from `paths` if it exists, else the bundled content)",
            )
        )
        options.add_argument(
            "--lang",
            choices=LANGUAGES,
            help="language (default: the config's, else from LANG/LC_ALL, else en)",
        )
        return options

    def app_options(default: object) -> argparse.ArgumentParser:
        options = argparse.ArgumentParser(add_help=False)
        options.add_argument(
            "--pane",
            choices=[pane.value for pane in PANES],
            default=default,
            help="pane to start in (default: start_pane from the config, else where you were last time)",
        )
        options.add_argument(
            "--no-mouse",
            action="store_true",
            default=default if default is argparse.SUPPRESS else False,
            help="leave the mouse to the terminal (text selection)",
        )
        options.add_argument(
            "--watch",
            action="store_true",
            default=default if default is argparse.SUPPRESS else False,
            help="reload the content when its files change",
        )
        return options

    content, content_after = content_options(None), content_options(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="infohub-tui",
        description="Read TikTok's 2020 information hub in the terminal."
        " Without a subcommand, start the reader.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[content, app_options(None)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = parser.add_subparsers(dest="command", title="subcommands", metavar="COMMAND")
    subparser = partial(subcommands.add_parser, formatter_class=argparse.RawDescriptionHelpFormatter)

    search = subparser("search", parents=[content_after], help="print search hits; exit 1 if none")
    search.add_argument("query", nargs="+", help="words to find; several words must all match")
    search.add_argument("--json", action="store_true", help="print hits as JSON")
    search.add_argument(
        "--limit", type=positive_int, default=50, help="at most this many hits (default: %(default)s)"
    )

    validate = subparser(
        "validate",
        parents=[content_after],
        help="check a content directory; every language unless --lang",
    )
    directories(
        validate.add_argument(
            "directory",
            nargs="?",
            type=directory_path,
            help="content directory, with DIR/<lang>/hub.yaml (default: the content the app reads: --content,"
            " else the user content directory, else the bundled content)",
        )
    )

    export = subparser(
        "export",
        parents=[content_after],
        help="print the whole hub as Markdown or JSON, or its sources as CSL-JSON (Zotero, pandoc)",
    )
    export.add_argument(
        "--format",
        choices=list(EXPORT_FORMATS),
        default="markdown",
        help="output format (default: %(default)s)",
    )
    chart = export.add_argument_group("svg-timeline", "the timeline chart as SVG")
    chart.add_argument(
        "--width",
        type=whole_number_between(MIN_WIDTH, MAX_WIDTH),
        default=160,
        help=f"width in character columns, {MIN_WIDTH} to {MAX_WIDTH} (default: %(default)s)",
    )
    chart.add_argument(
        "--from",
        dest="first",
        type=shown_date,
        metavar="YYYY-MM-DD",
        help=f"first day shown, {FIRST_DAY} or later (default: the earliest event's)",
    )
    chart.add_argument(
        "--to",
        dest="last",
        type=shown_date,
        metavar="YYYY-MM-DD",
        help=f"last day shown, {LAST_DAY} or earlier (default: the latest event's)",
    )

    show = subparser(
        "show",
        parents=[content_after],
        help="print one entry with its sources, the editors' note and its 'as of' date",
    )
    entries(
        show.add_argument(
            "reference",
            nargs="?",
            type=entry_reference,
            metavar="PANE:ID",
            help="the entry, as pane:id, e.g. storage:us-data-location (completion offers every id)",
        )
    )
    show.add_argument(
        "--format", choices=SHOW_FORMATS, default="text", help="output format (default: %(default)s)"
    )
    show.add_argument("--list", action="store_true", help="print every entry's pane:id instead, one a line")

    schema = subparser("schema", help="print the JSON Schema of content files")
    schema.add_argument(
        "file",
        nargs="?",
        choices=SCHEMA_NAMES,
        help="one file's schema (default: all of them as one JSON object)",
    )
    directories(
        schema.add_argument(
            "--write", type=directory_path, metavar="DIR", help="write every schema file into DIR"
        )
    )

    serve = subparser(
        "serve",
        parents=[content_after, app_options(argparse.SUPPRESS)],
        help="serve the app in a web browser (needs the extra: pipx install '.[web]' from a clone)",
    )
    serve_options(serve)

    subparser("paths", help="print the config, state, data and cache paths")
    subparser("example-config", help="print a commented example config file")
    subparser("man", help="print the manual page (roff); read it with: infohub-tui man | man -l -")
    completion = subparser(
        "completion", help="print a shell completion script (see README: Shell completion)"
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    return parser


def directories(action: argparse.Action) -> None:
    """Mark an argument whose value is a directory, for the completion scripts: shtab reads the
    `complete` attribute (its documented way; scripts/manpage.py)."""
    action.complete = "directory"  # type: ignore[attr-defined]


# What the completion scripts offer for PANE:ID: every entry of the content, as `show --list`
# prints it when the script runs (so they never go stale). bash splits the word at the colon
# (COMP_WORDBREAKS): its function completes the whole `pane:id` and answers the part after it.
_ENTRIES = "infohub-tui show --list 2>/dev/null"
ENTRY_COMPLETION = {
    "bash": "_infohub_tui_entries",
    "zsh": f"($({_ENTRIES}))",
    "fish": f"({_ENTRIES})",
    "preamble": {
        "bash": f"""
# $1=COMP_WORDS[COMP_CWORD]: the word, or the part of pane:id after the colon, or the colon
_infohub_tui_entries() {{
  local before=""
  if [[ "$1" == ":" ]]; then
    before="${{COMP_WORDS[COMP_CWORD-1]}}:"
  elif [[ "${{COMP_WORDS[COMP_CWORD-1]}}" == ":" ]]; then
    before="${{COMP_WORDS[COMP_CWORD-2]}}:"
  fi
  compgen -W "$({_ENTRIES})" -- "$before${{1#:}}" | while IFS= read -r match; do
    echo "${{match#"$before"}}"
  done
}}
# ...and so shtab's script counts the colon and the id as the 2nd and 3rd positional: the same
_shtab_infohub_tui_show_pos_1_COMPGEN=_infohub_tui_entries
_shtab_infohub_tui_show_pos_2_COMPGEN=_infohub_tui_entries
"""
    },
}


def entries(action: argparse.Action) -> None:
    """Mark an argument whose value is an entry's pane:id, for the completion scripts (shtab reads
    the `complete` attribute, as for `directories`)."""
    action.complete = ENTRY_COMPLETION  # type: ignore[attr-defined]


def serve_options(serve: argparse.ArgumentParser) -> None:
    """The options of `serve` alone: where to listen and how many readers at once. The default number
    of readers is worked out by `serve` itself: the web server is not imported to start the reader."""
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s, loopback only)"
    )
    serve.add_argument(
        "--port",
        type=port_number,
        default=8000,
        help="port to listen on; 0: any free port (default: %(default)s)",
    )
    serve.add_argument(
        "--max-sessions",
        type=positive_int,
        default=None,
        help="readers at once; the next visitor gets a busy page (default: 2 per CPU core, at least 2)",
    )
