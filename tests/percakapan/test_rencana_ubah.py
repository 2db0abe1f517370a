"""Stage 2 edges over HTTP: a change after approval makes a new version (with audit), a PIC
who left the school blocks approval, a date outside the school year asks first, the pengawas
marks the plan reviewed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import rencana as layanan_rencana
from bot.layanan.aktor import kenali
from bot.layanan.rencana import KegiatanBaru
from db.tabel import audit, komitmen, rencana
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.test_rencana_komitmen import _isi_jawaban_kepala, _ke_tahap_2, _tutup_tahap_1


async def _sekolah_di_tahap_2(app: Any, orang: Callable[[str], Pengguna]) -> dict[str, Pengguna]:
    p = {n: orang(n) for n in ("Pak Budi", "Bu Koor", "Bu Sari", "Pak Pengawas")}
    await daftarkan_sekolah(p["Pak Budi"])
    await gabung(p["Bu Koor"], await undang(p["Pak Budi"], "Koordinator TPMPS"))
    await gabung(p["Bu Sari"], await undang(p["Pak Budi"], "Guru"))
    await gabung(p["Pak Pengawas"], await undang(p["Pak Budi"], "Pengawas"))
    await _ke_tahap_2(p["Pak Budi"])
    await _isi_jawaban_kepala(app, p["Pak Budi"])
    await _tutup_tahap_1(p["Pak Budi"])
    return p


async def _rencana_satu_kegiatan(app: Any, koor: Pengguna, pic: Pengguna) -> None:
    """A one-activity plan made through the same use-cases the conversation calls."""
    lay = app.bot_data[KUNCI_LAYANAN]
    aktor = await kenali(lay, koor.id, koor.nama, None)
    calon = await layanan_rencana.calon_masalah(lay, aktor)
    kode = calon[0].kode
    await layanan_rencana.tambah_masalah(lay, aktor, kode, "sdm", "Guru belum dilatih.")
    await layanan_rencana.tambah_program(lay, aktor, kode, "Pelatihan")
    await layanan_rencana.tambah_kegiatan(
        lay,
        aktor,
        kode,
        1,
        KegiatanBaru(
            "Lokakarya modul ajar",
            pic.id,
            date(2027, 1, 10),
            date(2027, 1, 20),
            500_000,
            "Semua guru punya modul",
            4.0,
        ),
    )


async def test_ubah_setelah_disetujui_versi_baru_dan_audit(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari, pengawas = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"], p["Pak Pengawas"]
    await _rencana_satu_kegiatan(bot, koor, sari)
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu"))
    await kepala.balasan()  # docx
    await kepala.balasan()  # pdf
    await sari.tekan("Saya berkomitmen", await sari.balasan_berisi("Komitmen baru"))

    # As after a restart: the instrument version is read again, inside the plan's query.
    from bot.layanan import instrumen

    instrumen._CACHE.clear()
    await koor.kirim("/perencanaan")
    await koor.tekan("Ubah kegiatan", await koor.balasan_berisi("Rencana Pemenuhan Mutu"))
    await koor.tekan("Lokakarya modul ajar", await koor.balasan_berisi("Pilih kegiatan"))
    await koor.tekan("Tanggal selesai", await koor.balasan_berisi("Bagian mana"))
    await koor.balasan_berisi("Ketik nilai baru")
    await koor.kirim("31 Januari 2027")
    ringkas = await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    assert "Versi 2 · draf" in ringkas.teks and "31 Jan 2027" in ringkas.teks
    await koor.tekan("Ubah akar masalah atau program", ringkas)
    bagian = await koor.balasan_berisi("Bagian mana")
    await koor.tekan(next(t for t in bagian.tombol_datar if t.endswith(": Pelatihan")), bagian)
    await koor.balasan_berisi("Ketik nama baru program 1")
    await koor.kirim("Pelatihan guru bertahap")
    ringkas = await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    assert "Program 1: Pelatihan guru bertahap" in ringkas.teks and "Versi 2" in ringkas.teks

    # A button for a program that is not (or no longer) in the plan: a clear word, no change.
    await koor.tekan_data("rcn:tk:9.9:1", ringkas)
    await koor.balasan_berisi("Tombol itu sudah tidak berlaku")

    # The pengawas sees the plan and marks it reviewed; the managers hear of it.
    await pengawas.kirim("/perencanaan")
    await pengawas.tekan("Tandai sudah ditinjau", await pengawas.balasan_berisi("Rencana"))
    await pengawas.balasan_berisi("catatan tinjauan")
    await pengawas.kirim("Target sudah realistis.")
    await koor.balasan_berisi("sudah meninjau rencana")
    # The pengawas cannot approve; the kepala approves version 2.
    await pengawas.kirim("/perencanaan")
    assert "Setujui rencana" not in (await pengawas.balasan_berisi("Rencana")).tombol_datar
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Versi 2"))
    await kepala.balasan()
    await kepala.balasan()
    await sari.tidak_ada_balasan()  # same PIC: not asked again

    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        versi = [
            (r.versi, r.status, r.komentar_tinjauan) for r in await conn.execute(select(rencana))
        ]
        aksi = [(r.aksi, r.pengguna_id, r.rincian) for r in await conn.execute(select(audit))]
        (k,) = list(await conn.execute(select(komitmen)))
    assert versi == [(1, "disetujui", None), (2, "disetujui", "Target sudah realistis.")]
    ubahan = [a for a in aksi if a[0] == "rencana.ubah_kegiatan"]
    assert ubahan[0][1] == koor.id and ubahan[0][2]["ke"] == "2027-01-31"
    assert [a[0] for a in aksi].count("rencana.versi_baru") == 1
    assert any(
        a[0] == "rencana.ubah_bagian" and a[2]["ke"] == "Pelatihan guru bertahap" for a in aksi
    )
    assert (k.respons, k.pengguna_id) == ("berkomitmen", sari.id)


async def test_pic_keluar_menahan_persetujuan_dan_tanggal_di_luar_tahun_ajaran(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    await _rencana_satu_kegiatan(bot, koor, sari)
    # Bu Sari leaves the school before approval.
    await kepala.kirim("/anggota")
    daftar = await kepala.balasan_berisi("Anggota")
    await kepala.tekan("Bu Sari · Guru", daftar)
    await kepala.api.idle()
    await kepala.tekan("Keluarkan dari sekolah", kepala.pesan(daftar.message_id))
    await kepala.api.idle()
    await kepala.tekan("Ya, keluarkan", kepala.pesan(daftar.message_id))
    await kepala.api.idle()
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu"))
    tolak = await kepala.balasan_berisi("sudah tidak terdaftar")
    assert "Lokakarya modul ajar" in tolak.teks
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert [r.status for r in await conn.execute(select(rencana))] == ["draf"]
        assert list(await conn.execute(select(komitmen))) == []

    # A new activity dated outside the school year asks for confirmation first.
    await koor.kirim("/perencanaan")
    ringkas = await koor.balasan_berisi("Rencana Pemenuhan Mutu")
    tambah = next(t for t in ringkas.tombol_datar if t.startswith("Tambah kegiatan"))
    await koor.tekan(tambah, ringkas)
    await koor.balasan_berisi("Ketik uraian kegiatannya")
    await koor.kirim("Studi banding")
    pic = await koor.balasan_berisi("penanggung jawab")
    assert "Bu Sari" not in pic.tombol_datar and "Bu Koor" in pic.tombol_datar
    await koor.tekan("Bu Koor", pic)
    await koor.balasan_berisi("Kapan kegiatan mulai")
    await koor.kirim("1 Agustus 2027")
    konfirmasi = await koor.balasan_berisi("di luar tahun ajaran 2026/2027")
    assert "Ya, tetap pakai" in konfirmasi.tombol_datar
    await koor.tekan("Ubah", konfirmasi)
    await koor.balasan_berisi("Kapan kegiatan mulai")
    await koor.kirim("1 Mei 2027")
    assert "di luar" not in (await koor.balasan_berisi("Benar?")).teks


async def test_perlu_dibahas_dan_laporan_dikembalikan(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    await _rencana_satu_kegiatan(bot, koor, sari)
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu"))
    minta = await sari.balasan_berisi("Komitmen baru")
    await sari.tekan("Perlu dibahas", minta)
    await sari.balasan_berisi("Apa yang perlu dibahas")
    await sari.kirim("Jadwalnya bentrok dengan ujian.")
    await sari.balasan_berisi("sudah diteruskan ke koordinator")
    kabar = await koor.balasan_berisi("meminta komitmen")
    assert "Jadwalnya bentrok dengan ujian." in kabar.teks
    qid = await sari.tekan_data(minta.data["Saya berkomitmen"], minta)  # changes nothing now
    assert "sudah Anda tanggapi" in (await sari.jawaban_callback(qid)).params["text"]

    # She reports 'selesai' anyway; the coordinator sends it back with a comment.
    await sari.kirim("/lapor")
    await sari.tekan("Lokakarya modul ajar", await sari.balasan_berisi("Komitmen mana"))
    await sari.api.idle()
    await sari.tekan("Selesai")
    await sari.balasan_berisi("Tulis catatan")
    await sari.kirim("Sudah.")
    await sari.tekan("Tanpa bukti", await sari.balasan_berisi("Kirim foto"))
    kabar = await koor.balasan_berisi("Laporan komitmen: Selesai")
    await koor.tekan("Kembalikan", kabar)
    await koor.balasan_berisi("apa yang perlu dilengkapi")
    await koor.kirim("Mohon lampirkan daftar hadir.")
    balik = await sari.balasan_berisi("Koordinator mengembalikan laporan")
    assert "Mohon lampirkan daftar hadir." in balik.teks
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (k,) = list(await conn.execute(select(komitmen)))
    assert (k.respons, k.alasan, k.kemajuan, k.verifikasi) == (
        "perlu_dibahas",
        "Jadwalnya bentrok dengan ujian.",
        "berjalan",
        "dikembalikan",
    )
    assert k.direspons_pada is not None
