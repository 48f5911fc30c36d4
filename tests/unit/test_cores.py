"""An exclusive snippet runs alone; ordinary ones run side by side; a waiting exclusive one is not starved."""

import threading
import time
from pathlib import Path

from booksite.snippet_check.cores import share_cores

SETTLE_S = 0.3  # long enough for a thread that is not blocked to take its lock


def start_holder(folder: Path, exclusive: bool, events: list[str], name: str, hold_s: float) -> threading.Thread:
    def hold() -> None:
        with share_cores(folder, exclusive=exclusive):
            events.append(f"{name} in")
            time.sleep(hold_s)
            events.append(f"{name} out")

    thread = threading.Thread(target=hold)
    thread.start()
    return thread


def test_shared_holders_run_together(tmp_path: Path) -> None:
    events: list[str] = []
    first = start_holder(tmp_path, False, events, "a", hold_s=2 * SETTLE_S)
    time.sleep(SETTLE_S / 3)
    second = start_holder(tmp_path, False, events, "b", hold_s=0)
    second.join(timeout=5)
    assert events[:2] == ["a in", "b in"], "a second ordinary snippet waited for the first"
    first.join(timeout=5)


def test_exclusive_waits_for_running_snippets_and_blocks_new_ones(tmp_path: Path) -> None:
    events: list[str] = []
    ordinary = start_holder(tmp_path, False, events, "ordinary", hold_s=2 * SETTLE_S)
    time.sleep(SETTLE_S / 3)
    alone = start_holder(tmp_path, True, events, "alone", hold_s=SETTLE_S)
    time.sleep(SETTLE_S / 3)
    late = start_holder(tmp_path, False, events, "late", hold_s=0)  # queues behind the exclusive one
    for thread in (ordinary, alone, late):
        thread.join(timeout=10)
    assert events == ["ordinary in", "ordinary out", "alone in", "alone out", "late in", "late out"]
