import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "corpora" / "seed-story"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SEED} is missing: CI must run with ../shared beside the clone")
        pytest.skip("../shared/corpora/seed-story not present")
    return SEED


@pytest.fixture(scope="session")
def seed_report(seed_dir, tmp_path_factory):
    import newsprism

    return newsprism.analyze([seed_dir], db=tmp_path_factory.mktemp("seed") / "seed.db")


@pytest.fixture(scope="session")
def examples_report(tmp_path_factory):
    import newsprism

    return newsprism.analyze([EXAMPLES], db=tmp_path_factory.mktemp("ex") / "ex.db")
