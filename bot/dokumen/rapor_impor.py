"""Opening a school's Rapor Pendidikan download safely, then reading it (bot.mutu.rapor_impor).

Every check that needs no parsing runs first, on the bytes: the size (10 MB), the magic bytes
(an encrypted workbook is an OLE/CFB file, not a zip; an old .xls is CFB too), the zip
structure (the parts every xlsx has), and the zip's declared uncompressed sizes and ratios, so a
workbook crafted to expand hugely is refused before a byte of it is inflated.

Why a worker thread and not a subprocess with resource limits: after those checks the XML to
parse is bounded (at most BATAS_TERURAI bytes in all), openpyxl's read-only mode streams it row
by row, and we stop reading a sheet after BATAS_BARIS rows and BATAS_KOLOM columns, so memory
and time are bounded by the checks themselves; defusedxml (installed, so openpyxl uses it)
refuses entity expansion. A subprocess would add ~0.5 s of interpreter start and a second
copy of the bytes for every upload to bound what is already bounded. One parse at a time runs
(a semaphore), so two uploads cannot double the peak, and the caller gets an answer within
BATAS_WAKTU seconds even on a slow, shared machine.
"""

from __future__ import annotations

import asyncio
import io
import zipfile

import defusedxml  # noqa: F401  (openpyxl parses through defusedxml when it is importable)
from openpyxl import load_workbook

from bot.mutu.rapor_impor import HasilBaca, Lembar, TidakTerbaca, baca

BATAS_BERKAS = 10 * 1024 * 1024
# All parts together, uncompressed. openpyxl keeps the shared strings in memory even in
# read-only mode, so this is also the bound on what one parse can hold.
BATAS_TERURAI = 100 * 1024 * 1024
BATAS_RASIO = 100  # uncompressed / compressed, per part larger than 1 MB
BATAS_BAGIAN = 5000  # zip entries
BATAS_LEMBAR = 30
BATAS_BARIS = 3000
BATAS_KOLOM = 40
BATAS_WAKTU = 60.0
MAGIC_ZIP = b"PK\x03\x04"
MAGIC_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream an encrypted OOXML package keeps inside its CFB container (MS-OFFCRYPTO).
ALIRAN_TERENKRIPSI = "EncryptedPackage".encode("utf-16-le")
BAGIAN_WAJIB = ("[Content_Types].xml", "xl/workbook.xml")

_satu_satu = asyncio.Semaphore(1)


class BerkasDitolak(Exception):
    """The file is refused before or while parsing; `alasan` names the message key."""

    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


def periksa(isi: bytes) -> None:
    """Refuse, without parsing, what is not a plain xlsx of sensible size (`BerkasDitolak`)."""
    if len(isi) > BATAS_BERKAS:
        raise BerkasDitolak("rapor_besar")
    if isi.startswith(MAGIC_CFB):
        raise BerkasDitolak("rapor_sandi" if ALIRAN_TERENKRIPSI in isi else "rapor_xls")
    if not isi.startswith(MAGIC_ZIP):
        raise BerkasDitolak("rapor_bukan_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
            bagian = arsip.infolist()
    except (zipfile.BadZipFile, ValueError) as galat:
        raise BerkasDitolak("rapor_bukan_xlsx") from galat
    nama = {b.filename for b in bagian}
    if not all(w in nama for w in BAGIAN_WAJIB):
        raise BerkasDitolak("rapor_bukan_xlsx")
    if len(bagian) > BATAS_BAGIAN or sum(b.file_size for b in bagian) > BATAS_TERURAI:
        raise BerkasDitolak("rapor_bom")
    for b in bagian:
        if b.file_size > 1024 * 1024 and b.file_size > BATAS_RASIO * max(b.compress_size, 1):
            raise BerkasDitolak("rapor_bom")


def _lembar(isi: bytes) -> list[Lembar]:
    try:
        buku = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception as galat:  # openpyxl raises many kinds for a broken package
        raise BerkasDitolak("rapor_rusak") from galat
    try:
        semua: list[Lembar] = []
        for ws in buku.worksheets[:BATAS_LEMBAR]:
            baris = [
                tuple(r)
                for r in ws.iter_rows(max_row=BATAS_BARIS, max_col=BATAS_KOLOM, values_only=True)
            ]
            semua.append((ws.title, baris))
        return semua
    except Exception as galat:
        raise BerkasDitolak("rapor_rusak") from galat
    finally:
        buku.close()


def baca_berkas(isi: bytes, nama_berkas: str | None) -> HasilBaca:
    """Check and read a download in this thread; `BerkasDitolak` or `TidakTerbaca` say why not."""
    periksa(isi)
    return baca(_lembar(isi), nama_berkas)


async def baca_berkas_async(isi: bytes, nama_berkas: str | None) -> HasilBaca:
    """`baca_berkas` off the event loop, one at a time, answered within BATAS_WAKTU seconds."""
    periksa(isi)
    async with _satu_satu:
        try:
            return await asyncio.wait_for(
                asyncio.to_thread(baca_berkas, isi, nama_berkas), BATAS_WAKTU
            )
        except TimeoutError as galat:
            raise BerkasDitolak("rapor_lama") from galat


__all__ = ["BerkasDitolak", "TidakTerbaca", "baca_berkas", "baca_berkas_async", "periksa"]
