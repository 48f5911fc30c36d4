"""The offline MNIST mirror lands where torchvision looks for it."""

from pathlib import Path

import pytest

from booksite.snippet_check import mnist_mirror


def idx_file(path: Path, kind: str, count: int, *, cut: int = 0) -> Path:
    """A small valid IDX file of `count` images (28x28) or labels, less its last `cut` bytes."""
    if kind == "images":
        header = (0x803).to_bytes(4, "big") + b"".join(n.to_bytes(4, "big") for n in (count, 28, 28))
        body = bytes(count * 28 * 28)
    else:
        header = (0x801).to_bytes(4, "big") + count.to_bytes(4, "big")
        body = bytes(count)
    data = header + body
    path.write_bytes(data[: len(data) - cut])
    return path


def make_mirror(folder: Path, names: tuple[str, ...] = mnist_mirror.MNIST_FILES) -> Path:
    folder.mkdir()
    for count, name in enumerate(names, start=1):
        idx_file(folder / name, "images" if "images" in name else "labels", count)
    return folder


def test_copies_the_four_files_into_the_raw_folder(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror")
    data = tmp_path / "data"
    mnist_mirror.prepare(data, {mnist_mirror.MIRROR_VARIABLE: str(mirror)})
    assert mnist_mirror.has_mnist(data)
    name = "t10k-labels-idx1-ubyte"
    assert (data / "MNIST" / "raw" / name).read_bytes() == (mirror / name).read_bytes()


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


def test_a_whole_idx_file_passes(tmp_path: Path) -> None:
    assert mnist_mirror.idx_problem(idx_file(tmp_path / "t10k-images-idx3-ubyte", "images", 3)) is None
    assert mnist_mirror.idx_problem(idx_file(tmp_path / "t10k-labels-idx1-ubyte", "labels", 3)) is None


def test_a_truncated_file_is_named_with_its_expected_size(tmp_path: Path) -> None:
    path = idx_file(tmp_path / "train-images-idx3-ubyte", "images", 2, cut=100)
    problem = mnist_mirror.idx_problem(path)
    assert problem and str(path) in problem
    assert "has 1,484 bytes, but its header declares shape (2, 28, 28), so it should have 1,584" in problem


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x1f\x8b\x08\x00rest", "gzip-compressed"),
        (b"\x00\x00\x08", "fewer than its 8-byte IDX header"),
        ((0x803).to_bytes(4, "big") + (1).to_bytes(4, "big"), "not the IDX magic number 0x00000801"),
    ],
)
def test_a_wrong_file_says_what_was_expected(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "train-labels-idx1-ubyte"
    path.write_bytes(content)
    assert message in (mnist_mirror.idx_problem(path) or "")


def test_a_damaged_mirror_is_refused_before_copying(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror = make_mirror(mirror)
    idx_file(mirror / "t10k-images-idx3-ubyte", "images", 2, cut=10)
    with pytest.raises(mnist_mirror.MirrorError, match=r"damaged files:\n.*t10k-images-idx3-ubyte has"):
        mnist_mirror.copy_from_mirror(tmp_path / "data", mirror)
    assert not (tmp_path / "data").exists()
