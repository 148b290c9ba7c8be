"""The plan and catalog models are built when first used (pydantic defer_build, for start-up time).

A recursive model (a column of columns, a block holding blocks) then keeps a forward reference in
its own fields until it is built on its own; the error messages that follow the model to a nested
field (the allowed values, the closest one) must still find it. Each case runs in a new process,
as a user runs `ntm validate`, so no earlier test has built the model already.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planlib import plan, run_process, write_plan


def _validate(tmp_path: Path, **changes: Any) -> str:
    path = write_plan(tmp_path, plan(**changes))
    proc = run_process("validate", str(path))
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


def test_a_nested_block_names_the_allowed_values_and_the_closest(tmp_path: Path) -> None:
    out = _validate(tmp_path, phan_bo_sung=[{
        "tieu_de": "thêm",
        "noi_dung": [{"muc": "Mục con", "noi_dung": [{"danh_sach": ["a", "b"], "kieu": "gachh"}]}],
    }])
    line = next(ln for ln in out.splitlines() if "noi_dung[0].noi_dung[0].kieu" in ln)
    assert "SCH004" in line
    assert "gach, cong, chu, so" in line
    assert "'gach'?" in line

