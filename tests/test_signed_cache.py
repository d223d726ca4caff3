"""The signed cache: this machine's entries come back; a planted pickle is never unpickled."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from drafting import signedcache

def _ran(marker: str) -> None:
    Path(marker).write_text("code ran", encoding="utf-8")


class Payload:
    """What a hostile contributor would commit: unpickling it writes the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (_ran, (self.marker,))


@pytest.fixture(autouse=True)
def _own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def test_an_entry_written_here_is_read_back(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "versions" / "a.pickle"
    signedcache.dump(entry, {"articles": [1, 2, 3]})
    assert signedcache.load(entry) == {"articles": [1, 2, 3]}
    assert (signedcache.key_path().stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("prefix", [b"", b"\0" * 32], ids=["bare pickle", "forged mac"])
def test_a_planted_pickle_is_never_unpickled(tmp_path: Path, prefix: bytes) -> None:
    entry = tmp_path / "cache" / "versions" / "b.pickle"
    entry.parent.mkdir(parents=True)
    marker = tmp_path / "marker"
    entry.write_bytes(prefix + pickle.dumps(Payload(marker)))
    assert signedcache.load(entry) is None
    assert not marker.exists()


def test_a_damaged_or_missing_entry_is_a_miss(tmp_path: Path) -> None:
    entry = tmp_path / "c.pickle"
    assert signedcache.load(entry) is None
    signedcache.dump(entry, [1])
    entry.write_bytes(entry.read_bytes()[:-3])
    assert signedcache.load(entry) is None



SEEN: list[bool] = []  # whether the collector ran, each time a Probe was unpickled


def _probe() -> "Probe":
    import gc

    SEEN.append(gc.isenabled())
    return Probe()


class Probe:
    """Records, as it is unpickled, whether the collector runs."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_probe, ())


def test_unpickling_pauses_the_collector_and_restores_it(tmp_path: Path) -> None:
    """The collector is off while an entry is unpickled and as it was afterwards (also after a damaged entry)."""
    import gc

    SEEN.clear()
    entry = tmp_path / "cache" / "c.pickle"
    signedcache.dump(entry, Probe())
    assert gc.isenabled()
    assert isinstance(signedcache.load(entry), Probe)
    assert SEEN == [False] and gc.isenabled()
    gc.disable()
    try:
        signedcache.load(entry)
        assert not gc.isenabled()  # a caller's own pause is left alone
    finally:
        gc.enable()
    with pytest.raises(pickle.UnpicklingError):
        signedcache.unpickled(b"not a pickle")
    assert gc.isenabled()
