"""`serve` as the tests run it: `python -m tests.serve_process OPTIONS_JSON [APP ARGUMENTS]`.

The same server as `infohub-tui serve`, on a free loopback port, with the grace
periods, timeouts and limits the test sets (ServeOptions) instead of waiting on
the defaults: a test asserts what a visitor sees, not how fast the machine is.
"""

from __future__ import annotations

import json
import sys

from infohub_tui.web.server import ServeOptions, default_max_sessions, listening_socket, serve


def main(arguments: list[str]) -> None:
    options = json.loads(arguments[0])
    listener = listening_socket(options.pop("host", "127.0.0.1"), 0)
    options.setdefault("max_sessions", default_max_sessions())
    for whole in (
        "max_sessions",
        "max_pending_input",
        "max_downloads",
        "max_download_bytes",
    ):  # JSON may give them as 5.0
        if whole in options:
            options[whole] = int(options[whole])
    serve(listener, ServeOptions(app_arguments=tuple(arguments[1:]), **options))


if __name__ == "__main__":
    main(sys.argv[1:])
