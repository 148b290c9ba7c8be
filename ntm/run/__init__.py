"""Stage 6, run: the stages wired for one file (ntm.run.one) and for many (ntm.run.many)."""

from __future__ import annotations

from ntm.run.many import MAX_JOBS, available_cpus, default_jobs, run_many
from ntm.run.one import KetQuaTep, check_bytes, check_file
from ntm.run.walk import PLAN_SUFFIXES, expand_paths

__all__ = [
    "MAX_JOBS",
    "PLAN_SUFFIXES",
    "KetQuaTep",
    "available_cpus",
    "check_bytes",
    "check_file",
    "default_jobs",
    "expand_paths",
    "run_many",
]
