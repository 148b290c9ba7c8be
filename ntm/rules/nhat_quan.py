"""KH: figures of the plan that must agree with each other or with its set's dates."""

from __future__ import annotations

from collections.abc import Iterator

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import GiaTri, So
from ntm.rules.rule import DauVao, Rule


def kinh_phi_cong_lai(given: DauVao) -> Iterator[Diagnostic]:
    """Funding sources that do not add up to the stated total (only when every source has its amount)."""
    kinh_phi = given.plan.kinh_phi
    if kinh_phi is None or kinh_phi.tong is None or not kinh_phi.nguon:
        return
    amounts = [n.so_tien for n in kinh_phi.nguon]
    if any(a is None for a in amounts):
        return
    total = sum(a for a in amounts if a is not None)
    if total != kinh_phi.tong:
        yield Diagnostic("KH009", given.file, ("kinh_phi", "tong"), {
            "tong": So(kinh_phi.tong), "cong": So(total), "so_nguon": len(amounts),
            "chenh": So(abs(kinh_phi.tong - total))})


def ngay_trong_hieu_luc(given: DauVao) -> Iterator[Diagnostic]:
    """A plan dated before its set took effect, or after the set ceased to apply (when the set
    says when: no end date is assumed)."""
    can_cu = given.bo.can_cu
    ngay = given.plan.van_ban.ngay_ban_hanh
    start = can_cu.ngay_hieu_luc or can_cu.ngay_ban_hanh
    path = ("van_ban", "ngay_ban_hanh")
    van_ban = can_cu.van_ban
    if ngay < start:
        yield Diagnostic("KH010", given.file, path, {
            "ngay": ngay, "can_cu": van_ban, "moc": start, "bien_the": "truoc"})
    elif can_cu.ngay_het_hieu_luc is not None and ngay > can_cu.ngay_het_hieu_luc:
        yield Diagnostic("KH010", given.file, path, {
            "ngay": ngay, "can_cu": van_ban, "moc": can_cu.ngay_het_hieu_luc, "bien_the": "sau"})


CHO_DIEN = "[ĐIỀN"  # what ntm init writes where an office must fill in
MAX_CHO_DIEN = 20


def _strings(node: object, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))


def cho_dien(given: DauVao) -> Iterator[Diagnostic]:
    """A placeholder of `ntm init` still in the plan: the document would print it. ntm init
    writes them only in `van_ban`, so only that is walked (a batch checks thousands of plans)."""
    found = [(path, text) for path, text in _strings(given.data.get("van_ban"), ("van_ban",)) if CHO_DIEN in text]
    for path, text in found[:MAX_CHO_DIEN]:
        yield Diagnostic("KH012", given.file, path, {"gia_tri": GiaTri(text, 80)})


RULES = (
    Rule(cho_dien, ma=("KH012",), giai_doan="van_ban"),
    Rule(kinh_phi_cong_lai, ma=("KH009",), giai_doan="van_ban"),
    Rule(ngay_trong_hieu_luc, ma=("KH010",), giai_doan="van_ban"),
)
