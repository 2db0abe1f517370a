"""Stage 5 fixes over HTTP: long carry-over lists come in pages of ten (in /strategi and in
the next /perencanaan), closing the cycle survives a lost reply, an approved plan names the
carried drafts still waiting, and a school name with HTML characters is shown as written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import update

from bot.akses import KUNCI_LAYANAN
from bot.layanan import bawaan as layanan_bawaan
from bot.layanan import komitmen as layanan_komitmen
from bot.layanan import monev as layanan_monev
from bot.layanan import rencana as layanan_rencana
from bot.layanan import strategi as layanan_strategi
from bot.layanan.rencana import KegiatanBaru
from db.tabel import kegiatan_bawaan, sekolah
from tests.fakes.pengguna import Pengguna
from tests.percakapan.test_rencana_komitmen import _ke_tahap_2
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2
from tests.percakapan.test_strategi import (
    SUPERVISI,
    _aktor,
    _baris,
    _isi_jawaban,
    _sampai_tahap_4,
    _tutup_tahap_1,
)

BANYAK = 30
NAMA_HTML = "SMP <Negeri> & 1"
PROGRAM = "Penguatan pembelajaran berdiferensiasi melalui komunitas belajar guru mata pelajaran"


def _deskripsi(nomor: int) -> str:
    return (
        f"Kegiatan {nomor:02d}: lokakarya penyusunan modul ajar berdiferensiasi untuk kelas VII "
        "dan VIII, dengan pendampingan oleh guru penggerak dan pengawas pembina sekolah"
    )


async def _tahap_5_banyak_kegiatan(app: Any, p: dict[str, Pengguna]) -> None:
    """A plan of 30 long-named activities, approved and evaluated as not reached, stage 5 open:
    all 30 are carry-over candidates."""
    lay = app.bot_data[KUNCI_LAYANAN]
    koor, kepala, sari = p["Bu Koor"], p["Pak Budi"], p["Bu Sari"]
    ko = await _aktor(app, koor)
    kode = (await layanan_rencana.calon_masalah(lay, ko))[0].kode
    await layanan_rencana.tambah_masalah(lay, ko, kode, "sdm", "Guru belum dilatih.")
    await layanan_rencana.tambah_program(lay, ko, kode, PROGRAM)
    for i in range(1, BANYAK + 1):
        await layanan_rencana.tambah_kegiatan(
            lay,
            ko,
            kode,
            1,
            KegiatanBaru(
                _deskripsi(i), sari.id, date(2027, 1, 10), date(2027, 3, 1), 100_000, "Semua", 4.0
            ),
        )
    hasil = await layanan_komitmen.setujui(lay, await _aktor(app, kepala))
    assert hasil.bawaan_menunggu == 0  # a first cycle has nothing carried over
    await layanan_monev.evaluasi(lay, ko, kode, 1, "tidak", "Belum", "Waktu kurang", "lanjutkan")
    await layanan_strategi.buka(lay, ko)


async def test_daftar_kegiatan_lanjutan_panjang_dibagi_halaman(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor = p["Pak Budi"], p["Bu Koor"]
    await _tahap_5_banyak_kegiatan(bot, p)

    await koor.kirim("/strategi")
    panel = await koor.balasan_berisi("Langkah tahap 5")
    await koor.tekan(f"Kegiatan yang dilanjutkan ({BANYAK})", panel)
    daftar = await koor.balasan_berisi("Kegiatan yang dilanjutkan ke rencana")
    assert "(halaman 1 dari 3)" in daftar.teks
    assert "Kegiatan 01" in daftar.teks and "Kegiatan 10" in daftar.teks
    assert "Kegiatan 11" not in daftar.teks
    assert "‹ Sebelumnya" not in daftar.tombol_datar
    await koor.tekan("Berikutnya ›", daftar)
    await koor.api.idle()
    hal2 = koor.pesan(daftar.message_id)  # edited in place
    assert "(halaman 2 dari 3)" in hal2.teks and "Kegiatan 11" in hal2.teks
    assert "Kegiatan 01" not in hal2.teks and "‹ Sebelumnya" in hal2.tombol_datar
    # Leaving out one on page 2 keeps page 2 in view.
    (tombol_12,) = [t for t in hal2.tombol_datar if t.startswith("✅ Kegiatan 12")]
    await koor.tekan(tombol_12, hal2)
    await koor.api.idle()
    hal2 = koor.pesan(daftar.message_id)
    assert "(halaman 2 dari 3)" in hal2.teks and "⬜ Kegiatan 12" in hal2.teks
    dipilih = {b.deskripsi[:11]: b.dibawa for b in await _baris(bot, kegiatan_bawaan)}
    assert dipilih == {"Kegiatan 12": False}

    await layanan_strategi.tutup(bot.bot_data[KUNCI_LAYANAN], await _aktor(bot, kepala))
    await _ke_tahap_2(kepala)
    await _isi_jawaban(bot, kepala, 1)
    await _tutup_tahap_1(kepala)
    await koor.kirim("/perencanaan")
    calon = await koor.balasan_berisi("Pilih masalah prioritas")
    await koor.tekan(f"Kegiatan lanjutan siklus lalu ({BANYAK - 1})", calon)
    lanjut = await koor.balasan_berisi("Kegiatan lanjutan dari")
    assert "(halaman 1 dari 3)" in lanjut.teks and "10. Kegiatan 10" in lanjut.teks
    assert "Kegiatan 11" not in lanjut.teks  # Kegiatan 12 was left out
    await koor.tekan("Berikutnya ›", lanjut)
    await koor.api.idle()
    await koor.tekan("Berikutnya ›", koor.pesan(lanjut.message_id))
    await koor.api.idle()
    hal3 = koor.pesan(lanjut.message_id)
    assert "(halaman 3 dari 3)" in hal3.teks and "29. Kegiatan 30" in hal3.teks
    assert "Berikutnya ›" not in hal3.tombol_datar
    # Dropping one on page 3 shows page 3 again, one shorter.
    await koor.tekan("Lewati", hal3)
    sisa = await koor.balasan_berisi("Kegiatan lanjutan dari")
    assert "(halaman 3 dari 3)" in sisa.teks and "Kegiatan 22" not in sisa.teks
    assert "21. Kegiatan 23" in sisa.teks


async def test_rencana_disetujui_menyebut_kegiatan_lanjutan_yang_menunggu(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    lay = bot.bot_data[KUNCI_LAYANAN]
    await _tahap_5_banyak_kegiatan(bot, p)
    await layanan_strategi.tutup(lay, await _aktor(bot, kepala))
    await _ke_tahap_2(kepala)
    await _isi_jawaban(bot, kepala, 1)
    await _tutup_tahap_1(kepala)
    # One carried activity taken into the new plan; 29 still wait when the kepala approves.
    ko = await _aktor(bot, koor)
    (pertama, *_) = await layanan_bawaan.menunggu(lay, ko)
    await layanan_bawaan.masukkan(
        lay,
        ko,
        pertama.id,
        KegiatanBaru(
            pertama.deskripsi, sari.id, date(2027, 8, 1), date(2027, 9, 1), 0, "Semua", 4.0
        ),
    )
    await kepala.kirim("/perencanaan")
    rencana = await kepala.balasan_berisi("Rencana Pemenuhan")
    await kepala.tekan("Setujui rencana", rencana)
    await kepala.api.idle()
    teks = kepala.pesan(rencana.message_id).teks
    assert "disetujui" in teks
    assert f"Masih ada {BANYAK - 1} kegiatan lanjutan dari siklus lalu" in teks
    assert "/perencanaan" in teks


async def test_nama_sekolah_dengan_karakter_html_di_keterangan_grafik(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor = p["Pak Budi"], p["Bu Koor"]
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        await conn.execute(update(sekolah).values(nama=NAMA_HTML))
    await _sampai_tahap_4(bot, p)
    await layanan_strategi.buka(lay, await _aktor(bot, koor))
    await koor.semua_balasan()  # what came before, with the old name

    await koor.kirim("/strategi")
    grafik = await koor.balasan_berisi("Skor 8 standar (0-7)")
    assert grafik.foto is not None and NAMA_HTML in grafik.teks
    await koor.balasan_berisi("Langkah tahap 5")
    await koor.kirim("/ringkasan")
    kemajuan = await koor.balasan_berisi("Kegiatan per status")
    assert kemajuan.foto is not None and NAMA_HTML in kemajuan.teks

    await layanan_strategi.tutup(lay, await _aktor(bot, kepala))
    await _ke_tahap_2(kepala)
    await _isi_jawaban(bot, kepala, 1)
    await kepala.semua_balasan()
    await kepala.kirim("/pemetaan")
    panel = await kepala.balasan_berisi("Pemetaan mutu")
    await kepala.tekan("Tutup tahap 1", panel)
    await kepala.api.idle()
    await kepala.tekan("Ya, tutup tahap 1", kepala.pesan(panel.message_id))
    peta = await kepala.balasan_berisi("Skor 8 standar (0-7)")
    assert peta.foto is not None and f"{NAMA_HTML} · 2027/2028" in peta.teks


async def test_satu_tekanan_memuat_tahap_5_sekali(
    bot: Any, orang: Callable[[str], Pengguna], monkeypatch: pytest.MonkeyPatch
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    koor = p["Bu Koor"]
    await _sampai_tahap_4(bot, p)
    await layanan_strategi.buka(bot.bot_data[KUNCI_LAYANAN], await _aktor(bot, koor))
    await koor.kirim("/strategi")
    panel = await koor.balasan_berisi("Langkah tahap 5")
    await koor.tekan("Kegiatan yang dilanjutkan (2)", panel)
    daftar = await koor.balasan_berisi("Kegiatan yang dilanjutkan ke rencana")
    await koor.tekan("Target per standar", panel)
    await koor.tekan("2. Isi", await koor.balasan_berisi("Target per standar untuk"))
    tanya = await koor.balasan_berisi("Target Standar Isi")

    # The quality map is the costly part of stage 5: count its loads per press.
    dimuat: list[int] = []
    asli = layanan_strategi.peta_siklus

    async def peta_dihitung(lay: Any, siklus_id: int) -> Any:
        dimuat.append(siklus_id)
        return await asli(lay, siklus_id)

    monkeypatch.setattr(layanan_strategi, "peta_siklus", peta_dihitung)
    await koor.tekan(f"✅ {SUPERVISI}", daftar)
    await koor.api.idle()
    assert f"⬜ {SUPERVISI}" in koor.pesan(daftar.message_id).teks
    assert len(dimuat) == 1
    dimuat.clear()
    await koor.tekan("Pakai 6,67 (usulan)", tanya)
    simpan = await koor.balasan_berisi("Target Standar Isi tersimpan: 6,67")
    assert "target 6,67" in simpan.teks
    assert len(dimuat) == 1
