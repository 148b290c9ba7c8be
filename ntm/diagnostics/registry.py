"""The registry of diagnostics: every code once, with its severity, its message and what it means.

Call sites raise by code (`Diagnostic("TC001", file, path, params)`); the
sentence is written from the template here, by ntm.present.messages. A code
has one meaning; where the wording varies with the case (which YAML syntax
slip, which encoding), the variants are listed under the one code, chosen by
the `bien_the` param. Phrases shared by several messages (a number that
cannot be read, a hint) are in CAU and reach a template as `Cau` params.

docs/codes.md is generated from this registry (`python -m ntm.present.codes_doc`);
tests/project/test_registry.py fails when it is stale, and when a code is produced by
no case under tests/data/ and is not marked `khong_gap` with a reason.
"""

from __future__ import annotations

from ntm.diagnostics.ma import Ma


def _build() -> dict[str, Ma]:
    from ntm.diagnostics.codes_bo_qua import CODES as ACCEPT
    from ntm.diagnostics.codes_bo_tieu_chi import CODES as CATALOG
    from ntm.diagnostics.codes_git import CODES as GIT
    from ntm.diagnostics.codes_ke_hoach import CODES as PLAN
    from ntm.diagnostics.codes_lenh import CODES as USAGE
    from ntm.diagnostics.codes_nhap import CODES as IMPORT
    from ntm.diagnostics.codes_tep import CODES as FILES
    from ntm.diagnostics.codes_van_ban import CODES as DOCUMENT

    table: dict[str, Ma] = {}
    for ma in (*FILES, *PLAN, *CATALOG, *DOCUMENT, *USAGE, *IMPORT, *GIT, *ACCEPT):
        if ma.ma in table:
            raise ValueError(f"diagnostic code {ma.ma} is defined twice")
        table[ma.ma] = ma
    return table


CODES: dict[str, Ma] = _build()


def phrases() -> dict[str, str]:
    from ntm.diagnostics.codes_bo_qua import CAU as ACCEPT
    from ntm.diagnostics.codes_bo_tieu_chi import CAU as CATALOG
    from ntm.diagnostics.codes_git import CAU as GIT
    from ntm.diagnostics.codes_ke_hoach import CAU as PLAN
    from ntm.diagnostics.codes_lenh import CAU as USAGE
    from ntm.diagnostics.codes_nhap import CAU as IMPORT
    from ntm.diagnostics.codes_tep import CAU as FILES
    from ntm.diagnostics.codes_van_ban import CAU as DOCUMENT

    out: dict[str, str] = {}
    for table in (FILES, PLAN, CATALOG, DOCUMENT, USAGE, IMPORT, GIT, ACCEPT):
        for key, text in table.items():
            if key in out:
                raise ValueError(f"phrase {key} is defined twice")
            out[key] = text
    return out


CAU: dict[str, str] = phrases()

# Codes no longer given, and what says the same thing now (docs/codes.md lists them).
RETIRED: dict[str, str] = {
    "BTC001": "tệp bộ tiêu chí không đọc được: nay là IO001-IO006, nói về chính tệp bộ tiêu chí",
    "KH006": "bộ của tỉnh đặt mức lỏng hơn bộ quốc gia: nay là lỗi BTC013 (bộ của tỉnh chỉ được nâng mức)",
}

# errno -> what an officer can act on; os.strerror() would be English.
LY_DO_HE_THONG: dict[str, str] = {
    "EACCES": "không có quyền truy cập",
    "EPERM": "không có quyền truy cập",
    "ELOOP": "liên kết tượng trưng (symlink) lặp vòng",
    "ENAMETOOLONG": "đường dẫn quá dài",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "EIO": "lỗi đọc ổ đĩa",
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã hết hạn mức dung lượng",
    "EROFS": "ổ đĩa chỉ cho đọc",
    "EFBIG": "tệp vượt quá kích thước cho phép",
    "EPIPE": "nơi nhận đã đóng",
    "EBADF": "luồng ra đã bị đóng",
}
