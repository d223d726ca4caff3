"""Pickled cache entries that carry a keyed MAC, so that only this machine's own entries are unpickled.

A cache folder may sit inside a repository whose files come from many contributors;
unpickling a file someone committed there would run their code. Each entry is written
as HMAC-SHA256(key, payload) + payload, the key being random bytes kept in the user's
cache directory (``$XDG_CACHE_HOME/drafting/cache-key``, never in the project). An entry
whose MAC does not verify is ignored, and the caller computes the value again.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import secrets
from functools import lru_cache
from pathlib import Path

from drafting.atomicfile import write_bytes

_MAC_BYTES = 32


def key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "drafting" / "cache-key"


@lru_cache(maxsize=4)
def _key(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    data = secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)
    return path.read_bytes()


def _mac(payload: bytes) -> bytes:
    return hmac.new(_key(key_path()), payload, hashlib.sha256).digest()


def dump(path: Path, value: object) -> None:
    """Write ``value`` to ``path`` atomically; an unwritable cache is no error (nothing is cached)."""
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, _mac(payload) + payload)
    except OSError:
        pass


def unpickled(payload: bytes) -> object:
    """``pickle.loads`` with the cyclic garbage collector paused.

    An entry is hundreds of thousands of new objects that all stay alive; every
    few hundred of them would start a collection that walks the process's whole
    heap (in a long run, the PDF engine's too), which cost more than the
    unpickling itself (measured: 2 versions, 108 ms with it, 20 ms without).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        value: object = pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()
    return value


def load(path: Path) -> object | None:
    """The value stored at ``path`` by :func:`dump` on this machine, or None (missing, damaged or foreign)."""
    try:
        data = path.read_bytes()
        mac, payload = data[:_MAC_BYTES], data[_MAC_BYTES:]
        if len(mac) != _MAC_BYTES or not hmac.compare_digest(mac, _mac(payload)):
            return None
        return unpickled(payload)
    except Exception:  # a damaged entry or one from another toolkit version: compute it again
        return None
