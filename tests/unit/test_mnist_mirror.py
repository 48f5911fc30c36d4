"""The offline MNIST mirror lands where torchvision looks for it."""

from pathlib import Path

import pytest
from snippet_check import mnist_mirror


def make_mirror(folder: Path, names: tuple[str, ...] = mnist_mirror.MNIST_FILES) -> Path:
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(name.encode())
    return folder


def test_copies_the_four_files_into_the_raw_folder(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror")
    data = tmp_path / "data"
    mnist_mirror.prepare(data, {mnist_mirror.MIRROR_VARIABLE: str(mirror)})
    assert mnist_mirror.has_mnist(data)
    assert (data / "MNIST" / "raw" / "t10k-labels-idx1-ubyte").read_bytes() == b"t10k-labels-idx1-ubyte"


def test_a_second_copy_copies_nothing(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror")
    mnist_mirror.copy_from_mirror(tmp_path / "data", mirror)
    assert mnist_mirror.copy_from_mirror(tmp_path / "data", mirror) == []


def test_an_incomplete_mirror_names_what_is_missing(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror", mnist_mirror.MNIST_FILES[:3])
    with pytest.raises(mnist_mirror.MirrorError, match=r"MNIST_MIRROR=.*lacks t10k-labels-idx1-ubyte"):
        mnist_mirror.prepare(tmp_path / "data", {mnist_mirror.MIRROR_VARIABLE: str(mirror)})


def test_without_a_mirror_nothing_is_copied(tmp_path: Path) -> None:
    mnist_mirror.prepare(tmp_path / "data", {})
    assert not mnist_mirror.has_mnist(tmp_path / "data")


def test_the_missing_data_message_says_how_to_fix_it() -> None:
    message = mnist_mirror.missing_data_message(Path("data"))
    assert "MNIST_MIRROR" in message and "data/MNIST/raw" in message
