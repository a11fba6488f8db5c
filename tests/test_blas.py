"""OpenBLAS on one thread while analyses run, its former count given back after the last one."""

from threadpoolctl import threadpool_info, threadpool_limits

from newsprism.blas import one_blas_thread

from .overlapping import seen_when_overlapping


def blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_one_thread_inside_and_the_former_count_after() -> None:
    with threadpool_limits(limits=2, user_api="blas"):
        with one_blas_thread():
            assert blas_threads() == {1}
            with one_blas_thread():  # an analysis inside another: the limit stays until the outer ends
                pass
            assert blas_threads() == {1}
        assert blas_threads() == {2}


def test_the_last_of_overlapping_analyses_gives_the_count_back() -> None:
    # two threads' analyses overlapping: the first to end must not lift the limit from the other
    with threadpool_limits(limits=2, user_api="blas"):
        seen = seen_when_overlapping(one_blas_thread, blas_threads)
    assert seen == [{1}, {2}]
