"""Benahi corrections over HTTP (issue 11, stage 2): after a kegiatan of a Rapor Pendidikan
problem is saved, the koordinator changes its "butuh biaya" and its ARKAS activity from
/perencanaan → Ubah kegiatan, the way the other fields are changed: Tidak clears the ARKAS
activity (and the budget, as the wizard stores it), Ya asks the ARKAS activity from the same
short list (marked unconfirmed) or typed, then the budget when it has none. Each change is
audited, a change after approval makes a new version, and the Lembar Kerja RKT reads back the
new values. A stale button (activity deleted, or the conversation moved on) and a teacher's
crafted button change nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import rencana as layanan_rencana
from bot.layanan.aktor import kenali
from bot.layanan.rencana import KegiatanBaru
from db import rencana as db_rencana
from db.tabel import audit, kegiatan, rencana
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.test_pbd import _impor
from tests.percakapan.test_rencana_komitmen import _isi_jawaban_kepala, _ke_tahap_2, _tutup_tahap_1
from tests.percakapan.test_rencana_ubah import _rencana_satu_kegiatan, _sekolah_di_tahap_2

LITERASI = "03.03.02 Pengembangan Kegiatan Literasi dan Numerasi"
KOMBEL = "04.06.01 Pelaksanaan kegiatan komunitas belajar di satuan pendidikan"


async def _sekolah(app: Any, orang: Callable[[str], Pengguna]) -> dict[str, Pengguna]:
    """A school in stage 2 with a Rapor Pendidikan import and a plan of problem A.1 with two
    kegiatan that need money (made through the use-cases the conversation calls)."""
    p = {n: orang(n) for n in ("Pak Budi", "Bu Koor", "Bu Sari")}
    await daftarkan_sekolah(p["Pak Budi"])
    await gabung(p["Bu Koor"], await undang(p["Pak Budi"], "Koordinator TPMPS"))
    await gabung(p["Bu Sari"], await undang(p["Pak Budi"], "Guru"))
    await _ke_tahap_2(p["Pak Budi"])
    await _isi_jawaban_kepala(app, p["Pak Budi"])
    await _tutup_tahap_1(p["Pak Budi"])
    await _impor(p["Bu Koor"])
    lay = app.bot_data[KUNCI_LAYANAN]
    aktor = await kenali(lay, p["Bu Koor"].id, p["Bu Koor"].nama, None)
    await layanan_rencana.tambah_masalah(lay, aktor, "A.1", "pembelajaran", "Jarang refleksi.")
    await layanan_rencana.tambah_program(lay, aktor, "A.1", "Penguatan literasi")
    for uraian in ("Kombel literasi", "Pojok baca kelas"):
        await layanan_rencana.tambah_kegiatan(
            lay,
            aktor,
            "A.1",
            1,
            KegiatanBaru(
                uraian,
                p["Bu Sari"].id,
                date(2027, 2, 1),
                date(2027, 2, 28),
                2_000_000,
                "Semua guru ikut",
                55.0,
                butuh_biaya=True,
                arkas_kode="03.03.02",
                arkas_nama="Pengembangan Kegiatan Literasi dan Numerasi",
            ),
        )
    return p


async def _baris(app: Any) -> dict[str, tuple[Any, ...]]:
    """The kegiatan of the newest plan version: uraian -> (butuh biaya, ARKAS code, name,
    budget, key)."""
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        terbaru = max(r.id for r in await conn.execute(select(rencana)))
        baris = list(await conn.execute(select(kegiatan)))
        _, _, milik = await db_rencana.isi(conn, terbaru)
    ids = {b.id for b in milik}
    return {
        b.deskripsi: (b.butuh_biaya, b.arkas_kode, b.arkas_nama, b.anggaran, b.kunci)
        for b in baris
        if b.id in ids
    }


async def _audit_ubah(app: Any) -> list[dict[str, Any]]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return [
            r.rincian
            for r in await conn.execute(select(audit).order_by(audit.c.id))
            if r.aksi == "rencana.ubah_kegiatan"
        ]


async def _bidang(koor: Pengguna, uraian: str) -> Any:
    """/perencanaan → Ubah kegiatan → the kegiatan: the fields it offers."""
    await koor.kirim("/perencanaan")
    await koor.tekan("Ubah kegiatan", await koor.balasan_berisi("Rencana Pemenuhan Mutu"))
    await koor.tekan(uraian, await koor.balasan_berisi("Pilih kegiatan"))
    return await koor.balasan_berisi("Bagian mana")


async def _rkt(koor: Pengguna) -> list[tuple[Any, ...]]:
    """The Lembar Kerja RKT from /laporan, its kegiatan rows."""
    await koor.kirim("/laporan")
    daftar = await koor.balasan_berisi("dokumen")
    await koor.tekan("Lembar Kerja RKT (XLSX dan DOCX)", daftar)
    xlsx = None
    for _ in range(2):
        p = await koor.balasan()
        if p.dokumen_nama and p.dokumen_nama.endswith(".xlsx"):
            xlsx = p.dokumen
    assert xlsx
    ws = load_workbook(io.BytesIO(xlsx)).active
    assert ws is not None
    semua = list(ws.iter_rows(values_only=True))
    awal = next(i for i, r in enumerate(semua) if r[1] == "Identifikasi")
    return [r for r in semua[awal + 1 :] if isinstance(r[0], int)]


async def test_ubah_butuh_biaya_dan_arkas_diaudit_dan_terbaca_di_rkt(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah(bot, orang)
    koor, kepala = p["Bu Koor"], p["Pak Budi"]
    # Approved first: the change makes version 2.
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu"))

    bidang = await _bidang(koor, "Kombel literasi")
    assert {"Butuh biaya", "Kegiatan ARKAS"} <= set(bidang.tombol_datar)
    assert "Butuh biaya: Ya · Rp" in bidang.teks
    assert f"\nKegiatan ARKAS: {LITERASI} (daftar ARKAS belum terkonfirmasi)\nBagian" in bidang.teks
    await koor.tekan("Butuh biaya", bidang)
    tanya = await koor.balasan_berisi("butuh biaya")
    await koor.kirim("tidak")  # typed where a button is wanted: the question again
    tanya = await koor.balasan_berisi("Mohon pilih salah satu tombol")
    assert "butuh biaya" in tanya.teks
    assert (await _baris(bot))["Kombel literasi"][:4] == (True, "03.03.02", LITERASI[9:], 2_000_000)
    await koor.tekan("Tidak butuh biaya", tanya)
    ringkas = await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    assert "Versi 2 · draf" in ringkas.teks
    assert (await _baris(bot))["Kombel literasi"][:4] == (False, None, None, 0)
    assert (await _baris(bot))["Pojok baca kelas"][:2] == (True, "03.03.02")
    (satu,) = await _audit_ubah(bot)
    assert satu["bidang"] == "butuh_biaya" and satu["dari"]["arkas_kode"] == "03.03.02"
    assert satu["ke"] == {
        "butuh_biaya": False,
        "arkas_kode": None,
        "arkas_nama": None,
        "anggaran": 0,
    }

    # And back: Ya asks the ARKAS activity from the short list, marked unconfirmed.
    bidang = await _bidang(koor, "Kombel literasi")
    assert "Butuh biaya: Tidak\nBagian mana" in bidang.teks and "ARKAS:" not in bidang.teks
    await koor.tekan("Butuh biaya", bidang)
    await koor.tekan("Ya, butuh biaya", await koor.balasan_berisi("butuh biaya"))
    arkas = await koor.balasan_berisi("Kegiatan ARKAS")
    assert "belum terkonfirmasi" in arkas.teks
    assert any(t.startswith("04.06.01") for t in arkas.tombol_datar)
    await koor.kirim("99.9 sembarang")  # a code of another shape: the question again
    lagi = await koor.balasan_berisi("Kegiatan ARKAS itu belum terbaca")
    assert lagi.tombol_datar == arkas.tombol_datar
    assert (await _baris(bot))["Kombel literasi"][0] is False
    await koor.tekan(next(t for t in lagi.tombol_datar if t.startswith("04.06.01")), lagi)
    # Stored; it had no budget (Tidak made it Rp0): the budget is asked, as Benahi asks it.
    await koor.balasan_berisi("anggarannya masih Rp0")
    assert (await _baris(bot))["Kombel literasi"][:4] == (True, "04.06.01", KOMBEL[9:], 0)
    await koor.kirim("1,5 juta")
    await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    assert (await _baris(bot))["Kombel literasi"][3] == 1_500_000

    # The ARKAS activity alone, typed as the wizard allows.
    await koor.tekan("Kegiatan ARKAS", await _bidang(koor, "Pojok baca kelas"))
    await koor.balasan_berisi("Kegiatan ARKAS")
    await koor.kirim("02.02.01 Pemberdayaan perpustakaan kelas")
    await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    assert (await _baris(bot))["Pojok baca kelas"][:4] == (
        True,
        "02.02.01",
        "Pemberdayaan perpustakaan kelas",
        2_000_000,
    )
    assert [a["bidang"] for a in await _audit_ubah(bot)] == [
        "butuh_biaya",
        "butuh_biaya",
        "anggaran",
        "butuh_biaya",
    ]

    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        versi = [(r.versi, r.status) for r in await conn.execute(select(rencana))]
    assert versi == [(1, "disetujui"), (2, "draf")]

    kombel, pojok = await _rkt(koor)
    assert kombel[4] == "Kombel literasi" and kombel[6] == "Ya"
    assert str(kombel[7]).startswith(KOMBEL) and kombel[11] == 1_500_000
    assert pojok[4] == "Pojok baca kelas" and pojok[6] == "Ya"
    assert str(pojok[7]).startswith("02.02.01 Pemberdayaan perpustakaan kelas")

    # Tidak once more: the sheet says Tidak with no ARKAS activity.
    await koor.tekan("Butuh biaya", await _bidang(koor, "Pojok baca kelas"))
    await koor.tekan("Tidak butuh biaya", await koor.balasan_berisi("butuh biaya"))
    await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    _, pojok = await _rkt(koor)
    assert pojok[6] == "Tidak" and not pojok[7] and pojok[11] == 0


async def test_tombol_usang_dan_tombol_guru_tidak_mengubah_apa_pun(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah(bot, orang)
    koor, sari = p["Bu Koor"], p["Bu Sari"]
    awal = await _baris(bot)

    # The activity deleted while its question waits: stale, nothing changed.
    await koor.tekan("Butuh biaya", await _bidang(koor, "Kombel literasi"))
    tanya = await koor.balasan_berisi("butuh biaya")
    lay = bot.bot_data[KUNCI_LAYANAN]
    kepala = await kenali(lay, p["Pak Budi"].id, p["Pak Budi"].nama, None)
    await layanan_rencana.hapus_kegiatan(lay, kepala, awal["Kombel literasi"][4])
    await koor.tekan("Tidak butuh biaya", tanya)
    await koor.balasan_berisi("Tombol itu sudah tidak berlaku")
    await koor.tekan("Ya, butuh biaya", tanya)
    await koor.balasan_berisi("Tombol itu sudah tidak berlaku")
    assert await _audit_ubah(bot) == []

    # The conversation moved on (/perencanaan again): the old question's buttons are stale.
    await koor.tekan("Kegiatan ARKAS", await _bidang(koor, "Pojok baca kelas"))
    arkas = await koor.balasan_berisi("Kegiatan ARKAS")
    await koor.tekan("Butuh biaya", await _bidang(koor, "Pojok baca kelas"))
    tanya = await koor.balasan_berisi("butuh biaya")
    # The ARKAS list of the earlier question, while Ya/Tidak waits: for another step, stale.
    await koor.tekan(arkas.tombol_datar[0], arkas)
    await koor.balasan_berisi("Tombol itu sudah tidak berlaku")
    await koor.kirim("/perencanaan")
    await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    await koor.tekan("Tidak butuh biaya", tanya)
    await koor.balasan_berisi("Tombol itu sudah tidak berlaku")
    await koor.tekan(arkas.tombol_datar[0], arkas)
    await koor.balasan_berisi("Tombol itu sudah tidak berlaku")
    # A crafted ARKAS code that is not on the list: stale too.
    kunci = awal["Pojok baca kelas"][4]
    await koor.tekan_data(f"rcn:uark:{kunci}:99.99.99", arkas)
    await koor.balasan_berisi("Tombol itu sudah tidak berlaku")

    # A teacher's crafted buttons: refused, nothing changed.
    await sari.kirim("/perencanaan")
    pesan = await sari.balasan()
    await sari.tekan_data(f"rcn:uby:{kunci}:0", pesan)
    await sari.balasan_berisi("hanya untuk")
    await sari.tekan_data(f"rcn:uf:{kunci}:butuh_biaya", pesan)
    await sari.balasan_berisi("hanya untuk")
    assert await _audit_ubah(bot) == []
    assert (await _baris(bot))["Pojok baca kelas"] == awal["Pojok baca kelas"]


async def test_kegiatan_evaluasi_diri_tanpa_biaya_dan_arkas(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    """A kegiatan of the school's own SNP evaluation was never asked "butuh biaya": not offered,
    and a crafted button for it is stale."""
    p = await _sekolah_di_tahap_2(bot, orang)
    koor = p["Bu Koor"]
    await _rencana_satu_kegiatan(bot, koor, p["Bu Sari"])
    awal = await _baris(bot)
    bidang = await _bidang(koor, "Lokakarya modul ajar")
    assert "Butuh biaya" not in bidang.tombol_datar and "Kegiatan ARKAS" not in bidang.tombol_datar
    assert "Butuh biaya:" not in bidang.teks
    kunci = awal["Lokakarya modul ajar"][4]
    for data in (f"rcn:uf:{kunci}:butuh_biaya", f"rcn:uf:{kunci}:arkas", f"rcn:uby:{kunci}:0"):
        await koor.tekan_data(data, bidang)
        await koor.balasan_berisi("Tombol itu sudah tidak berlaku")
    assert await _audit_ubah(bot) == [] and await _baris(bot) == awal
