"""Settings shared by the whole suite."""

from __future__ import annotations

import os

from hypothesis import settings

# Property tests run the CLI on files: their time depends on the disk and the
# machine's load, so a per-example deadline would only add flaky failures.
# HYPOTHESIS_PROFILE=long runs many more examples (locally, before a release).
settings.register_profile("ntm", deadline=None)
settings.register_profile("long", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ntm"))
