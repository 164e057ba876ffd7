"""The collector pause around report building: nested and overlapping pauses end with
the collector as the first one found it."""

from __future__ import annotations

import gc
import threading

from factcheck.core.gc_pause import paused_gc


def test_nested_pauses_restore_the_collector_once_the_last_ends() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still runs
    assert gc.isenabled()


def test_overlapping_pauses_in_two_threads_end_with_the_collector_on() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with paused_gc():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with paused_gc():  # began while the first was paused: it must not restore "off"
        second_in.set()
        first_out.wait(5)
        assert not gc.isenabled()  # the first ended, this one still runs
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_program_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error() -> None:
    try:
        with paused_gc():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()
