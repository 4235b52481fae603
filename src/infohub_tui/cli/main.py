"""Command line: parse the arguments, resolve them with the config file, then run the app or a subcommand.

`--content` and `--lang` may come before or after the subcommand; the app's
options (`--pane`, `--no-mouse`, `--watch`) also go to `serve`, which runs the
app. Every command resolves its options the same way (`resolve`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec

from infohub_tui import __version__, locations
from infohub_tui.cli.argtypes import port_number, positive_int
from infohub_tui.cli.docs import EPILOG, SHELLS, HelpFormatter
from infohub_tui.config import EXAMPLE, Config, ConfigError, load_config
from infohub_tui.hub.content_files import content_size, languages_in
from infohub_tui.hub.library import LARGE_CONTENT_BYTES, ContentLibrary
from infohub_tui.hub.model import PANES, Hub, Pane
from infohub_tui.hub.problems import ContentError, Problem
from infohub_tui.hub.schema import SCHEMA_NAMES
from infohub_tui.i18n import DEFAULT_LANGUAGE, LANGUAGES, language_from_environment
from infohub_tui.reading.state_store import StateStore
from infohub_tui.system.terminal_check import terminal_problem
from infohub_tui.text.sanitize import clean_text, tsv_field

if TYPE_CHECKING:
    from infohub_tui.ui.app import InfohubApp

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
P = ParamSpec("P")


# --format name: the function of `export` that writes it.
EXPORT_FORMATS = {
    "markdown": "to_markdown",
    "json": "to_json",
    "csl-json": "to_csl_json",
    "svg-timeline": "to_svg_timeline",
}


def parser() -> argparse.ArgumentParser:
    """The command line. Options of the parent parsers are accepted before and after a subcommand;
    given after it, they win (their defaults are suppressed, so they never undo one given before)."""

    def content_options(default: object) -> argparse.ArgumentParser:
        options = argparse.ArgumentParser(add_help=False, argument_default=default)
        options.add_argument(
            "--content",
            type=Path,
            metavar="DIR",
            help="content directory to read instead of the bundled one (default: the user content directory"
            " from `paths` if it exists, else the bundled content)",
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
        formatter_class=HelpFormatter,
        parents=[content, app_options(None)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = parser.add_subparsers(dest="command", title="subcommands", metavar="COMMAND")
    subparser = partial(subcommands.add_parser, formatter_class=HelpFormatter)

    search = subparser("search", parents=[content_after], help="print search hits; exit 1 if none")
    search.add_argument("query", nargs="+", help="words to find; several words must all match")
    search.add_argument("--json", action="store_true", help="print hits as JSON")
    search.add_argument("--limit", type=positive_int, default=50, help="at most this many hits")

    validate = subparser(
        "validate",
        parents=[content_after],
        help="check a content directory; every language unless --lang",
    )
    validate.add_argument(
        "directory",
        nargs="?",
        type=Path,
        help="content directory, with DIR/<lang>/hub.yaml (default: the content the app reads: --content,"
        " else the user content directory, else the bundled content)",
    )

    export = subparser(
        "export",
        parents=[content_after],
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


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


@dataclass(frozen=True)
class Settings:
    """What the command line and the config file ask for together."""

    language: str
    """`--lang`, else the config's `language`, else the locale's; one the content has."""
    start_pane: Pane | None
    mouse: bool
    watch: bool
    language_given: bool = False
    """The language is the command line's or the config's, not the locale's: the app starts in it
    rather than in the one chosen in the app last time (`L`)."""
    messages: tuple[str, ...] = ()
    """Problems with the config file, each one line."""


def resolve(args: argparse.Namespace, config: Config, library: ContentLibrary) -> Settings:
    """The settings of any command: the command line wins over the config file, which wins over
    the locale; a language the content does not have becomes English, or its first language."""
    language = args.lang or config.language or language_from_environment()
    available = library.languages
    if available and language not in available:
        language = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available else available[0]
    return Settings(
        language=language,
        start_pane=Pane(args.pane) if args.pane else config.start_pane,
        mouse=config.mouse and not args.no_mouse,
        watch=args.watch,
        language_given=bool(args.lang or config.language),
    )


def read_config() -> tuple[Config, list[str]]:
    """The user's config file, or the defaults and why the file was not used; a `[keymap]` entry
    that cannot work is left out and said (keymap.py)."""
    try:
        config = load_config(locations.config_file())
    except ConfigError as error:
        return Config(), [f"{error} (using defaults)"]
    if not config.keymap:
        return config, []
    from infohub_tui.ui.keymap import check_keymap  # reads the bindings: only when there is a keymap

    config, problems = check_keymap(config)
    return config, problems


def library_for(args: argparse.Namespace) -> ContentLibrary:
    """The content `--content` names, else the user's own, else the bundled content; cached."""
    return ContentLibrary(locations.content_dir(args.content), cache_dir=locations.cache_dir())


def setup(args: argparse.Namespace) -> tuple[Config, Settings, ContentLibrary]:
    """The config, the settings resolved with it (and its problems), and the content library."""
    config, messages = read_config()
    library = library_for(args)
    settings = resolve(args, config, library)
    return config, replace(settings, messages=tuple(messages)), library


Command = Callable[[argparse.Namespace, Config, Settings, ContentLibrary], int]


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
    config, settings, library = setup(args)
    command = COMMANDS[args.command]
    if args.command is not None:
        for message in settings.messages:
            say(f"infohub-tui: {message}", error=True)
    try:
        return command(args, config, settings, library)
    except ContentError as error:
        _print_problems(error.problems)
        return EXIT_PROBLEMS


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        say(str(problem), error=True)


def _hub(settings: Settings, library: ContentLibrary, first_pane: Pane | None = None) -> Hub:
    """The hub of the resolved language; a long first parse says so on stderr first. With
    `first_pane`, large content without a cache yet is read for it alone (the app reads the rest)."""
    return library.hub(
        settings.language,
        before_parse=partial(_say_reading, library.directory / settings.language),
        first_pane=first_pane,
    )


def _say_reading(language_dir: Path) -> None:
    """Before a long parse, say why the terminal is still blank (stderr, before the app draws)."""
    size = content_size(language_dir)
    if size >= LARGE_CONTENT_BYTES and sys.stderr.isatty():
        print(
            f"infohub-tui: reading {size / 1_000_000:.0f} MB of content in {language_dir}"
            " (later starts use a cache) ...",
            file=sys.stderr,
            flush=True,
        )


def build_app(args: argparse.Namespace) -> InfohubApp:
    """The app as the command line and the config file configure it, its language loaded."""
    config, settings, library = setup(args)
    return _app(config, settings, library)


def _app(config: Config, settings: Settings, library: ContentLibrary) -> InfohubApp:
    """The app starts in the language `L` chose last time unless `--lang` or the config names one
    (README: Language)."""
    from infohub_tui.reading.session import Reading
    from infohub_tui.ui.app import InfohubApp

    store = StateStore(locations.state_file())
    loaded = store.load()
    remembered = None if settings.language_given else Reading(loaded[0]).start_language(library.languages)
    if remembered is not None and remembered != settings.language:
        try:
            _hub(replace(settings, language=remembered), library)
            settings = replace(settings, language=remembered)
        except ContentError as error:  # a broken translation must not keep the reader from starting
            first = error.problems[0] if error.problems else error
            problem = f"{first} ({remembered}, chosen with L last time; starting in {settings.language})"
            settings = replace(settings, messages=(*settings.messages, problem))
    _hub(settings, library, first_pane=Reading(loaded[0]).start_pane(settings.start_pane))
    gc.freeze()  # the loaded content lives as long as the process: the collector need not scan it
    return InfohubApp(
        library,
        settings.language,
        start_pane=settings.start_pane,
        config=config,
        state_store=store,
        loaded_state=loaded,
        messages=settings.messages,
        watch=settings.watch,
        freeze_gc=True,
    )


def _run_app(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    app = _app(config, settings, library)  # content problems first: they are the more useful message
    problem = terminal_problem(sys.stdin, sys.stderr)
    if problem:
        say(problem, error=True)
        return EXIT_USAGE
    app.run(mouse=settings.mouse)
    return app.return_code or 0


def _search(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    from infohub_tui.search.index import SearchIndex

    hub = _hub(settings, library)
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


def _export(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    from infohub_tui.formats import export

    hub = _hub(settings, library)
    if args.format == "svg-timeline":
        print(export.to_svg_timeline(hub, args.width, args.first, args.last), end="")
    else:
        print(getattr(export, EXPORT_FORMATS[args.format])(hub), end="")
    return EXIT_OK


def _validate(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    """Parse every language of the directory (only `--lang`'s if given) and print every problem."""
    from infohub_tui.hub.loader import load_hub, not_a_content_directory

    root = args.directory or library.directory
    found = [lang for lang in languages_in(root) if not args.lang or lang == args.lang]
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


def _schema(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    from infohub_tui.hub.schema import file_schemas, render

    schemas = file_schemas()
    if args.write is not None:
        if args.write.exists() and not args.write.is_dir():
            say(f"infohub-tui schema: {args.write}: not a directory", error=True)
            return EXIT_USAGE
        args.write.mkdir(parents=True, exist_ok=True)
        for filename, schema in schemas.items():
            (args.write / filename).write_text(render(schema), encoding="utf-8")
            say(str(args.write / filename))
        return EXIT_OK
    if args.file is not None:
        print(render(schemas[f"{args.file}.schema.json"]), end="")
    else:
        print(json.dumps(schemas, indent=2, ensure_ascii=False))
    return EXIT_OK


def serve_options(serve: argparse.ArgumentParser) -> None:
    from infohub_tui.web.server import default_max_sessions

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


def _serve(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    """Run the app in browsers, one process per visitor (needs textual-serve, an optional extra),
    with the app options given to this command."""
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        say(
            "infohub-tui serve needs textual-serve: install the web extra (from a clone: pipx install '.[web]'"
            " or pip install '.[web]')",
            error=True,
        )
        return EXIT_USAGE
    from infohub_tui.web.server import ServeError, app_arguments, run

    arguments = [*app_arguments(args.content, args.lang)]
    if args.pane:
        arguments += ["--pane", args.pane]
    if args.no_mouse:
        arguments.append("--no-mouse")
    if args.watch:
        arguments.append("--watch")
    try:
        run(args.host, args.port, args.max_sessions, arguments)
    except ServeError as error:
        say(f"infohub-tui serve: {error}", error=True)
        return EXIT_USAGE
    return EXIT_OK


def _docs(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    from infohub_tui.cli.docs import completion, manpage

    text = manpage(parser(), __version__) if args.command == "man" else completion(parser(), args.shell)
    print(text, end="")
    return EXIT_OK


def _paths(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
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


def _example_config(
    args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary
) -> int:
    print(EXAMPLE, end="")
    return EXIT_OK


COMMANDS: dict[str | None, Command] = {
    None: _run_app,
    "search": _search,
    "validate": _validate,
    "export": _export,
    "schema": _schema,
    "serve": _serve,
    "paths": _paths,
    "example-config": _example_config,
    "man": _docs,
    "completion": _docs,
}
