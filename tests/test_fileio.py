"""fileio.read_bytes: a file's bytes exactly, and the errors open() gives."""

import pytest

from ossetia.fileio import read_bytes


@pytest.mark.parametrize("data", [b"", b"x", b"\xef\xbb\xbfA\r\nB\n", bytes(range(256)) * 5000])
def test_read_bytes_gives_the_file_exactly(tmp_path, data):
    p = tmp_path / "f.txt"
    p.write_bytes(data)
    assert read_bytes(p) == data == read_bytes(str(p))


def test_read_bytes_raises_what_open_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "missing.txt")
    with pytest.raises(OSError):
        read_bytes(tmp_path)  # a folder
