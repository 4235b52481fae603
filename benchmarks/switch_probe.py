"""Switch tabs in one app run headless and print how long each switch took to paint.

Used by startup_bench.py as a fresh process per measurement. No Pilot presses
keys: the app runs its own loop, a key is posted as the terminal driver would
post it, and the switch ends when the screen publishes its layout refresh, which
Textual does right after it has rendered the new layout and handed the frame to
the driver, and the frame shows the pane the key names (a frame painted before
the key was handled does not count). The pane has settled with the last frame
painted before the next key. Prints one line per key,
`SWITCH <wall ms> <cpu ms> <settled wall ms> <settled cpu ms>`, then `DONE`;
a `WRONG ...` line, and exit status 1, if no frame shows the pane.

CPU time leaves out any wait for Textual's next frame tick (idle); wall time
includes it.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import TabPane

GAP_SECONDS = 0.2  # after the switch's first frame, time for any follow-up frames before the next key
NO_FRAME_SECONDS = 10.0


class SwitchClock:
    """Presses 2, 3, 4, 1, 2, ... and stamps the painted layouts after each key.

    The switch is the first frame that shows the pane the key names; the pane has
    settled with the last frame painted before the next key (a first visit may
    paint again as the entry's Markdown body mounts).
    """

    def __init__(self, app: App[None], switches: int) -> None:
        self.app = app
        self.switches = switches
        self.key = ""
        self.pressed: tuple[float, float] = (0.0, 0.0)
        self.shown: tuple[float, float] | None = None  # ms to the frame that first shows the pane
        self.settled: tuple[float, float] = (0.0, 0.0)  # ms to the latest frame since
        self.deadline: Timer | None = None
        self.count = 0
        self.failed = False

    def start(self) -> None:
        gc.freeze()  # as `infohub-tui` does before running the app
        self.app.screen.screen_layout_refresh_signal.subscribe(self.app, self.painted, immediate=True)
        self.app.set_timer(GAP_SECONDS, self.press)

    def press(self) -> None:
        self.key = "1234"[(self.count + 1) % 4]
        self.shown = None
        self.deadline = self.app.set_timer(NO_FRAME_SECONDS, self.no_frame)
        self.pressed = (time.perf_counter(), time.process_time())
        self.app.simulate_key(self.key)

    def painted(self, _screen: Screen[object]) -> None:
        if not self.key:
            return
        since_key = (
            (time.perf_counter() - self.pressed[0]) * 1000,
            (time.process_time() - self.pressed[1]) * 1000,
        )
        if self.shown is not None:
            self.settled = since_key
        elif self.pane_on_screen() == self.pane_for_key():  # not a frame painted before the key was handled
            self.shown = self.settled = since_key
            if self.deadline is not None:
                self.deadline.stop()
            self.app.set_timer(GAP_SECONDS, self.report)

    def report(self) -> None:
        assert self.shown is not None
        print(
            f"SWITCH {self.shown[0]:.3f} {self.shown[1]:.3f} {self.settled[0]:.3f} {self.settled[1]:.3f}",
            flush=True,
        )
        self.count += 1
        if self.count == self.switches:
            print("DONE", flush=True)
            self.app.exit()
        else:
            self.press()

    def pane_for_key(self) -> str | None:
        return list(self.app.query(TabPane))[int(self.key) - 1].id

    def pane_on_screen(self) -> str | None:
        """The tab pane of the widget painted in the middle of the body."""
        widget, _region = self.app.screen.get_widget_at(60, 20)
        pane = next((node for node in widget.ancestors_with_self if isinstance(node, TabPane)), None)
        return pane.id if pane is not None else None

    def no_frame(self) -> None:
        shown = self.pane_on_screen()
        self.fail(
            f"key {self.key} did not paint pane {self.pane_for_key()!r} in {NO_FRAME_SECONDS:.0f} s: {shown!r}"
        )

    def fail(self, reason: str) -> None:
        print(f"WRONG {reason}", flush=True)
        self.failed = True
        self.app.exit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("infohub", "minimal"))
    parser.add_argument("content", nargs="?", type=Path)
    parser.add_argument(
        "--switches", type=int, default=16, help="keys to press (the first three visit new panes)"
    )
    args = parser.parse_args(argv)
    if args.mode == "infohub":
        from infohub_tui.cli.main import build_app
        from infohub_tui.cli.main import parser as cli_parser

        content = ["--content", str(args.content)] if args.content else []
        app: App[None] = build_app(cli_parser().parse_args([*content, "--lang", "en"]))
    else:
        sys.path.insert(0, str(Path(__file__).parents[1]))
        from benchmarks.minimal_app import MinimalApp

        app = MinimalApp()
    app.animation_level = "none"  # the tab underline's slide is not part of the switch
    clock = SwitchClock(app, args.switches)

    async def start_when_ready(_pilot: Pilot[object]) -> None:
        clock.start()  # the pilot only gets us into the running app; it presses nothing

    app.run(headless=True, size=(120, 40), auto_pilot=start_when_ready)
    return 1 if clock.failed or clock.count < args.switches else 0


if __name__ == "__main__":
    sys.exit(main())
