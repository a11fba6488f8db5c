import inspect

import pytest

import newsprism.errors as errors

CLASSES = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.NewsprismError)]


@pytest.mark.parametrize("kind", CLASSES, ids=lambda c: c.__name__)
def test_every_error_has_an_exit_code_and_an_http_status(kind):
    assert kind.exit_code in (1, 2)
    assert 400 <= kind.http_status < 600


def test_usage_errors_are_client_errors_and_store_errors_are_not():
    assert (errors.UsageError.exit_code, errors.UsageError.http_status) == (2, 400)
    assert errors.NotFoundError.http_status == 404
    assert errors.RefusedAddressError("x").setting == "allow_private"
    assert errors.StoreError.http_status == 503
