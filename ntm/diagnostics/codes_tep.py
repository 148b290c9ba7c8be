"""Codes about files and their bytes: IO (reading), YAML (decoding, syntax, the loader's rules)."""

from __future__ import annotations

from ntm.diagnostics import MucDo
from ntm.diagnostics.ma import Ma

LOI, CANH_BAO = MucDo.LOI, MucDo.CANH_BAO

_TCVN3_VNI = (
    " Tệp có vẻ dùng bảng mã cũ {bang_ma}: hãy chuyển sang Unicode "
    "(Unikey → Công cụ chuyển mã, đích Unicode) rồi lưu lại dạng UTF-8."
)

CAU: dict[str, str] = {
    "goi_y.luu_utf8": " Hãy lưu lại tệp với bảng mã UTF-8.",
    "goi_y.tcvn3": _TCVN3_VNI.replace("{bang_ma}", "TCVN3 (ABC, phông .VnTime)"),
    "goi_y.vni": _TCVN3_VNI.replace("{bang_ma}", "VNI (phông VNI-Times)"),
    "goi_y.": "",
    "loai_tep.ke_hoach": "kế hoạch",
    "loai_tep.bo_tieu_chi": "bộ tiêu chí",
    "loai_tep.mau": "mẫu",
    "loai_tep.cau_hinh": "cấu hình (ntm.toml)",
    "loai_tep.danh_sach_xa": "danh sách xã",
}

_YAML_SYNTAX = {
    "tab": "ký tự Tab ở đây: YAML chỉ cho thụt lề bằng dấu cách, không dùng Tab.",
    "ky_tu_dau": "ký tự này không được đứng đầu một giá trị; hãy đặt giá trị trong dấu nháy kép.",
    "het_tep_trong_chuoi": "thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy chưa được đóng.",
    "escape": "chuỗi trong nháy kép có ký tự '\\' không hợp lệ; dùng nháy đơn hoặc viết '\\\\'.",
    "dau_hai_cham": (
        "dấu ':' không hợp lệ ở đây: thụt lề sai, thiếu dấu cách sau ':', hoặc giá trị có ':' "
        "mà chưa đặt trong dấu nháy."
    ),
    "thieu_hai_cham": "thiếu dấu ':' sau tên khóa (hoặc một dòng bị thụt lề sai).",
    "thut_le": "thụt lề không khớp với các dòng phía trên.",
    "thut_le_dong": (
        "dòng này thụt lề {co} dấu cách, không khớp cấp nào phía trên: thụt lề bằng dòng {dong_mau} "
        "({can} dấu cách) nếu cùng cấp với dòng đó."
    ),
    "thut_le_khoi": (
        "dòng này thụt lề {co} dấu cách, lệch với dòng {dong_mau} cùng cấp ({can} dấu cách): "
        "sửa dòng này (và các dòng con của nó) cho thẳng hàng với dòng {dong_mau}."
    ),
    "thut_le_danh_sach": "thụt lề không khớp: dòng này không thẳng hàng với danh sách phía trên.",
    "thieu_gia_tri": "thiếu giá trị ở đây.",
    "gach_sai_cho": "dấu '-' của danh sách không được đặt ở đây (thụt lề sai?).",
    "nhieu_tai_lieu": "tệp chứa nhiều tài liệu YAML (dấu '---' hoặc '...'): mỗi tệp chỉ chứa một kế hoạch.",
    "bi_danh_khong_co": "bí danh (*…) không được phép trong kế hoạch.",
    "the_khong_co": "thẻ YAML (!…) không được phép trong kế hoạch.",
    "ky_tu_dieu_khien": "tệp chứa ký tự điều khiển không in được.",
    "ky_tu_khong_hop_le": "tệp chứa ký tự không hợp lệ.",
    "ngoac_vuong": "danh sách trong ngoặc vuông chưa được đóng bằng ']'.",
    "ngoac_nhon": "bảng trong ngoặc nhọn chưa được đóng bằng '}}'.",
    "neo_trung": "neo (&…) bị đặt trùng tên.",
    "chu_thua": "có ký tự thừa sau giá trị trên cùng dòng.",
    "neo_trong_chu": (
        "giá trị bắt đầu bằng '&' hoặc '*' bị YAML hiểu là neo hoặc bí danh: nếu đây là chữ trong nội dung, "
        "hãy đặt cả giá trị trong dấu nháy kép."
    ),
    "ky_tu_khong_in": "tệp chứa ký tự không in được (U+{ma_ky_tu}) ở đây: hãy xoá ký tự này.",
    "chu_sau_nhay": (
        "có chữ thừa sau dấu nháy đóng: nếu dấu nháy là một phần nội dung, "
        "hãy đặt cả giá trị trong dấu nháy khác loại hoặc bỏ dấu nháy."
    ),
    "nhay_het_tep": "thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy ở đây chưa được đóng đến hết tệp.",
    "nhay_keo_dai": (
        "thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy ở đây kéo dài sang các dòng sau, tới dấu nháy ở dòng {dong}."
    ),
    "ma_thoat_unicode": (
        "mã thoát \\u… trong chuỗi nháy kép không phải một ký tự (nửa cặp UTF-16 như \\uD800?): hãy xoá hoặc sửa nó."
    ),
    "khac": "YAML không hợp lệ ({van_de}).",
}

CODES: tuple[Ma, ...] = (
    # ------------------------------------------------------------------ IO: reading a file
    Ma(
        "IO001", LOI, "không tìm thấy tệp.",
        "Tệp được nêu (hoặc đích của một liên kết tượng trưng) không tồn tại.",
        "ntm validate ke-hoach-da-xoa.yaml",
        bien_the={"lien_ket_hong": "liên kết tượng trưng trỏ tới '{dich}', tệp này không tồn tại."},
        dua_ra=("load",),
    ),
    Ma(
        "IO002", LOI, "đây là một thư mục, không phải tệp {loai_tep}.",
        "Đường dẫn là một thư mục ở chỗ cần một tệp.",
        "bo_tieu_chi: ./bo-tieu-chi-tinh.yaml   # bo-tieu-chi-tinh.yaml là một thư mục",
        dua_ra=("load",),
    ),
    Ma("IO003", LOI, "không có quyền đọc tệp này.", "Hệ điều hành không cho đọc tệp.", "chmod 000 ke-hoach.yaml",
       dua_ra=("load",)),
    Ma(
        "IO004", LOI, "không đọc được tệp ({ly_do}).",
        "Hệ điều hành báo lỗi khi mở hoặc đọc tệp (liên kết lặp vòng, đường dẫn quá dài, lỗi đĩa).",
        "ln -s ke-hoach.yaml ke-hoach.yaml   # liên kết trỏ vào chính nó",
        dua_ra=("load",),
    ),
    Ma(
        "IO005", CANH_BAO, "thư mục không có tệp kế hoạch nào (*.yaml, *.yml).",
        "Một thư mục được nêu nhưng không chứa tệp kế hoạch nào.",
        "ntm validate thu-muc-rong/",
        dua_ra=("run",),
    ),
    Ma(
        "IO006", LOI, "đây không phải tệp thường (mà là FIFO, thiết bị hoặc socket): cần một tệp {loai_tep} .yaml.",
        "Đường dẫn là FIFO, thiết bị hoặc socket: đọc nó có thể treo mãi hoặc không bao giờ hết.",
        "bo_tieu_chi: /dev/zero",
        dua_ra=("load",),
    ),
    Ma(
        "IO007", CANH_BAO, "bỏ qua: đây không phải tệp thường (FIFO, thiết bị hoặc socket) dù tên có đuôi .yaml.",
        "Trong thư mục có một mục mang tên kế hoạch nhưng không đọc được như kế hoạch; mục đó bị bỏ qua.",
        "ntm validate plans/   # plans/x.yaml là liên kết hỏng, FIFO, thiết bị, hoặc liên kết tới thư mục",
        bien_the={
            "lien_ket_hong": "bỏ qua: liên kết tượng trưng trỏ tới '{dich}', tệp đó không tồn tại.",
            "lien_ket_vong": "bỏ qua: liên kết tượng trưng lặp vòng (trỏ tới '{dich}').",
            "lien_ket_thu_muc": "bỏ qua: liên kết tới thư mục '{dich}' (ntm không đi theo liên kết thư mục).",
        },
        dua_ra=("run",),
    ),
    Ma(
        "IO008", CANH_BAO, "không đọc được thư mục này ({ly_do}): các kế hoạch bên trong không được kiểm tra.",
        "Một thư mục con không đọc được; các kế hoạch trong đó không được kiểm tra.",
        "chmod 000 plans/huyen-a/",
        dua_ra=("run",),
    ),
    Ma(
        "NTM001", LOI,
        "lỗi nội bộ của ntm khi kiểm tra tệp này ({loai}); các tệp khác vẫn được kiểm tra. "
        "Xin báo cho nhóm phát triển, kèm tệp này (đặt NTM_DEBUG=1 để xem chi tiết).",
        "Một lỗi của chính ntm (không phải của kế hoạch) khi kiểm tra một tệp; lượt chạy tiếp tục với tệp sau, mã thoát 4.",
        "",
        khong_gap="chỉ xảy ra khi ntm có lỗi lập trình; tests/acceptance/test_reliability.py gây lỗi giả ở một tệp trong ba để thấy lượt chạy vẫn đi tiếp",
        dua_ra=("run",),
    ),
    # ------------------------------------------------------------------ YAML: bytes and text
    Ma(
        "YAML001", LOI, "tệp không phải văn bản UTF-8 (byte 0x{byte} không hợp lệ).{goi_y}",
        "Bảng mã của tệp không đọc được: không phải UTF-8 (có hoặc không BOM) hay UTF-16 có BOM.",
        "tệp lưu bằng bảng mã Windows-1258, TCVN3 hoặc VNI",
        bien_the={
            "utf32": "tệp dùng bảng mã UTF-32, không được hỗ trợ: hãy lưu lại dạng UTF-8.",
            "utf16_loi": (
                "tệp là UTF-16 (có dấu BOM) nhưng chứa dãy byte không hợp lệ ở đây: "
                "hãy lưu lại tệp dạng UTF-8."
            ),
            "utf16_khong_bom": (
                "tệp có vẻ là UTF-16 nhưng thiếu dấu BOM ở đầu tệp nên không đọc chắc chắn được; "
                "hãy lưu lại tệp dạng UTF-8."
            ),
        },
        dua_ra=("load",),
    ),
    Ma(
        "YAML002", LOI, "tệp nhị phân (nhiều byte NUL và ký tự điều khiển), không phải văn bản YAML.",
        "Tệp là tệp nhị phân hoặc chứa byte NUL.",
        "nam: 20\\x0023   # một byte NUL giữa số",
        bien_the={"nul": "tệp chứa byte NUL (tệp nhị phân?): cần một tệp văn bản YAML."},
        dua_ra=("load",),
    ),
    Ma(
        "YAML003", LOI, "văn bản trong tệp bị lỗi phông.{goi_y}",
        "Tệp là UTF-8 nhưng nội dung là chữ TCVN3/VNI đã bị đọc sai bảng mã.",
        "xa: B¶o Th¾ng",
        dua_ra=("load",),
    ),
    Ma(
        "YAML004", LOI, "tệp quá lớn ({co} MB; tối đa {toi_da} MB cho một kế hoạch).",
        "Tệp lớn hơn giới hạn kích thước của một kế hoạch.",
        "một tệp 50 MB",
        dua_ra=("load",),
    ),
    Ma(
        "YAML005", CANH_BAO,
        "chữ Việt ở dạng tổ hợp (NFD, thường do chép từ PDF hoặc máy Mac); đã tự chuyển sang dạng dựng sẵn (NFC). "
        "Nên lưu lại tệp ở dạng dựng sẵn để tìm kiếm, so sánh không bị sai.",
        "Chữ Việt ở dạng tổ hợp (NFD), hay ký tự khác chưa ở dạng chuẩn NFC; công cụ đã chuyển sang NFC.",
        "xa: Hương Sơn   # chép từ PDF: 'ư' là u + dấu móc tổ hợp",
        bien_the={
            "khac": (
                "văn bản có ký tự chưa ở dạng chuẩn NFC (U+{ma_ky_tu}); đã tự chuyển sang dạng chuẩn. "
                "Nên lưu lại tệp ở dạng chuẩn để tìm kiếm, so sánh không bị sai."
            ),
        },
        dua_ra=("load",),
    ),
    Ma(
        "YAML006", LOI,
        "tệp có quá nhiều giá trị (hơn {toi_da} khóa và mục; một kế hoạch chỉ có vài trăm): "
        "tệp có thể bị sinh tự động hoặc chép lặp nội dung.",
        "Tệp có nhiều giá trị hơn giới hạn (tệp sinh tự động hoặc bị chép lặp).",
        "thoi_gian_thuc_hien: [một triệu mục]",
        dua_ra=("load",),
    ),
    Ma(
        "YAML010", LOI, "YAML không hợp lệ ({van_de}).",
        "Lỗi cú pháp YAML; thông điệp nói rõ từng trường hợp (Tab, thiếu nháy, thụt lề, …).",
        "\txa: Hương Sơn   # thụt lề bằng Tab",
        bien_the=_YAML_SYNTAX,
        dua_ra=("load",),
    ),
    Ma(
        "YAML011", LOI, "cấu trúc lồng nhau quá sâu (tối đa {toi_da} cấp).",
        "Các bảng và danh sách lồng nhau sâu hơn giới hạn của công cụ.",
        "thoi_gian_thuc_hien: [[[[[[ … Quý I/2023 … ]]]]]]   # 70 cấp ngoặc vuông lồng nhau (tối đa 64)",
        dua_ra=("load",),
    ),
    Ma(
        "YAML012", LOI,
        "thẻ YAML {the} không được phép: kế hoạch chỉ chứa văn bản, số, danh sách và bảng. "
        "Nếu đây là chữ trong nội dung, hãy đặt cả giá trị trong dấu nháy kép.",
        "Thẻ YAML (!…, !!python/…): không bao giờ được thực thi hay dựng thành đối tượng.",
        "nam: !!python/object/apply:os.system ['ls']",
        dua_ra=("load",),
    ),
    Ma(
        "YAML013", LOI,
        "bí danh YAML (*…) không được phép trong kế hoạch: hãy chép đầy đủ nội dung thay vì tham chiếu.",
        "Neo (&…) và bí danh (*…) của YAML (chặn \"billion laughs\" và chữ '&' bị hiểu nhầm).",
        "muc_tieu: &mt Đạt chuẩn NTM nâng cao",
        bien_the={
            "neo": (
                "neo YAML {the} không được phép trong kế hoạch (không dùng neo &… và bí danh *…): "
                "hãy chép đầy đủ nội dung. Nếu {the} là chữ trong nội dung, hãy đặt cả giá trị trong dấu nháy kép."
            ),
            "bi_danh": (
                "bí danh YAML {the} không được phép trong kế hoạch (không dùng neo &… và bí danh *…): "
                "hãy chép đầy đủ nội dung. Nếu {the} là chữ trong nội dung, hãy đặt cả giá trị trong dấu nháy kép."
            ),
        },
        dua_ra=("load",),
    ),
    Ma(
        "YAML014", LOI, "tên khóa phải là một chữ đơn giản, không phải danh sách hay bảng.",
        "Khóa của một bảng là danh sách hoặc bảng.",
        "tieu_chi:\n  [giao_thong, thuy_loi_phong_chong_thien_tai]:   # hai tiêu chí chung một khóa\n    tu_danh_gia: dat",
        dua_ra=("load",),
    ),
    Ma(
        "YAML015", LOI, "khóa gộp '<<' không được phép trong kế hoạch: hãy viết đầy đủ các khóa.",
        "Khóa gộp '<<' của YAML.",
        "<<: {nam: 2023}",
        dua_ra=("load",),
    ),
    Ma(
        "YAML016", LOI,
        "giá trị chứa ký tự điều khiển U+{ma_ky_tu} (viết bằng mã thoát trong dấu nháy kép, như \\x01): "
        "văn bản kế hoạch không được chứa ký tự này; hãy xoá nó.",
        "Một giá trị chứa ký tự điều khiển, ký tự không hợp lệ hay nửa cặp UTF-16 (viết bằng mã thoát YAML).",
        'trich_yeu: "Thực hiện\\x01 chương trình"',
        dua_ra=("load",),
    ),
    Ma(
        "YAML020", LOI,
        "khóa {khoa} bị lặp: đã có ở dòng {dong}. Mỗi khóa chỉ được viết một lần (bản sau sẽ ghi đè bản trước).",
        "Một khóa được viết hai lần trong cùng một bảng (bản sau sẽ âm thầm thay bản trước).",
        "tieu_chi:\n  dien: {…}\n  dien: {…}",
        bien_the={
            "cung_dong": (
                "khóa {khoa} bị lặp: đã có ở dòng {dong}, cột {cot}. Mỗi khóa chỉ được viết một lần "
                "(bản sau sẽ ghi đè bản trước)."
            ),
        },
        dua_ra=("load",),
    ),
    Ma(
        "YAML030", LOI, "tệp trống (hoặc chỉ có chú thích): cần nội dung một kế hoạch.",
        "Tệp không có nội dung.",
        "# chỉ có chú thích",
        dua_ra=("load",),
    ),
    Ma(
        "YAML031", LOI, "cấp cao nhất của tệp phải là các khóa (van_ban:, dia_ban:, …); tìm thấy {tim_thay}.",
        "Cấp cao nhất của tệp không phải là một bảng khóa: giá trị.",
        "- van_ban\n- dia_ban",
        dua_ra=("load",),
    ),
)
