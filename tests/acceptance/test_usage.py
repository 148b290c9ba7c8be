"""Usage errors are said in Vietnamese, exit 2 and print no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from planlib import SEED_PLAN, run_process

CASES = [
    (("check", "--formt", "json", "plans/huong-son-2023.yaml"), "không có tùy chọn --formt; có phải ý bạn là: --format?"),
    (("check",), "thiếu đối số PLAN"),
    (("render",), "thiếu đối số PLAN (tệp kế hoạch)"),
    (("criteria", "--vung"), "tùy chọn --vung cần một giá trị"),
    (("kiem-tra",), "không có lệnh 'kiem-tra'"),
    (("criteria", "--nhom-xa", "9"), "'--nhom-xa' không được lớn hơn 3"),
    (("check", "--jobs", "hai", "plans/huong-son-2023.yaml"), "cần một số nguyên"),
    (("check", "--format", "xml", "plans/huong-son-2023.yaml"), "giá trị 'xml' không hợp lệ cho '--format'"),
    (("init", "x.yaml", "-b", "xa-ntm-2021-2025"), "thiếu --vung, --nam hoặc --giai-doan, --xa, --tinh"),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_usage_error_in_vietnamese(args: tuple[str, ...], expected: str) -> None:
    proc = run_process(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("ntm: lỗi cách dùng: "), proc.stderr
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_schema_refuses_to_overwrite_a_yaml_file(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.yaml"
    target.write_bytes(SEED_PLAN.read_bytes())
    proc = run_process("schema", "-o", str(target))
    assert proc.returncode == 2 and "lược đồ là JSON" in proc.stderr
    assert target.read_bytes() == SEED_PLAN.read_bytes()


ENGLISH_FRAME = ("Usage", "Options", "Arguments", "Commands", "Show this message", "[default", "[required]",
                 "TEXT", "INTEGER", "PATH", "Error", "Try '", "Missing", "No such", "Got unexpected")


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("validate", "--help"), ("criteria", "--help"),
                                  ("render", "--help"), ("schema", "--help"), ("init", "--help"), ()],
                         ids=lambda a: " ".join(a) or "bare")
def test_help_is_vietnamese_frame_included(args: tuple[str, ...]) -> None:
    proc = run_process(*args)
    text = proc.stdout + proc.stderr
    assert "Cách dùng: ntm" in text and "Tùy chọn:" in text and "Hiện hướng dẫn này rồi thoát." in text
    for word in ENGLISH_FRAME:
        assert word not in text, (word, text)


@pytest.mark.parametrize(
    "args",
    [("check", "--formt", "json", "x.yaml"), ("check",), ("render", "a.yaml", "b.yaml"), ("check", "--strict=1", "x"),
     ("criteria", "--vung"), ("kiem-tra",), ("check", "--jobs", "-1", "x.yaml"), ("check", "--jobs", "999", "x.yaml"),
     ("init", "x.yaml"), ("init", "x.yaml", "--nhom-xa", "hai")],
    ids=lambda a: " ".join(a),
)
def test_usage_errors_have_no_english_frame(args: tuple[str, ...]) -> None:
    proc = run_process(*args)
    assert proc.returncode == 2 and proc.stdout == ""
    for word in ENGLISH_FRAME:
        assert word not in proc.stderr, (word, proc.stderr)
