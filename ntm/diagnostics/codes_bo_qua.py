"""BQ: accepting a finding (docs/ci.md, "Chấp nhận cảnh báo"): the comments `# ntm: bo-qua`,
`# ntm: bo-qua-tep` in a plan, and the repository's `ntm.toml` ([bo-qua], [muc-do]).

A comment that cannot be read, or that accepts nothing, is a warning (as ruff reports an unused
`noqa`); an `ntm.toml` that cannot be read is an error, said once for the run, and the plans are
still checked (without what it would have accepted).
"""

from __future__ import annotations

from ntm.diagnostics import MucDo
from ntm.diagnostics.ma import Ma

LOI, CANH_BAO = MucDo.LOI, MucDo.CANH_BAO

_CACH_VIET = "'# ntm: bo-qua KH002' (một dòng) hoặc '# ntm: bo-qua-tep KH010, KH012' (cả tệp)"

CAU: dict[str, str] = {
    "bo_qua.cach_viet": _CACH_VIET,
}

CODES: tuple[Ma, ...] = (
    Ma(
        "BQ001", CANH_BAO,
        "chú thích chấp nhận {ma} nhưng không có cảnh báo {ma} nào ở {pham_vi}: bỏ mã này khỏi chú thích.",
        "Một chấp nhận không khớp phát hiện nào (như `noqa` thừa của ruff): cảnh báo đã được sửa, "
        "hoặc chú thích đặt sai dòng.",
        "ngay_ban_hanh: 2024-03-01   # ntm: bo-qua KH010  (nhưng ngày này không còn trước bộ tiêu chí)",
        bien_the={
            "kho": "[bo-qua] \"{mau}\" chấp nhận {ma} nhưng không kế hoạch nào khớp mẫu có cảnh báo {ma}: "
                   "bỏ mã này khỏi danh sách.",
            "khong_tep": "[bo-qua] \"{mau}\" không khớp tệp kế hoạch nào (mẫu tính từ thư mục của ntm.toml).",
        },
        dua_ra=("run",),
    ),
    Ma(
        "BQ002", CANH_BAO, "không có mã {ma}: chấp nhận này không có tác dụng.{de_xuat}",
        "Một chấp nhận nêu mã không có trong danh sách mã (docs/codes.md); gợi ý mã gần nhất.",
        "# ntm: bo-qua-tep KH100",
        dua_ra=("load",),
    ),
    Ma(
        "BQ003", CANH_BAO,
        "{ma} là lỗi{o_day}: lỗi không chấp nhận được (kế hoạch không hợp lệ), chỉ cảnh báo mới chấp nhận được.",
        "Một chấp nhận nêu mã của lỗi (hoặc cảnh báo mà [muc-do] của ntm.toml đã nâng thành lỗi): "
        "lỗi chỉ có thể sửa.",
        "# ntm: bo-qua-tep SCH002",
        dua_ra=("load", "run"),
    ),
    Ma(
        "BQ004", CANH_BAO, "không đọc được chú thích {gia_tri}: viết {cach_viet}; mã cách nhau bằng dấu phẩy.",
        "Chú thích `# ntm:` viết sai: thiếu mã, mã không đúng dạng, hoặc lệnh không phải bo-qua, bo-qua-tep.",
        "so_hieu: 03/KH-UBND   # ntm: bo-qua",
        bien_the={
            "lenh": "lệnh {lenh} của chú thích '# ntm:' không có nghĩa: viết {cach_viet}.{de_xuat}",
        },
        dua_ra=("load",),
    ),
    Ma(
        "BQ010", LOI, "ntm.toml không đúng cú pháp TOML ở đây (https://toml.io/vi/): {chi_tiet}.",
        "Tệp cấu hình ntm.toml không đọc được: cú pháp TOML sai, hoặc không phải văn bản UTF-8. "
        "Các kế hoạch vẫn được kiểm tra, không có chấp nhận nào của tệp này.",
        "[bo-qua]\n\"plans/*.yaml\" = [\"KH010\"   # thiếu ]",
        bien_the={
            "ma_hoa": "ntm.toml không phải văn bản UTF-8.",
            "doc": "không đọc được ntm.toml ({ly_do}).",
        },
        dua_ra=("load",),
    ),
    Ma(
        "BQ011", LOI, "khóa {khoa} không có trong ntm.toml: chỉ có bảng [bo-qua] và [muc-do].{de_xuat}",
        "Khóa (bảng) lạ trong ntm.toml, thường là gõ sai; gợi ý tên gần nhất.",
        "[bo_qua]\n\"plans/*.yaml\" = [\"KH010\"]",
        dua_ra=("load",),
    ),
    Ma(
        "BQ012", LOI, "[muc-do] {ma} = {gia_tri}: chỉ nhận \"loi\" (thành lỗi) hoặc \"tat\" (tắt).{de_xuat}",
        "Mức lạ trong bảng [muc-do] của ntm.toml.",
        "[muc-do]\nKH012 = \"loii\"",
        dua_ra=("load",),
    ),
    Ma(
        "BQ013", LOI,
        "[bo-qua] {mau} ra ngoài kho: mẫu tính từ thư mục của ntm.toml, không bắt đầu bằng '/' "
        "và không có '..'.",
        "Mẫu đường dẫn trong [bo-qua] trỏ ra ngoài kho kế hoạch: bị từ chối.",
        "[bo-qua]\n\"../khac/*.yaml\" = [\"KH010\"]",
        dua_ra=("load",),
    ),
    Ma(
        "BQ014", LOI, "{cho} cần {can}; tìm thấy {gia_tri}.",
        "Giá trị sai kiểu trong ntm.toml: [bo-qua] cần danh sách mã, [muc-do] cần một chuỗi.",
        "[bo-qua]\n\"plans/*.yaml\" = \"KH010\"   # cần [\"KH010\"]",
        dua_ra=("load",),
    ),
)
