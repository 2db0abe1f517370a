"""Stage 1 end to end: a principal and two teachers answer the whole instrument over HTTP,
with a restart in the middle; the quality map matches a hand computation."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from bot.layanan.instrumen_berkas import bawaan
from db.tabel import bukti, jawaban, siklus
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.penjawab import Penjawab, skor_tangan_sekolah


def _angka(teks: str) -> float:
    return float(teks.replace(".", "").replace(",", "."))


async def test_satu_sekolah_menjawab_seluruh_instrumen_dengan_restart(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    inst = bawaan()
    kepala, sari, rina = orang("Pak Budi"), orang("Bu Sari"), orang("Bu Rina")
    pj_kepala = Penjawab(kepala, inst, "kepala_sekolah", tingkat=3)
    pj_sari = Penjawab(sari, inst, "guru", tingkat=2, pdf=True)
    pj_rina = Penjawab(rina, inst, "guru", tingkat=1)

    async with mulai_bot():
        await daftarkan_sekolah(kepala)
        await gabung(sari, await undang(kepala, "Guru"))
        await gabung(rina, await undang(kepala, "Guru"))

        await kepala.kirim("/pemetaan")
        panel = await kepala.balasan_berisi("Evaluasi Diri Sekolah (opsional) belum dibuka")
        await kepala.tekan("Kirim Evaluasi Diri Sekolah (opsional)", panel)
        kabar = await sari.balasan_berisi("Evaluasi Diri Sekolah")
        awal_guru = len([p for p in inst.pertanyaan_untuk("guru") if p.jika is None])
        assert f"Ada {awal_guru} pertanyaan untuk Anda" in kabar.teks
        await rina.balasan_berisi("Evaluasi Diri Sekolah")

        # The principal answers everything by the top level; evidence as photos.
        await kepala.api.idle()
        await kepala.balasan_berisi("Evaluasi Diri Sekolah")  # he answers too
        await kepala.tekan("Isi evaluasi diri saya", kepala.pesan(panel.message_id))
        pertama = await kepala.balasan()
        kepala_soal = "Standar 1 dari 8 - Standar Kompetensi Lulusan - pertanyaan 1 dari"
        assert pertama.teks.startswith(kepala_soal)
        await pj_kepala.sampai_selesai(pertama)

        # Bu Sari: 15 answers, skips one, 5 more, then the bot restarts.
        await sari.tekan("Mulai isi evaluasi diri", kabar)
        pesan = await sari.balasan()
        for _ in range(15):
            await pj_sari.jawab(pesan)
            pesan = await sari.balasan()
        dilewati = pj_sari.kenali(pesan)
        await sari.kirim("/lewati")
        pesan = await sari.balasan()
        for _ in range(5):
            await pj_sari.jawab(pesan)
            pesan = await sari.balasan()

    async with mulai_bot() as app:
        await sari.kirim("/lanjut")
        pesan = await sari.balasan()
        assert pj_sari.kenali(pesan).kode not in pj_sari.dijawab
        for _ in range(200):
            if pj_sari.kenali(pesan) == dilewati:
                break
            await pj_sari.jawab(pesan)
            pesan = await sari.balasan()
        assert "tadi Anda lewati" in pesan.teks
        selesai = await pj_sari.sampai_selesai(pesan)
        assert "semua" in selesai.teks

        # Bu Rina answers everything low, then changes her first answer through /jawaban.
        await rina.kirim("/lanjut")
        await pj_rina.sampai_selesai(await rina.balasan())
        await rina.kirim("/jawaban")
        rekap = await rina.balasan()
        await rina.tekan("1. Standar Kompetensi Lulusan", rekap)
        daftar = await rina.balasan()
        await rina.tekan("1", daftar)
        lagi = await rina.balasan()
        assert "Jawaban Anda sekarang: Kadang-kadang" in lagi.teks
        await pj_rina.jawab(lagi, tingkat=3)
        assert "Terima kasih" in (await rina.balasan()).teks

        # Nothing lost: one row per answered question per respondent.
        lay = app.bot_data[KUNCI_LAYANAN]
        async with lay.mesin.connect() as conn:
            jumlah = (await conn.execute(select(func.count()).select_from(jawaban))).scalar_one()
            berkas = list(await conn.execute(select(bukti)))
        assert jumlah == sum(len(set(pj.dijawab)) for pj in (pj_kepala, pj_sari, pj_rina))
        # The stored type is the content's: the test's photo is a PNG.
        assert {b.mime for b in berkas} == {"image/png", "application/pdf"}
        for b in berkas:
            assert not Path(b.path).is_absolute() and b.path.startswith("bukti/")
            berkas_bukti = lay.settings.data_dir / b.path  # stored relative to DATA_DIR
            isi_bukti = berkas_bukti.read_bytes()  # noqa: ASYNC240 (a test's own check)
            assert hashlib.sha256(isi_bukti).hexdigest() == b.sha256

        # Close stage 1 and check the map against the hand computation.
        await kepala.kirim("/pemetaan")
        panel = await kepala.balasan_berisi("Selesai (3)")
        await kepala.tekan("Tutup tahap 1", panel)
        await kepala.api.idle()
        konfirmasi = kepala.pesan(panel.message_id)
        assert "Semua responden sudah selesai" in konfirmasi.teks
        await kepala.tekan("Ya, tutup tahap 1", konfirmasi)
        foto = await kepala.balasan()
        assert foto.foto is not None and foto.foto.startswith(b"\x89PNG")
        peta = kepala.pesan(panel.message_id).teks

        standar, sekolah = skor_tangan_sekolah(inst, [pj_kepala, pj_sari, pj_rina])
        for nama, nilai in standar.items():
            baris = re.search(rf"\d\. {nama}: ([\d,]+) · ", peta)
            assert baris, (nama, peta)
            assert abs(_angka(baris.group(1)) - nilai) < 0.0051, (nama, baris.group(1), nilai)
        tampil = re.search(r"Skor sekolah: ([\d,]+) \(", peta)
        assert tampil and abs(_angka(tampil.group(1)) - sekolah) < 0.0051
        assert "Kepala Sekolah: 1 dari 1 selesai (100%)" in peta
        assert "Guru: 2 dari 2 selesai (100%)" in peta
        assert "Siklus pindah ke tahap 2" in peta
        async with lay.mesin.connect() as conn:
            (c,) = list(await conn.execute(select(siklus)))
        assert c.tahap == 2 and c.instrumen_versi == inst.versi

        # Answering after stage 1 closed changes nothing.
        await rina.kirim("/lanjut")
        assert "sudah ditutup" in (await rina.balasan()).teks
