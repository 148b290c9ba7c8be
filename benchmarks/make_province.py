"""Write a demonstration province for `ntm report`: a few hundred communes over three years, with progress.

    python benchmarks/make_province.py                  # benchmarks/corpus/tinh-hoa-son/
    ntm report benchmarks/corpus/tinh-hoa-son -o bao-cao.html

The province ("tỉnh Hòa Sơn", vùng Bắc Trung Bộ) and every commune, district
and figure are invented (GIẢ ĐỊNH). The corpus is a pure function of --seed and
--communes, and is generated from the built-in criteria sets, so it stays valid
as they change:

* about half the communes were recognised NTM before 2023
  (`dia_ban.cong_nhan`); some of them plan against the nâng cao set and a few
  reach it; the others plan against the NTM set and gain criteria year by year
  (a few lose one); a commune meeting all 19 is recognised the next year;
* hard criteria (thu nhập, môi trường, tổ chức sản xuất, …) are unmet most often;
* every criterion has a self-assessment and, where the set has an indicator,
  figures that agree with it: figures meet the set's level when one is known
  and the criterion is met, and fall short of it when it is not; some figures
  are left out, as in real plans;
* two plans are broken (a misspelt key, a year typed as words), so the report
  shows how invalid plans are listed;
* every commune has an official code (`dia_ban.ma_xa`, 5 digits), written in
  most plans (some leave it out: the report then knows the commune by its
  names); some 2025 plans no longer name the district (abolished on 1 July 2025);
* with 4 communes or more, the last two are merged in 2025 into a new commune
  (its own code, `dia_ban.hop_nhat_tu` naming theirs) whose 2025 plan continues
  their history;
* `danh-sach-xa.csv` beside the plans is the official list (`--danh-sach-xa`):
  every commune of 2025 (the merged one, not the two it replaced) and two
  communes without any plan;
* `toan-tinh-2025.yaml` is the province's own plan: listed apart, never a commune.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from make_corpus import SYLLABLES, paragraph, person, slug  # noqa: E402

from ntm.catalog import LoaiChiTieu, load_catalog  # noqa: E402
from ntm.catalog.thresholds import BoiCanh, assessment_date, yeu_cau  # noqa: E402

PROVINCE = "Hòa Sơn"
REGION = "bac-trung-bo"
YEARS = (2023, 2024, 2025)
DISTRICTS = ("Đông Sơn", "Tây Hòa", "Nam Giang", "Bắc Lâm", "Phú Lộc", "Thạnh Mỹ", "Vĩnh An", "Hải Đức", "Quang Điền")
# How hard each criterion is (weight of being among the unmet ones), by slug; others weigh 1.
HARD = {"thu_nhap": 6, "moi_truong_an_toan_thuc_pham": 5, "moi_truong": 5, "to_chuc_san_xuat": 4,
        "quy_hoach": 3, "giao_thong": 3, "co_so_ha_tang_thuong_mai": 3, "lao_dong": 3, "truong_hoc": 2,
        "chat_luong_moi_truong_song": 4, "y_te": 2}


def unmet_set(rng: random.Random, slugs: list[str], count: int) -> set[str]:
    """`count` criteria to leave unmet, the hard ones more often."""
    pool, chosen = list(slugs), set()
    while len(chosen) < min(count, len(pool)):
        weights = [HARD.get(s, 1) if s not in chosen else 0 for s in pool]
        chosen.add(rng.choices(pool, weights=weights)[0])
    return chosen


def figure(rng: random.Random, loai: LoaiChiTieu, unit: str | None, level: float | None, met: bool) -> Any:
    """A figure that agrees with `met` when the level is known; plausible otherwise."""
    if loai is LoaiChiTieu.dat:
        return "có" if met else "không"
    if level is None:
        if unit == "%":
            return f"{rng.uniform(55, 100):.1f}".replace(".", ",") + "%"
        if unit and "triệu" in unit:
            return f"{rng.uniform(38, 72):.1f}".replace(".", ",")
        return rng.randint(0, 6)
    if loai is LoaiChiTieu.toi_thieu:
        value = level + rng.uniform(0, 12) if met else level - rng.uniform(1, 20)
    else:
        value = level - rng.uniform(0, level) if met else level + rng.uniform(1, 5)
    value = max(0.0, value)
    if unit == "%":
        return f"{min(value, 100.0):.1f}".replace(".", ",") + "%"
    if unit and unit not in ("%", "%/năm") and "triệu" not in unit:
        return round(value) if met or loai is LoaiChiTieu.toi_thieu else int(value) + 1
    return f"{value:.1f}".replace(".", ",")


def plan(rng: random.Random, commune: dict[str, Any], year: int, ident: str, unmet: set[str]) -> dict[str, Any]:
    """One commune's plan; its `dia_ban` as in `where()`."""
    bo = load_catalog(ident)
    ctx = BoiCanh(assessment_date(year), REGION, None)
    criteria: dict[str, Any] = {}
    for tc in bo.tieu_chi:
        met = tc.ma not in unmet
        entry: dict[str, Any] = {}
        if rng.random() < 0.97 or not met:
            entry["tu_danh_gia"] = "dat" if met else "chua_dat"
        indicators = list(bo.chi_tieu.get(tc.ma, {}).values())
        failing = rng.choice(indicators).ma if indicators and not met else None
        figures: dict[str, Any] = {}
        for ct in indicators:
            if rng.random() < 0.2 and ct.ma != failing:
                continue  # figures often left out
            req, _ = yeu_cau(bo, ct, ctx)
            level = float(req.gia_tri) if req is not None and req.gia_tri is not None else None
            unit = ct.chi_tieu.don_vi.value if ct.chi_tieu.don_vi else None
            figures[ct.ma] = figure(rng, ct.chi_tieu.loai, unit, level, ct.ma != failing)
        if figures:
            entry["hien_trang"] = figures
        if "tu_danh_gia" not in entry and not figures:
            entry["ghi_chu"] = "Chưa tổng hợp được số liệu."
        entry["nhiem_vu"] = paragraph(rng, 1, 2)
        entry["giai_phap"] = paragraph(rng, 1, 2)
        criteria[tc.ma] = entry
    xa = commune["xa"]
    return {
        "phien_ban": 1,
        "van_ban": {
            "co_quan_ban_hanh": f"ỦY BAN NHÂN DÂN XÃ {xa.upper()}",
            "so_hieu": f"{rng.randint(1, 30):02d}/KH-UBND",
            "dia_danh": xa,
            "ngay_ban_hanh": date(year, rng.randint(1, 3), rng.randint(1, 28)),
            "trich_yeu": f"Thực hiện Chương trình xây dựng nông thôn mới năm {year}",
            "noi_nhan": ["VPĐP NTM huyện;", "Thường trực Đảng ủy;", "Lưu: VT."],
            "nguoi_ky": {"tham_quyen": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": commune["chu_tich"]},
        },
        "dia_ban": where(rng, commune, year),
        "nam": year,
        "bo_tieu_chi": ident,
        "muc_tieu": [paragraph(rng, 1, 2)],
        "chi_tieu": {"bo_tieu_chi": {"dat_chuan": f"{len(bo.tieu_chi) - max(0, len(unmet) - 2)}/{len(bo.tieu_chi)}"},
                     **places(rng)},
        "tieu_chi": criteria,
        **funding(rng),
    }


def places(rng: random.Random) -> dict[str, Any]:
    """Some communes target thôn NTM kiểu mẫu or thôn thông minh this year."""
    kinds = [k for k in ("thon_ntm_kieu_mau", "thon_thong_minh") if rng.random() < 0.3]
    return {"dia_ban": [{"loai": k, "noi": [f"Thôn {rng.choice(SYLLABLES)} {i}" for i in range(1, rng.randint(1, 3) + 1)]}
                        for k in kinds]} if kinds else {}


def funding(rng: random.Random) -> dict[str, Any]:
    """Most plans say their funding by source (in đồng); a few give only the total, some nothing."""
    if rng.random() < 0.15:
        return {}
    sources = [("Ngân sách tỉnh", 0.4), ("Ngân sách huyện", 0.2), ("Vốn lồng ghép", 0.25), ("Huy động nhân dân", 0.15)]
    total = rng.randint(8, 60) * 100_000_000
    nguon = [{"ten": name, "so_tien": int(total * share)} for name, share in sources if rng.random() < 0.85]
    return {"kinh_phi": {"tong": total, **({"nguon": nguon} if nguon and rng.random() < 0.9 else {})}}


def where(rng: random.Random, commune: dict[str, Any], year: int) -> dict[str, Any]:
    """The commune as its plan of `year` names it: the code in most plans, the district until 2025
    (and in most 2025 plans), the communes it was merged from."""
    out: dict[str, Any] = {"xa": commune["xa"]}
    if rng.random() < 0.85 or commune.get("hop_nhat_tu") or "den" in commune:
        out["ma_xa"] = commune["ma_xa"]
    if commune["huyen"] and (year < 2025 or rng.random() < 0.8):
        out["huyen"] = commune["huyen"]
    out |= {"tinh": PROVINCE, "vung": REGION}
    if commune.get("hop_nhat_tu"):
        out["hop_nhat_tu"] = commune["hop_nhat_tu"]
    out["cong_nhan"] = [{"chuan": c, "nam": y} for c, y in commune["cong_nhan"] if y < year]
    return out


def communes(rng: random.Random, count: int) -> list[dict[str, Any]]:
    names: set[tuple[str, str]] = set()
    out = []
    while len(out) < count:
        huyen, xa = rng.choice(DISTRICTS), f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
        if (huyen, slug(xa)) in names:  # file names drop the diacritics: Hà An and Hạ An would collide
            continue
        names.add((huyen, slug(xa)))
        out.append({"huyen": huyen, "xa": xa, "chu_tich": person(rng), "cong_nhan": [], "ma_xa": f"{19101 + len(out)}"})
    return out


def official_list(out: Path, rows: list[dict[str, Any]], rng: random.Random) -> None:
    """The official list of 2025 (danh-sach-xa.csv): its communes, and two without a plan."""
    lines = ["ma_xa,ten_xa,huyen_cu,vung_hoac_nhom,nam_cong_nhan"]
    extra = [{"ma_xa": f"{19901 + i}", "xa": f"{name} (chưa có kế hoạch)", "huyen": DISTRICTS[i], "cong_nhan": []}
             for i, name in enumerate(("Hòa Bình", "Tân Lập"))]
    for c in [*rows, *extra]:
        ntm = [y for s, y in c["cong_nhan"] if s == "ntm"]
        lines.append(f"{c['ma_xa']},{c['xa']},{c['huyen'] or ''},,{min(ntm) if ntm else ''}")
    (out / "danh-sach-xa.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def province_plan(rng: random.Random, out: Path) -> None:
    """The province's own plan of 2025: listed apart by the report, never counted as a commune."""
    data = plan(rng, {"xa": "Toàn tỉnh", "huyen": None, "ma_xa": "00000", "chu_tich": person(rng), "cong_nhan": []},
                YEARS[-1], "xa-ntm-2021-2025", set())
    data["van_ban"]["co_quan_ban_hanh"] = f"ỦY BAN NHÂN DÂN TỈNH {PROVINCE.upper()}"
    data["van_ban"]["dia_danh"] = PROVINCE
    data["dia_ban"].pop("ma_xa", None)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    (out / f"toan-tinh-{YEARS[-1]}.yaml").write_text(f"# Kế hoạch GIẢ ĐỊNH cấp tỉnh (dữ liệu minh họa)\n{text}",
                                                    encoding="utf-8")


def generate(out: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    written = 0
    ntm19 = [tc.ma for tc in load_catalog("xa-ntm-2021-2025").tieu_chi]
    nc19 = [tc.ma for tc in load_catalog("xa-ntm-nang-cao-2021-2025").tieu_chi]
    km = [tc.ma for tc in load_catalog("xa-ntm-kieu-mau-2021-2025").tieu_chi]
    rows = communes(rng, count)
    merged: dict[str, Any] | None = None
    if count >= 4:  # the last two communes merged on 1 July 2025 into a new one
        old = rows[-2:]
        merged = {"huyen": None, "xa": f"{old[0]['xa'].split()[0]} {old[1]['xa'].split()[-1]}",
                  "chu_tich": person(rng), "cong_nhan": [], "ma_xa": f"{19101 + count}",
                  "hop_nhat_tu": [c["ma_xa"] for c in old], "chi_tu": YEARS[-1]}
        for c in old:
            c["den"] = YEARS[-1] - 1
        rows.append(merged)
    for c in rows:
        recognised = rng.random() < 0.5 and "chi_tu" not in c  # a commune made in 2025 was never recognised
        if recognised:
            c["cong_nhan"].append(("ntm", rng.randint(2014, 2022)))
            track, slugs, missing = "xa-ntm-nang-cao-2021-2025", nc19, rng.randint(3, 11)
            chance = rng.random()
            if chance < 0.35:  # recognised NTM, re-assessed against the NTM set this period
                track, slugs, missing = "xa-ntm-2021-2025", ntm19, rng.choice((0, 0, 1, 1, 2))
            elif chance < 0.45:  # already nâng cao, working towards kiểu mẫu
                c["cong_nhan"].append(("nang_cao", rng.randint(2021, 2022)))
                track, slugs, missing = "xa-ntm-kieu-mau-2021-2025", km, 1
        else:
            track, slugs, missing = "xa-ntm-2021-2025", ntm19, max(1, min(17, int(rng.gauss(6, 3))))
        unmet = unmet_set(rng, slugs, missing)
        for year in YEARS:
            if year > c.get("den", YEARS[-1]) or year < c.get("chi_tu", YEARS[0]):
                continue
            if year > YEARS[0]:  # progress: one or two criteria more, sometimes one lost
                for _ in range(rng.choice((0, 1, 1, 1, 2, 2))):
                    if unmet:
                        unmet.discard(rng.choice(sorted(unmet)))
                if rng.random() < 0.08:
                    unmet |= unmet_set(rng, slugs, 1)
            data = plan(rng, c, year, track, unmet)
            if not unmet:
                standard = load_catalog(track).chuan
                assert standard is not None
                if all(s != standard.value for s, _ in c["cong_nhan"]):
                    c["cong_nhan"].append((standard.value, year))
            name = out / str(year) / slug(c["huyen"] or "hop-nhat-2025") / f"{slug(c['xa'])}-{year}.yaml"
            name.parent.mkdir(parents=True, exist_ok=True)
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
            name.write_text(f"# Kế hoạch GIẢ ĐỊNH (dữ liệu minh họa của ntm report)\n{text}", encoding="utf-8")
            written += 1
    broken = sorted(out.rglob("*.yaml"))
    for path, (old, new) in zip(broken[:2], (("  huyen:", "  huyenn:"), ("\nnam: ", "\nnam: năm ")), strict=True):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    official_list(out, [c for c in rows if "den" not in c], rng)
    province_plan(rng, out)
    return written + 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=300, help="communes (default 300; three plans each)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=HERE / "corpus" / "tinh-hoa-son")
    args = parser.parse_args(argv)
    written = generate(args.out, args.communes, args.seed)
    print(f"{args.out}: {written} kế hoạch của {args.communes} xã, {len(YEARS)} năm ({YEARS[0]}-{YEARS[-1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
