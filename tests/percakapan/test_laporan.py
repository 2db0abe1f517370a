"""/laporan over HTTP: the buttons each role gets, each document arriving with its file name
and content, the kepala's names button, a guru refused, the pengawas's workbook across only
their schools, stale buttons, and a doubled press that builds one document."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.test_monev_pengaturan import _disetujui_dan_diterima
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2

RAPOR = "Profil Mutu Sekolah (PDF)"
RENCANA = "Rencana Pemenuhan Mutu (DOCX dan PDF)"
MONEV = "Laporan Monev (PDF)"
REKAP = "Rekap data (XLSX)"
REKAP_NAMA = "Rekap data dengan nama responden (XLSX)"
REKAP_PENGAWAS = "Rekap data semua sekolah binaan (XLSX)"


def _teks_pdf(isi: bytes | None) -> str:
    halaman = PdfReader(io.BytesIO(isi or b"")).pages
    return " ".join(" ".join(h.extract_text() for h in halaman).split())


async def _dokumen(p: Pengguna) -> Pesan:
    """The next document the bot sends this user (skipping text messages)."""
    while True:
        pesan = await p.balasan()
        if pesan.dokumen_nama:
            return pesan


async def test_koordinator_menerima_setiap_dokumen(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    koor, kepala = p["Bu Koor"], p["Pak Budi"]
    await _disetujui_dan_diterima(bot, p)
    await koor.api.idle()
    await koor.semua_balasan()

    await koor.kirim("/laporan")
    daftar = await koor.balasan_berisi("Dokumen SMP Negeri 1 Sleman")
    assert daftar.tombol_datar == [RAPOR, RENCANA, MONEV, REKAP]

    await koor.tekan(RAPOR, daftar)
    rapor = await _dokumen(koor)
    assert rapor.dokumen_nama == "Profil-Mutu_SMP-Negeri-1-Sleman_2026-11-23.pdf"
    teks = _teks_pdf(rapor.dokumen)
    for isi in (
        "SMP NEGERI 1 SLEMAN",
        "PROFIL MUTU SEKOLAH",
        "Standar Kompetensi Lulusan",
        "Standar Pembiayaan",
        "6. Indikator Prioritas",
        "Kepala Sekolah 0 1 1 0%",
        "Guru 0 0 2 0%",
        "Pak Budi",
        "disusun ulang dari sumber sekunder",
    ):
        assert isi in teks, teks.split("Tingkat Respons")[-1][:400]
    assert koor.api.calls_to("sendChatAction")[-1].params["action"] == "upload_document"

    await koor.tekan(RENCANA, daftar)
    docx, pdf = await _dokumen(koor), await _dokumen(koor)
    assert docx.dokumen_nama == "Rencana-Pemenuhan-Mutu_SMP-Negeri-1-Sleman_2026-11-23.docx"
    assert pdf.dokumen_nama == "Rencana-Pemenuhan-Mutu_SMP-Negeri-1-Sleman_2026-11-23.pdf"
    sel = [c.text for t in Document(io.BytesIO(docx.dokumen or b"")).tables for c in t._cells]
    assert "Lokakarya modul ajar" in sel
    assert "Lokakarya modul ajar" in _teks_pdf(pdf.dokumen)

    await koor.tekan(MONEV, daftar)
    monev = await _dokumen(koor)
    assert monev.dokumen_nama == "Laporan-Monev_SMP-Negeri-1-Sleman_2026-11-23.pdf"
    assert "Lokakarya modul ajar Bu Sari" in _teks_pdf(monev.dokumen)

    await koor.tekan(REKAP, daftar)
    rekap = await _dokumen(koor)
    assert rekap.dokumen_nama == "Rekap-Data_SMP-Negeri-1-Sleman_2026-11-23.xlsx"
    wb = load_workbook(io.BytesIO(rekap.dokumen or b""))
    assert wb.sheetnames == ["Jawaban", "Skor", "Rencana", "Komitmen", "Laporan Kemajuan", "Bukti"]
    jawaban = [[c.value for c in r] for r in wb["Jawaban"].iter_rows()]
    assert jawaban[0][0] == "Responden" and "Nama" not in jawaban[0]
    assert len(jawaban) > 30 and {r[0] for r in jawaban[1:]} == {"Kepala Sekolah"}
    assert not any("Pak Budi" in str(v) for r in jawaban for v in r)
    rencana = [[c.value for c in r] for r in wb["Rencana"].iter_rows(min_row=2)]
    assert [(r[6], r[7], r[10]) for r in rencana] == [("Lokakarya modul ajar", "Bu Sari", 500_000)]
    assert [r[2] for r in wb["Komitmen"].iter_rows(min_row=2, values_only=True)] == ["Bu Sari"]

    # The kepala alone sees the workbook with names.
    await kepala.semua_balasan()
    await kepala.kirim("/laporan")
    daftar_kepala = await kepala.balasan_berisi("Dokumen SMP Negeri 1 Sleman")
    assert daftar_kepala.tombol_datar == [RAPOR, RENCANA, MONEV, REKAP, REKAP_NAMA]
    await kepala.tekan(REKAP_NAMA, daftar_kepala)
    wb = load_workbook(io.BytesIO((await _dokumen(kepala)).dokumen or b""))
    baris = list(wb["Jawaban"].iter_rows(max_row=2, values_only=True))
    assert baris[0][:2] == ("Responden", "Nama") and baris[1][:2] == ("Kepala Sekolah", "Pak Budi")
    # A coordinator forging that button gets nothing.
    await koor.tekan_data(f"lap:rekap_nama:{_sekolah_id(daftar)}", daftar)
    await koor.balasan_berisi("belum atau tidak lagi tersedia")
    await koor.tidak_ada_balasan()


def _sekolah_id(pesan: Pesan) -> str:
    return next(iter(pesan.data.values())).rsplit(":", 1)[1]


async def test_guru_ditolak_dan_dokumen_menurut_tahap(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, guru = orang("Pak Budi"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(guru, await undang(kepala, "Guru"))
    await guru.kirim("/laporan")
    tolak = await guru.balasan()
    assert "/laporan hanya untuk Kepala Sekolah, Koordinator TPMPS dan Pengawas" in tolak.teks
    await guru.tidak_ada_balasan()

    # Before stage 1 is closed only the workbook exists; an old Rapor button says so.
    await kepala.kirim("/laporan")
    daftar = await kepala.balasan_berisi("Dokumen")
    assert daftar.tombol_datar == [REKAP, REKAP_NAMA]
    assert "Profil Mutu Sekolah setelah tahap 1 ditutup" in daftar.teks
    await kepala.tekan_data(f"lap:rapor:{_sekolah_id(daftar)}", daftar)
    await kepala.balasan_berisi("belum atau tidak lagi tersedia")
    # A button of another school (from before a change of active school) is stale.
    await kepala.tekan_data("lap:rekap:999", daftar)
    await kepala.balasan_berisi("Tombol itu sudah tidak berlaku")
    await kepala.tidak_ada_balasan()


async def test_tekan_ganda_satu_dokumen(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    await kepala.kirim("/laporan")
    daftar = await kepala.balasan_berisi("Dokumen")
    await kepala.tekan(REKAP, daftar)
    await kepala.tekan(REKAP, daftar)
    semua = await kepala.semua_balasan(diam=1.0)
    dokumen = [m for m in semua if m.dokumen_nama]
    assert [d.dokumen_nama for d in dokumen] == ["Rekap-Data_SMP-Negeri-1-Sleman_2026-11-23.xlsx"]
    assert any("Rekap data (XLSX) sedang disiapkan" in m.teks for m in semua)
    # Once it is sent, a new press builds it again.
    await kepala.tekan(REKAP, daftar)
    assert (await _dokumen(kepala)).dokumen_nama == dokumen[0].dokumen_nama


async def test_pengawas_rekap_hanya_sekolah_binaannya(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    pengawas = p["Pak Pengawas"]
    await _disetujui_dan_diterima(bot, p)
    # Two more schools under Pak Pengawas, and one under another pengawas.
    for npsn, nama, kepala_nama in (
        ("20512346", "SMP Negeri 2 Bantul", "Bu Ani"),
        ("20512347", "SD Negeri 3 Depok", "Pak Dedi"),
    ):
        kepala = orang(kepala_nama)
        await daftarkan_sekolah(kepala, npsn=npsn, nama=nama)
        await gabung(pengawas, await undang(kepala, "Pengawas"))
    lain, pengawas_lain = orang("Bu Lain"), orang("Pak Lain")
    await daftarkan_sekolah(lain, npsn="20512348", nama="SMA Negeri 9 Sleman")
    await gabung(pengawas_lain, await undang(lain, "Pengawas"))
    await pengawas.semua_balasan()

    await pengawas.kirim("/laporan")
    daftar = await pengawas.balasan_berisi("Dokumen")
    assert daftar.tombol_datar == [REKAP_PENGAWAS]  # the active school is still in stage 1
    await pengawas.tekan(REKAP_PENGAWAS, daftar)
    rekap = await _dokumen(pengawas)
    assert rekap.dokumen_nama == "Rekap-Data_Pengawas-Pak-Pengawas_2026-11-23.xlsx"
    wb = load_workbook(io.BytesIO(rekap.dokumen or b""))
    assert wb.sheetnames[0] == "Sekolah"
    sekolah = [r[0] for r in wb["Sekolah"].iter_rows(min_row=2, values_only=True)]
    assert sekolah == [
        "SD Negeri 3 Depok (20512347)",
        "SMP Negeri 1 Sleman (20512345)",
        "SMP Negeri 2 Bantul (20512346)",
    ]
    ringkas = {r[0]: r for r in wb["Sekolah"].iter_rows(min_row=2, values_only=True)}
    sleman = ringkas["SMP Negeri 1 Sleman (20512345)"]
    # NPSN, stage, a score with its category, 1 of 3 respondents partly done, 1 activity.
    assert sleman[1] == "20512345" and sleman[5] == 3 and 0 < sleman[6] < 7
    assert sleman[7].startswith("Menuju SNP") and sleman[8] == 0 and sleman[10] == 1
    assert sleman[11] == 500_000
    assert ringkas["SD Negeri 3 Depok (20512347)"][6] is None  # stage 1 not mapped yet
    for ws in wb.worksheets:
        assert ws["A1"].value == "Sekolah" and ws.freeze_panes == "A2", ws.title
    jawaban = {r[0] for r in wb["Jawaban"].iter_rows(min_row=2, values_only=True)}
    assert jawaban == {"SMP Negeri 1 Sleman (20512345)"}
    komitmen = list(wb["Komitmen"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in komitmen] == [("SMP Negeri 1 Sleman (20512345)", "Bu Sari")]
    assert not any("SMA Negeri 9" in str(c.value) for ws in wb for r in ws.iter_rows() for c in r)

    # In a school past stage 1 the pengawas also gets its Rapor and Rencana.
    await pengawas.kirim("/sekolah")
    await pengawas.tekan("SMP Negeri 1 Sleman", await pengawas.balasan_berisi("sekolah"))
    await pengawas.api.idle()
    await pengawas.semua_balasan()
    await pengawas.kirim("/laporan")
    daftar = await pengawas.balasan_berisi("Dokumen SMP Negeri 1 Sleman")
    assert daftar.tombol_datar == [RAPOR, RENCANA, REKAP_PENGAWAS]
    # The other pengawas's workbook holds only their school.
    await pengawas_lain.semua_balasan()
    await pengawas_lain.kirim("/laporan")
    await pengawas_lain.tekan(REKAP_PENGAWAS, await pengawas_lain.balasan_berisi("Dokumen"))
    wb = load_workbook(io.BytesIO((await _dokumen(pengawas_lain)).dokumen or b""))
    sekolah = [r[0] for r in wb["Sekolah"].iter_rows(min_row=2, values_only=True)]
    assert sekolah == ["SMA Negeri 9 Sleman (20512348)"]
