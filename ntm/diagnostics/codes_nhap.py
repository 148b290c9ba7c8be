"""Codes of `ntm import` (NH): a Word document that cannot be read, what was not brought into the
plan, and the phrases of the command's summary.

The document being imported is the user's own input, to be turned into their plan: the
notices quote short excerpts of it (escaped and shortened, as any value a user wrote) so that
they can find what the plan does not hold."""

from __future__ import annotations

from ntm.diagnostics import MucDo
from ntm.diagnostics.ma import Ma

LOI, CANH_BAO = MucDo.LOI, MucDo.CANH_BAO

CAU: dict[str, str] = {
    "nhap.khong_co_tep": "không tìm thấy tệp '{tep}'.",
    "nhap.khong_phai_tep": "'{tep}' không phải tệp thường (thư mục, FIFO hay thiết bị): cần một tệp .docx, .doc hoặc .odt.",
    "nhap.khong_doc_duoc": "không đọc được '{tep}' ({ly_do}).",
    "nhap.qua_lon": "'{tep}' quá lớn ({co} MB; tối đa {toi_da} MB cho một văn bản).",
    "nhap.duoi_tep": "'{tep}': ntm import đọc tệp .docx (hoặc .doc, .odt qua LibreOffice), không đọc tệp {duoi}.",
    "nhap.dau_ra_yaml": "tệp kết quả '{tep}' phải có đuôi .yaml hoặc .yml (một kế hoạch).",
    "nhap.da_co": "đã có '{tep}': ntm import không ghi đè tệp có sẵn; hãy chọn tên tệp khác.",
    "nhap.thieu_libreoffice": (
        "cần LibreOffice để đọc tệp {duoi}: hãy cài (sudo apt-get install libreoffice-writer-nogui), "
        "hoặc mở tệp bằng Word và lưu lại dạng .docx."
    ),
    "nhap.chuyen_loi": "LibreOffice không chuyển được '{tep}' sang .docx ({ly_do}).",
    "nhap.da_chuyen": "đã chuyển {tep} sang .docx bằng LibreOffice",
    "nhap.tom_tat": "đã đọc {so_doan} đoạn văn và ô bảng; {so_doan_doan} chỗ phải đoán (đánh dấu '# ntm import:' trong tệp):",
    "nhap.tom_tat_khong_doan": "đã đọc {so_doan} đoạn văn và ô bảng; không có chỗ nào phải đoán.",
    "nhap.mot_doan": "  {duong_dan}: {noi_dung}",
    "nhap.hop_le": "kế hoạch nhập được hợp lệ (ntm validate): {canh_bao} cảnh báo.",
    "nhap.khong_hop_le": (
        "kế hoạch nhập được chưa hợp lệ (xem các dòng trên): văn bản không nói điều đó; hãy điền vào tệp "
        "kết quả hoặc chạy lại với tùy chọn tương ứng{goi_y}."
    ),
    "nhap.goi_y_vung": " (--vung: vùng của bộ tiêu chí 2021-2025, ví dụ --vung bac-trung-bo)",
    "nhap.goi_y_nhom_xa": " (--nhom-xa 1, 2 hoặc 3 với bộ 2026-2030)",
    "nhap.goi_y_": "",
    "nhap.da_ghi": "đã ghi {tep}",
}

CODES: tuple[Ma, ...] = (
    Ma(
        "NH001", LOI, "không phải tệp Word .docx (không phải gói zip): hãy mở bằng Word và lưu lại dạng .docx.",
        "Tệp đưa cho ntm import không đọc được như một văn bản Word.",
        "ntm import ghi-chu.txt   # tệp văn bản đổi đuôi .docx",
        bien_the={
            "khong_phai_word": "tệp là gói zip nhưng không phải văn bản Word (bảng tính, trình chiếu?): "
                               "ntm import chỉ đọc văn bản Word.",
            "doc_cu": "đây là tệp Word cũ (.doc) đặt đuôi .docx: hãy đặt lại đuôi .doc (ntm chuyển qua LibreOffice) "
                      "hoặc lưu lại dạng .docx trong Word.",
        },
        dua_ra=("nhap",),
    ),
    Ma(
        "NH002", LOI, "văn bản Word có mật khẩu (đã mã hóa): ntm không đọc được. Hãy mở bằng Word, bỏ mật khẩu "
        "(Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, để trống) rồi lưu lại.",
        "Tệp .docx được bảo vệ bằng mật khẩu (một tệp OLE chứa gói đã mã hóa).",
        "ntm import ke-hoach-co-mat-khau.docx",
        dua_ra=("nhap",),
    ),
    Ma(
        "NH003", LOI, "văn bản có phần '{phan}' khi giải nén quá lớn (tối đa {mb} MB một phần, tổng 96 MB, hoặc nén "
        "quá chặt: có thể là tệp zip bomb); tệp không được giải nén.",
        "Một phần của tệp .docx lớn hơn giới hạn, hoặc nén quá chặt (cùng giới hạn với mẫu .docx).",
        "ntm import bom-zip.docx",
        dua_ra=("nhap",),
    ),
    Ma(
        "NH004", LOI, "văn bản Word có phần hỏng, không đọc được ({loai}): hãy mở bằng Word và lưu lại.",
        "Tệp .docx là gói zip của Word nhưng một phần XML hỏng.",
        "ntm import ke-hoach-hong.docx",
        dua_ra=("nhap",),
    ),
    Ma(
        "NH005", CANH_BAO, "văn bản có macro (tệp .docm): ntm chỉ đọc chữ, không bao giờ chạy macro.",
        "Văn bản Word có macro; macro không được chạy, chỉ nội dung được đọc.",
        "ntm import ke-hoach.docm",
        dua_ra=("nhap",),
    ),
    Ma(
        "NH006", CANH_BAO, "văn bản có {so} nội dung liên kết ra ngoài (ảnh liên kết, tệp con, mẫu đính kèm): ntm "
        "không mở chúng; chữ trong chúng không có trong kế hoạch.",
        "Văn bản Word liên kết tới nội dung ngoài tệp; ntm không bao giờ mở liên kết (siêu liên kết vẫn giữ chữ).",
        "ntm import ke-hoach-co-anh-lien-ket.docx",
        dua_ra=("nhap",),
    ),
    Ma(
        "NH007", CANH_BAO, "văn bản có phần nhúng {phan} (nội dung dán từ định dạng khác) mà ntm không đọc: "
        "hãy mở bằng Word và lưu lại, rồi nhập lại.",
        "Văn bản chứa phần altChunk (HTML, RTF nhúng) chưa được Word chuyển thành nội dung thường.",
        "ntm import van-ban-co-altchunk.docx",
        dua_ra=("nhap",),
    ),
    Ma(
        "NH008", CANH_BAO, "không đưa vào kế hoạch: {trich}.",
        "Một phần chữ của văn bản không có chỗ trong kế hoạch (đầu trang, chân trang, dòng lạ ở phần đầu, khối "
        "chữ ký); thông báo trích đoạn chữ đó để kiểm tra.",
        "đầu trang có dòng \"Dự thảo lần 2\"",
        bien_the={
            "dau_trang": "chữ ở đầu trang (lặp lại mỗi trang) không được đưa vào kế hoạch: {trich}.",
            "chan_trang": "chữ ở chân trang (lặp lại mỗi trang) không được đưa vào kế hoạch: {trich}.",
            "phan_dau": "dòng ở phần đầu văn bản không nhận ra (không phải cơ quan, số, ngày, quốc hiệu): {trich}.",
            "du_thao": "dấu {trich} của bản dự thảo không đưa vào kế hoạch: xuất lại bản dự thảo bằng "
                       "`ntm render --du-thao`.",
            "chu_ky": "dòng ở khối chữ ký không phải thẩm quyền, chức vụ hay họ tên: {trich}.",
            "sau_chu_ky": "đoạn sau chữ ký không thuộc phụ lục nào: {trich}.",
            "bang_sau_chu_ky": "bảng sau chữ ký không thuộc phụ lục nào.",
            "chu_thich_mo_dau": "chú thích cuối trang của đoạn mở đầu {trich} (đoạn mở đầu không có chú thích).",
        },
        dua_ra=("nhap",),
    ),
    Ma(
        "NH009", CANH_BAO, "cách trình bày đổi khi ntm xuất lại văn bản: {trich}.",
        "Nội dung được giữ nguyên nhưng ntm xuất lại theo cách của mình (đánh số, thứ tự, bảng).",
        "tiêu đề in đậm không đánh số",
        bien_the={
            "thu_tu_tieu_chi": "các tiêu chí ở phần nhiệm vụ, giải pháp sẽ được in theo thứ tự của bộ tiêu chí.",
            "tieu_de_dam": "tiêu đề in đậm không đánh số {trich}: ntm sẽ đánh số khi xuất văn bản.",
            "phu_luc_nhieu_bang": "phụ lục {trich} có nhiều bảng: từ bảng thứ hai, mỗi dòng thành một đoạn "
                                  "(các ô cách nhau bằng ' | ').",
            "muc_trong": "mục {trich} không có nội dung: ntm không in mục trống.",
            "bang_truoc_muc_I": "bảng trước mục I: mỗi dòng thành một đoạn mở đầu (các ô cách nhau bằng ' | ').",
        },
        dua_ra=("nhap",),
    ),
)
