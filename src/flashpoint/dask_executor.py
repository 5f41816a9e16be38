"""The Dask executor behind the batch engine (`flashpoint.batch`): batches of documents are
coded on the workers of a `dask.distributed` cluster.

Without a scheduler address it starts a `LocalCluster` of N single-threaded worker
processes on this machine; with one it connects to an existing cluster (`dask scheduler`
plus `dask worker`, dask-jobqueue, Kubernetes ...), whose workers need flashpoint installed.
Each worker process loads its coder once, on the first batch it is given, and keeps it.
Results come back in input order, at most two batches per worker in flight. A worker lost
mid-run has its batches rerun elsewhere by the scheduler; a batch whose workers keep dying,
a scheduler that goes away, or a coder that cannot start stops the run with one clear
`FlashpointError`.

This module (and Dask) is imported only when the Dask executor is chosen.
"""

from __future__ import annotations

import logging
import pickle
import threading
import warnings
from collections import deque
from collections.abc import Iterator
from datetime import date
from typing import Any

from flashpoint.batch import (
    BATCH_SIZE,
    IN_FLIGHT,
    Executor,
    Fatal,
    Reply,
    WorkerError,
    code_batch,
    load_coder,
    unpack,
)
from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import ConfigError
from flashpoint.pipeline import CodedDocument, Coder

_WARM_UP = Document(
    id="warm-up",
    text="Police arrested 12 protesters in Lagos on Monday.",
    pub_date=date(2024, 1, 1),
)

CONNECT_TIMEOUT = 30.0
"""Seconds to reach a scheduler (and, with `workers`, for that many workers to join)."""


class DaskExecutor(Executor):
    """Code on a Dask cluster: a new `LocalCluster` of `workers` single-threaded processes,
    or the cluster whose scheduler is at `scheduler` (then `workers`, if given, is how many
    workers to wait for)."""

    def __init__(
        self,
        config: CoderConfig,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        batch_size: int = BATCH_SIZE,
        timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(f"--workers must be 1 or more, got {workers}")
        self.config = config
        self.batch_size = batch_size
        self._cluster: Any = None
        self._client = _connect(scheduler, timeout) if scheduler else self._start(workers or 1)
        if scheduler and workers:
            _wait_for_workers(self._client, scheduler, workers, timeout)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def _start(self, workers: int) -> Any:
        from distributed import Client, LocalCluster

        with warnings.catch_warnings():  # the scheduler's HTTP port taken: it finds another
            warnings.filterwarnings("ignore", message="Port .* is already in use")
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        return Client(self._cluster)

    def warm_up(self) -> None:
        """Load the coder on every worker now (it is loaded on a worker's first batch
        otherwise); a coder that cannot start fails here."""
        addresses = list(self._client.scheduler_info().get("workers", {}))
        futures = [
            self._client.submit(_code_on_worker, self.config, [_WARM_UP], pure=False, workers=[a])
            for a in addresses
        ]
        for future in futures:
            _result(1, future)

    def map(self, batches: Iterator[list[Document]]) -> Iterator[list[CodedDocument]]:
        pending: deque[tuple[int, Any]] = deque()
        try:
            for docs in batches:
                future = self._client.submit(_code_on_worker, self.config, docs, pure=False)
                pending.append((len(docs), future))
                if len(pending) >= IN_FLIGHT * self.workers:
                    yield _result(*pending.popleft())
            while pending:
                yield _result(*pending.popleft())
        finally:
            if pending:
                self._client.cancel([f for _, f in pending])

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _connect(address: str, timeout: float) -> Any:
    from distributed import Client

    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {exc}); "
            "start one (`dask scheduler`, then `dask worker ADDRESS --nthreads 1` on each "
            "machine), check the address, or leave out --scheduler to start a local cluster"
        ) from None


def _wait_for_workers(client: Any, address: str, workers: int, timeout: float) -> None:
    try:
        client.wait_for_workers(workers, timeout=timeout)
    except TimeoutError:
        have = len(client.scheduler_info().get("workers", {}))
        client.close()
        raise ConfigError(
            f"the Dask scheduler at {address} has {have} of the {workers} workers asked for "
            f"after {timeout:.0f} s; start more (`dask worker {address} --nthreads 1`) or "
            "ask for fewer --workers"
        ) from None


def _result(expected: int, future: Any) -> list[CodedDocument]:
    """A batch's results; a batch whose workers keep dying or a lost scheduler stops the run."""
    from distributed import KilledWorker

    try:
        reply = future.result()
    except KilledWorker:
        raise WorkerError(
            "Dask workers kept dying while coding one batch (killed, or out of memory?); "
            "what was already written is kept: run again, with more memory per worker"
        ) from None
    except (OSError, TimeoutError) as exc:
        raise WorkerError(
            f"lost the Dask scheduler while coding ({type(exc).__name__}: {exc}); what was "
            "already written is kept: run again when the cluster is back"
        ) from None
    return unpack(reply, expected)


# --- on the workers ------------------------------------------------------------------------

_lock = threading.Lock()
_loaded: dict[bytes, Coder | Fatal] = {}
_KEEP = 2
"""Coders a worker process keeps (one per configuration: `code` and `geoparse`, say)."""


def _code_on_worker(config: CoderConfig, docs: list[Document]) -> Reply:
    """Code one batch on a Dask worker with this process's coder for `config` (loaded on
    the first batch, kept for the next). One batch at a time per process."""
    key = pickle.dumps(config)
    with _lock:
        coder = _loaded.pop(key, None) or load_coder(config)
        _loaded[key] = coder  # the most recently used last
        while len(_loaded) > _KEEP:
            del _loaded[next(iter(_loaded))]
        return code_batch(coder, docs)
