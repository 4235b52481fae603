"""One visitor's reader, as `serve` starts it: the normal command line, tied to the server.

On Linux the process asks the kernel to kill it when the server dies, so even
a server killed with SIGKILL leaves no reader behind.
"""

from __future__ import annotations

import os
import signal
import sys

from infohub_tui.cli.main import main

_PR_SET_PDEATHSIG = 1


def die_with_server() -> None:
    """Be killed when the server process ends (Linux; elsewhere the server's own clean-up must do)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    server = os.environ.get("INFOHUB_TUI_SERVER_PID", "")
    if server.isdigit() and os.getppid() != int(server):  # the server was gone before prctl took effect
        os._exit(1)


if __name__ == "__main__":
    die_with_server()
    raise SystemExit(main())
