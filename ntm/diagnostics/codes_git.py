"""Codes of a review against a git revision (`ntm check --so-voi REV`): GIT. With GIT001-GIT003 the
command stops before checking any plan (exit 2): the comparison asked for cannot be made; GIT004
is one plan's error (its old version unreadable), the others are still compared. And the phrases
of the CI outputs (the GitHub job summary)."""

from __future__ import annotations

from ntm.diagnostics import MucDo
from ntm.diagnostics.ma import Ma

LOI = MucDo.LOI

CAU: dict[str, str] = {
    "ci.tom_tat": "không ghi được tóm tắt của job vào '{tep}' ({ly_do}).",
    "git.nong": (
        " Kho này là bản sao nông (shallow clone): hãy tải thêm lịch sử (git fetch --unshallow, "
        "hoặc fetch-depth: 0 trong actions/checkout)."
    ),
}

CODES: tuple[Ma, ...] = (
    Ma(
        "GIT001", LOI,
        "không nằm trong một kho git: --so-voi đọc phiên bản cũ của kế hoạch từ git; "
        "hãy chạy trong bản sao (clone) của kho kế hoạch, hoặc bỏ --so-voi.",
        "Tệp hay thư mục nêu cùng --so-voi không nằm trong một kho git.",
        "ntm check ke-hoach.yaml --so-voi HEAD   # trong một thư mục không phải kho git",
        dua_ra=("load",),
    ),
    Ma(
        "GIT002", LOI,
        "không có phiên bản {phien_ban} trong kho {kho}: hãy nêu một commit, nhánh hoặc thẻ có trong kho "
        "(git log --oneline để xem).{goi_y}",
        "Phiên bản nêu sau --so-voi không có trong kho (gõ sai, hoặc chưa được tải về).",
        "ntm check plans/ --so-voi origin/mainn",
        dua_ra=("load",),
    ),
    Ma(
        "GIT003", LOI,
        "không chạy được git ({ly_do}): --so-voi cần chương trình git; hãy cài git, hoặc bỏ --so-voi.",
        "Máy không có chương trình git (hoặc không chạy được) mà lệnh dùng --so-voi.",
        "ntm check plans/ --so-voi HEAD   # trên máy chưa cài git",
        khong_gap=(
            "một ca trong tests/data chạy với PATH của máy, nơi có git; "
            "tests/acceptance/test_so_voi.py chạy lệnh với PATH không có git"
        ),
        dua_ra=("load",),
    ),
    Ma(
        "GIT004", LOI,
        "git không đọc được {tep} ở phiên bản {phien_ban}: {chi_tiet}",
        "git báo lỗi khi đọc kho hay phiên bản cũ của một kế hoạch (kho hỏng, không được phép, hết thời gian chờ).",
        "ntm check plans/ --so-voi HEAD   # trong một kho có đối tượng git bị hỏng",
        bien_the={"kho": "git không đọc được kho chứa {tep}: {chi_tiet}"},
        khong_gap=(
            "chỉ xảy ra khi kho git hỏng hoặc git bị treo; tests/acceptance/test_so_voi.py "
            "làm hỏng một đối tượng của kho để thấy thông điệp"
        ),
        dua_ra=("load",),
    ),
)
