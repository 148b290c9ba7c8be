"""Settings shared by the whole suite."""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import settings

# Property tests run the CLI on files: their time depends on the disk and the machine's
# load, so a per-example deadline would only add flaky failures. They are derandomized:
# the same examples every run, so CI cannot pass or fail by chance. A longer fuzz run with
# fresh random examples: HYPOTHESIS_PROFILE=fuzz python -m pytest tests/acceptance/test_properties.py
settings.register_profile("ntm", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("fuzz", deadline=None, max_examples=2000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ntm"))

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_program(name: str, package: str) -> str:
    """The path of a real program a test opens an output with (LibreOffice, Chromium, …).

    Where it is missing the test is skipped with the Debian package to install, so the
    README's test command passes on a fresh machine; under CI=true it must be there
    (.ci/run installs it), and its absence fails the test instead.
    """
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed: apt-get install {package}"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: this test must run; .ci/run installs it)")
        pytest.skip(message)
    return path
