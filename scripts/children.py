"""Child processes that the kernel stops when the process that started them dies (Linux).

A killed build must leave nothing running: neither its forked search process nor the Pagefind
processes that one starts, which would go on writing into a folder nobody will read.
"""
from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1  # Linux prctl option: the signal a process gets when its parent dies


def _libc():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    return libc if hasattr(libc, "prctl") else None


LIBC = _libc()  # loaded before any fork: a new child only makes the call


def stop_with(parent: int) -> None:
    """Run in a new child of ``parent``: SIGKILL it when ``parent`` dies, and exit now if it already has.

    Elsewhere than Linux this does nothing: a killed build may leave its children to finish on their own.
    """
    if LIBC is None:
        return
    LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
