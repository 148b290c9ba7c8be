"""Plan-defined indicators (`tieu_chi.<mã>.chi_tieu_rieng`): assessed like the set's, labelled
as the plan's own, through the real CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planlib import SEED_PLAN, check_json, run

OWN = """    chi_tieu_rieng:
      - ma: ty_le_nguoi_cao_tuoi_kham_dinh_ky
        ten: Tỷ lệ người cao tuổi được khám sức khỏe định kỳ
        don_vi: "%"
        loai: toi_thieu
        yeu_cau: 80
        nguon: Kế hoạch số 12/KH-UBND của UBND huyện
      - ma: co_tram_y_te_dat_chuan
        ten: Trạm y tế xã đạt chuẩn quốc gia
        loai: dat
        nguon: kế hoạch tự đặt
"""


def _plan(tmp_path: Path, figures: str) -> Path:
    text = SEED_PLAN.read_text(encoding="utf-8")
    anchor = "  y_te:\n    hien_trang:\n"
    assert anchor in text
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text.replace(anchor, "  y_te:\n" + OWN + "    hien_trang:\n" + figures, 1), encoding="utf-8")
    return path


def _indicator(view: dict[str, Any], ma: str) -> dict[str, Any]:
    return next(c for t in view["tieu_chi"] for c in t["chi_tieu"] if c["ma"] == ma)


def test_own_indicators_are_assessed_and_labelled(tmp_path: Path) -> None:
    path = _plan(tmp_path, "      ty_le_nguoi_cao_tuoi_kham_dinh_ky: 72,5%\n      co_tram_y_te_dat_chuan: có\n")
    assert run("validate", str(path))[0] == 0
    code, view = check_json(path)
    assert code == 3
    own = _indicator(view, "ty_le_nguoi_cao_tuoi_kham_dinh_ky")
    assert (own["trang_thai"], own["gia_tri"], own["yeu_cau"], own["chenh_lech"]) == ("chua_dat", 72.5, 80, 7.5)
    assert own["cua_ke_hoach"] is True and own["nguon_chi_tiet"]["loai"] == "chi_tieu_rieng"
    assert own["ten"].endswith("(chỉ tiêu riêng của kế hoạch)")
    assert own["nguon"] == "chỉ tiêu riêng của kế hoạch, theo Kế hoạch số 12/KH-UBND của UBND huyện"
    yes = _indicator(view, "co_tram_y_te_dat_chuan")
    assert (yes["trang_thai"], yes["cua_ke_hoach"]) == ("dat", True)
    assert _indicator(view, "ty_le_tham_gia_bhyt")["cua_ke_hoach"] is False
    y_te = next(t for t in view["tieu_chi"] if t["ma"] == "y_te")
    assert "ty_le_nguoi_cao_tuoi_kham_dinh_ky" in y_te["chi_tieu_chua_dat"]
    _, out = run("check", str(path))
    assert ("Tỷ lệ người cao tuổi được khám sức khỏe định kỳ (chỉ tiêu riêng của kế hoạch): đạt 72,5%, "
            "yêu cầu ≥ 80%, còn thiếu 7,5 điểm phần trăm [nguồn: chỉ tiêu riêng của kế hoạch, theo") in out


def test_an_own_indicator_met_does_not_complete_an_incomplete_list(tmp_path: Path) -> None:
    """Điện (nâng cao) lists only part of its indicators: its own met indicator does not make it đạt."""
    text = SEED_PLAN.read_text(encoding="utf-8")
    dien = "  dien:\n    tu_danh_gia: dat\n"
    assert dien in text
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text.replace(dien, "  dien:\n    chi_tieu_rieng:\n      - {ma: co_den_duong, ten: Có đèn đường "
                                 "các trục thôn, loai: dat, nguon: kế hoạch tự đặt}\n    hien_trang:\n"
                                 "      co_den_duong: có\n", 1).replace(
        "    hien_trang:\n      ty_le_ho_su_dung_dien_an_toan: 100%\n", "      ty_le_ho_su_dung_dien_an_toan: 100%\n", 1),
        encoding="utf-8")
    code, view = check_json(path)
    assert code == 3, view["chan_doan"]
    dien_view = next(t for t in view["tieu_chi"] if t["ma"] == "dien")
    assert dien_view["trang_thai"] == "chua_co_du_lieu"
    assert _indicator(view, "co_den_duong")["trang_thai"] == "dat"


def test_a_figure_must_fit_the_own_indicator(tmp_path: Path) -> None:
    path = _plan(tmp_path, "      co_tram_y_te_dat_chuan: 5\n      ty_le_nguoi_cao_tuoi_kham_dinh_ky: 120%\n")
    code, out = run("validate", str(path))
    assert code == 1
    assert out.count("[TC003]") == 2, out


def test_an_own_indicator_needs_its_level_and_source(tmp_path: Path) -> None:
    path = _plan(tmp_path, "")
    text = path.read_text(encoding="utf-8").replace("        yeu_cau: 80\n", "", 1)
    path.write_text(text.replace("        nguon: kế hoạch tự đặt\n", "", 1), encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1
    assert "cần yeu_cau là một số" in out and "'nguon'" in out, out
