"""The output formats of each command, one table per command: the CLI reads its choices, file
suffixes, default and help text here, and asks a format for its writer.

A writer is imported only when its format is used (`Format.load`), by a small function
that imports it: `ntm --help` and `ntm validate` read these tables without loading
python-docx, Jinja2, XlsxWriter, pygal or rich. This module imports nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from ntm.present.bao_cao.model import BaoCao
    from ntm.present.document.model import VanBanKeHoach
    from ntm.present.kiem_tra import Reporter
    from ntm.present.output import Ra

    # validate, check (and render's diagnostics): a reporter on `out` for a command, with
    # every criterion or only the unmet ones (show_all), in colour or not
    ReporterFactory = Callable[[Ra, str, bool, bool], Reporter]
    # render: the document view, an office template or None -> the file's bytes
    DocumentWriter = Callable[[VanBanKeHoach, Path | None], bytes]
    # report: the report view -> the file's bytes, whole or in pieces
    ReportWriter = Callable[[BaoCao], bytes | Iterable[bytes]]
    # criteria: the listing, where to write it, the text width
    CriteriaWriter = Callable[[dict[str, Any], Ra, int], None]

W = TypeVar("W")


@dataclass(frozen=True)
class Format(Generic[W]):
    """One output format: `name` (the value of --format), the `suffixes` of an output file
    that choose it (-o), a one-line Vietnamese `help`, and `load`, which imports and returns
    its writer."""

    name: str
    suffixes: tuple[str, ...]
    help: str
    load: Callable[[], W]
    binary: bool = False  # bytes a terminal cannot show: written to a file or a pipe only
    template: str | None = None  # render: the kind of office template (--template) it is built from


@dataclass(frozen=True)
class FormatTable(Generic[W]):
    """The formats of one command, in the order its help lists them."""

    formats: tuple[Format[W], ...]
    default: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.formats)

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(s for f in self.formats for s in f.suffixes)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __getitem__(self, name: str) -> Format[W]:
        for f in self.formats:
            if f.name == name:
                return f
        raise KeyError(name)

    def by_suffix(self, path: str | Path) -> Format[W] | None:
        """The format an output file's name chooses (its suffix, in any case), or None."""
        suffix = Path(path).suffix.lower()
        return next((f for f in self.formats if suffix in f.suffixes), None)

    def choices(self) -> str:
        """`md | docx | pdf`."""
        return " | ".join(self.names)

    def help_text(self) -> str:
        """`text (mặc định: …) | json (JSON Lines) | …` for an option's help."""
        return " | ".join(f"{f.name} ({'mặc định: ' if f.name == self.default else ''}{f.help})"
                          for f in self.formats)

    def suffix_help(self) -> str:
        """`.xlsx (bảng tính) | .html, .htm (trang có biểu đồ) | …` for an output file's help."""
        return " | ".join(f"{', '.join(f.suffixes)} ({f.help})" for f in self.formats if f.suffixes)


# ----------------------------------------------------------------------------- validate, check


def _text() -> ReporterFactory:
    from ntm.present.kiem_tra.text import TextReporter

    return TextReporter


def _json() -> ReporterFactory:
    from ntm.present.kiem_tra.machine import JsonReporter

    return JsonReporter


def _github() -> ReporterFactory:
    from ntm.present.kiem_tra.machine import GithubReporter

    return GithubReporter


def _junit() -> ReporterFactory:
    from ntm.present.kiem_tra.machine import JunitReporter

    return JunitReporter


def _sarif() -> ReporterFactory:
    from ntm.present.kiem_tra.sarif import SarifReporter

    return SarifReporter


def _gitlab() -> ReporterFactory:
    from ntm.present.kiem_tra.gitlab import GitlabReporter

    return GitlabReporter


# Written to standard output, never to a file of their own: no suffixes.
CHECK: FormatTable[ReporterFactory] = FormatTable((
    Format("text", (), "dòng tệp:dòng:cột cho người đọc, bảng màu trên terminal", _text),
    Format("json", (), "JSON Lines, mỗi tệp một dòng", _json),
    Format("github", (), "chú thích GitHub Actions", _github),
    Format("junit", (), "XML JUnit cho GitLab, Jenkins", _junit),
    Format("sarif", (), "SARIF 2.1.0 cho GitHub code scanning", _sarif),
    Format("gitlab", (), "JSON Code Quality của GitLab", _gitlab),
), default="text")


# ----------------------------------------------------------------------------- render


def _markdown() -> DocumentWriter:
    from ntm.present.document.markdown import render_markdown

    def write(doc: VanBanKeHoach, template: Path | None) -> bytes:
        return render_markdown(doc, template).encode("utf-8")

    return write


def _docx() -> DocumentWriter:
    from ntm.present.document.ghi_docx import build_docx

    return build_docx


def _pdf() -> DocumentWriter:
    from ntm.present.document.ghi_docx import build_docx
    from ntm.present.document.pdf import docx_to_pdf

    def write(doc: VanBanKeHoach, template: Path | None) -> bytes:
        return docx_to_pdf(build_docx(doc, template))

    return write


RENDER: FormatTable[DocumentWriter] = FormatTable((
    Format("md", (".md", ".markdown"), "Markdown", _markdown, template="md"),
    Format("docx", (".docx",), "Word, thể thức Nghị định 30/2020/NĐ-CP", _docx, binary=True, template="docx"),
    Format("pdf", (".pdf",), ".docx chuyển qua LibreOffice", _pdf, binary=True, template="docx"),
), default="md")

# The kinds of office template, by the suffix of the template's file.
TEMPLATE_SUFFIXES = {"docx": (".docx",), "md": (".j2", ".jinja", ".jinja2")}


# ----------------------------------------------------------------------------- report


def _xlsx() -> ReportWriter:
    from ntm.present.bao_cao.xlsx import render_xlsx

    return render_xlsx


def _html() -> ReportWriter:
    from ntm.present.bao_cao.html import render_html

    return render_html


def _report_docx() -> ReportWriter:
    from ntm.present.bao_cao.docx_out import render_docx

    return render_docx


def _report_markdown() -> ReportWriter:
    from ntm.present.bao_cao.markdown import render_markdown

    return render_markdown


def _report_json() -> ReportWriter:
    from ntm.present.bao_cao.json_out import render_json

    return render_json


REPORT: FormatTable[ReportWriter] = FormatTable((
    Format("xlsx", (".xlsx",), "bảng tính", _xlsx, binary=True),
    Format("html", (".html", ".htm"), "trang có biểu đồ", _html),
    Format("docx", (".docx",), "Word: các bảng thành phụ lục theo Nghị định 30", _report_docx, binary=True),
    Format("md", (".md", ".markdown"), "Markdown", _report_markdown),
    Format("json", (".json",), "JSON", _report_json),
))


# ----------------------------------------------------------------------------- criteria


def _criteria_text() -> CriteriaWriter:
    from ntm.present.criteria import print_text

    return print_text


def _criteria_json() -> CriteriaWriter:
    from ntm.present.criteria import print_json

    return print_json


CRITERIA: FormatTable[CriteriaWriter] = FormatTable((
    Format("text", (), "danh sách cho người đọc", _criteria_text),
    Format("json", (), "JSON", _criteria_json),
), default="text")
