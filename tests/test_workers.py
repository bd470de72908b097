"""Sharing jobs with background processes (:mod:`sokets._workers`): the results are those of the
plain loop, in order, whoever computed them and whatever happens to the processes."""

from __future__ import annotations

import concurrent.futures
import os
import pickle
from typing import Any

import pytest

from sokets import _workers
from sokets._workers import ordered_map
from tests import workers_support as jobs

ITEMS = list(range(60))
EXPECTED = [n * n for n in ITEMS]


def test_the_results_come_back_in_order_from_every_process(monkeypatch: pytest.MonkeyPatch) -> None:
    done_by: set[int] = set()

    def decode(data: bytes) -> list[int]:
        pairs = pickle.loads(data)
        done_by.update(pid for _, pid in pairs)
        return [value for value, _ in pairs]

    assert (
        ordered_map(jobs.square, ITEMS, remote=jobs.squares, decode=decode, workers=3, chunk=2)
        == EXPECTED
    )
    assert done_by and os.getpid() not in done_by  # background processes did some of the work


def test_one_worker_or_one_chunk_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert (
        ordered_map(jobs.square, ITEMS, remote=jobs.squares, decode=jobs.decode, workers=1, chunk=4)
        == EXPECTED
    )
    assert (
        ordered_map(
            jobs.square, ITEMS[:4], remote=jobs.squares, decode=jobs.decode, workers=2, chunk=4
        )
        == EXPECTED[:4]
    )
    assert (
        ordered_map(jobs.square, [], remote=jobs.squares, decode=jobs.decode, workers=2, chunk=4)
        == []
    )


def test_a_dying_worker_leaves_its_chunks_to_the_caller() -> None:
    assert (
        ordered_map(jobs.square, ITEMS, remote=jobs.dying, decode=jobs.decode, workers=2, chunk=3)
        == EXPECTED
    )


def test_results_a_worker_cannot_send_are_computed_by_the_caller() -> None:
    got = ordered_map(
        jobs.square, ITEMS, remote=jobs.unsendable, decode=jobs.decode_or_none, workers=2, chunk=3
    )
    assert got == EXPECTED


def test_processes_that_cannot_be_started_leave_everything_to_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*args: Any, **kwargs: Any) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refused)
    assert (
        ordered_map(jobs.square, ITEMS, remote=jobs.squares, decode=jobs.decode, workers=4, chunk=2)
        == EXPECTED
    )


@pytest.mark.parametrize("where", ["caller", "worker"])
def test_an_error_in_a_job_is_raised_as_in_the_plain_loop(where: str) -> None:
    items = list(range(20))
    items[1 if where == "caller" else -1] = -1  # workers take chunks from the end
    with pytest.raises(ValueError, match="negative"):
        ordered_map(jobs.square, items, remote=jobs.squares, decode=jobs.decode, workers=2, chunk=2)


def test_cores_counts_the_cores_this_process_may_use() -> None:
    assert 1 <= _workers.cores() <= (os.cpu_count() or 1)
