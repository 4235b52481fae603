"""Command line: parse arguments, then run the app or a subcommand."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec

from . import __version__, locations
from .argtypes import port_number, positive_int
from .cli_docs import EPILOG, SHELLS, HelpFormatter
from .config import EXAMPLE, Config, ConfigError, load_config
from .i18n import LANGUAGES, language_from_environment
from .layout import content_bytes, languages
from .library import LARGE_CONTENT_BYTES, ContentLibrary
from .model import PANES, Pane
from .problems import ContentError, Problem
from .sanitize import clean_text, tsv_field
from .schema import SCHEMA_NAMES
from .state import StateStore
from .terminal_check import terminal_problem

if TYPE_CHECKING:
    from .app import InfohubApp

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
P = ParamSpec("P")


# --format name: the function of `export` that writes it.
EXPORT_FORMATS = {
    "markdown": "to_markdown",
    "json": "to_json",
    "csl-json": "to_csl_json",
    "svg-timeline": "to_svg_timeline",
}


def _common_options(default: object) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        default=default,
        help="content directory to read instead of the bundled one (default: the user content directory"
        " from `paths` if it exists, else the bundled content)",
    )
    common.add_argument(
        "--lang", choices=LANGUAGES, default=default, help="language (default: from LANG/LC_ALL, else en)"
    )
    return common


def parser() -> argparse.ArgumentParser:
    # Subcommands leave --content and --lang unset unless given, so that
    # `infohub-tui --content DIR serve` keeps the DIR given before the subcommand.
    common = _common_options(default=argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="infohub-tui",
        description="Read TikTok's 2020 information hub in the terminal."
        " Without a subcommand, start the reader.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
        parents=[_common_options(default=None)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--pane",
        choices=[pane.value for pane in PANES],
        help="pane to start in (default: start_pane from the config, else where you were last time)",
    )
    parser.add_argument(
        "--no-mouse", action="store_true", help="leave the mouse to the terminal (text selection)"
    )
    parser.add_argument("--watch", action="store_true", help="reload the content when its files change")
    subcommands = parser.add_subparsers(dest="command", title="subcommands", metavar="COMMAND")
    subparser = partial(subcommands.add_parser, formatter_class=HelpFormatter)

    search = subparser("search", parents=[common], help="print search hits; exit 1 if none")
    search.add_argument("query", nargs="+", help="words to find; several words must all match")
    search.add_argument("--json", action="store_true", help="print hits as JSON")
    search.add_argument("--limit", type=positive_int, default=50, help="at most this many hits")

    validate = subparser("validate", parents=[common], help="check a content directory")
    validate.add_argument(
        "directory",
        nargs="?",
        type=Path,
        help="content directory, with DIR/<lang>/hub.yaml (default: --content, else the bundled content)",
    )

    export = subparser(
        "export",
        parents=[common],
        help="print the whole hub as Markdown or JSON, or its sources as CSL-JSON (Zotero, pandoc)",
    )
    export.add_argument("--format", choices=list(EXPORT_FORMATS), default="markdown", help="output format")
    chart = export.add_argument_group("svg-timeline", "the timeline chart as SVG")
    chart.add_argument("--width", type=int, default=160, help="width in character columns")
    chart.add_argument(
        "--from",
        dest="first",
        type=_date,
        metavar="YYYY-MM-DD",
        help="first day shown (default: the earliest event's)",
    )
    chart.add_argument(
        "--to",
        dest="last",
        type=_date,
        metavar="YYYY-MM-DD",
        help="last day shown (default: the latest event's)",
    )

    schema = subparser("schema", help="print the JSON Schema of content files")
    schema.add_argument(
        "file",
        nargs="?",
        choices=SCHEMA_NAMES,
        help="one file's schema (default: all of them as one JSON object)",
    )
    schema.add_argument("--write", type=Path, metavar="DIR", help="write every schema file into DIR")

    serve = subparser(
        "serve",
        parents=[common],
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


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def say(text: str, *, error: bool = False, end: str = "\n") -> None:
    """Print for a terminal: every line the CLI prints with untrusted parts goes through here."""
    print(clean_text(text), end=end, file=sys.stderr if error else sys.stdout)


def output_guarded(main: Callable[P, int]) -> Callable[P, int]:
    """One line instead of a traceback when a file or the output cannot be written
    (`export > /dev/full`, `schema --write /proc/x`, `search ... | head`)."""

    @wraps(main)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            code = main(*args, **kwargs)
            sys.stdout.flush()
            return code
        except BrokenPipeError:  # the reader (`| head -1`) has what it wanted: not an error
            _drop_stdout()
            return EXIT_OK
        except OSError as error:
            if error.filename is None:
                _drop_stdout()  # the output itself failed; Python would fail again flushing it at exit
            where = f"{error.filename}: " if error.filename else "cannot write the output: "
            say(f"infohub-tui: {where}{error.strerror or error}", error=True)
            return EXIT_PROBLEMS

    return guarded


def _drop_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@output_guarded
def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    lang = args.lang or language_from_environment()
    try:
        if args.command is None:
            return _run_app(args, args.lang)
        if args.command == "search":
            return _search(args, lang)
        if args.command == "validate":
            return _validate(args.directory or args.content)
        if args.command == "export":
            from . import export
            from .loader import load_hub

            hub = load_hub(_content_dir(args), lang)
            if args.format == "svg-timeline":
                print(export.to_svg_timeline(hub, args.width, args.first, args.last), end="")
                return EXIT_OK
            print(getattr(export, EXPORT_FORMATS[args.format])(hub), end="")
            return EXIT_OK
        if args.command == "schema":
            return _schema(args.file, args.write)
        if args.command == "serve":
            return _serve(args)
        if args.command == "paths":
            return _paths()
        if args.command == "example-config":
            print(EXAMPLE, end="")
            return EXIT_OK
        if args.command in ("man", "completion"):
            return _docs(args)
        raise AssertionError(f"unhandled command {args.command}")  # pragma: no cover
    except ContentError as error:
        _print_problems(error.problems)
        return EXIT_PROBLEMS


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        say(str(problem), error=True)


def _content_dir(args: argparse.Namespace) -> Path:
    return locations.content_dir(args.content)


def build_app(args: argparse.Namespace, lang: str | None) -> InfohubApp:
    """The app as the command line configures it (config file, state file, language)."""
    from .app import InfohubApp

    messages: list[str] = []
    try:
        config = load_config(locations.config_file())
    except ConfigError as error:
        config = Config()
        messages.append(f"{error} (using defaults)")
    library = ContentLibrary(_content_dir(args), cache_dir=locations.cache_dir())
    language = lang or config.language or language_from_environment()
    if language not in library.languages and library.languages:
        language = "en" if "en" in library.languages else library.languages[0]
    library.hub(language, before_parse=partial(_say_reading, library.directory / language))
    return InfohubApp(
        library,
        language,
        start_pane=Pane(args.pane) if args.pane else config.start_pane,
        config=config,
        state_store=StateStore(locations.state_file()),
        messages=messages,
        watch=args.watch,
        freeze_gc=True,
    )


def _say_reading(language_dir: Path) -> None:
    """Before a long parse, say why the terminal is still blank (stderr, before the app draws)."""
    size = content_bytes(language_dir)
    if size >= LARGE_CONTENT_BYTES and sys.stderr.isatty():
        print(
            f"infohub-tui: reading {size / 1_000_000:.0f} MB of content in {language_dir}"
            " (later starts use a cache) ...",
            file=sys.stderr,
            flush=True,
        )


def _run_app(args: argparse.Namespace, lang: str | None) -> int:
    app = build_app(args, lang)  # content problems first: they are the more useful message
    problem = terminal_problem(sys.stdin, sys.stderr)
    if problem:
        say(problem, error=True)
        return EXIT_USAGE
    gc.freeze()  # the loaded content lives as long as the process
    app.run(mouse=app.config.mouse and not args.no_mouse)
    return app.return_code or 0


def _search(args: argparse.Namespace, lang: str) -> int:
    from .loader import load_hub
    from .search import SearchIndex

    hub = load_hub(_content_dir(args), lang)
    result = SearchIndex(hub.all_entries()).search(" ".join(args.query), limit=args.limit)
    if args.json:
        hits = [
            {
                "pane": hit.pane.value,
                "id": hit.entry_id,
                "title": hit.heading,
                "field": hit.field,
                "snippet": hit.snippet,
                "spans": [list(span) for span in hit.spans],
            }
            for hit in result.hits
        ]
        print(
            json.dumps(
                {"query": " ".join(args.query), "total": result.total, "hits": hits},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for hit in result.hits:
            say(
                "\t".join(
                    tsv_field(text) for text in (hit.pane.value, hit.entry_id, hit.heading, hit.snippet)
                )
            )
    return EXIT_OK if result.hits else EXIT_PROBLEMS


def _validate(directory: Path | None) -> int:
    from .loader import load_hub, not_a_content_directory

    root = directory or locations.bundled_content_dir()
    found = languages(root)
    if not found:
        say(str(not_a_content_directory(root)), error=True)
        return EXIT_PROBLEMS if root.is_dir() else EXIT_USAGE
    problems: list[Problem] = []
    entries = 0
    for lang in found:
        try:
            hub = load_hub(root, lang)
            entries += sum(len(hub.entries(pane)) for pane in PANES)
        except ContentError as error:
            problems.extend(error.problems)
    _print_problems(problems)
    if problems:
        say(f"{len(problems)} problem(s) in {root} ({', '.join(found)})", error=True)
        return EXIT_PROBLEMS
    say(f"{root}: {len(found)} language(s) ({', '.join(found)}), {entries} entries, no problems")
    return EXIT_OK


def _schema(name: str | None, directory: Path | None) -> int:
    from .schema import file_schemas, render

    schemas = file_schemas()
    if directory is not None:
        if directory.exists() and not directory.is_dir():
            say(f"infohub-tui schema: {directory}: not a directory", error=True)
            return EXIT_USAGE
        directory.mkdir(parents=True, exist_ok=True)
        for filename, schema in schemas.items():
            (directory / filename).write_text(render(schema), encoding="utf-8")
            say(str(directory / filename))
        return EXIT_OK
    if name is not None:
        print(render(schemas[f"{name}.schema.json"]), end="")
    else:
        print(json.dumps(schemas, indent=2, ensure_ascii=False))
    return EXIT_OK


def serve_options(serve: argparse.ArgumentParser) -> None:
    from .serve import default_max_sessions

    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s, loopback only)"
    )
    serve.add_argument("--port", type=port_number, default=8000, help="port to listen on; 0: any free port")
    serve.add_argument(
        "--max-sessions",
        type=positive_int,
        default=default_max_sessions(),
        help="readers at once; the next visitor gets a busy page (default: 2 per CPU core, at least 2)",
    )


def _serve(args: argparse.Namespace) -> int:
    """Run the app in browsers, one process per visitor (needs textual-serve, an optional extra)."""
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        print(
            "infohub-tui serve needs textual-serve: install the web extra (from a clone: pipx install '.[web]'"
            " or pip install '.[web]')",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from .serve import ServeError, app_arguments, run

    try:
        run(args.host, args.port, args.max_sessions, app_arguments(args.content, args.lang))
    except ServeError as error:
        say(f"infohub-tui serve: {error}", error=True)
        return EXIT_USAGE
    return EXIT_OK


def _docs(args: argparse.Namespace) -> int:
    from .cli_docs import completion, manpage

    text = manpage(parser(), __version__) if args.command == "man" else completion(parser(), args.shell)
    print(text, end="")
    return EXIT_OK


def _paths() -> int:
    rows = {
        "config": locations.config_file(),
        "state": locations.state_file(),
        "content": locations.user_content_dir(),
        "cache": locations.cache_dir(),
        "bundled content": locations.bundled_content_dir(),
    }
    for name, path in rows.items():
        say(f"{name:16} {path}")
    return EXIT_OK
