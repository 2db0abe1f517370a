"""Stage 5 over HTTP: /strategi after a school went through stages 1-4; carry-over, targets
(one refused below the SNP threshold), closing by the kepala_sekolah only and once, the Laporan
Siklus SPMI, the next cycle at stage 1 with the targets on its map and the carried draft in
its /perencanaan; a second cycle compared with the first."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.app import KUNCI_PENGIRIM
from bot.layanan import bawaan as layanan_bawaan
from bot.layanan import monev as layanan_monev
from bot.layanan import rencana as layanan_rencana
from bot.layanan import strategi as layanan_strategi
from bot.layanan.aktor import Aktor, kenali
from bot.layanan.instrumen_berkas import bawaan as instrumen_bawaan
from bot.layanan.rencana import KegiatanBaru
from bot.mutu.instrumen import skor_jawaban
from bot.mutu.skor import bulat
from bot.render import angka
from db import jawaban as db_jawaban
from db import siklus as db_siklus
from db.tabel import jawaban, kegiatan, kegiatan_bawaan, pengingat, siklus, target_standar
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.test_rencana_komitmen import _ke_tahap_2
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2
from tests.percakapan.test_ringkasan import _tanpa_jeda

LOKAKARYA, SUPERVISI = "Lokakarya modul ajar", "Supervisi kelas"


async def _aktor(app: Any, p: Pengguna) -> Aktor:
    return await kenali(app.bot_data[KUNCI_LAYANAN], p.id, p.nama, None)


async def _rencana_dua_program(app: Any, koor: Pengguna, pic: Pengguna) -> str:
    """A plan with two programs of one activity each, made through the stage-2 use-cases."""
    lay = app.bot_data[KUNCI_LAYANAN]
    aktor = await _aktor(app, koor)
    kode = (await layanan_rencana.calon_masalah(lay, aktor))[0].kode
    await layanan_rencana.tambah_masalah(lay, aktor, kode, "sdm", "Guru belum dilatih.")
    for nomor, (program, deskripsi, mulai) in enumerate(
        (("Pelatihan", LOKAKARYA, date(2027, 1, 10)), ("Supervisi", SUPERVISI, date(2027, 2, 1))),
        1,
    ):
        await layanan_rencana.tambah_program(lay, aktor, kode, program)
        await layanan_rencana.tambah_kegiatan(
            lay,
            aktor,
            kode,
            nomor,
            KegiatanBaru(deskripsi, pic.id, mulai, date(2027, 3, 1), 500_000, "Semua guru", 4.0),
        )
    return kode


async def _setujui(kepala: Pengguna, sari: Pengguna, jumlah: int) -> None:
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan"))
    for _ in range(jumlah):
        await sari.tekan("Saya berkomitmen", await sari.balasan_berisi("Komitmen baru"))
        await sari.api.idle()


async def _sampai_tahap_4(app: Any, p: dict[str, Pengguna]) -> str:
    """Stages 1-3 as the other tests do them, then program 1 evaluated (stage 4)."""
    kode = await _rencana_dua_program(app, p["Bu Koor"], p["Bu Sari"])
    await _setujui(p["Pak Budi"], p["Bu Sari"], 2)
    await layanan_monev.evaluasi(
        app.bot_data[KUNCI_LAYANAN],
        await _aktor(app, p["Bu Koor"]),
        kode,
        1,
        "sebagian",
        "Skor naik ke 3,5",
        "Jadwal bentrok dengan ujian",
        "lanjutkan",
    )
    return kode


async def _baris(app: Any, tabel: Any, *syarat: Any) -> list[Any]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return list(await conn.execute(select(tabel).where(*syarat)))


def _teks_pdf(pesan: Pesan) -> str:
    halaman = PdfReader(io.BytesIO(pesan.dokumen or b"")).pages
    return " ".join(" ".join(h.extract_text() for h in halaman).split())


async def _isi_jawaban(app: Any, kepala: Pengguna, geser: int) -> None:
    """The principal's answers straight into the open cycle; `geser` changes them."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        c = await db_siklus.terbuka(conn, 1)
        assert c is not None
        for i, q in enumerate(
            q for q in instrumen_bawaan().pertanyaan_untuk("kepala_sekolah") if q.jika is None
        ):
            j = i + geser
            nilai = {
                "ya_tidak": "ya" if j % 3 else "tidak",
                "angka": str(2 + geser),
                "persen": str(40 + 10 * geser),
                "teks": "-",
            }
            await db_jawaban.simpan(
                conn,
                siklus_id=c.id,
                pengguna_id=kepala.id,
                responden="kepala_sekolah",
                pertanyaan_kode=q.kode,
                nilai=nilai.get(q.jenis, str(j % 4 if q.jenis == "skala" else 0)),
                waktu=lay.sekarang(),
            )


async def _tutup_tahap_1(kepala: Pengguna) -> Pesan:
    """Close stage 1; returns the quality map (the panel message, edited)."""
    await kepala.kirim("/pemetaan")
    panel = await kepala.balasan_berisi("Pemetaan mutu")
    await kepala.tekan("Tutup tahap 1", panel)
    await kepala.api.idle()
    await kepala.tekan("Ya, tutup tahap 1", kepala.pesan(panel.message_id))
    await kepala.balasan()  # the chart
    await kepala.api.idle()
    return kepala.pesan(panel.message_id)


async def test_strategi_menutup_siklus_dan_membuka_siklus_berikut(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari, pengawas = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"], p["Pak Pengawas"]
    await koor.kirim("/strategi")  # stage 2: too early
    await koor.balasan_berisi("dibuka setelah monev")
    await _sampai_tahap_4(bot, p)

    # Opening stage 5 names the program not evaluated yet and asks first.
    await koor.kirim("/strategi")
    panel = await koor.balasan_berisi("sedang di tahap 4")
    assert "Supervisi" in panel.teks and "belum dievaluasi" in panel.teks
    await koor.tekan("Buka tahap 5 (strategi)", panel)
    konfirmasi = await koor.balasan_berisi("Buka tahap 5?")
    assert "Supervisi" in konfirmasi.teks
    await koor.tekan("Ya, buka tahap 5", konfirmasi)
    banding = await koor.balasan_berisi("Strategi dan standar baru")
    assert "Ini siklus pertama sekolah" in banding.teks
    assert "⚠️" in banding.teks and "Pelatihan: target tercapai sebagian" in banding.teks
    assert "Supervisi: belum dievaluasi" in banding.teks
    grafik = await koor.balasan_berisi("Skor 8 standar (0-7)")
    assert grafik.foto is not None and grafik.foto.startswith(b"\x89PNG")
    langkah = await koor.balasan_berisi("Langkah tahap 5")
    assert "Tutup siklus" not in " ".join(langkah.tombol_datar)  # the kepala closes
    ((c,),) = [(b.tahap,) for b in await _baris(bot, siklus)]
    assert c == 5

    # The pengawas sees the comparison without buttons.
    await pengawas.kirim("/strategi")
    await pengawas.balasan_berisi("Strategi dan standar baru")
    assert (await pengawas.balasan_berisi("Langkah tahap 5")).tombol_datar == []

    # Carry-over: both activities are candidates; Supervisi is left out (twice: same result).
    await koor.tekan("Kegiatan yang dilanjutkan (2)", langkah)
    daftar = await koor.balasan_berisi("Kegiatan yang dilanjutkan ke rencana 2027/2028")
    assert f"✅ {LOKAKARYA}" in daftar.teks and f"✅ {SUPERVISI}" in daftar.teks
    data_lepas = daftar.data[f"✅ {SUPERVISI}"]
    await koor.tekan(f"✅ {SUPERVISI}", daftar)
    await koor.api.idle()
    assert f"⬜ {SUPERVISI}" in koor.pesan(daftar.message_id).teks
    await koor.tekan_data(data_lepas, daftar)  # the doubled press
    await koor.api.idle()
    dipilih = {b.deskripsi: b.dibawa for b in await _baris(bot, kegiatan_bawaan)}
    assert dipilih == {SUPERVISI: False}

    # Targets: below the SNP threshold is refused with the question again; typed 6,9 is kept.
    await koor.tekan("Target per standar", langkah)
    daftar_target = await koor.balasan_berisi("Target per standar untuk 2027/2028")
    assert "ambang SNP 6,67" in daftar_target.teks
    await koor.tekan("1. SKL", daftar_target)
    await koor.balasan_berisi("Target Standar Kompetensi Lulusan")
    await koor.kirim("5,5")
    tolak = await koor.balasan_berisi("di bawah batas")
    assert "sekurang-kurangnya 6,67" in tolak.teks
    assert "Target Standar Kompetensi Lulusan" in tolak.teks  # the question again
    assert await _baris(bot, target_standar) == []
    await koor.kirim("6,9")
    simpan = await koor.balasan_berisi("tersimpan: 6,90")
    assert "target 6,90" in simpan.teks
    await koor.tekan("2. Isi", simpan)
    await koor.tekan("Pakai 6,67 (usulan)", await koor.balasan_berisi("Target Standar Isi"))
    await koor.balasan_berisi("Target Standar Isi tersimpan: 6,67")

    # A koordinator cannot close, even with the button's data.
    await koor.tekan_data("stg:tutup:ya", langkah)
    await koor.balasan_berisi("hanya untuk Kepala Sekolah")
    assert [b.status for b in await _baris(bot, siklus)] == ["terbuka"]

    # The kepala closes; a doubled press closes once and opens one next cycle.
    sebelum = await _baris(bot, pengingat, pengingat.c.status == "direncanakan")
    sebelum_siklus = [
        b for b in sebelum if b.rujukan.startswith("komitmen:") or b.jenis == "monev_mingguan"
    ]
    assert {b.jenis for b in sebelum_siklus} >= {"komitmen", "monev_mingguan"}
    await kepala.kirim("/strategi")
    panel_ks = await kepala.balasan_berisi("Langkah tahap 5")
    await kepala.tekan("Tutup siklus 2026/2027", panel_ks)
    tanya = await kepala.balasan_berisi("Tutup siklus 2026/2027?")
    assert "1 kegiatan dilanjutkan" in tanya.teks and "2 ditetapkan, 6 memakai usulan" in tanya.teks
    await kepala.tekan("Ya, tutup siklus", tanya)
    await kepala.tekan("Ya, tutup siklus", tanya)
    balasan: list[Pesan] = []
    while sum(b.dokumen is not None for b in balasan) < 2:  # the PDFs are built off the loop
        balasan.append(await kepala.balasan())
    (ulang,) = [b for b in balasan if "sudah ditutup" in b.teks]
    assert "/laporan" in ulang.teks
    dok, lagi = [b for b in balasan if b.dokumen is not None]  # the second press sends it again
    assert lagi.dokumen_nama == dok.dokumen_nama
    assert "Siklus 2026/2027 ditutup" in kepala.pesan(tanya.message_id).teks
    assert dok.dokumen_nama and dok.dokumen_nama.startswith("Laporan-Siklus-SPMI_SMP-Negeri-1")
    teks = _teks_pdf(dok)
    for isi in ("LAPORAN SIKLUS SPMI", "Ini siklus pertama sekolah", LOKAKARYA, "Pak Budi"):
        assert isi in teks, isi
    assert "1 Standar Kompetensi Lulusan" in teks and "6,90" in teks
    _tanpa_jeda(bot)
    await bot.bot_data[KUNCI_PENGIRIM].putaran()  # the notice, planned when the cycle closed
    kabar = await koor.balasan_berisi("Siklus 2026/2027 ditutup")
    assert "oleh Pak Budi" in kabar.teks and "/laporan" in kabar.teks
    # The report comes with the notice's button, built when asked for (nothing sent directly).
    await koor.tekan("📄 Unduh Laporan Siklus SPMI", kabar)
    assert (await koor.balasan()).dokumen_nama == dok.dokumen_nama

    semua = await _baris(bot, siklus)
    assert [(c.tahun_ajaran, c.status, c.tahap) for c in semua] == [
        ("2026/2027", "selesai", 5),
        ("2027/2028", "terbuka", 1),
    ]
    lama, baru = semua
    assert lama.ditutup_pada is not None
    target = {t.standar_kode: t for t in await _baris(bot, target_standar)}
    assert len(target) == 8 and {t.siklus_tujuan_id for t in target.values()} == {baru.id}
    assert (target["SKL"].target, target["SKL"].ditetapkan_oleh) == (6.9, koor.id)
    assert target["PTK"].ditetapkan_oleh is None  # the default, filled in at closing
    dibawa = await _baris(bot, kegiatan_bawaan, kegiatan_bawaan.c.siklus_tujuan_id == baru.id)
    assert [b.deskripsi for b in dibawa] == [LOKAKARYA]
    # What was about the old cycle is cancelled; school-wide summaries may go on.
    menunggu = await _baris(bot, pengingat, pengingat.c.status == "direncanakan")
    assert not [b for b in menunggu if b.jenis in {b.jenis for b in sebelum_siklus}], menunggu

    # Stale buttons after closing say so.
    await koor.tekan_data(daftar.data[f"✅ {LOKAKARYA}"], daftar)
    await koor.balasan_berisi("tidak sedang di tahap 5")

    # The next cycle: its map shows the targets beside the scores.
    await _ke_tahap_2(kepala)
    await _isi_jawaban(bot, kepala, 1)
    peta = await _tutup_tahap_1(kepala)
    assert "Peta Mutu SMP Negeri 1 Sleman · 2027/2028" in peta.teks
    assert "Target sekolah 6,90 · ⚠️ kurang" in peta.teks
    assert len(re.findall(r"Target sekolah \d,\d\d", peta.teks)) == 8, peta.teks

    # Its /perencanaan offers the carried draft; taking it asks for new dates.
    await koor.kirim("/perencanaan")
    calon = await koor.balasan_berisi("Pilih masalah prioritas")
    await koor.tekan("Kegiatan lanjutan siklus lalu (1)", calon)
    await koor.tekan(f"Ambil: {LOKAKARYA}", await koor.balasan_berisi("Kegiatan lanjutan dari"))
    await koor.balasan_berisi(f"PIC tetap {sari.nama}")
    await koor.balasan_berisi("Kapan kegiatan mulai")
    await koor.kirim("10 Agustus 2027")
    await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))
    await koor.balasan_berisi("Kapan kegiatan selesai")
    await koor.kirim("30 Agustus 2027")
    await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))
    await koor.balasan_berisi(f"Kegiatan tersimpan: {LOKAKARYA}")
    baris = await _baris(bot, kegiatan, kegiatan.c.deskripsi == LOKAKARYA)
    assert [(k.mulai, k.pic_id) for k in baris][-1] == (date(2027, 8, 10), sari.id)
    (b,) = await _baris(bot, kegiatan_bawaan, kegiatan_bawaan.c.siklus_tujuan_id == baru.id)
    assert (b.status, b.kegiatan_kunci_baru) == ("diambil", baris[-1].kunci)


async def _skor_tangan(app: Any, siklus_id: int) -> dict[str, float]:
    """Standard scores by hand: an indicator is the mean of its answer scores (one respondent,
    weight 1), a standard the mean of its scored indicators."""
    inst = instrumen_bawaan()
    per_indikator: dict[str, list[float]] = {}
    for j in await _baris(app, jawaban, jawaban.c.siklus_id == siklus_id):
        q = inst.pertanyaan(j.pertanyaan_kode)
        s = skor_jawaban(q, j.nilai, skala=(0, 7)) if q.dinilai else None
        if s is not None:
            per_indikator.setdefault(q.indikator_kode, []).append(s)
    hasil = {}
    for st in inst.standar:
        rerata = [sum(v) / len(v) for i in st.indikator if (v := per_indikator.get(i.kode))]
        if rerata:
            hasil[st.nama] = sum(rerata) / len(rerata)
    return hasil


async def test_siklus_kedua_dibandingkan_dengan_siklus_pertama(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    lay = bot.bot_data[KUNCI_LAYANAN]
    await _sampai_tahap_4(bot, p)
    ks, ko = await _aktor(bot, kepala), await _aktor(bot, koor)
    await layanan_strategi.buka(lay, ko)
    await layanan_strategi.tutup(lay, ks)

    # Cycle 2 through stages 1-4, the carried activities taken into its plan.
    await _ke_tahap_2(kepala)
    await _isi_jawaban(bot, kepala, 2)
    await _tutup_tahap_1(kepala)
    for b in await layanan_bawaan.menunggu(lay, ko):
        baru = KegiatanBaru(
            b.deskripsi,
            b.pic_id,
            date(2027, 8, 1),
            date(2027, 9, 1),
            b.anggaran,
            b.indikator_keberhasilan,
            b.target_skor,
        )
        await layanan_bawaan.masukkan(lay, ko, b.id, baru)
    rencana = await layanan_rencana.lihat(lay, ko)
    assert rencana is not None
    assert [k.deskripsi for _, _, k in rencana.semua_kegiatan()] == [LOKAKARYA, SUPERVISI]
    await _setujui(kepala, sari, 2)
    m = rencana.masalah[0]
    for program in m.program:
        await layanan_monev.evaluasi(
            lay, ko, m.indikator_kode, program.urutan, "ya", "Tercapai", "Lancar", "lanjutkan"
        )

    satu, dua = [c.id for c in await _baris(bot, siklus)]
    lalu, kini = await _skor_tangan(bot, satu), await _skor_tangan(bot, dua)
    await koor.kirim("/strategi")
    await koor.tekan("Buka tahap 5 (strategi)", await koor.balasan_berisi("sedang di tahap 4"))
    banding = await koor.balasan_berisi("Perbandingan dengan siklus 2026/2027")
    teks = banding.teks
    while True:  # a long comparison comes in parts, then the chart
        pesan = await koor.balasan()
        if pesan.foto is not None:
            break
        teks += pesan.teks
    assert "Skor 8 standar (0-7)" in pesan.teks  # the bars, previous cycle and this one
    berubah = 0
    for nama, sesudah in kini.items():
        a, b = bulat(lalu[nama]), bulat(sesudah)
        d = round(b - a, 2)
        arah = "▲" if d > 0 else "▼" if d < 0 else "="
        tanda = "+" if d > 0 else ""
        harap = f"{nama}: {angka(a, 2)} → {angka(b, 2)} {arah} {tanda}{angka(d, 2)}"
        assert harap in teks, harap
        berubah += d != 0
    assert berubah  # the answers changed, so some standard did

    # Closing cycle 2: its report compares with cycle 1.
    await layanan_strategi.tutup(lay, ks)
    data = await layanan_strategi.dokumen_siklus(lay, ks, dua)
    assert (data.tahun_ajaran, data.tahun_ajaran_lalu) == ("2027/2028", "2026/2027")
    skor_lalu = {s.nama: s.skor_lalu for s in data.standar if s.skor_lalu is not None}
    assert skor_lalu == pytest.approx(lalu)
    assert [c.status for c in await _baris(bot, siklus)] == ["selesai", "selesai", "terbuka"]
