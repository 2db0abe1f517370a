"""/akreditasi fixes over HTTP: a doubled press builds the report or bundle once; a butir
with 30 teachers' answers and 40 linked files still opens; the SPMI figures come from a
cycle whose stage 1 is over, not from one still collecting answers; the latest class
observation mark counts, whoever gave it; a new file and its link are kept both or neither;
interview invitations wait for sending hours and for the end of a teacher's leave; a file
that is not the school's is neither linked nor unlinked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select, update

from bot.akses import KUNCI_LAYANAN
from bot.layanan import akreditasi as akr
from bot.layanan import bukti as layanan_bukti
from bot.layanan.aktor import kenali
from bot.layanan.bukti import Berkas
from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from db import akreditasi as db_akr
from db import siklus as db_siklus
from db.tabel import bukti, keanggotaan, pengguna, pengingat, siklus
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import Jam, daftarkan_sekolah, gabung, undang
from tests.percakapan.penjawab import PNG_KECIL
from tests.percakapan.test_akreditasi import _jawaban_tahap_1
from tests.percakapan.test_rencana_komitmen import _ke_tahap_2, _tutup_tahap_1


async def _panel(kepala: Pengguna) -> Pesan:
    """The school registered, IASP 2020 chosen: the readiness panel."""
    await daftarkan_sekolah(kepala)
    await kepala.kirim("/akreditasi")
    await kepala.tekan("IASP 2020", await kepala.balasan_berisi("Untuk instrumen mana"))
    return await kepala.balasan_berisi("Persiapan akreditasi · IASP 2020")


async def test_tekan_ganda_laporan_dan_bundel_sekali(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    panel = await _panel(kepala)
    for tombol, akhiran, disiapkan in (
        ("Laporan kesiapan (PDF)", ".pdf", "Laporan kesiapan (PDF) sedang disiapkan"),
        ("Bundel bukti (ZIP)", ".zip", "Bundel bukti (ZIP) sedang disiapkan"),
    ):
        await kepala.tekan(tombol, panel)
        await kepala.tekan(tombol, panel)
        semua = [await kepala.balasan(timeout=60)]
        while not semua[-1].dokumen_nama:
            semua.append(await kepala.balasan(timeout=60))
        semua += await kepala.semua_balasan(diam=1.0)
        dokumen = [m.dokumen_nama for m in semua if m.dokumen_nama]
        assert len(dokumen) == 1 and (dokumen[0] or "").endswith(akhiran), dokumen
        assert any(disiapkan in m.teks for m in semua), [m.teks for m in semua]
        assert kepala.api.calls_to("sendChatAction")


async def test_butir_dengan_banyak_jawaban_dan_bukti(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await _panel(kepala)
    lay = bot.bot_data[KUNCI_LAYANAN]
    soal = next(p for p in bawaan("iasp2020").wawancara("SMP") if p.butir == "1")
    jawaban = "Kami mencatat setiap kejadian di buku piket, memanggil orang tua bila berulang, " * 3
    async with lay.mesin.begin() as conn:
        sekarang = lay.sekarang()
        for n in range(1, 31):
            await conn.execute(
                insert(pengguna).values(
                    id=500 + n, nama=f"Guru {n}", dibuat_pada=sekarang, terakhir_aktif=sekarang
                )
            )
            await conn.execute(
                insert(keanggotaan).values(
                    pengguna_id=500 + n, sekolah_id=1, peran="guru", dibuat_pada=sekarang
                )
            )
            await db_akr.simpan_latihan(
                conn,
                1,
                "iasp2020",
                "wawancara",
                soal.kode,
                500 + n,
                f"{jawaban[:210]} ({n})",
                sekarang + timedelta(minutes=n),
            )
        c = await db_siklus.terbuka(conn, 1)
        assert c is not None
        for n in range(40):
            bukti_id = await layanan_bukti.simpan(
                conn,
                lay,
                Berkas(
                    f"f{n}",
                    f"u{n}",
                    "Notula rapat " * 15 + f"{n}.png",
                    "image/png",
                    PNG_KECIL + bytes([n]),
                ),
                sekolah_id=1,
                siklus_id=c.id,
                pengguna_id=kepala.id,
                sumber="akreditasi:iasp2020:1",
            )
            await db_akr.tautkan(conn, 1, "iasp2020", "1", bukti_id, kepala.id, sekarang)

    await kepala.kirim("/akreditasi")
    await kepala.tekan("Mutu Lulusan", await kepala.balasan_berisi("Persiapan akreditasi"))
    await kepala.tekan_data("akr:b:iasp2020:1", await kepala.balasan_berisi("Pilih butir"))
    butir = await kepala.balasan_berisi("Butir 1")
    assert "30 jawaban wawancara; 3 terbaru di sini" in butir.teks
    baris = [b for b in butir.teks.splitlines() if b.startswith("💬 Wawancara, ")]
    assert [b.split(":")[0] for b in baris] == [f"💬 Wawancara, Guru {n}" for n in (30, 29, 28)]
    assert "Guru 27:" not in butir.teks
    assert "40 berkas, 5 terbaru di sini" in butir.teks
    assert sum(t.startswith("Lepas") for t in butir.tombol_datar) == 5


async def test_spmi_hanya_dari_tahap_1_yang_selesai(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await _panel(kepala)
    # Stage 1 running, with the principal's answers in: no comparison yet.
    await _ke_tahap_2(kepala)
    await _jawaban_tahap_1(bot, kepala)
    await kepala.semua_balasan()
    await kepala.kirim("/akreditasi")
    panel = await kepala.balasan_berisi("Persiapan akreditasi")
    assert "pemetaan " not in panel.teks
    await kepala.tekan("Kesenjangan SPMI dan SPME", panel)
    gap = await kepala.balasan_berisi("Evaluasi diri (SPMI)")
    assert "belum ada skor pembanding" in gap.teks

    # Stage 1 closed: the map is the comparison.
    await _tutup_tahap_1(kepala)
    await kepala.semua_balasan()
    await kepala.kirim("/akreditasi")
    panel = await kepala.balasan_berisi("Persiapan akreditasi")
    assert "pemetaan " in panel.teks
    sebelum = panel.teks

    # The next cycle opens its questionnaires: the finished cycle stays the comparison.
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        lama = await db_siklus.terbuka(conn, 1)
        assert lama is not None
        await conn.execute(
            update(siklus).where(siklus.c.id == lama.id).values(status="selesai", tahap=5)
        )
        await conn.execute(
            insert(siklus).values(
                sekolah_id=1,
                tahun_ajaran="2027/2028",
                tahap=1,
                instrumen_versi=lama.instrumen_versi,
                dibuka_pada=lay.sekarang(),
                pemetaan_dibuka_pada=lay.sekarang(),
            )
        )
    await kepala.kirim("/akreditasi")
    panel = await kepala.balasan_berisi("Persiapan akreditasi")
    assert panel.teks == sebelum


async def test_observasi_tanda_terakhir_yang_berlaku(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> None:
    kepala, koor = orang("Pak Budi"), orang("Bu Koor")
    panel = await _panel(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await kepala.semua_balasan()
    await koor.kirim("/akreditasi")
    panel_koor = await koor.balasan_berisi("Persiapan akreditasi")
    # Bu Koor sees O1, Pak Budi then does not, then Bu Koor sees it again (her row first).
    for p, pesan, tanda in ((koor, panel_koor, "y"), (kepala, panel, "t"), (koor, panel_koor, "y")):
        jam.sekarang += timedelta(minutes=5)
        await p.tekan_data(f"akr:o:iasp2020:O1:{tanda}", pesan)
        await p.balasan_berisi("Observasi kelas")
    await kepala.tekan_data("akr:b:iasp2020:13", panel)
    butir = await kepala.balasan_berisi("Butir 13")
    assert "Observasi: 1 dari 1 terlihat" in butir.teks


async def test_unggah_butir_satu_transaksi(
    bot: Any, orang: Callable[[str], Pengguna], monkeypatch: pytest.MonkeyPatch
) -> None:
    kepala = orang("Pak Budi")
    await _panel(kepala)
    lay = bot.bot_data[KUNCI_LAYANAN]
    aktor = await kenali(lay, kepala.id, kepala.nama, None)

    async def gagal(*_: object, **__: object) -> None:
        raise RuntimeError("link failed")

    monkeypatch.setattr(db_akr, "tautkan", gagal)
    with pytest.raises(RuntimeError):
        await akr.unggah_butir(lay, aktor, "1", Berkas("f", "u", "a.png", "image/png", PNG_KECIL))
    async with lay.mesin.connect() as conn:
        assert (await conn.execute(select(func.count()).select_from(bukti))).scalar_one() == 0


async def test_undangan_wawancara_jam_tenang_dan_cuti(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> None:
    from bot.app import KUNCI_PENGIRIM

    kepala, sari, joko = orang("Pak Budi"), orang("Bu Sari"), orang("Pak Joko")
    await _panel(kepala)
    await gabung(sari, await undang(kepala, "Guru"))
    await gabung(joko, await undang(kepala, "Guru"))
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:  # Pak Joko is on leave until Thursday
        await conn.execute(
            update(pengguna).where(pengguna.c.id == joko.id).values(cuti_sampai=date(2026, 11, 26))
        )
    for p in (kepala, sari, joko):
        await p.semua_balasan()

    jam.sekarang = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 22:00 WIB: quiet hours
    await kepala.kirim("/akreditasi")
    await kepala.tekan("Latihan visitasi", await kepala.balasan_berisi("Persiapan"))
    await kepala.tekan(
        "Kirim latihan wawancara ke guru", await kepala.balasan_berisi("Latihan visitasi")
    )
    await kepala.balasan_berisi("dikirim ke 2 guru")
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    await sari.tidak_ada_balasan()
    async with lay.mesin.connect() as conn:
        rencana = dict(
            (
                await conn.execute(
                    select(pengingat.c.pengguna_id, pengingat.c.jatuh_tempo).where(
                        pengingat.c.jenis == "akreditasi_wawancara"
                    )
                )
            ).all()
        )
    assert rencana == {
        sari.id: datetime(2026, 11, 24, 0, 0, tzinfo=UTC),  # Tuesday 07:00 WIB
        joko.id: datetime(2026, 11, 27, 0, 0, tzinfo=UTC),  # Friday 07:00 WIB, after leave
    }

    jam.sekarang = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    await sari.balasan_berisi("Latihan wawancara akreditasi")
    await joko.tidak_ada_balasan()


async def test_tautkan_dan_lepas_hanya_bukti_sekolah(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    panel = await _panel(kepala)
    for aksi in ("t", "x"):
        await kepala.tekan_data(f"akr:{aksi}:iasp2020:1:9999", panel)
        await kepala.balasan_berisi("Data itu bukan milik sekolah Anda yang aktif")
