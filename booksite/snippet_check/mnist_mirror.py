"""Put an offline MNIST copy where `torchvision.datasets.MNIST(root="data")` looks.

torchvision skips its download when the four uncompressed IDX files already sit
in `<root>/MNIST/raw/`. On a machine without internet, point the environment
variable MNIST_MIRROR at a folder holding those files and they are copied there
before any snippet runs. Without a mirror, `download` fetches it once; when that
is impossible, `missing_data_message` says how to fix it. Each file is checked
against its IDX header (`idx_problem`: magic number, and a size that matches the
dimensions the header declares) before it is copied and before it is used, so a
truncated or compressed file is named with what was expected, instead of failing
later inside torchvision. Parallel test workers prepare the data one at a time,
inside `exclusive`.
"""

from __future__ import annotations

import fcntl
import math
import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

MIRROR_VARIABLE = "MNIST_MIRROR"
MNIST_FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)


# IDX files: a big-endian magic number (0x0803 for images, 0x0801 for labels, after two
# zero bytes), one 4-byte size per dimension, then one unsigned byte per value.
IDX_MAGIC = {"images": (0x00000803, 3), "labels": (0x00000801, 1)}
GZIP_MAGIC = b"\x1f\x8b"
FIX = "replace it with the original, uncompressed MNIST file of that name"


class MirrorError(RuntimeError):
    """The mirror named by MNIST_MIRROR is unusable."""


def idx_problem(path: Path) -> str | None:
    """Why `path` is not a whole IDX file of its kind (images or labels, by its name), or None."""
    magic, dimensions = IDX_MAGIC["images" if "images" in path.name else "labels"]
    header_size = 4 + 4 * dimensions
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(header_size)
    if header.startswith(GZIP_MAGIC):
        return f"{path} is gzip-compressed: uncompress it (gunzip) or {FIX}"
    if len(header) < header_size:
        return f"{path} has {size:,} bytes, fewer than its {header_size}-byte IDX header: {FIX}"
    found = int.from_bytes(header[:4], "big")
    if found != magic:
        return f"{path} starts with {found:#010x}, not the IDX magic number {magic:#010x}: {FIX}"
    shape = [int.from_bytes(header[4 + 4 * i : 8 + 4 * i], "big") for i in range(dimensions)]
    expected = header_size + math.prod(shape)
    if size != expected:
        return (
            f"{path} has {size:,} bytes, but its header declares shape {tuple(shape)}, "
            f"so it should have {expected:,}: it is truncated or damaged; {FIX}"
        )
    return None


def damaged_files(folder: Path) -> list[str]:
    """What is wrong with each MNIST file present in `folder` (missing ones are not listed)."""
    present = (folder / name for name in MNIST_FILES if (folder / name).is_file())
    return [problem for problem in map(idx_problem, present) if problem]


def raw_folder(data_root: Path) -> Path:
    return data_root / "MNIST" / "raw"


def has_mnist(data_root: Path) -> bool:
    return all((raw_folder(data_root) / name).is_file() for name in MNIST_FILES)


def copy_from_mirror(data_root: Path, mirror: Path) -> list[Path]:
    """Copy the mirror's files into the torchvision layout; return the files copied."""
    missing = [name for name in MNIST_FILES if not (mirror / name).is_file()]
    if missing:
        raise MirrorError(
            f"{MIRROR_VARIABLE}={mirror} lacks {', '.join(missing)}; it must hold the four "
            f"uncompressed MNIST files: {', '.join(MNIST_FILES)}"
        )
    damaged = damaged_files(mirror)
    if damaged:
        raise MirrorError(f"{MIRROR_VARIABLE}={mirror} holds damaged files:\n" + "\n".join(damaged))
    target = raw_folder(data_root)
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in MNIST_FILES:
        destination = target / name
        if not destination.is_file() or destination.stat().st_size != (mirror / name).stat().st_size:
            shutil.copyfile(mirror / name, destination)
            copied.append(destination)
    return copied


def prepare(data_root: Path, environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Copy the mirror named by MNIST_MIRROR, if any, into `data_root`."""
    mirror = environ.get(MIRROR_VARIABLE)
    if mirror:
        copy_from_mirror(data_root, Path(mirror).expanduser())


@contextmanager
def exclusive(data_root: Path) -> Iterator[None]:
    """Hold a lock on `data_root` so that one process at a time copies or downloads MNIST."""
    data_root.mkdir(parents=True, exist_ok=True)
    with (data_root / ".mnist.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def download(data_root: Path) -> None:
    """Let torchvision download MNIST into `data_root` (before the snippets need it)."""
    from torchvision.datasets import MNIST

    MNIST(root=str(data_root), download=True)


def damaged_data_message(data_root: Path, damaged: list[str]) -> str:
    return (
        "\n".join(damaged) + f"\nDelete {raw_folder(data_root)} to download MNIST again, "
        f"or set {MIRROR_VARIABLE} to a folder holding the four intact files."
    )


def missing_data_message(data_root: Path) -> str:
    return (
        f"MNIST is not in {raw_folder(data_root)} and its download server cannot be reached. "
        f"Set {MIRROR_VARIABLE} to a folder holding {', '.join(MNIST_FILES)} "
        f"(for example {MIRROR_VARIABLE}=../shared/mnist) or run with network access."
    )


def download_reachable(timeout_s: float = 2.0) -> bool:
    """Whether one of torchvision's MNIST download hosts answers within the timeout."""
    from torchvision.datasets import MNIST

    for url in MNIST.mirrors:
        try:
            socket.create_connection((urlparse(url).hostname, 443), timeout=timeout_s).close()
        except OSError:
            continue
        return True
    return False
