"""Documents made the way an office's other tools make them: HTML and flat ODT (.fodt) written
here, converted by LibreOffice into .docx and legacy .doc, as a document saved from a web page,
from LibreOffice, or from an old Word would be.

- `dang-uy-cam-ha.html` -> .docx and .doc: a Party plan (HD 36): three issuer levels and "*"
  in a header table, "Số 15-KH/ĐU" without a colon, T/M signature;
- `khung-chu.fodt` -> .docx: a State plan whose header sits in text boxes (frames), with a
  footnote and a bulleted list.

Every name, number and date in them is invented.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

DANG_UY = {
    "co_quan_chu_quan": "ĐẢNG BỘ HUYỆN CẨM XUYÊN",
    "co_quan_ban_hanh": "ĐẢNG ỦY XÃ CẨM HÀ",
    "so_hieu": "15-KH/ĐU",
    "dia_danh": "Cẩm Hà",
    "ngay_ban_hanh": "2023-04-10",
    "nguoi_ky": {"tham_quyen": "T/M ĐẢNG ỦY", "chuc_vu": "BÍ THƯ", "ho_ten": "Trần Văn Bình"},
}

KHUNG_CHU = {
    "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
    "so_hieu": "07/KH-UBND",
    "dia_danh": "Tân Lập",
    "ngay_ban_hanh": "2022-09-05",
    "nguoi_ky": {"tham_quyen": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Phạm Quốc Toàn"},
}

DANG_UY_HTML = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch 15-KH/ĐU</title></head>
<body style="font-family: 'Times New Roman'; font-size: 14pt">
<table style="width: 100%; border: none">
<tr><td style="text-align: center">ĐẢNG BỘ HUYỆN CẨM XUYÊN<br><b>ĐẢNG ỦY XÃ CẨM HÀ</b><br>*</td>
<td style="text-align: center"><b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b></td></tr>
<tr><td style="text-align: center">Số 15-KH/ĐU</td>
<td style="text-align: center"><i>Cẩm Hà, ngày 10 tháng 4 năm 2023</i></td></tr>
</table>
<p style="text-align: center"><b>KẾ HOẠCH</b></p>
<p style="text-align: center"><b>lãnh đạo xây dựng xã nông thôn mới nâng cao năm 2023</b></p>
<p style="text-align: center">-----</p>
<p><i>Thực hiện Nghị quyết số 05-NQ/ĐU ngày 10 tháng 01 năm 2023 của Ban Chấp hành Đảng bộ xã về phát
triển kinh tế - xã hội năm 2023,</i></p>
<p>Ban Thường vụ Đảng ủy xây dựng kế hoạch lãnh đạo như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p><b>1. Mục đích</b></p>
<p>Tăng cường sự lãnh đạo của Đảng ủy đối với chương trình xây dựng nông thôn mới nâng cao.</p>
<p><b>2. Yêu cầu</b></p>
<p>Các chi bộ quán triệt, cụ thể hóa kế hoạch phù hợp với từng thôn.</p>
<p><b>II. NHIỆM VỤ TRỌNG TÂM</b></p>
<p><b>1. Về phát triển sản xuất</b></p>
<p>- Xây dựng vùng sản xuất rau an toàn 15 ha;</p>
<p>- Thành lập 01 hợp tác xã dịch vụ nông nghiệp.</p>
<p><b>2. Về hạ tầng</b></p>
<table border="1" style="border-collapse: collapse">
<tr><th rowspan="2">Số TT</th><th rowspan="2">Công trình</th><th colspan="2">Kinh phí (triệu đồng)</th></tr>
<tr><th>Ngân sách</th><th>Nhân dân</th></tr>
<tr><td>1</td><td>Đường thôn Bắc Hà</td><td style="text-align: right">600</td><td style="text-align: right">150</td></tr>
<tr><td>2</td><td>Kênh mương nội đồng</td><td style="text-align: right">300</td><td style="text-align: right">50</td></tr>
</table>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p>Văn phòng Đảng ủy theo dõi, tổng hợp, báo cáo Ban Thường vụ hằng quý.</p>
<table style="width: 100%; border: none">
<tr><td><u>Nơi nhận:</u><br>- Ban Thường vụ Huyện ủy,<br>- Các chi bộ,<br>- Lưu Văn phòng Đảng ủy.</td>
<td style="text-align: center"><b>T/M ĐẢNG ỦY<br>BÍ THƯ</b><br><br><br><b>Trần Văn Bình</b></td></tr>
</table>
</body></html>
"""

_FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="fr" style:family="graphic"><style:graphic-properties style:wrap="none"
   style:vertical-pos="from-top" style:horizontal-pos="from-left" fo:border="none"/></style:style>
</office:automatic-styles>
<office:body><office:text>
"""

KHUNG_CHU_FODT = _FODT_HEAD + """
<text:p><draw:frame draw:style-name="fr" text:anchor-type="paragraph" svg:x="0cm" svg:y="0cm" svg:width="7cm"
  svg:height="2.5cm" draw:name="CoQuan"><draw:text-box>
  <text:p text:style-name="C"><text:span text:style-name="B">ỦY BAN NHÂN DÂN</text:span></text:p>
  <text:p text:style-name="C"><text:span text:style-name="B">XÃ TÂN LẬP</text:span></text:p>
  <text:p text:style-name="C">Số: 07/KH-UBND</text:p>
 </draw:text-box></draw:frame><draw:frame draw:style-name="fr" text:anchor-type="paragraph" svg:x="8cm"
  svg:y="0cm" svg:width="9cm" svg:height="2.5cm" draw:name="QuocHieu"><draw:text-box>
  <text:p text:style-name="C"><text:span text:style-name="B">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:span></text:p>
  <text:p text:style-name="C"><text:span text:style-name="B">Độc lập - Tự do - Hạnh phúc</text:span></text:p>
  <text:p text:style-name="C"><text:span text:style-name="I">Tân Lập, ngày 05 tháng 9 năm 2022</text:span></text:p>
 </draw:text-box></draw:frame></text:p>
<text:p text:style-name="C"><text:span text:style-name="B">KẾ HOẠCH</text:span></text:p>
<text:p text:style-name="C"><text:span text:style-name="B">Thực hiện tiêu chí môi trường năm 2022</text:span></text:p>
<text:p><text:span text:style-name="I">Căn cứ Kế hoạch số 120/KH-UBND ngày 15 tháng 3 năm 2022 của Ủy ban nhân dân huyện Yên Thành về bảo vệ môi trường năm 2022.</text:span></text:p>
<text:p><text:span text:style-name="B">I. MỤC TIÊU</text:span></text:p>
<text:p>Thu gom, xử lý rác thải sinh hoạt ở cả 12 thôn<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Gồm 10 thôn cũ và 2 thôn mới sau sáp nhập.</text:p></text:note-body></text:note>.</text:p>
<text:p><text:span text:style-name="B">II. NHIỆM VỤ</text:span></text:p>
<text:p>- Ra quân dọn vệ sinh đường làng vào Chủ nhật cuối tháng;</text:p>
<text:p>- Trồng cây xanh hai bên đường trục xã.</text:p>
<text:p>Trên đây là Kế hoạch thực hiện tiêu chí môi trường năm 2022 của UBND xã Tân Lập./.</text:p>
<text:p><text:span text:style-name="B">Nơi nhận:</text:span></text:p>
<text:p>- Lưu: VT.</text:p>
<text:p text:style-name="C"><text:span text:style-name="B">TM. ỦY BAN NHÂN DÂN</text:span><text:line-break/><text:span text:style-name="B">CHỦ TỊCH</text:span></text:p>
<text:p text:style-name="C"/>
<text:p text:style-name="C"><text:span text:style-name="B">Phạm Quốc Toàn</text:span></text:p>
</office:text></office:body></office:document>
"""

TIME_LIMIT = 180


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(sources: list[Path], target: str, out_dir: Path, infilter: str | None = None) -> None:
    """One LibreOffice run converting every file of `sources` (its own profile, a time limit)."""
    program = _soffice()
    assert program is not None, "LibreOffice is needed to make this fixture"
    with tempfile.TemporaryDirectory(prefix="ntm-fixture-") as folder:
        profile = Path(folder) / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--nolockcheck"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", target, "--outdir", str(out_dir), *map(str, sources)]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env={**os.environ, "HOME": folder}, start_new_session=True)
        try:
            process.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise


def make_all(folder: Path) -> dict[str, Path]:
    """The LibreOffice-made fixtures, in `folder`: name -> file."""
    sources = folder / "nguon"
    sources.mkdir(exist_ok=True)
    html = sources / "dang-uy-cam-ha.html"
    html.write_text(DANG_UY_HTML, encoding="utf-8")
    fodt = sources / "khung-chu-tan-lap.fodt"
    fodt.write_text(KHUNG_CHU_FODT, encoding="utf-8")
    convert([html], "docx:MS Word 2007 XML", folder, "HTML (StarWriter)")
    convert([html], "doc:MS Word 97", folder, "HTML (StarWriter)")
    convert([fodt], "docx:MS Word 2007 XML", folder)
    convert([fodt], "odt", folder)
    return {
        "khung-chu-odt": folder / "khung-chu-tan-lap.odt",
        "dang-uy": folder / "dang-uy-cam-ha.docx",
        "dang-uy-doc": folder / "dang-uy-cam-ha.doc",
        "khung-chu": folder / "khung-chu-tan-lap.docx",
    }
