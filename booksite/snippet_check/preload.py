"""A server process with torch already imported, forking one child per snippet run.

Importing torch takes seconds (most of a small example's run time); `execute.py
--serve torch` pays that once per test process, then forks a child per snippet
that starts exactly where `import torch` would have left a fresh interpreter, in
the working directory the request names. The server's environment is its children's:
one server per environment (the snippet check's, each reader configuration's).
`Preloader.run` sends one request and waits for the child's exit code, stopping
the child's process group at the timeout. Anything unexpected (the server cannot
start, dies, or answers garbage) raises `PreloadUnavailable`, and the runner falls
back to a fresh interpreter.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

EXECUTE = Path(__file__).with_name("execute.py")
READY_TIMEOUT_S = 600.0
REPLY_TIMEOUT_S = 60.0


class PreloadUnavailable(RuntimeError):
    """The preloading server cannot run this snippet; run it in a fresh interpreter."""


class Preloader:
    """One server process with `modules` imported, started with `env`."""

    def __init__(self, modules: tuple[str, ...], *, env: Mapping[str, str]) -> None:
        self.modules, self.env = modules, dict(env)
        self._process = subprocess.Popen(
            [sys.executable, "-X", "utf8", str(EXECUTE), "--serve", *modules],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._process.stdout, selectors.EVENT_READ)
        self._pending = b""
        if self._reply(READY_TIMEOUT_S) is None:
            self.close()
            raise PreloadUnavailable(f"the preloading server did not import {modules} in time")

    def _reply(self, timeout_s: float) -> dict[str, object] | None:
        """The server's next answer line, or None when none came within the timeout."""
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self._pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._selector.select(remaining):
                return None
            chunk = os.read(self._process.stdout.fileno(), 65536)  # type: ignore[union-attr]
            if not chunk:
                self.close()
                raise PreloadUnavailable("the preloading server exited")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        try:
            return json.loads(line)
        except ValueError as error:
            self.close()
            raise PreloadUnavailable(f"unexpected answer {line!r}") from error

    def run(
        self,
        snippet: Path,
        *,
        cwd: Path,
        result: Path,
        figure_dir: Path,
        stdout: Path,
        stderr: Path,
        timeout_s: float,
    ) -> tuple[int | None, bool]:
        """Run `snippet` in a forked child working in `cwd`; return (exit code or None, timed out)."""
        if self._process.poll() is not None:
            raise PreloadUnavailable("the preloading server is not running")
        request = {
            "snippet": str(snippet.resolve()),
            "cwd": str(cwd),
            "result": str(result),
            "figure_dir": str(figure_dir),
            "stdout": str(stdout),
            "stderr": str(stderr),
        }
        try:
            self._process.stdin.write(json.dumps(request).encode() + b"\n")  # type: ignore[union-attr]
            self._process.stdin.flush()  # type: ignore[union-attr]
        except OSError as error:
            self.close()
            raise PreloadUnavailable("the preloading server does not listen") from error
        started = self._reply(REPLY_TIMEOUT_S)
        if started is None or not isinstance(started.get("pid"), int):
            self.close()
            raise PreloadUnavailable("the preloading server did not fork")
        pid = int(started["pid"])
        finished = self._reply(timeout_s)
        if finished is not None:
            return int(finished["exit_code"]), False  # type: ignore[call-overload]
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)  # stopped before it made its own process group
        if self._reply(REPLY_TIMEOUT_S) is None:
            self.close()
        return None, True

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._selector.close()


_servers: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], Preloader] = {}


@atexit.register
def _close_servers() -> None:
    for server in _servers.values():
        server.close()


def shared(modules: tuple[str, ...], *, env: Mapping[str, str]) -> Preloader:
    """This process's server for these modules and environment, started on first use."""
    key = (modules, tuple(sorted(env.items())))
    server = _servers.get(key)
    if server is None or server._process.poll() is not None:
        try:
            server = _servers[key] = Preloader(modules, env=env)
        except OSError as error:
            raise PreloadUnavailable(f"cannot start the preloading server: {error}") from error
    return server
