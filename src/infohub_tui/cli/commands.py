"""The subcommands, one function each, and the table `main` dispatches on (`COMMANDS`; None: the reader).

Each command gets the parsed arguments, the config, the resolved settings and
the content library, and returns the exit status.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from infohub_tui import locations
from infohub_tui.cli.launch import read_hub, run_app
from infohub_tui.cli.output import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, print_problems, say
from infohub_tui.cli.parser import EXPORT_FORMATS
from infohub_tui.cli.settings import Settings
from infohub_tui.config import EXAMPLE, Config
from infohub_tui.hub.content_files import languages_in
from infohub_tui.hub.library import ContentLibrary
from infohub_tui.hub.model import PANES
from infohub_tui.hub.problems import ContentError, Problem
from infohub_tui.text.sanitize import tsv_field

Command = Callable[[argparse.Namespace, Config, Settings, ContentLibrary], int]
"""A subcommand: the parsed arguments, the config, the resolved settings, the library -> exit status."""


def _search(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    from infohub_tui.search.index import SearchIndex

    hub = read_hub(settings, library)
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
                {
                    "query": " ".join(args.query),
                    "total": result.total,
                    "limited": result.limited,
                    "hits": hits,
                },
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
        if result.limited:  # a search that stops at its limit says so, beside the hits
            say(
                f"infohub-tui search: the best {len(result.hits)} of {result.total} hits (--limit)",
                error=True,
            )
    return EXIT_OK if result.hits else EXIT_PROBLEMS


def _export(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    from infohub_tui.formats import export

    if args.first is not None and args.last is not None and args.first > args.last:
        say(f"infohub-tui export: --from {args.first} is after --to {args.last}", error=True)
        return EXIT_USAGE
    hub = read_hub(settings, library)
    if args.format == "svg-timeline":
        print(export.to_svg_timeline(hub, args.width, args.first, args.last), end="")
    else:
        print(getattr(export, EXPORT_FORMATS[args.format])(hub), end="")
    return EXIT_OK


def _show(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    """One entry with its sources, notes and 'as of' date; exit 1 if there is no such entry."""
    from difflib import get_close_matches

    from infohub_tui.formats.show import show

    hub = read_hub(settings, library)
    if args.list:
        for each in hub.all_entries():
            say(str(each.reference))
        return EXIT_OK
    if args.reference is None:
        say("infohub-tui show: give an entry as PANE:ID (infohub-tui show --list prints them)", error=True)
        return EXIT_USAGE
    entry = hub.find(args.reference)
    if entry is None:
        ids = [each.id for each in hub.entries(args.reference.pane)]
        close = get_close_matches(args.reference.id, ids, n=3)
        hint = (
            f"; did you mean {', '.join(f'{args.reference.pane}:{each}' for each in close)}?" if close else ""
        )
        say(f"infohub-tui show: no entry {args.reference} in {hub.lang}{hint}", error=True)
        return EXIT_PROBLEMS
    text = show(entry, hub, args.format)
    if args.format == "json":
        print(text, end="")
    else:
        say(text, end="")  # content is untrusted text: the one printing path for the terminal
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
    print_problems(problems)
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
    from infohub_tui.web.server import ServeError, app_arguments, default_max_sessions, run

    arguments = [*app_arguments(args.content, args.lang)]
    if args.pane:
        arguments += ["--pane", args.pane]
    if args.no_mouse:
        arguments.append("--no-mouse")
    if args.watch:
        arguments.append("--watch")
    try:
        sessions = default_max_sessions() if args.max_sessions is None else args.max_sessions
        run(args.host, args.port, sessions, arguments)
    except ServeError as error:
        say(f"infohub-tui serve: {error}", error=True)
        return EXIT_USAGE
    return EXIT_OK


def _docs(args: argparse.Namespace, config: Config, settings: Settings, library: ContentLibrary) -> int:
    """`man` and `completion`: the generated files the package ships (cli/docs.py)."""
    from infohub_tui.cli.docs import completion, manpage

    print(manpage() if args.command == "man" else completion(args.shell), end="")
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
    None: run_app,
    "search": _search,
    "validate": _validate,
    "export": _export,
    "show": _show,
    "schema": _schema,
    "serve": _serve,
    "paths": _paths,
    "example-config": _example_config,
    "man": _docs,
    "completion": _docs,
}
