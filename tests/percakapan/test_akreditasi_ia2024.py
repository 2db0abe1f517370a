"""/akreditasi on IA2024 over HTTP (issue 12, "Done when"): a school assesses all 45
indicators (one N/A where allowed, one refused where not), the 3.10.3 context is asked once,
evidence from stages 1 and 3 and an imported Rapor Pendidikan label appear by crosswalk, the
bot drafts a DKA narrative that the koordinator edits and the kepala approves, a gap between a
Rapor Pendidikan label and a self-assessed level is listed, no grade is shown, and the report
and bundle read back with the 3/14/45 structure."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import akreditasi_dokumen
from bot.layanan.instrumen_berkas import akreditasi_bawaan
from db import rapor as db_rapor
from db.tabel import akreditasi_butir, akreditasi_dka, akreditasi_pilihan, audit
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.test_akreditasi import _sekolah, _teks_pdf

IA = akreditasi_bawaan("ia2024")
# The level chosen per indicator: Baik everywhere, with a few set apart.
KHUSUS = {"3.12.1": 4, "3.12.2": 4, "1.1.1": 2, "2.9.1": 4, "2.6.1": 3}


async def _impor_rapor(app: Any, kepala: Pengguna) -> None:
    """The school's imported Rapor Pendidikan: D.4 (iklim keamanan) red, D.1 green."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        await db_rapor.simpan_impor(
            conn,
            sekolah_id=1,
            edisi="2025",
            sumber="ketik",
            katalog_versi="2025",
            pengguna_id=kepala.id,
            waktu=lay.sekarang(),
            capaian=[{"kode": "D.4", "label": "kurang"}, {"kode": "D.1", "label": "baik"}],
        )


async def _jumlah(app: Any, tabel: Any, *syarat: Any) -> int:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        q = select(func.count()).select_from(tabel)
        for s in syarat:
            q = q.where(s)
        return int((await conn.execute(q)).scalar_one())


class _Gabungan:
    def __init__(self, teks: str) -> None:
        self.teks = teks


async def _bagian_bagian(p: Pengguna, awal: str) -> _Gabungan:
    """A view sent in parts: every part up to the one carrying the buttons, joined."""
    bagian = [await p.balasan_berisi(awal)]
    while not bagian[-1].tombol_datar:
        bagian.append(await p.balasan())
    return _Gabungan("\n".join(b.teks for b in bagian))


async def _tautkan_pertama(koor: Pengguna, pesan: Pesan, awal: str) -> Pesan:
    await koor.tekan("Tautkan bukti yang sudah ada", pesan)
    tawaran = await koor.balasan_berisi("Tautkan bukti")
    assert tawaran.tombol_datar[0].startswith(awal), tawaran.tombol_datar
    await koor.tekan(tawaran.tombol_datar[0], tawaran)
    return await koor.balasan_berisi("Bukti tertaut")


async def test_ia2024_utuh(
    mulai_bot: Callable[[], Any],
    orang: Callable[[str], Pengguna],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with mulai_bot() as app:
        p = await _sekolah(app, orang)
        kepala, koor = p["Pak Budi"], p["Bu Koor"]
        await _impor_rapor(app, kepala)

        # IA2024 is the first choice; IASP 2020 is marked superseded.
        await koor.kirim("/akreditasi")
        pilih = await koor.balasan_berisi("Untuk instrumen mana")
        assert pilih.tombol_datar[0] == "IA2024"
        assert "IASP 2020 (sudah diganti)" in pilih.tombol_datar
        await koor.tekan("IA2024", pilih)
        panel = await koor.balasan_berisi("Persiapan akreditasi · IA2024")
        assert "0/16 indikator dinilai" in panel.teks and "0/13 indikator dinilai" in panel.teks
        assert "Tidak ada nilai atau peringkat" in panel.teks
        assert "bobot" not in panel.teks and "Nilai akhir" not in panel.teks

        # Walk every indicator from "Lanjutkan", choosing a rubric text each time.
        await koor.tekan("Lanjutkan penilaian: 1.1.1", panel)
        pesan = await koor.balasan_berisi("Indikator 1.1.1")
        assert "Belum terkonfirmasi" in pesan.teks
        assert "Kurang</b>" not in pesan.teks  # HTML is rendered, not shown
        assert "Sangat Baik: Guru memberi kesempatan murid" in pesan.teks
        assert "N/A (tidak berlaku)" not in pesan.tombol_datar
        # N/A where the instrument does not allow it: refused, nothing stored.
        await koor.tekan_data("akr:na:ia2024:1.1.1", pesan)
        await koor.balasan_berisi("Indikator 1.1.1 tidak boleh N/A")
        assert await _jumlah(app, akreditasi_butir, akreditasi_butir.c.instrumen == "ia2024") == 0

        konteks_ditanya = 0
        for n, b in enumerate(IA.inti):
            if b.kode == "3.10.3":  # the school's situation first, once
                tanya = await koor.balasan_berisi("Indikator 3.10.3")
                assert "campuran laki-laki dan perempuan" in tanya.teks
                konteks_ditanya += 1
                await koor.tekan("Kelas campuran (heterogen)", tanya)
                pesan = await koor.balasan_berisi("Situasi kelas tersimpan")
            elif b.kode != "1.1.1":
                pesan = await koor.balasan_berisi(f"Indikator {b.kode}")
            if b.kode == "1.4.4":
                assert "N/A (tidak berlaku)" in pesan.tombol_datar
                await koor.tekan("N/A (tidak berlaku)", pesan)
                pesan = await koor.balasan_berisi("Tersimpan")
                assert "N/A (tidak dihitung)" in pesan.teks
            else:
                if b.kode == "3.10.3":
                    assert "kelas campuran (heterogen)" in pesan.teks
                    assert "subindikator 1" in pesan.teks  # the heterogen rubric
                if b.kode == "3.12.1":  # the imported label, by crosswalk
                    assert "D.4 Iklim keamanan satuan pendidikan: Kurang" in pesan.teks
                level = KHUSUS.get(b.kode, 3)
                await koor.tekan(IA.tingkat[level - 1], pesan)
                pesan = await koor.balasan_berisi("Tersimpan")
            if b.kode == "2.9.1":  # stage-1 evidence (a KSP photo, SNP 2.2) offered first
                pesan = await _tautkan_pertama(koor, pesan, "★ Pemetaan 2.2-02")
            if b.kode == "2.6.1":  # stage-3 evidence (a report on a 7.1 commitment) first
                pesan = await _tautkan_pertama(koor, pesan, "★ Laporan komitmen 7.1")
            if n + 1 < len(IA.inti):
                await koor.tekan("Indikator berikutnya", pesan)
        assert konteks_ditanya == 1
        await koor.tekan_data("akr:b:ia2024:3.10.3", pesan)
        lagi = await koor.balasan_berisi("Indikator 3.10.3")
        assert "campuran laki-laki dan perempuan" not in lagi.teks

        assert await _jumlah(app, akreditasi_butir, akreditasi_butir.c.instrumen == "ia2024") == 45
        assert await _jumlah(app, akreditasi_butir, akreditasi_butir.c.na.is_(True)) == 1
        async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
            konteks = (await conn.execute(select(akreditasi_pilihan.c.konteks_gender))).scalar()
        assert konteks == "heterogen"

        # Readiness: all counted (N/A left out), no grade.
        await koor.kirim("/akreditasi")
        panel = await koor.balasan_berisi("Persiapan akreditasi · IA2024")
        assert "15/15 indikator dinilai · 1 N/A (tidak dihitung)" in panel.teks
        assert "16/16 indikator dinilai" in panel.teks and "13/13 indikator dinilai" in panel.teks
        assert "Lanjutkan penilaian" not in " ".join(panel.tombol_datar)
        assert "Tidak ada nilai atau peringkat" in panel.teks
        for kata in ("A (Unggul)", "Nilai akhir", "perkiraan peringkat", "skor"):
            assert kata not in panel.teks

        # Gaps: D.4 red beside 3.12.1 Sangat Baik; high levels without support.
        await koor.tekan("Celah kesiapan", panel)
        celah = await _bagian_bagian(koor, "Celah kesiapan IA2024")
        assert (
            "3.12.1 dinilai Sangat Baik, sedangkan Rapor Pendidikan D.4 (Iklim keamanan satuan "
            "pendidikan) berlabel Kurang" in celah.teks
        )
        assert "1.1.1 dinilai Cukup Baik, sedangkan Rapor Pendidikan D.1" not in celah.teks
        assert "3.12.2 dinilai Sangat Baik, tetapi belum ada bukti" in celah.teks
        assert "2.9.1 dinilai Sangat Baik, tetapi" not in celah.teks  # it has evidence
        # ... and against the school's own evaluation (stage 1: SNP 7.1 rated low).
        assert "Dibanding pemetaan mutu sekolah (SPMI)" in celah.teks
        assert (
            "Indikator SNP 7.1 dinilai rendah di pemetaan mutu (skor 0,00), tetapi indikator "
            "IA2024 2.6.1 (level 3) dinilai tinggi" in celah.teks
        )

        # The explainer, with its unconfirmed part marked.
        await koor.tekan("Visitasi atau otomatis?", panel)
        jelas = await koor.balasan_berisi("Visitasi atau otomatis?")
        assert "otomatis" in jelas.teks and "Belum terkonfirmasi" in jelas.teks

        # DKA for butir 6: the bot drafts from the school's data; the koordinator edits.
        await koor.tekan("Komponen 2", panel)
        daftar = await koor.balasan_berisi("Komponen 2.")
        await koor.tekan("Butir 6 · 4/4", daftar)
        butir6 = await koor.balasan_berisi("Butir 6")
        await koor.tekan("Narasi butir (DKA)", butir6)
        dka = await koor.balasan_berisi("Narasi butir 6 (DKA)")
        assert "Belum ada narasi" in dka.teks
        await koor.tekan("Buat draf dari data sekolah", dka)
        usulan = await koor.balasan_berisi("usulan bot dari data sekolah")
        assert "2.6.1" in usulan.teks and "tingkat Baik" in usulan.teks
        assert "Rapat RKT berbasis data" in usulan.teks  # the plan's activity
        assert "Notula rapat sudah ada" in usulan.teks  # and its report
        assert await _jumlah(app, akreditasi_dka) == 0  # nothing kept before a person acts
        await koor.tekan("Ketik atau sunting narasi", usulan)
        await koor.balasan_berisi("Ketik narasinya dalam satu pesan")
        await koor.kirim("x" * 3100)  # too long: refused, asked again, nothing stored
        await koor.balasan_berisi("Narasi terlalu panjang (3100 karakter")
        await koor.balasan_berisi("Ketik narasinya dalam satu pesan")
        assert await _jumlah(app, akreditasi_dka) == 0
        narasi = "Sekolah menyusun RKT dari data Rapor Pendidikan bersama komite dan guru."
        await koor.kirim(narasi)
        simpan = await koor.balasan_berisi("Narasi tersimpan sebagai draf")
        assert narasi in simpan.teks
        # Only the kepala approves.
        await koor.tekan("Setujui narasi (kepala sekolah)", simpan)
        await koor.balasan_berisi("disetujui oleh kepala sekolah")
        async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
            baris = (await conn.execute(select(akreditasi_dka))).one()
        assert (baris.butir, baris.status, baris.teks) == ("6", "draf", narasi)
        await kepala.semua_balasan()
        await kepala.kirim("/akreditasi")
        await kepala.tekan("Komponen 2", await kepala.balasan_berisi("Persiapan akreditasi"))
        daftar = await kepala.balasan_berisi("Komponen 2.")
        assert "Butir 6 · 4/4 · DKA draf" in daftar.tombol_datar
        await kepala.tekan("Butir 6 · 4/4 · DKA draf", daftar)
        await kepala.tekan("Narasi butir (DKA)", await kepala.balasan_berisi("Butir 6"))
        await kepala.tekan("Setujui narasi (kepala sekolah)", await kepala.balasan_berisi("DKA"))
        await kepala.balasan_berisi("Narasi butir disetujui")
        async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
            baris = (await conn.execute(select(akreditasi_dka))).one()
            aksi = {
                a.aksi
                for a in await conn.execute(
                    select(audit.c.aksi).where(audit.c.aksi.like("akreditasi.dka%"))
                )
            }
        assert (baris.status, baris.disetujui_oleh) == ("disetujui", kepala.id)
        assert aksi == {"akreditasi.dka_simpan", "akreditasi.dka_setujui"}

        # The report: component -> butir -> indicator -> level, DKA text, evidence, gaps.
        await koor.kirim("/akreditasi")
        panel = await koor.balasan_berisi("Persiapan akreditasi · IA2024")
        await koor.tekan("Laporan kesiapan (PDF)", panel)
        laporan = await koor.balasan()
        teks = _teks_pdf(laporan.dokumen or b"")
        for isi in (
            "Komponen 1. Kinerja Pendidik",
            "Komponen 3. Iklim Lingkungan Belajar",
            "Butir 14.",
            "3.14.3",
            "Sangat Baik",
            narasi,
            "disetujui kepala sekolah",
            "Pemetaan 2.2-02",
            "berlabel Kurang",
            "Tidak ada nilai atau peringkat",
            "satu sumber",
        ):
            assert isi in teks, isi
        assert teks.count("Butir ") >= 14
        for kata in ("Nilai akhir", "Perkiraan peringkat", "C (Cukup)"):
            assert kata not in teks

        # The bundle: Komponen-<k>/Butir-<nn>/<indicator>/<file>.
        monkeypatch.setattr(akreditasi_dokumen, "BATAS_BUNDEL", 20 * 1024 * 1024)
        await koor.tekan("Bundel bukti (ZIP)", panel)
        zip_ = await koor.balasan()
        with zipfile.ZipFile(io.BytesIO(zip_.dokumen or b"")) as z:
            nama = z.namelist()
        assert any(n.startswith("Komponen-2_") and "/Butir-09/2.9.1/01_" in n for n in nama), nama
        assert any(n.startswith("Komponen-2_") and "/Butir-06/2.6.1/01_" in n for n in nama), nama

        # A teacher cannot use the managers' buttons, even crafted by hand.
        sari = p["Bu Sari"]
        await sari.semua_balasan()
        await sari.kirim("/akreditasi")
        ditolak = await sari.balasan_berisi("Maaf, /akreditasi hanya untuk")
        for data in ("akr:l:ia2024:2.7.1:1", "akr:dks:ia2024:6", "akr:kg:ia2024:homogen"):
            await sari.tekan_data(data, ditolak)
            await sari.balasan_berisi("Maaf")
        async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
            level = (
                await conn.execute(
                    select(akreditasi_butir.c.level).where(akreditasi_butir.c.butir == "2.7.1")
                )
            ).scalar()
            konteks = (await conn.execute(select(akreditasi_pilihan.c.konteks_gender))).scalar()
        assert (level, konteks) == (3, "heterogen")


async def test_draf_lama_10_butir_tetap_terbaca(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    """Assessments made on the old 10-butir draft (instrument ia2024_10 after migration
    0012_ia2024) are shown read-only; the new instrument starts clean."""
    from datetime import UTC, datetime

    from db import akreditasi as db_akr

    async with mulai_bot() as app:
        kepala = orang("Pak Budi")
        from tests.percakapan.conftest import daftarkan_sekolah

        await daftarkan_sekolah(kepala)
        lay = app.bot_data[KUNCI_LAYANAN]
        waktu = datetime(2026, 11, 1, tzinfo=UTC)
        async with lay.mesin.begin() as conn:
            await db_akr.pilih(conn, 1, "ia2024", kepala.id, waktu)
            await db_akr.simpan_butir(conn, 1, "ia2024_10", "3", kepala.id, waktu, level=4)
        await kepala.kirim("/akreditasi")
        panel = await kepala.balasan_berisi("Persiapan akreditasi · IA2024")
        assert "1 penilaian pada draf lama IA2024 (10 butir)" in panel.teks
        assert "0/16 indikator dinilai" in panel.teks
        await kepala.tekan("Draf lama IA2024 (10 butir)", panel)
        lama = await kepala.balasan_berisi("hanya dibaca")
        assert "Butir 3: Pendidik mengelola proses pembelajaran" in lama.teks
        assert "level 4" in lama.teks
        # Not offered as a choice.
        await kepala.tekan("Ganti instrumen", panel)
        pilih = await kepala.balasan_berisi("Untuk instrumen mana")
        assert not any("draf lama" in t for t in pilih.tombol_datar)
        await kepala.tekan_data("akr:i:ia2024_10", pilih)
        await kepala.balasan_berisi("Tombol itu sudah tidak berlaku")


async def test_ia2024_latihan_dokumen_dka_terima_dan_tolakan(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    """Visit practice on IA2024 indicators counts as support; the pre-visit documents keep
    their content check; the bot's DKA draft accepted as it is; another school's member and
    a stale button are refused with nothing changed."""
    from tests.percakapan.conftest import daftarkan_sekolah
    from tests.percakapan.penjawab import PNG_KECIL

    async with mulai_bot() as app:
        kepala, lain = orang("Pak Budi"), orang("Bu Lain")
        await daftarkan_sekolah(kepala)
        await daftarkan_sekolah(lain, nama="SMP Negeri 2 Depok", npsn="20400002")
        await kepala.kirim("/akreditasi")
        await kepala.tekan("IA2024", await kepala.balasan_berisi("Untuk instrumen mana"))
        panel = await kepala.balasan_berisi("Persiapan akreditasi · IA2024")

        # Interview practice: the kepala's questions are on IA2024 indicators.
        await kepala.tekan("Latihan visitasi", panel)
        latihan = await kepala.balasan_berisi("Latihan visitasi")
        await kepala.tekan("Mulai latihan wawancara", latihan)
        soal = await kepala.balasan_berisi("Latihan wawancara (1/4)")
        assert "indikator 2.5.1" in soal.teks
        await kepala.kirim("Kami refleksi bulanan di KKG sekolah.")
        await kepala.balasan_berisi("Latihan wawancara (2/4)")
        await kepala.kirim("/akreditasi")
        panel = await kepala.balasan_berisi("Persiapan akreditasi · IA2024")
        await kepala.tekan("Latihan visitasi", panel)
        await kepala.tekan("Isi observasi kelas", await kepala.balasan_berisi("Latihan"))
        obs = await kepala.balasan_berisi("Observasi kelas (1/7)")
        assert "Indikator terkait: 1.1.1" in obs.teks
        await kepala.tekan("Terlihat", obs)
        await kepala.balasan_berisi("Observasi kelas (2/7)")

        # 2.5.1 at Sangat Baik is supported by the interview answer: no gap; 1.1.1 by the
        # observation.
        await kepala.tekan_data("akr:b:ia2024:2.5.1", obs)
        ind = await kepala.balasan_berisi("Indikator 2.5.1")
        assert "Kami refleksi bulanan" in ind.teks
        await kepala.tekan("Sangat Baik", ind)
        await kepala.balasan_berisi("Tersimpan")
        await kepala.tekan_data("akr:b:ia2024:1.1.1", obs)
        ind = await kepala.balasan_berisi("Indikator 1.1.1")
        assert "Observasi: 1 dari 1 terlihat" in ind.teks
        await kepala.tekan("Baik", ind)
        await kepala.balasan_berisi("Tersimpan")
        await kepala.tekan_data("akr:b:ia2024:2.7.1", obs)
        await kepala.tekan("Baik", await kepala.balasan_berisi("Indikator 2.7.1"))
        await kepala.balasan_berisi("Tersimpan")
        await kepala.kirim("/akreditasi")
        panel = await kepala.balasan_berisi("Persiapan akreditasi · IA2024")
        await kepala.tekan("Celah kesiapan", panel)
        celah = await kepala.balasan_berisi("Celah kesiapan IA2024")
        assert "2.7.1 dinilai Baik, tetapi belum ada bukti" in celah.teks
        assert "2.5.1" not in celah.teks and "1.1.1" not in celah.teks

        # Pre-visit documents: a ZIP named .pdf is refused by content and asked again.
        await kepala.tekan("Dokumen sebelum visitasi", panel)
        await kepala.tekan("Kurikulum Satuan Pendidikan", await kepala.balasan_berisi("Dokumen"))
        await kepala.tekan("Kirim berkas", await kepala.balasan_berisi("Belum ada"))
        await kepala.balasan_berisi("paling besar 2 MB")
        zip_ = io.BytesIO()
        with zipfile.ZipFile(zip_, "w") as z:
            z.writestr("ksp.docx", "bukan pdf")
        await kepala.kirim_dokumen(zip_.getvalue(), "ksp.pdf", "application/pdf")
        await kepala.balasan_berisi("Isi berkas itu bukan PDF, JPG, atau PNG")
        await kepala.balasan_berisi("Kirim foto atau berkas PDF untuk")
        await kepala.kirim_foto(PNG_KECIL + b"ksp")
        await kepala.balasan_berisi("Berkas tersimpan")

        # DKA of butir 5: the bot's draft accepted as it is, then approved by the kepala.
        await kepala.tekan_data("akr:dka:ia2024:5", panel)
        dka = await kepala.balasan_berisi("Narasi butir 5 (DKA)")
        await kepala.tekan("Buat draf dari data sekolah", dka)
        usulan = await kepala.balasan_berisi("usulan bot")
        assert "2.5.1" in usulan.teks and "tingkat Sangat Baik" in usulan.teks
        await kepala.tekan("Terima draf ini", usulan)
        simpan = await kepala.balasan_berisi("Narasi tersimpan sebagai draf")
        # A second press of the same "accept" is stale: the proposal was used.
        await kepala.tekan("Terima draf ini", usulan)
        await kepala.balasan_berisi("Tombol itu sudah tidak berlaku")
        await kepala.tekan("Setujui narasi (kepala sekolah)", simpan)
        await kepala.balasan_berisi("Narasi butir disetujui")

        # Another school's member pressing this school's buttons: refused, nothing changed.
        await lain.semua_balasan()
        await lain.kirim("/akreditasi")
        pesan_lain = await lain.balasan_berisi("Untuk instrumen mana")
        for data in ("akr:l:ia2024:2.7.1:1", "akr:dks:ia2024:5", "akr:na:ia2024:1.4.4"):
            await lain.tekan_data(data, pesan_lain)
            await lain.balasan_berisi("Tombol itu sudah tidak berlaku")
        async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
            level = (
                await conn.execute(
                    select(akreditasi_butir.c.level).where(akreditasi_butir.c.butir == "2.7.1")
                )
            ).scalar()
        assert level == 3
        assert await _jumlah(app, akreditasi_butir, akreditasi_butir.c.sekolah_id == 2) == 0

        # After changing instrument, an IA2024 button is stale.
        await kepala.tekan("Ganti instrumen", panel)
        await kepala.tekan("IASP 2020 (sudah diganti)", await kepala.balasan_berisi("instrumen"))
        iasp = await kepala.balasan_berisi("Persiapan akreditasi · IASP 2020")
        assert "sudah diganti" in iasp.teks
        await kepala.tekan_data("akr:l:ia2024:2.7.1:1", iasp)
        await kepala.balasan_berisi("Tombol itu sudah tidak berlaku")


async def test_hapus_data_penulis_dka_narasi_tetap_milik_sekolah(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    """A member who wrote and approved a DKA erases their data: the school's narrative stays,
    its author becomes the anonymous member (foreign keys hold on both engines)."""
    from datetime import UTC, datetime

    from db import akreditasi as db_akr
    from db import privasi as db_privasi
    from tests.percakapan.conftest import daftarkan_sekolah

    async with mulai_bot() as app:
        kepala = orang("Pak Budi")
        await daftarkan_sekolah(kepala)
        lay = app.bot_data[KUNCI_LAYANAN]
        waktu = datetime(2026, 12, 1, tzinfo=UTC)
        async with lay.mesin.begin() as conn:
            await db_akr.pilih(conn, 1, "ia2024", kepala.id, waktu)
            await db_akr.simpan_dka(conn, 1, "ia2024", "12", "Narasi.", kepala.id, waktu)
            assert await db_akr.setujui_dka(conn, 1, "ia2024", "12", kepala.id, waktu)
            assert not await db_akr.setujui_dka(conn, 1, "ia2024", "12", kepala.id, waktu)
        async with lay.mesin.begin() as conn:
            await db_privasi.hapus(conn, kepala.id, "Anggota terhapus", waktu)
        async with lay.mesin.connect() as conn:
            baris = (await db_akr.dka_sekolah(conn, 1, "ia2024"))["12"]
        assert baris.teks == "Narasi." and baris.status == "disetujui"
        assert baris.diperbarui_oleh != kepala.id and baris.disetujui_oleh != kepala.id
