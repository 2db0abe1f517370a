"""Issue 14 over HTTP: after a teacher erases their data (/hapusdata), no document a
coordinator or the principal can get (/laporan: Profil Mutu Sekolah, Rencana Pemenuhan Mutu DOCX and
PDF, Monev, Rekap, the Rekap with names) nor the member list carries their name, username or
typed text, while the closed cycle's scores stay as they were."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx import Document
from sqlalchemy import select

from db.tabel import siklus
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.penjawab import PDF_KECIL, PNG_KECIL
from tests.percakapan.test_laporan import REKAP_NAMA, _dokumen, _teks_pdf
from tests.percakapan.test_monev_pengaturan import _disetujui_dan_diterima
from tests.percakapan.test_privasi import _baris, _isi, _teks_xlsx
from tests.percakapan.test_rencana_komitmen import _ke_tahap_2, _tutup_tahap_1

NAMA, USERNAME, CATATAN = "Bu Sari Wulandari", "sari_wulan", "Sesi pertama bersama Pak Joko."
JEJAK = ("Sari", "Wulandari", USERNAME, "Pak Joko")
ANONIM = "anggota yang sudah menghapus data (Guru)"


def _teks_berkas(nama: str, isi: bytes) -> str:
    """The text of a document the bot sent, read back the way a person would open it."""
    if nama.endswith(".pdf"):
        return _teks_pdf(isi)
    if nama.endswith(".xlsx"):
        return _teks_xlsx(isi)
    assert nama.endswith(".docx"), nama
    word = Document(io.BytesIO(isi))
    bagian = [p.text for p in word.paragraphs]
    bagian += [c.text for t in word.tables for c in t._cells]
    return " ".join(bagian)


async def _semua_dokumen(p: Pengguna) -> dict[str, str]:
    """Every document /laporan offers this person, as text, by button and file name."""
    await p.semua_balasan()
    await p.kirim("/laporan")
    daftar = await p.balasan_berisi("Dokumen SMP Negeri 1 Sleman")
    hasil: dict[str, str] = {}
    for label in daftar.tombol_datar:
        await p.tekan(label, daftar)
        for _ in range(2 if "DOCX dan PDF" in label else 1):
            pesan = await _dokumen(p)
            assert pesan.dokumen_nama is not None
            teks = _teks_berkas(pesan.dokumen_nama, pesan.dokumen or b"")
            hasil[f"{label}: {pesan.dokumen_nama}"] = teks
    return hasil


async def _daftar_anggota(p: Pengguna) -> str:
    await p.semua_balasan()
    await p.kirim("/anggota")
    return " ".join(m.teks + " " + " ".join(m.tombol_datar) for m in await p.semua_balasan())


async def test_nama_yang_dihapus_hilang_dari_setiap_dokumen(
    bot: Any, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, sari = orang("Pak Budi"), orang("Bu Koor"), orang(NAMA)
    sari.user = bot_api.register_user(sari.id, NAMA, USERNAME)
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await gabung(sari, await undang(kepala, "Guru"))
    # Her answers inside stage 1, which is then closed: the cycle's scores rest on them.
    await _ke_tahap_2(kepala)
    await _isi(bot, kepala, "kepala_sekolah", 0, PDF_KECIL)
    await _isi(bot, sari, "guru", 1, PNG_KECIL)
    await _tutup_tahap_1(kepala)
    (peta_awal,) = await _baris(bot, select(siklus.c.peta).where(siklus.c.id == 1))
    # She is the PIC of the approved plan's activity, accepted it, and reported on it.
    await _disetujui_dan_diterima(bot, {"Pak Budi": kepala, "Bu Koor": koor, "Bu Sari": sari})
    await sari.semua_balasan()
    await sari.kirim("/lapor")
    await sari.tekan("Lokakarya modul ajar", await sari.balasan_berisi("Komitmen mana"))
    await sari.api.idle()
    await sari.tekan("Berjalan")
    await sari.api.idle()
    await sari.tekan("50%")
    await sari.balasan_berisi("Tulis catatan singkat")
    await sari.kirim(CATATAN)
    await sari.balasan_berisi("Kirim foto atau berkas PDF")
    await sari.kirim_foto(PNG_KECIL)
    assert "Berjalan 50%, dengan bukti" in (await sari.balasan()).teks

    # Before: her name and her note are in the documents and the member list (so the checks
    # below can fail). No document shows a username; it is checked all the same.
    sebelum = await _semua_dokumen(koor)
    assert len(sebelum) == 5, sorted(sebelum)  # Rapor, Rencana DOCX + PDF, Monev, Rekap
    kepala_sebelum = await _semua_dokumen(kepala)
    assert NAMA in kepala_sebelum[next(n for n in kepala_sebelum if n.startswith(REKAP_NAMA))]
    semua_sebelum = " ".join([*sebelum.values(), *kepala_sebelum.values()])
    semua_sebelum += await _daftar_anggota(kepala)
    for jejak in ("Sari", "Wulandari", "Pak Joko"):
        assert jejak in semua_sebelum, jejak
    for nama, teks in sebelum.items():
        if any(d in nama for d in ("Rencana-Pemenuhan-Mutu", "Rekap-Data", "Laporan-Monev")):
            assert "Wulandari" in teks, nama

    await sari.semua_balasan()
    await sari.kirim("/hapusdata")
    konfirmasi = await sari.balasan_berisi("Hapus data pribadi Anda?")
    await sari.tekan("Ya, hapus data saya", konfirmasi)
    await sari.api.idle()
    assert "sudah dihapus" in sari.pesan(konfirmasi.message_id).teks

    # After: no trace in anything the coordinator or the principal can get.
    (peta_akhir,) = await _baris(bot, select(siklus.c.peta).where(siklus.c.id == 1))
    assert peta_akhir == peta_awal
    sesudah = await _semua_dokumen(koor)
    assert sorted(sesudah) == sorted(sebelum)
    (rapor,) = [n for n in sebelum if n.startswith("Profil Mutu")]
    # The same scores, to the last indicator, and the same response table: her answers still
    # count, in the group she answered for.
    assert "Tingkat respons : 33%" in sebelum[rapor]
    assert "Standar Pembiayaan 3,97" in sebelum[rapor]
    assert sesudah[rapor] == sebelum[rapor]
    sesudah.update(
        {f"kepala/{n}": t for n, t in (await _semua_dokumen(kepala)).items()}
    )  # the principal's list adds the Rekap with names
    assert len(sesudah) == 11, sorted(sesudah)
    sesudah["anggota (kepala)"] = await _daftar_anggota(kepala)
    sesudah["anggota (koordinator)"] = await _daftar_anggota(koor)
    for nama, teks in sesudah.items():
        for jejak in JEJAK:
            assert jejak not in teks, (nama, jejak)
    # The plan still has its activity and its PIC line, by role only.
    for nama, teks in sesudah.items():
        if "Rencana-Pemenuhan-Mutu" in nama:
            assert "Lokakarya modul ajar" in teks and ANONIM in teks, nama
    assert "Pak Budi" in sesudah["anggota (kepala)"]
