"""Opening links and copying: which browser or clipboard tool is used, that the URL or text
arrives, and what the reader is told. Fake programs on a fake PATH stand in for the real ones."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from infohub_tui.config import Config, ConfigError, load_config
from infohub_tui.system import clipboard, opener
from infohub_tui.system.clipboard import Copied, ToolFailure
from infohub_tui.system.opener import Failure, Mode, Origin, Plan

from .helpers import current_entry, hub_of, make_app, running, toasts

URL = "https://example.org/a?b=1&c=2"
CAT = shutil.which("cat") or "/bin/cat"
SLEEP = shutil.which("sleep") or "/bin/sleep"


def program(directory: Path, name: str, script: str) -> Path:
    """An executable shell script `name` in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def recorder(directory: Path, name: str, record: Path, status: int = 0) -> Path:
    """A program that writes its arguments, then its input, to `record` and exits with `status`."""
    return program(directory, name, f'printf "%s\\n" "$*" > "{record}"\n"{CAT}" >> "{record}"\nexit {status}')


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "bin"
    directory.mkdir()
    return directory


def env_with(bin_dir: Path, **variables: str) -> dict[str, str]:
    return {"PATH": str(bin_dir), **variables}


# Which browser ------------------------------------------------------------------------------


def test_the_browser_setting_wins_and_gets_the_url_for_percent_u(bin_dir: Path) -> None:
    mine = program(bin_dir, "mybrowser", "exit 0")
    program(bin_dir, "w3m", "exit 0")
    env = env_with(bin_dir, BROWSER="w3m", DISPLAY=":0")
    plan = opener.plan_for(URL, browser="mybrowser --url=%u --new", env=env)
    assert plan == Plan(Mode.CONSOLE, (str(mine), f"--url={URL}", "--new"), Origin.SETTING)


def test_the_browser_setting_without_percent_u_gets_the_url_appended_and_amp_detaches(bin_dir: Path) -> None:
    mine = program(bin_dir, "mybrowser", "exit 0")
    plan = opener.plan_for(URL, browser="mybrowser --new-tab &", env=env_with(bin_dir))
    assert plan == Plan(Mode.GRAPHICAL, (str(mine), "--new-tab", URL), Origin.SETTING)


def test_a_known_graphical_browser_starts_detached_and_a_missing_one_is_kept_to_fail(bin_dir: Path) -> None:
    firefox = program(bin_dir, "firefox", "exit 0")
    assert opener.plan_for(URL, browser="firefox %u", env=env_with(bin_dir)).mode is Mode.GRAPHICAL
    assert opener.plan_for(URL, browser="firefox", env=env_with(bin_dir)).argv == (str(firefox), URL)
    missing = opener.plan_for(URL, browser="no-such-browser", env=env_with(bin_dir))
    assert missing.argv == ("no-such-browser", URL) and not missing.found


def test_browser_is_a_list_read_as_pythons_webbrowser_reads_it(bin_dir: Path) -> None:
    lynx = program(bin_dir, "lynx", "exit 0")
    env = env_with(bin_dir, BROWSER=f"not-installed:lynx -dump %s{os.pathsep}w3m")
    assert opener.plan_for(URL, env=env) == Plan(Mode.CONSOLE, (str(lynx), "-dump", URL), Origin.ENVIRONMENT)


def test_a_browser_list_with_nothing_installed_falls_through_to_the_display(bin_dir: Path) -> None:
    xdg_open = program(bin_dir, "xdg-open", "exit 0")
    env = env_with(bin_dir, BROWSER="not-installed", DISPLAY=":0")
    assert opener.plan_for(URL, env=env, platform="linux") == Plan(
        Mode.GRAPHICAL, (str(xdg_open), URL), Origin.DISPLAY
    )


def test_xdg_open_only_with_a_display_else_a_console_browser(bin_dir: Path) -> None:
    program(bin_dir, "xdg-open", "exit 0")
    w3m = program(bin_dir, "w3m", "exit 0")
    assert opener.plan_for(URL, env=env_with(bin_dir, WAYLAND_DISPLAY="wayland-0")).mode is Mode.GRAPHICAL
    # Over SSH: xdg-open would run w3m on our screen; the app runs w3m itself, with the terminal.
    over_ssh = opener.plan_for(URL, env=env_with(bin_dir, DISPLAY=""), platform="linux")
    assert over_ssh == Plan(Mode.CONSOLE, (str(w3m), URL), Origin.CONSOLE)


def test_macos_uses_open(bin_dir: Path) -> None:
    open_ = program(bin_dir, "open", "exit 0")
    assert opener.plan_for(URL, env=env_with(bin_dir), platform="darwin").argv == (str(open_), URL)


def test_console_browsers_in_order_and_none_without_any(bin_dir: Path) -> None:
    program(bin_dir, "elinks", "exit 0")
    lynx = program(bin_dir, "lynx", "exit 0")
    assert opener.plan_for(URL, env=env_with(bin_dir), platform="linux").argv == (str(lynx), URL)
    empty = bin_dir.parent / "empty"
    empty.mkdir()
    assert opener.plan_for(URL, env=env_with(empty, DISPLAY=":0"), platform="linux").mode is Mode.NONE


# Starting it --------------------------------------------------------------------------------


def test_a_graphical_start_is_detached_and_writes_nothing_to_our_terminal(
    bin_dir: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    record = tmp_path / "record"
    browser = program(bin_dir, "firefox", f'echo noise; echo noise >&2\nprintf "%s" "$1" > "{record}"')
    assert opener.start_detached((str(browser), URL)) is None
    assert record.read_text() == URL
    captured = capfd.readouterr()
    assert "noise" not in captured.out + captured.err


def test_a_graphical_start_that_keeps_running_counts_as_started(bin_dir: Path) -> None:
    browser = program(bin_dir, "firefox", f'"{SLEEP}" 5')
    assert opener.start_detached((str(browser), URL), wait=0.1) is None


def test_a_graphical_start_that_fails_says_why(bin_dir: Path) -> None:
    browser = program(bin_dir, "xdg-open", "exit 3")
    assert opener.start_detached((str(browser), URL)) == Failure("xdg-open", "status", 3)
    assert opener.start_detached((str(bin_dir / "nope"), URL)) == Failure("nope", "not_found")


def test_a_console_browser_runs_to_its_end_and_reports_its_status(bin_dir: Path, tmp_path: Path) -> None:
    record = tmp_path / "record"
    assert opener.run_in_terminal((str(recorder(bin_dir, "w3m", record)), URL)) is None
    assert record.read_text().startswith(URL)
    assert opener.run_in_terminal((str(program(bin_dir, "lynx", "exit 1")), URL)) == Failure(
        "lynx", "status", 1
    )
    assert opener.run_in_terminal(("no-such-program", URL)) == Failure("no-such-program", "not_found")


# Clipboard tools ----------------------------------------------------------------------------

TEXT = "“A quote” — Someone, 17 August 2020.\nhttps://example.org/one"


def test_xclip_under_x_gets_the_text(bin_dir: Path, tmp_path: Path) -> None:
    record = tmp_path / "xclip"
    recorder(bin_dir, "xclip", record)
    assert clipboard.copy_with_tools(TEXT, env_with(bin_dir, DISPLAY=":0")) == Copied(("xclip",))
    assert record.read_text(encoding="utf-8") == "-selection clipboard\n" + TEXT


def test_wl_copy_under_wayland_comes_first(bin_dir: Path, tmp_path: Path) -> None:
    recorder(bin_dir, "wl-copy", tmp_path / "wl")
    recorder(bin_dir, "xclip", tmp_path / "xclip")
    env = env_with(bin_dir, DISPLAY=":0", WAYLAND_DISPLAY="wayland-0")
    assert clipboard.copy_with_tools(TEXT, env) == Copied(("wl-copy",))
    assert (tmp_path / "wl").read_text(encoding="utf-8") == "\n" + TEXT
    assert not (tmp_path / "xclip").exists()


def test_a_failing_tool_falls_back_to_the_next_and_is_reported(bin_dir: Path, tmp_path: Path) -> None:
    recorder(bin_dir, "xclip", tmp_path / "xclip", status=1)
    recorder(bin_dir, "xsel", tmp_path / "xsel")
    copied = clipboard.copy_with_tools(TEXT, env_with(bin_dir, DISPLAY=":0"))
    assert copied == Copied(("xsel",), (ToolFailure("xclip", "status", 1),))
    assert (tmp_path / "xsel").read_text(encoding="utf-8") == "--clipboard --input\n" + TEXT


def test_a_tool_that_hangs_times_out(bin_dir: Path) -> None:
    program(bin_dir, "pbcopy", f'"{SLEEP}" 10')
    copied = clipboard.copy_with_tools(TEXT, env_with(bin_dir), platform="darwin", timeout=0.2)
    assert copied == Copied((), (ToolFailure("pbcopy", "timeout"),))


def test_inside_tmux_the_text_also_goes_to_tmux_and_its_outer_clipboard(
    bin_dir: Path, tmp_path: Path
) -> None:
    recorder(bin_dir, "xclip", tmp_path / "xclip")
    recorder(bin_dir, "tmux", tmp_path / "tmux")
    env = env_with(bin_dir, DISPLAY=":0", TMUX="/tmp/tmux-1000/default,1,0")
    assert clipboard.copy_with_tools(TEXT, env) == Copied(("xclip", "tmux"))
    assert (tmp_path / "tmux").read_text(encoding="utf-8") == "load-buffer -w -\n" + TEXT


def test_a_display_without_tools_is_reported_and_no_display_tries_nothing(bin_dir: Path) -> None:
    copied = clipboard.copy_with_tools(TEXT, env_with(bin_dir, DISPLAY=":0"), platform="linux")
    assert copied == Copied((), (ToolFailure("xclip / xsel", "not_found"),))
    assert clipboard.copy_with_tools(TEXT, env_with(bin_dir), platform="linux") == Copied()


# The config setting -------------------------------------------------------------------------


def test_browser_in_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('browser = "w3m %u"\n', encoding="utf-8")
    assert load_config(path).browser == "w3m %u"
    for value, line in (("42", 2), ('"w3m \'unclosed"', 2), ('"  &"', 2)):
        path.write_text(f"mouse = true\nbrowser = {value}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=rf"config.toml:{line}:1: browser: expected a command"):
            load_config(path)


# In the app ---------------------------------------------------------------------------------


@pytest.fixture
def desktop(bin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A session whose PATH has only the fake programs the test writes, and no display."""
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir


async def test_o_starts_the_configured_graphical_browser_with_the_source(
    desktop: Path, tmp_path: Path
) -> None:
    record = tmp_path / "record"
    recorder(desktop, "mybrowser", record)
    app = make_app(config=Config(browser="mybrowser %u &"))
    async with running(app, notifications=True) as pilot:
        await pilot.press("3", "o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        url = hub_of(app).sources_of(current_entry(app))[0].url
        assert record.read_text().startswith(url)
        assert f"Opened {url} with mybrowser." in toasts(app)


async def test_o_without_any_browser_says_none_could_be_started(desktop: Path) -> None:
    app = make_app()
    async with running(app, notifications=True) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert toasts(app) == ["No browser could be started; press y to copy the link."]


async def test_o_with_a_browser_that_is_not_installed_or_fails_says_so_in_german(desktop: Path) -> None:
    program(desktop, "firefox", "exit 2")
    for browser, message in (
        ("nicht-da", "Der Browser startete nicht (nicht-da: Befehl nicht gefunden); y kopiert den Link."),
        ("firefox", "firefox endete mit Status 2."),
    ):
        app = make_app(lang="de", config=Config(browser=browser))
        async with running(app, notifications=True) as pilot:
            await pilot.press("o")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert toasts(app) == [message]


async def test_a_console_browser_where_the_terminal_cannot_be_handed_over_says_so(desktop: Path) -> None:
    program(desktop, "w3m", "exit 0")
    app = make_app()  # headless: no terminal to hand over
    async with running(app, notifications=True) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert toasts(app) == [
            "The browser did not start (w3m needs a terminal, and this one cannot be handed over); "
            "press y to copy the link."
        ]


async def test_c_says_which_tool_copied_and_the_text_arrives(
    desktop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "xclip"
    recorder(desktop, "xclip", record)
    monkeypatch.setenv("DISPLAY", ":0")
    app = make_app()
    async with running(app, notifications=True) as pilot:
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert toasts(app) == ["Citation copied (xclip)."]
        assert record.read_text(encoding="utf-8") == "-selection clipboard\n" + app.clipboard


async def test_c_with_only_osc_52_never_says_copied(desktop: Path) -> None:
    app = make_app()
    async with running(app, notifications=True) as pilot:
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard.startswith("“") and "Source: " in app.clipboard
        assert toasts(app) == [
            "Citation sent to the terminal's clipboard (OSC 52); if it does not arrive, see README."
        ]


async def test_y_copies_the_selected_sources_link_and_reports_a_failing_tool(
    desktop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder(desktop, "tmux", tmp_path / "tmux", status=1)
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    app = make_app()
    async with running(app, notifications=True) as pilot:
        await pilot.press("s", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        second = hub_of(app).sources_of(current_entry(app))[1]
        assert app.clipboard == second.url
        assert toasts(app) == [
            "Link sent to the terminal's clipboard (OSC 52); if it does not arrive, see README. "
            "tmux exited with status 1."
        ]


@pytest.mark.parametrize(
    ("key", "link", "said"), [("y", "archived", "Archived link"), ("Y", "url", "Live page's link")]
)
async def test_y_gives_the_tool_the_archived_copy_and_shift_y_the_live_page(
    desktop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, link: str, said: str
) -> None:
    """Issue 22: what reaches the system's clipboard for a source with an archived copy."""
    record = tmp_path / "xclip"
    recorder(desktop, "xclip", record)
    monkeypatch.setenv("DISPLAY", ":0")
    app = make_app()
    async with running(app, notifications=True) as pilot:
        source = hub_of(app).sources_of(current_entry(app))[0]
        assert source.archived, "the first entry's first source has an archived copy"
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert record.read_text(encoding="utf-8") == "-selection clipboard\n" + getattr(source, link)
        assert toasts(app) == [f"{said} copied (xclip)."]


def test_the_readme_shows_the_example_config_with_the_browser_setting() -> None:
    from infohub_tui.config import EXAMPLE

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    body = EXAMPLE.split("\n\n", 1)[1]  # after the title line
    assert "# browser = " in body
    assert body in readme
