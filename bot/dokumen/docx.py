"""Building blocks of a formal school document in Word: page, header block, bordered table,
merged cells, signature blocks and a page-numbered footer.

Every piece is real Word structure (paragraphs, tables, fields), never a picture, so a school
can keep editing the file. The helpers take finished texts: the words come from the caller.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DokumenWord
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

HURUF = "Arial"  # on a machine without Arial, Word and LibreOffice use a metric twin
UKURAN_HURUF = Pt(10)
UKURAN_TABEL = Pt(8.5)
WARNA_KEPALA_TABEL = "D9D9D9"

# The schema fixes the order of children; Word calls a file with them out of order corrupt.
_SETELAH_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_SETELAH_TC_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign")
_SETELAH_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


@dataclass(frozen=True)
class BlokTandaTangan:
    """One signature: a line above the role (place and date, or "Menyetujui,"), the role, and
    the name, written under the space left to sign."""

    baris_atas: str
    jabatan: str
    nama: str


def dokumen_baru(
    judul: str, pembuat: str, dibuat: datetime, *, mendatar: bool = False, tepi_mm: float = 15
) -> DokumenWord:
    """An empty A4 document, portrait or landscape (`mendatar`), in the house font, with its
    title, author and time in the file's properties (not "python-docx", 2013)."""
    dokumen = Document()
    properti = dokumen.core_properties
    properti.title, properti.author, properti.comments = judul, pembuat, ""
    properti.last_modified_by = pembuat
    properti.created = properti.modified = dibuat.astimezone(UTC).replace(tzinfo=None)
    bagian = dokumen.sections[0]
    lebar, tinggi = Mm(210), Mm(297)
    bagian.orientation = WD_ORIENT.LANDSCAPE if mendatar else WD_ORIENT.PORTRAIT
    bagian.page_width, bagian.page_height = (tinggi, lebar) if mendatar else (lebar, tinggi)
    for sisi in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(bagian, sisi, Mm(tepi_mm))
    bagian.footer_distance = Mm(7)
    normal = dokumen.styles["Normal"]
    normal.font.name = HURUF
    normal.font.size = UKURAN_HURUF
    # Without eastAsia and cs fonts Word may fall back to its own for some characters.
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for atribut in ("w:eastAsia", "w:cs"):
        rfonts.set(qn(atribut), HURUF)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    return dokumen


def lebar_isi(dokumen: DokumenWord) -> int:
    """The width between the margins, in EMU."""
    bagian = dokumen.sections[0]
    return (
        int(bagian.page_width or 0) - int(bagian.left_margin or 0) - int(bagian.right_margin or 0)
    )


def paragraf(
    tempat: DokumenWord | _Cell,
    teks: str = "",
    *,
    tebal: bool = False,
    miring: bool = False,
    garis_bawah: bool = False,
    ukuran: Pt | None = None,
    rata: WD_ALIGN_PARAGRAPH | None = None,
    jarak_setelah: Pt | None = None,
) -> Paragraph:
    """A paragraph of one run, appended to the document or a table cell."""
    p = tempat.add_paragraph()
    run = p.add_run(teks)
    run.bold, run.italic, run.underline = tebal or None, miring or None, garis_bawah or None
    if ukuran is not None:
        run.font.size = ukuran
    if rata is not None:
        p.alignment = rata
    if jarak_setelah is not None:
        p.paragraph_format.space_after = jarak_setelah
    return p


def _garis_bawah_paragraf(p: Paragraph) -> None:
    """The double rule under a letterhead (thick above thin, as on printed kop surat)."""
    pbdr = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    for atribut, nilai in (("val", "thickThinSmallGap"), ("sz", "18"), ("space", "4")):
        bawah.set(qn(f"w:{atribut}"), nilai)
    bawah.set(qn("w:color"), "000000")
    pbdr.append(bawah)
    p._p.get_or_add_pPr().insert_element_before(pbdr, *_SETELAH_PBDR)


def kop(dokumen: DokumenWord, nama_sekolah: str, baris: Sequence[str]) -> None:
    """The header block: the school's name large, then its lines (NPSN, address), then a rule."""
    tengah = WD_ALIGN_PARAGRAPH.CENTER
    judul = paragraf(dokumen, nama_sekolah, tebal=True, ukuran=Pt(16), rata=tengah)
    judul.runs[0].font.all_caps = True  # shown in capitals, kept as typed for editing
    for i, teks in enumerate(baris):
        p = paragraf(dokumen, teks, ukuran=Pt(10), rata=tengah)
        if i == len(baris) - 1:
            _garis_bawah_paragraf(p)
    paragraf(dokumen)


def judul(dokumen: DokumenWord, utama: str, *anak: str) -> None:
    """A centred bold title with its smaller lines under it."""
    tengah = WD_ALIGN_PARAGRAPH.CENTER
    paragraf(dokumen, utama, tebal=True, ukuran=Pt(14), rata=tengah)
    for teks in anak:
        paragraf(dokumen, teks, ukuran=Pt(10.5), rata=tengah)
    paragraf(dokumen)


def judul_bagian(dokumen: DokumenWord, nomor: int, teks: str) -> None:
    """A numbered section heading ("1. Identitas Sekolah"), kept with what follows it."""
    p = paragraf(dokumen, f"{nomor}. {teks}", tebal=True, ukuran=Pt(11), jarak_setelah=Pt(4))
    p.paragraph_format.space_before = Pt(8)
    p.paragraph_format.keep_with_next = True


def _batas(induk: BaseOxmlElement, nama: str, sisi: Sequence[str], gaya: str, tebal: int) -> None:
    batas = OxmlElement(f"w:{nama}")
    for s in sisi:
        garis = OxmlElement(f"w:{s}")
        garis.set(qn("w:val"), gaya)
        garis.set(qn("w:sz"), str(tebal))
        garis.set(qn("w:space"), "0")
        garis.set(qn("w:color"), "000000" if gaya != "nil" else "auto")
        batas.append(garis)
    induk.insert_element_before(batas, *_SETELAH_TBLBORDERS)


_SISI_TABEL = ("top", "left", "bottom", "right", "insideH", "insideV")


def _tabel(
    dokumen: DokumenWord, lebar_mm: Sequence[float], *, berbingkai: bool, tengah: bool
) -> Table:
    tabel = dokumen.add_table(rows=0, cols=len(lebar_mm))
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER if tengah else WD_TABLE_ALIGNMENT.LEFT
    tabel.autofit = False
    for kolom, lebar in zip(tabel.columns, lebar_mm, strict=True):
        kolom.width = Mm(lebar)
    # Borders on the table itself, not through a style, so they survive a copy and paste.
    _batas(tabel._tbl.tblPr, "tblBorders", _SISI_TABEL, "single" if berbingkai else "nil", 4)
    return tabel


def _tepi_sel(tabel: Table, samping: Mm, atas_bawah: Mm) -> None:
    """Cell padding; Word's default 1.9 mm at the sides wraps dates in narrow columns."""
    mar = OxmlElement("w:tblCellMar")
    for sisi, tepi in (
        ("top", atas_bawah),
        ("left", samping),
        ("bottom", atas_bawah),
        ("right", samping),
    ):
        el = OxmlElement(f"w:{sisi}")
        el.set(qn("w:w"), str(round(tepi.twips)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tabel._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription")


def tabel_berbingkai(
    dokumen: DokumenWord, kepala: Sequence[str], lebar_mm: Sequence[float]
) -> Table:
    """A table with borders and a shaded header row that Word repeats on every page."""
    tabel = _tabel(dokumen, lebar_mm, berbingkai=True, tengah=True)
    _tepi_sel(tabel, Mm(1.5), Mm(0.6))
    baris = tambah_baris(tabel, kepala, tebal=True, rata=WD_ALIGN_PARAGRAPH.CENTER)
    baris_xml = tabel.rows[-1]._tr.get_or_add_trPr()
    baris_xml.append(OxmlElement("w:tblHeader"))
    for sel in baris:
        arsir(sel, WARNA_KEPALA_TABEL)
        sel.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return tabel


def tabel_polos(dokumen: DokumenWord, lebar_mm: Sequence[float], *, tengah: bool = False) -> Table:
    """A table without borders, for layout (identity lines, signature blocks)."""
    return _tabel(dokumen, lebar_mm, berbingkai=False, tengah=tengah)


def arsir(sel: _Cell, warna: str) -> None:
    """Fill a cell with a colour ("D9D9D9")."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    sel._tc.get_or_add_tcPr().insert_element_before(shd, *_SETELAH_TC_SHD)


def isi_sel(
    sel: _Cell,
    teks: str | Sequence[str],
    *,
    tebal: bool = False,
    miring_setelah_pertama: bool = False,
    rata: WD_ALIGN_PARAGRAPH | None = None,
    ukuran: Pt = UKURAN_TABEL,
) -> None:
    """Write text into a cell: one paragraph per line; later lines italic if asked."""
    baris = [teks] if isinstance(teks, str) else list(teks)
    for i, isi in enumerate(baris):
        p = sel.paragraphs[0] if i == 0 else sel.add_paragraph()
        if rata is not None:
            p.alignment = rata
        if not isi:
            continue  # a cell without runs counts as empty, and merging drops it
        run = p.add_run(isi)
        run.font.size = ukuran
        run.bold = tebal or None
        run.italic = (miring_setelah_pertama and i > 0) or None


def tambah_baris(
    tabel: Table,
    nilai: Sequence[str | Sequence[str]],
    *,
    tebal: bool = False,
    rata: WD_ALIGN_PARAGRAPH | Sequence[WD_ALIGN_PARAGRAPH | None] | None = None,
    ukuran: Pt = UKURAN_TABEL,
) -> list[_Cell]:
    """Append a row that Word keeps on one page; `rata` is one alignment or one per column."""
    baris = tabel.add_row()
    baris._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    sel_sel = list(baris.cells)
    for i, (sel, isi) in enumerate(zip(sel_sel, nilai, strict=True)):
        sel.width = tabel.columns[i].width
        perataan = rata[i] if isinstance(rata, Sequence) else rata
        isi_sel(sel, isi, tebal=tebal, miring_setelah_pertama=True, rata=perataan, ukuran=ukuran)
    return sel_sel


def gabung(atas: _Cell, bawah: _Cell) -> _Cell:
    """Merge the rectangle from the `atas` cell down (and across) to the `bawah` cell.

    The first cell's text stays; the others must be empty. Takes the cells `tambah_baris`
    returned: `Table.cell()` rebuilds the whole grid on every call, which made a 20-row plan
    spend most of its time there."""
    return atas.merge(bawah)


def tanda_tangan(
    dokumen: DokumenWord, blok: Sequence[BlokTandaTangan], lebar_mm: float, *, baris_kosong: int = 4
) -> None:
    """Signature blocks side by side, each centred in its column: the line above, the role,
    room to sign, and the name bold and underlined."""
    paragraf(dokumen).paragraph_format.keep_with_next = True
    tabel = tabel_polos(dokumen, [lebar_mm / len(blok)] * len(blok), tengah=True)
    baris = tabel.add_row()
    baris._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    tengah = WD_ALIGN_PARAGRAPH.CENTER
    for sel, b in zip(baris.cells, blok, strict=True):
        sel.width = Mm(lebar_mm / len(blok))
        isi_sel(sel, [b.baris_atas, b.jabatan] + [""] * baris_kosong, rata=tengah, ukuran=Pt(10))
        paragraf(sel, b.nama, tebal=True, garis_bawah=True, rata=tengah)


def _bidang(p: Paragraph, kode: str, ukuran: Pt) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    for jenis in ("begin", "instr", "separate", "hasil", "end"):
        run = p.add_run()
        run.font.size = ukuran  # the field's result takes the size of its runs
        if jenis == "hasil":
            run.text = "1"  # shown until the fields are updated
        elif jenis == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {kode} "
            run._r.append(instr)
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), jenis)
            run._r.append(fld)


def kaki_halaman(dokumen: DokumenWord, catatan: str, kata_halaman: str, kata_dari: str) -> None:
    """The footer: a small note on the left, "Halaman X dari Y" on the right."""
    ukuran = Pt(7.5)
    p = dokumen.sections[0].footer.paragraphs[0]
    tab = p.paragraph_format.tab_stops
    # The Footer style's own stops (centre and right of a portrait Letter page) come first.
    gaya = p.style.paragraph_format.tab_stops if p.style is not None else []
    for stop in gaya:
        tab.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    tab.add_tab_stop(lebar_isi(dokumen), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(f"{catatan}\t{kata_halaman} ").font.size = ukuran
    _bidang(p, "PAGE", ukuran)
    p.add_run(f" {kata_dari} ").font.size = ukuran
    _bidang(p, "NUMPAGES", ukuran)


def simpan(dokumen: DokumenWord) -> bytes:
    """The .docx file as bytes."""
    keluaran = io.BytesIO()
    dokumen.save(keluaran)
    return keluaran.getvalue()
