"""Write a deterministic corpus of realistic commune plans for the batch benchmark.

    python benchmarks/make_corpus.py                 # 10,000 plans in benchmarks/corpus/10000/
    python benchmarks/make_corpus.py --count 1000    # benchmarks/corpus/1000/

The corpus is a pure function of (--seed, --count, the built-in criteria
catalogs): plan *i* is drawn from its own random stream seeded with
"<seed>:<i>", so the first 1,000 plans of a 10,000-plan corpus are the
1,000-plan corpus, and two runs write byte-identical files. Plans go in
folders of 1,000 (`p00/`, `p01/`, ...): `p00/` is the 1,000-plan subset
the memory measurement compares with the whole corpus.

Plans look like plans/huong-son-2023.yaml (about 12 KB, 6-20 KB): varied
communes, provinces, regions and commune groups, every built-in criteria
set, figures in the forms officials type ("52,77%", 100%, "không"), folded
paragraphs of varying length. About 5% are broken the way hand edits go
wrong (a tab, a duplicated or misspelt key, an unknown slug, "1.500", a
non-existent date, an unclosed quote, ...); MANIFEST.json lists them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

from ntm.catalog import CATALOG_DIR, BoTieuChi, LoaiChiTieu, builtin_ids, load_catalog  # noqa: E402

GENERATOR_VERSION = 1
DEFAULT_COUNT = 10_000
DEFAULT_SEED = 2025
PER_FOLDER = 1_000
INVALID_RATE = 0.05

# (province, region of the 2021-2025 sets); pre-2025 names, as in plans of those years.
PROVINCES: tuple[tuple[str, str], ...] = (
    ("Hà Giang", "trung-du-mien-nui-phia-bac"), ("Cao Bằng", "trung-du-mien-nui-phia-bac"),
    ("Lào Cai", "trung-du-mien-nui-phia-bac"), ("Yên Bái", "trung-du-mien-nui-phia-bac"),
    ("Thái Nguyên", "trung-du-mien-nui-phia-bac"), ("Phú Thọ", "trung-du-mien-nui-phia-bac"),
    ("Sơn La", "trung-du-mien-nui-phia-bac"), ("Hòa Bình", "trung-du-mien-nui-phia-bac"),
    ("Thái Bình", "dong-bang-song-hong"), ("Nam Định", "dong-bang-song-hong"),
    ("Hải Dương", "dong-bang-song-hong"), ("Hưng Yên", "dong-bang-song-hong"),
    ("Ninh Bình", "dong-bang-song-hong"), ("Bắc Ninh", "dong-bang-song-hong"),
    ("Thanh Hóa", "bac-trung-bo"), ("Nghệ An", "bac-trung-bo"), ("Hà Tĩnh", "bac-trung-bo"),
    ("Quảng Bình", "bac-trung-bo"), ("Quảng Trị", "bac-trung-bo"), ("Thừa Thiên Huế", "bac-trung-bo"),
    ("Quảng Nam", "duyen-hai-nam-trung-bo"), ("Quảng Ngãi", "duyen-hai-nam-trung-bo"),
    ("Bình Định", "duyen-hai-nam-trung-bo"), ("Phú Yên", "duyen-hai-nam-trung-bo"),
    ("Khánh Hòa", "duyen-hai-nam-trung-bo"), ("Kon Tum", "tay-nguyen"), ("Gia Lai", "tay-nguyen"),
    ("Đắk Lắk", "tay-nguyen"), ("Lâm Đồng", "tay-nguyen"), ("Bình Phước", "dong-nam-bo"),
    ("Tây Ninh", "dong-nam-bo"), ("Đồng Nai", "dong-nam-bo"), ("Long An", "dong-bang-song-cuu-long"),
    ("Tiền Giang", "dong-bang-song-cuu-long"), ("Bến Tre", "dong-bang-song-cuu-long"),
    ("Trà Vinh", "dong-bang-song-cuu-long"), ("An Giang", "dong-bang-song-cuu-long"),
    ("Kiên Giang", "dong-bang-song-cuu-long"), ("Sóc Trăng", "dong-bang-song-cuu-long"),
    ("Cà Mau", "dong-bang-song-cuu-long"),
)
SYLLABLES = (
    "An", "Bình", "Hòa", "Phú", "Lộc", "Sơn", "Hương", "Thạnh", "Tân", "Đông", "Tây", "Nam", "Bắc",
    "Xuân", "Thủy", "Quảng", "Hải", "Long", "Mỹ", "Phước", "Thuận", "Vĩnh", "Trung", "Hưng", "Thịnh",
    "Đức", "Nghĩa", "Minh", "Quang", "Thanh", "Hà", "Yên", "Cát", "Lâm", "Tiến", "Hiệp", "Khánh", "Lợi",
    "Điền", "Giang", "Phong", "Thượng", "Hạ", "Ninh", "Kim", "Ngọc", "Trà", "Đại", "Tịnh", "Cẩm",
)
HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
DEM = ("Văn", "Thị", "Thanh", "Minh", "Đức", "Quang", "Ngọc", "Hữu", "Xuân", "Công")
TEN = ("Nghi", "Hùng", "Lan", "Dũng", "Hoa", "Tuấn", "Bình", "Hạnh", "Sơn", "Thảo", "Phúc", "Trung", "Nga", "Khoa")
THON = ("Ta Rung", "Hà An", "Phú Mậu", "Đông Lâm", "Thượng Nhất", "Xuân Phú", "Tân Lợi", "Cổ Bi", "Lương Điền")

VERBS = (
    "Tăng cường", "Đẩy mạnh", "Duy trì", "Nâng cao", "Triển khai", "Tổ chức", "Rà soát", "Huy động",
    "Tập trung", "Phối hợp", "Kiện toàn", "Hướng dẫn",
)
OBJECTS = (
    "công tác tuyên truyền, vận động người dân tham gia xây dựng nông thôn mới",
    "chất lượng các tiêu chí đã đạt, không để xảy ra tình trạng xuống cấp",
    "hệ thống giao thông nông thôn, bê tông hóa đường ngõ xóm và đường trục chính nội đồng",
    "việc phân loại rác thải tại nguồn, thu gom và xử lý chất thải rắn sinh hoạt",
    "chương trình mỗi xã một sản phẩm (OCOP) gắn với các sản phẩm chủ lực của địa phương",
    "đào tạo nghề cho lao động nông thôn gắn với nhu cầu của thị trường lao động",
    "tỷ lệ người dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện",
    "các mô hình liên kết sản xuất gắn với tiêu thụ sản phẩm theo chuỗi giá trị",
    "cơ sở vật chất trường học, nhà văn hóa thôn và khu thể thao",
    "cải cách thủ tục hành chính, ứng dụng công nghệ thông tin trong quản lý, điều hành",
    "nguồn lực từ ngân sách, vốn lồng ghép và đóng góp của nhân dân",
    "công tác kiểm tra, giám sát việc thực hiện các tiêu chí ở từng thôn",
)
TAILS = (
    "trên địa bàn toàn xã", "theo đúng kế hoạch đã đề ra", "trong năm", "gắn với phong trào thi đua của huyện",
    "theo hướng dẫn của cấp trên", "đảm bảo hiệu quả, bền vững", "ở các thôn còn khó khăn",
)
BODIES = ("Đảng ủy", "HĐND", "UBND", "Ủy ban MTTQ Việt Nam xã", "các tổ chức chính trị - xã hội", "Ban quản lý các thôn")


def sentence(rng: random.Random) -> str:
    tail = f" {rng.choice(TAILS)}" if rng.random() < 0.6 else ""
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{tail}"


def paragraph(rng: random.Random, low: int, high: int) -> str:
    parts = [sentence(rng) for _ in range(rng.randint(low, high))]
    text = "; ".join(p[0].lower() + p[1:] if i else p for i, p in enumerate(parts))
    return text + "."


def commune_name(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(HO)} {rng.choice(DEM)} {rng.choice(TEN)}"


def slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "-".join(plain.lower().split())


# ----------------------------------------------------------------------------- emitting YAML


def scalar(text: str) -> str:
    """Plain when YAML reads it back unchanged as text, double-quoted otherwise."""
    risky = (
        not text or text != text.strip() or text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text
        or text.endswith(":") or text.lower() in ("yes", "no", "true", "false", "on", "off", "null", "~")
    )
    return json.dumps(text, ensure_ascii=False) if risky else text


def folded(key: str, text: str, indent: int) -> list[str]:
    """`key: >-` and the text wrapped at ~84 columns, as editors and officials write it."""
    pad = " " * indent
    if len(text) < 70:
        return [f"{pad}{key}: {scalar(text)}"]
    lines = textwrap.wrap(text, width=max(40, 84 - indent - 2), break_long_words=False, break_on_hyphens=False)
    return [f"{pad}{key}: >-", *(f"{pad}  {line}" for line in lines)]


def paragraphs(key: str, items: list[str], indent: int) -> list[str]:
    """One paragraph as a scalar, several as a list, like the real plan."""
    if len(items) == 1:
        return folded(key, items[0], indent)
    pad = " " * indent
    out = [f"{pad}{key}:"]
    for item in items:
        block = folded("-", item, indent + 2)  # "- >-" or "- text": the same shape as "key: ..."
        out.append(block[0].replace(f"{pad}  -: ", f"{pad}  - ", 1))
        out.extend(block[1:])
    return out


# ----------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class Catalogs:
    sets: dict[str, BoTieuChi]
    weights: dict[str, float]


def load_catalogs() -> Catalogs:
    wanted = {"xa-ntm-2021-2025": 0.45, "xa-ntm-nang-cao-2021-2025": 0.3, "xa-ntm-2026-2030": 0.2,
              "xa-ntm-kieu-mau-2021-2025": 0.05}
    sets: dict[str, BoTieuChi] = {}
    for ident in builtin_ids():
        try:
            sets[ident] = load_catalog(ident)
        except Exception as exc:  # a catalog being edited must not stop the benchmark
            print(f"make_corpus: bỏ qua bộ tiêu chí {ident}: {exc}", file=sys.stderr)
    weights = {k: wanted.get(k, 0.05) for k in sets}
    return Catalogs(sets, weights)


def figure(rng: random.Random, loai: LoaiChiTieu, unit: str | None) -> str:
    if loai is LoaiChiTieu.dat:
        return rng.choice(("có", "không", "đạt", "chưa đạt", "true", "false"))
    if unit == "%":
        value = rng.choice((100, 100, 95, rng.uniform(30, 100)))
        text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") if isinstance(value, float) else str(value)
        return f"{text}%" if rng.random() < 0.8 else (text.replace(",", ".") if "," in text else text)
    if unit and "triệu" in unit:
        return f"{rng.uniform(35, 75):.1f}".replace(".", ",") if rng.random() < 0.5 else str(rng.randint(35, 75))
    return str(rng.randint(0, 12))


def make_plan(index: int, seed: int, catalogs: Catalogs) -> tuple[str, str, str | None]:
    """(relative path, YAML text, kind of breakage or None) for plan number `index`."""
    rng = random.Random(f"{seed}:{index}")
    ident = rng.choices(list(catalogs.weights), weights=list(catalogs.weights.values()))[0]
    bo = catalogs.sets[ident]
    low, high = bo.file.giai_doan or (2021, 2025)
    year = rng.randint(max(low, 2021), min(high, 2030))
    province, region = rng.choice(PROVINCES)
    xa, huyen = commune_name(rng), commune_name(rng)
    lines: list[str] = [
        "# yaml-language-server: $schema=../../../schema/ke-hoach.schema.json",
        f"# Kế hoạch xây dựng nông thôn mới năm {year} của UBND xã {xa} (tỉnh {province}).",
        "phien_ban: 1",
        "",
        "van_ban:",
        "  he_thong: nha_nuoc",
        f"  co_quan_ban_hanh: ỦY BAN NHÂN DÂN XÃ {xa.upper()}",
        f'  so_hieu: "{rng.randint(1, 99):02d}/KH-UBND"',
        f"  dia_danh: {xa}",
        f"  ngay_ban_hanh: {year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}",
        "  ten_loai: KẾ HOẠCH",
        f"  trich_yeu: Thực hiện Chương trình xây dựng nông thôn mới năm {year}",
        "  can_cu:",
    ]
    for _ in range(rng.randint(1, 4)):
        lines += [
            f"    - loai: {rng.choice(('Kế hoạch', 'Nghị quyết', 'Quyết định'))}",
            f'      so_hieu: "{rng.randint(1, 400)}/{rng.choice(("KH-UBND", "NQ-ĐU", "NQ-HĐND", "QĐ-UBND"))}"',
            f"      ngay: {year - 1}-12-{rng.randint(10, 30)}",
            f"      co_quan: Ủy ban nhân dân huyện {huyen}",
            *folded("trich_yeu", "về việc " + paragraph(rng, 1, 2)[:-1].lower(), 6),
        ]
    lines += [
        *folded("cau_ket", f"Trên đây là kế hoạch xây dựng nông thôn mới năm {year} của UBND xã {xa}./.", 2),
        "  noi_nhan:",
        *(f"    - {scalar(n)}" for n in rng.sample(
            ["VPĐPXDNTM huyện;", "Phòng NN&PTNT huyện;", "Thường trực Đảng uỷ;", "Thường trực HĐND xã;",
             "CT, PCT UBND xã;", "Các thành viên BCĐ xã;", "Các thôn trưởng;"], rng.randint(3, 7))),
        '    - "Lưu: VT."',
        "  nguoi_ky:",
        "    tham_quyen: TM. ỦY BAN NHÂN DÂN",
        f"    chuc_vu: {rng.choice(('CHỦ TỊCH', 'PHÓ CHỦ TỊCH'))}",
        f"    ho_ten: {person(rng)}",
        "",
        "dia_ban:",
        f"  xa: {xa}",
    ]
    if bo.truc != "nhom_xa":
        lines.append(f"  huyen: {huyen}")
    lines.append(f"  tinh: {province}")
    if bo.truc == "vung":
        lines.append(f"  vung: {region}")
        if rng.random() < 0.08:
            lines.append("  xa_dac_biet_kho_khan: true")
    elif bo.truc == "nhom_xa":
        lines.append(f"  nhom_xa: {rng.choice(list(bo.cac_nhom_xa) or [1, 2, 3])}")
    lines += ["", f"nam: {year}", f"bo_tieu_chi: {ident}", ""]
    lines += paragraphs("muc_tieu", [paragraph(rng, 1, 3) for _ in range(rng.randint(1, 2))], 0)
    total = len(bo.tieu_chi)
    lines += [
        "", "chi_tieu:", "  bo_tieu_chi:", f"    tieu_de: {scalar(bo.file.ten_ngan)}",
        f'    dat_chuan: "{rng.randint(max(1, total - 3), total)}/{total}"',
    ]
    if rng.random() < 0.5:
        lines += ["  thon_kieu_mau:", f"    thon: [{', '.join(rng.sample(THON, rng.randint(1, 3)))}]"]
    lines += ["", "tieu_chi:"]
    for tc in bo.tieu_chi:
        if total > 3 and rng.random() < 0.1:
            continue  # plans often leave out criteria with nothing to say
        lines.append(f"  {tc.ma}:")
        indicators = list(bo.chi_tieu[tc.ma].values())
        shown = [ct for ct in indicators if rng.random() < 0.6]
        if not shown or rng.random() < 0.4:
            lines.append(f"    tu_danh_gia: {rng.choice(('dat', 'dat', 'chua_dat'))}")
        if shown:
            lines.append("    hien_trang:")
            for ct in shown:
                spec = ct.chi_tieu
                value = figure(rng, spec.loai, spec.don_vi)
                if rng.random() < 0.5:
                    lines.append(f"      {ct.ma}: {value}")
                else:
                    lines += [f"      {ct.ma}:", f"        gia_tri: {value}"]
                    if rng.random() < 0.4 and spec.loai is not LoaiChiTieu.dat:
                        lines.append(f"        muc_tieu: {figure(rng, spec.loai, spec.don_vi)}")
                    if rng.random() < 0.3:
                        lines += folded("ghi_chu", paragraph(rng, 1, 1), 8)
        lines += paragraphs("nhiem_vu", [paragraph(rng, 1, 2) for _ in range(rng.choice((1, 1, 1, 2)))], 4)
        lines += paragraphs("giai_phap", [paragraph(rng, 1, 2) for _ in range(rng.choice((1, 1, 1, 2)))], 4)
        lines.append("")
    lines.append("to_chuc_thuc_hien:")
    for body in rng.sample(BODIES, rng.randint(2, 5)):
        lines.append(f"  - co_quan: {body}")
        lines += paragraphs("noi_dung", [paragraph(rng, 1, 3) for _ in range(rng.randint(1, 2))], 4)
    text = "\n".join(lines) + "\n"
    kind = None
    if rng.random() < INVALID_RATE:
        kind, text = break_plan(rng, text)
    name = f"p{index // PER_FOLDER:02d}/{slug(province)}-{slug(xa)}-{year}-{index:05d}.yaml"
    return name, text, kind


# ----------------------------------------------------------------------------- hand-edit mistakes


def _replace_line(text: str, predicate: Callable[[str], bool], change: Callable[[str], str]) -> str | None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if predicate(line):
            lines[i] = change(line)
            return "\n".join(lines)
    return None


def _tab(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("    nhiem_vu"), lambda ln: "\t" + ln.lstrip())


def _duplicate_key(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("    giai_phap:"), lambda ln: ln + "\n    nhiem_vu: Bổ sung nhiệm vụ.")


def _misspelt_key(rng: random.Random, t: str) -> str | None:
    typo = rng.choice(("giai_phapp", "nhiem_vuu", "giaiphap", "hien_trạng"))
    key = "giai_phap" if "giai" in typo else ("nhiem_vu" if "nhiem" in typo else "hien_trang")
    return _replace_line(t, lambda ln: ln.startswith(f"    {key}:"), lambda ln: ln.replace(key, typo, 1))


def _unknown_slug(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("  ") and ln.endswith(":") and not ln.startswith("   ")
                         and ln.strip() not in ("can_cu:", "noi_nhan:", "nguoi_ky:", "bo_tieu_chi:", "thon_kieu_mau:"),
                         lambda ln: ln[:-1] + "x:")


def _year_typo(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("nam: "), lambda ln: ln.replace("0", "O", 1))


def _ambiguous_number(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: "gia_tri: " in ln and ln.strip()[-1].isdigit(), lambda ln: ln.split(": ")[0] + ": 1.500")


def _missing_key(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("  so_hieu:"), lambda ln: "  # so_hieu: (chưa có số)")


def _unclosed_quote(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("  so_hieu:"), lambda ln: ln[:-1])


def _bad_date(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("  ngay_ban_hanh:"), lambda ln: ln[:-5] + "02-30")


def _region(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("  vung: "), lambda ln: "  vung: Bắc Trung Bộ")


def _bad_indent(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.startswith("    - ") and "co_quan" not in ln, lambda ln: ln[1:])


def _percent_over(_rng: random.Random, t: str) -> str | None:
    return _replace_line(t, lambda ln: ln.rstrip().endswith("%") and "gia_tri" in ln, lambda ln: ln.split(": ")[0] + ": 105%")


BREAKAGES: dict[str, Callable[[random.Random, str], str | None]] = {
    "tab": _tab, "duplicate_key": _duplicate_key, "misspelt_key": _misspelt_key, "unknown_slug": _unknown_slug,
    "year_typo": _year_typo, "ambiguous_number": _ambiguous_number, "missing_key": _missing_key,
    "unclosed_quote": _unclosed_quote, "bad_date": _bad_date, "region": _region, "bad_indent": _bad_indent,
    "percent_over_100": _percent_over,
}


def break_plan(rng: random.Random, text: str) -> tuple[str, str]:
    kinds = list(BREAKAGES)
    rng.shuffle(kinds)
    for kind in kinds:  # the first mistake this plan can carry
        broken = BREAKAGES[kind](rng, text)
        if broken is not None and broken != text:
            return kind, broken
    return "year_typo", text.replace("\nnam: ", "\nnam: năm ", 1)


# ----------------------------------------------------------------------------- driver


def catalogs_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(CATALOG_DIR.glob("*.yaml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def wanted_manifest(count: int, seed: int) -> dict[str, Any]:
    return {"generator": GENERATOR_VERSION, "count": count, "seed": seed, "catalogs": catalogs_digest()}


def is_current(out: Path, count: int, seed: int) -> bool:
    try:
        manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(manifest.get(k) == v for k, v in wanted_manifest(count, seed).items())


def default_dir(count: int) -> Path:
    """benchmarks/corpus/<count>/ (git-ignored)."""
    return HERE / "corpus" / str(count)


def generate(out: Path, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    catalogs = load_catalogs()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    digest = hashlib.sha256()
    broken: dict[str, str] = {}
    size = 0
    for i in range(count):
        name, text, kind = make_plan(i, seed, catalogs)
        data = text.encode("utf-8")
        path = out / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        digest.update(name.encode() + b"\0" + data)
        size += len(data)
        if kind:
            broken[name] = kind
    manifest = {
        **wanted_manifest(count, seed),
        "bytes": size,
        "sha256": digest.hexdigest(),
        "invalid": len(broken),
        "invalid_kinds": dict(sorted((k, sum(v == k for v in broken.values())) for k in set(broken.values()))),
        "invalid_files": broken,
    }
    (out / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="number of plans (default 10,000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="default: benchmarks/corpus/<count>/")
    parser.add_argument("--if-needed", action="store_true", help="do nothing when the corpus is already current")
    args = parser.parse_args(argv)
    out = args.out or default_dir(args.count)
    if args.if_needed and is_current(out, args.count, args.seed):
        return 0
    m = generate(out, args.count, args.seed)
    size = m["bytes"]
    print(
        f"{out}: {args.count} kế hoạch, {size / 1e6:.1f} MB (trung bình {size / max(1, args.count) / 1000:.1f} KB), "
        f"{m['invalid']} tệp lỗi; sha256 {m['sha256'][:16]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
