"""Schemathesis against the web app's OpenAPI description: no generated request makes the server fail (500)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from .test_serve import client_for  # noqa: E402

# Examples per operation: enough to reach odd parameters (empty, huge, unicode) while the run stays short.
EXAMPLES = 8


@pytest.fixture(scope="module")
def api_schema(serve_db):
    return schemathesis.openapi.from_asgi("/api/openapi.json", client_for(serve_db).app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_is_a_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])
