"""Every import fixture written to a folder, to open and read in Word or LibreOffice:

    python -m tests.nhap_fixtures OUT_DIR      # from the repository (or `cd tests && python -m nhap_fixtures`)

The Hương Sơn and An Phú plans (python-docx), the LibreOffice-made ones (.docx, .doc, .odt from
HTML and flat ODT written in lo.py; skipped with a message when soffice is missing), the bad
documents of the NH cases, and a 500-page plan (dai.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

# The fixture modules import one another as `nhap_fixtures.x`, as the tests (rooted in tests/) do.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nhap_fixtures import an_phu, bad, dai, huong_son, lo


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    made = [huong_son.make_typed(folder), huong_son.make_automatic(folder), an_phu.make(folder),
            dai.make_long(folder / "dai-500-trang.docx")]
    if shutil.which("soffice"):
        made.extend(lo.make_all(folder).values())
    else:
        print("soffice không có: bỏ qua các văn bản do LibreOffice tạo (apt-get install libreoffice-writer-nogui)",
              file=sys.stderr)
    for name, setup in bad.NHAP_SETUPS.items():
        setup(folder / f"{name}.yaml")
        made.extend(sorted(p for p in folder.iterdir() if p.name.startswith(name) and p.suffix != ".yaml"))
    for path in made:
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "nhap-fixtures"))
