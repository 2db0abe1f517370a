"""Files are typed by their content: the name and the client's claim do not decide."""

import io
import zipfile

import docx

from bot.layanan.bukti import JENIS_BUKTI
from bot.layanan.jenis_berkas import jenis_isi, tampak_seperti
from tests.percakapan.penjawab import PDF_KECIL, PNG_KECIL


def _zip() -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as z:
        z.writestr("a.txt", "x")
    return keluaran.getvalue()


def _docx() -> bytes:
    keluaran = io.BytesIO()
    docx.Document().save(keluaran)
    return keluaran.getvalue()


def test_jenis_dari_isi() -> None:
    assert jenis_isi(PDF_KECIL) == "application/pdf"
    assert jenis_isi(PNG_KECIL) == "image/png"
    assert jenis_isi(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(40)) == "image/jpeg"
    assert jenis_isi(_zip()) not in JENIS_BUKTI
    assert jenis_isi(_docx()) not in JENIS_BUKTI
    assert jenis_isi(b"Rencana Kerja Tahunan") is None
    assert jenis_isi(b"") is None


def test_tampak_seperti() -> None:
    assert tampak_seperti("rkt.pdf", "application/zip", JENIS_BUKTI)
    assert tampak_seperti("foto.JPEG", None, JENIS_BUKTI)
    assert tampak_seperti(None, "application/pdf", JENIS_BUKTI)
    assert not tampak_seperti("rkt.docx", "application/msword", JENIS_BUKTI)
    assert not tampak_seperti(None, None, JENIS_BUKTI)
