"""Which of the 7 regions (vùng) of Quyết định 318/QĐ-TTg a province belongs to, for the
2021-2025 sets, whose levels differ by region. A plan never states its region, so the import
guesses it from the province and marks the guess; `--vung` states it instead.

The table follows the General Statistics Office's grouping of the 63 provinces in force until
the 2025 merger (the sets of 2021-2025 apply to plans of that time), with Bắc Trung Bộ and
Duyên hải Nam Trung Bộ apart, as the sets name them. Keys: the name without diacritics.
"""

from __future__ import annotations

_VUNG = {
    "trung-du-mien-nui-phia-bac": (
        "ha giang", "cao bang", "bac kan", "tuyen quang", "lao cai", "yen bai", "thai nguyen", "lang son",
        "bac giang", "phu tho", "dien bien", "lai chau", "son la", "hoa binh"),
    "dong-bang-song-hong": (
        "ha noi", "hai phong", "vinh phuc", "bac ninh", "hai duong", "hung yen", "thai binh", "ha nam",
        "nam dinh", "ninh binh", "quang ninh"),
    "bac-trung-bo": ("thanh hoa", "nghe an", "ha tinh", "quang binh", "quang tri", "thua thien hue", "hue"),
    "duyen-hai-nam-trung-bo": (
        "da nang", "quang nam", "quang ngai", "binh dinh", "phu yen", "khanh hoa", "ninh thuan", "binh thuan"),
    "tay-nguyen": ("kon tum", "gia lai", "dak lak", "dak nong", "lam dong"),
    "dong-nam-bo": ("ho chi minh", "thanh pho ho chi minh", "binh duong", "dong nai", "ba ria - vung tau",
                    "ba ria vung tau", "tay ninh", "binh phuoc"),
    "dong-bang-song-cuu-long": (
        "long an", "tien giang", "ben tre", "tra vinh", "vinh long", "dong thap", "an giang", "kien giang",
        "can tho", "hau giang", "soc trang", "bac lieu", "ca mau"),
}

VUNG_THEO_TINH: dict[str, str] = {name: vung for vung, names in _VUNG.items() for name in names}
