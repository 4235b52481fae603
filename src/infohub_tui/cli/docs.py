"""The help formatting and epilog, the man page and the shell completion scripts of the command line.

The man page and completion are generated from the argument parser, nothing by
hand per option: a new subcommand, option or choice shows up in
`infohub-tui man` and `infohub-tui completion SHELL` by itself.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")

EPILOG = """\
keys in the reader:
  1-4 panes   j/k move   enter read   space/b page   z entry alone   v chart
  / search   f find in entry   n/N next match   o/O open source/archived copy
  c/y copy citation/link   m/B bookmark/list   S date order   L English/Deutsch
  ctrl+p palette   ? every key   q quit

files:
  infohub-tui paths            where the config, state, content and cache live
  infohub-tui example-config   a commented config file
  infohub-tui schema           the JSON Schema of the content format

exit status:
  0 ok, 1 no search hits or content problems or unwritable output, 2 usage error;
  a closed output pipe ends quietly with 0

more: infohub-tui man, infohub-tui completion bash|zsh|fish, README.md
"""


class HelpFormatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Epilogs keep their lines; options show a default when they have a meaningful one."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False, argparse.SUPPRESS) or "default" in (action.help or ""):
            return action.help
        return super()._get_help_string(action)


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...] = ()
    is_path: bool = False


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    parser: argparse.ArgumentParser
    options: tuple[Option, ...]
    positional_choices: tuple[str, ...] = ()
    positional_paths: bool = False
    children: tuple[Command, ...] = field(default=())


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    formatter = parser._get_formatter()
    text = formatter._expand_help(action) if action.help else ""
    return " ".join(text.split())


def _subparsers(
    parser: argparse.ArgumentParser,
) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def describe(parser: argparse.ArgumentParser, name: str = "", help_text: str = "") -> Command:
    """What completion and the man page need to know about a parser and its subcommands."""
    options: list[Option] = []
    positional_choices: list[str] = []
    positional_paths = False
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        choices = tuple(str(choice) for choice in action.choices or ())
        if action.option_strings:
            options.append(
                Option(
                    tuple(action.option_strings),
                    _help(parser, action),
                    takes_value=action.nargs != 0,
                    choices=choices,
                    is_path=action.type is Path,
                )
            )
        else:
            positional_choices.extend(choices)
            positional_paths = positional_paths or action.type is Path
    children: list[Command] = []
    subparsers = _subparsers(parser)
    if subparsers is not None:
        helps = {choice.dest: choice.help or "" for choice in subparsers._choices_actions}
        for child_name, child in subparsers.choices.items():
            children.append(describe(child, child_name, helps.get(child_name, "")))
    return Command(
        name or parser.prog,
        help_text or parser.description or "",
        parser,
        tuple(options),
        tuple(positional_choices),
        positional_paths,
        tuple(children),
    )


# --- man page -------------------------------------------------------------------


def _roff(text: str) -> str:
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n"))


def _usage(parser: argparse.ArgumentParser) -> str:
    return " ".join(parser.format_usage().removeprefix("usage:").split())


def _man_options(command: Command) -> list[str]:
    lines: list[str] = []
    for action, option in zip(
        [action for action in command.parser._actions if action.option_strings], command.options, strict=True
    ):
        invocation = command.parser._get_formatter()._format_action_invocation(action)
        lines += [".TP", f".B {_roff(invocation)}", _roff(option.help)]
    for action in command.parser._actions:
        if not action.option_strings and not isinstance(action, argparse._SubParsersAction):
            lines += [
                ".TP",
                f".I {_roff(action.metavar if isinstance(action.metavar, str) else action.dest)}",
                _roff(_help(command.parser, action)),
            ]
    return lines


def manpage(parser: argparse.ArgumentParser, version: str) -> str:
    """The manual page in roff (man(7)); no date, so the same parser gives the same page."""
    top = describe(parser)
    prog = top.name
    lines = [
        f'.TH {prog.upper()} 1 "" "{prog} {version}" "User Commands"',
        ".SH NAME",
        f"{prog} \\- {_roff(top.help)}",
        ".SH SYNOPSIS",
        f".B {_roff(_usage(parser))}",
        ".SH DESCRIPTION",
        _roff(top.help),
        ".SH OPTIONS",
        *_man_options(top),
        ".SH COMMANDS",
    ]
    for child in top.children:
        lines += [f'.SS "{_roff(child.name)}"', _roff(child.help), ".PP", f".B {_roff(_usage(child.parser))}"]
        lines += _man_options(child)
    if parser.epilog:
        lines += [".SH NOTES", ".nf", _roff(parser.epilog.rstrip("\n")), ".fi"]
    lines += [".SH SEE ALSO", "README.md and CHANGELOG.md of the infohub\\-tui source tree."]
    return "\n".join(lines) + "\n"


# --- completion -----------------------------------------------------------------


def _value_options(command: Command) -> dict[str, Option]:
    found: dict[str, Option] = {}
    for each in (command, *command.children):
        for option in each.options:
            if option.takes_value:
                for name in option.names:
                    found.setdefault(name, option)
    return found


def _words(command: Command) -> str:
    """`options="…" words="…"`: what a word starting with `-` completes to, and any other word."""
    options = " ".join(name for option in command.options for name in option.names)
    words = " ".join([*command.positional_choices, *(child.name for child in command.children)])
    return f'options="{options}" words="{words}"'


def bash(parser: argparse.ArgumentParser) -> str:
    top = describe(parser)
    function = "_" + re.sub(r"\W", "_", top.name)
    value_cases = []
    for name, option in _value_options(top).items():
        if option.choices:
            reply = f'COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur"))'
        elif option.is_path:
            reply = 'COMPREPLY=($(compgen -f -- "$cur"))'
        else:
            reply = "COMPREPLY=()"
        value_cases.append(f"        {name}) {reply}; return ;;")
    command_cases = [f'        "") {_words(top)} ;;']
    command_cases += [f"        {child.name}) {_words(child)} ;;" for child in top.children]
    names = "|".join(child.name for child in top.children)
    return f"""# bash completion for {top.name}, generated from its argument parser
{function}() {{
    local cur prev cmd options words i
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            {names}) cmd="${{COMP_WORDS[i]}}"; break ;;
        esac
    done
    case "$prev" in
{chr(10).join(value_cases)}
    esac
    case "$cmd" in
{chr(10).join(command_cases)}
    esac
    [[ "$cur" == -* ]] && words="$options"
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}}
complete -o default -F {function} {top.name}
"""


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh_help(text: str) -> str:
    """An explanation inside `--option[...]`: brackets and backslashes quoted."""
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _zsh_specs(command: Command) -> list[str]:
    specs = []
    for option in command.options:
        names = option.names[0] if len(option.names) == 1 else "{" + ",".join(option.names) + "}"
        exclusive = f"({' '.join(option.names)})" if len(option.names) > 1 else ""
        spec = f"{exclusive}{names}[{_zsh_help(option.help)}]"
        if option.takes_value:
            if option.choices:
                spec += f":value:({' '.join(option.choices)})"
            elif option.is_path:
                spec += ":path:_files"
            else:
                spec += ":value:"
        specs.append(_zsh_quote(spec))
    if command.positional_choices:
        specs.append(_zsh_quote(f"1:argument:({' '.join(command.positional_choices)})"))
    elif command.positional_paths:
        specs.append(_zsh_quote("1:path:_files"))
    return specs


def zsh(parser: argparse.ArgumentParser) -> str:
    top = describe(parser)
    function = "_" + re.sub(r"\W", "_", top.name)
    commands = " ".join(_zsh_quote(f"{child.name}:{child.help}") for child in top.children)
    cases = []
    for child in top.children:
        specs = " ".join(_zsh_specs(child))
        cases.append(
            f"            {child.name}) _arguments {specs} ;;" if specs else f"            {child.name}) ;;"
        )
    top_specs = " \\\n        ".join(_zsh_specs(top))
    return f"""#compdef {top.name}
# zsh completion for {top.name}, generated from its argument parser
{function}() {{
    local context state state_descr line
    typeset -A opt_args
    _arguments -C \\
        {top_specs} \\
        '1: :->command' \\
        '*:: :->arguments'
    case $state in
        command)
            local -a commands
            commands=({commands})
            _describe command commands ;;
        arguments)
            case $line[1] in
{chr(10).join(cases)}
            esac ;;
    esac
}}
{function} "$@"
"""


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(prog: str, condition: str, option: Option) -> str:
    parts = [f"complete -c {prog} -n {_fish_quote(condition)}"]
    for name in option.names:
        parts.append(f"-l {name[2:]}" if name.startswith("--") else f"-s {name[1:]}")
    if option.takes_value:
        parts.append(f"-x -a {_fish_quote(' '.join(option.choices))}" if option.choices else "-r")
        if option.is_path:
            parts.append("-F")
    parts.append(f"-d {_fish_quote(option.help)}")
    return " ".join(parts)


def fish(parser: argparse.ArgumentParser) -> str:
    top = describe(parser)
    prog = top.name
    names = " ".join(child.name for child in top.children)
    lines = [f"# fish completion for {prog}, generated from its argument parser", f"complete -c {prog} -f"]
    for option in top.options:
        lines.append(_fish_option(prog, f"not __fish_seen_subcommand_from {names}", option))
    for child in top.children:
        lines.append(
            f"complete -c {prog} -n '__fish_use_subcommand' -a {child.name} -d {_fish_quote(child.help)}"
        )
    for child in top.children:
        seen = f"__fish_seen_subcommand_from {child.name}"
        lines += [_fish_option(prog, seen, option) for option in child.options]
        if child.positional_choices:
            lines.append(
                f"complete -c {prog} -n {_fish_quote(seen)} -a {_fish_quote(' '.join(child.positional_choices))}"
            )
        elif child.positional_paths:
            lines.append(f"complete -c {prog} -n {_fish_quote(seen)} -F")
    return "\n".join(lines) + "\n"


def completion(parser: argparse.ArgumentParser, shell: str) -> str:
    return {"bash": bash, "zsh": zsh, "fish": fish}[shell](parser)
