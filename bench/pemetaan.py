"""Stage-1 answers through the real Application against the fake Bot API, database on disk.

200 respondents answer 60 questions each, all at once, by pressing buttons. Prints answers
per second and the time from an update reaching the bot (handed out by getUpdates) to its
answer being committed; then the same at a human pace; then a minimal echo bot over the same
fake for comparison. The fake Bot API and the simulated users run in a second process, as
Telegram is elsewhere in real life, so the figures are the bot's own.

    python -m bench.pemetaan [--responden 200] [--soal 60]
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import multiprocessing
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, TypeHandler, filters

from bench.umum import FakeBerwaktu, bot_berjalan, persentil
from bot.app import buat_aplikasi
from bot.config import Settings
from bot.layanan import kuesioner
from db import keanggotaan, pengguna, sekolah, siklus
from db.berkas_instrumen import INSTRUMEN_BAWAAN
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan
from tests import basis_data
from tests.fakes.bot_api import TOKEN
from tests.fakes.pengguna import Pengguna

UPDATE_SEKARANG: contextvars.ContextVar[int] = contextvars.ContextVar("update", default=0)


def tulis_instrumen(tujuan: Path, jumlah_soal: int) -> None:
    """The shipped instrument with its questions replaced: `jumlah_soal` scale questions for
    teachers spread over the 29 indicators, plus one for the principal per indicator."""
    data = yaml.safe_load(INSTRUMEN_BAWAAN.read_text(encoding="utf-8"))
    data["meta"]["versi"] = f"bench-{jumlah_soal}"
    indikator = [i for s in data["standar"] for i in s["indikator"]]
    for i in indikator:
        i["pertanyaan"] = [_soal(i["kode"], 1, "kepala_sekolah")]
    for n in range(jumlah_soal):
        i = indikator[n % len(indikator)]
        i["pertanyaan"].append(_soal(i["kode"], len(i["pertanyaan"]) + 1, "guru"))
    for i in indikator:  # every indicator needs two questions
        if len(i["pertanyaan"]) < 2:
            i["pertanyaan"].append(_soal(i["kode"], 2, "tendik"))
    tujuan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _soal(indikator: str, nomor: int, responden: str) -> dict[str, Any]:
    return {
        "kode": f"{indikator}-{nomor:02d}",
        "responden": [responden],
        "jenis": "skala",
        "label": "frekuensi",
        "teks": f"Pertanyaan uji {indikator} nomor {nomor}?",
        "source": "bench",
        "confirmed": False,
    }


async def isi_data(url: str, jumlah: int, instrumen_versi: str) -> list[int]:
    """One school per 20 teachers, stage 1 open; returns the teachers' ids."""
    mesin = buat_mesin(url)
    waktu = datetime.now(UTC)
    ids = []
    async with mesin.begin() as conn:
        for nomor in range(0, jumlah, 20):
            sid = await sekolah.buat(
                conn,
                npsn=f"{90000000 + nomor:08d}",
                nama=f"SD Uji {nomor // 20 + 1}",
                jenjang="SD",
                kabupaten="Kab. Uji",
                provinsi="Uji",
                zona_waktu="Asia/Jakarta",
                waktu=waktu,
            )
            c = await siklus.buka(conn, sekolah_id=sid, tahun_ajaran="2026/2027", waktu=waktu)
            await siklus.buka_pemetaan(conn, c, instrumen_versi, waktu)
            for uid in range(100_000 + nomor, 100_000 + min(nomor + 20, jumlah)):
                await pengguna.catat_kunjungan(conn, uid, f"Guru {uid}", None, waktu)
                await keanggotaan.tambah(
                    conn, pengguna_id=uid, sekolah_id=sid, peran="guru", waktu=waktu
                )
                await pengguna.pilih_sekolah_aktif(conn, uid, sid)
                ids.append(uid)
    await mesin.dispose()
    return ids


async def jawab_semua(orang: Pengguna, jumlah: int, jeda: float) -> None:
    """Ask for the questionnaire, then press the first choice of every question, after
    thinking `jeda` seconds on average (0: as fast as the bot answers)."""
    await orang.kirim("/lanjut")
    for _ in range(jumlah):
        pesan = await orang.balasan(timeout=600)
        if jeda:
            await asyncio.sleep(random.uniform(0.5, 1.5) * jeda)
        await orang.tekan(pesan.tombol[0][0], pesan)
    akhir = await orang.balasan(timeout=600)
    assert "Terima kasih" in akhir.teks, akhir.teks


async def gema_semua(orang: Pengguna, jumlah: int) -> None:
    """Send messages one after another, each after the echo of the one before."""
    for n in range(jumlah):
        await orang.kirim(f"pesan {n}")
        await orang.balasan(timeout=600)


def pengemudi(keluar: Any, masuk: Any, kerja: str, ids: list[int], soal: int, jeda: float) -> None:
    """The second process: the fake Bot API and the simulated users."""
    asyncio.run(_pengemudi(keluar, masuk, kerja, ids, soal, jeda))


async def _pengemudi(
    keluar: Any, masuk: Any, kerja: str, ids: list[int], soal: int, jeda: float
) -> None:
    async with FakeBerwaktu() as api:
        keluar.put((api.base_url, api.base_file_url))
        await api.wait_for_call("getUpdates", timeout=60)
        semua = [Pengguna(api, uid, f"Guru {uid}") for uid in ids]
        mulai = time.monotonic()
        if kerja == "kuesioner":
            await asyncio.gather(*(jawab_semua(o, soal, jeda) for o in semua))
        else:
            await asyncio.gather(*(gema_semua(o, soal) for o in semua))
        keluar.put((time.monotonic() - mulai, api.diserahkan))
        await asyncio.to_thread(masuk.get)  # the bot has stopped; now the fake may go


async def _dengan_pengemudi(
    kerja: str, ids: list[int], soal: int, jeda: float, buat: Any
) -> tuple[float, dict[int, float], Any]:
    """Start the second process, run the bot that `buat(base_url, file_url)` builds against
    it until the users are done; return their time, the delivery times and the app."""
    ctx = multiprocessing.get_context("spawn")
    keluar, masuk = ctx.Queue(), ctx.Queue()
    proses = ctx.Process(target=pengemudi, args=(keluar, masuk, kerja, ids, soal, jeda))
    proses.start()
    base_url, file_url = await asyncio.to_thread(keluar.get, True, 60)
    app = buat(base_url, file_url)
    async with bot_berjalan(app):
        lama, diserahkan = await asyncio.to_thread(keluar.get, True, 3600)
    masuk.put("selesai")
    await asyncio.to_thread(proses.join, 30)
    return lama, diserahkan, app


async def ukur_bot(
    folder: Path, jumlah: int, soal: int, jeda: float = 0.0, server_pg: str | None = None
) -> dict[str, float]:
    """Our answer path: answers per second and update-to-commit latency, on SQLite or, with
    `server_pg`, on a new database of that PostgreSQL server."""
    berkas = folder / "instrumen.yaml"
    tulis_instrumen(berkas, soal)
    if server_pg is None:
        url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    else:
        url = basis_data.basis_data_kosong(server_pg)
    tingkatkan(url)
    ids = await isi_data(url, jumlah, f"bench-{soal}")
    komit: dict[int, float] = {}
    asli = kuesioner.jawab

    async def jawab(*args: Any, **kwargs: Any) -> Any:
        hasil = await asli(*args, **kwargs)
        komit[UPDATE_SEKARANG.get()] = time.monotonic()  # its transaction has committed
        return hasil

    def buat(base_url: str, file_url: str) -> Any:
        settings = Settings(
            _env_file=None,
            telegram_bot_token=TOKEN,
            database_url=url,
            telegram_api_url=base_url,
            telegram_file_url=file_url,
            data_dir=folder / "data",
            instrumen_file=berkas,
            # Telegram's ~30 messages/s would cap this at ~15 answers/s (an edit and a new
            # question each); the point here is what the bot itself can carry.
            rate_limit_per_second=100_000,
        )
        app = buat_aplikasi(settings)

        async def tandai(update: Update, _: Any) -> None:
            UPDATE_SEKARANG.set(update.update_id)

        app.add_handler(TypeHandler(Update, tandai), group=-1)
        return app

    kuesioner.jawab = jawab  # type: ignore[assignment]
    try:
        lama, diserahkan, _ = await _dengan_pengemudi("kuesioner", ids, soal, jeda, buat)
    finally:
        kuesioner.jawab = asli  # type: ignore[assignment]
    jeda_ms = [(komit[u] - diserahkan[u]) * 1000 for u in komit if u in diserahkan]
    return {
        "jawaban": len(komit),
        "detik": lama,
        "per_detik": len(komit) / lama,
        "p50_ms": persentil(jeda_ms, 50),
        "p95_ms": persentil(jeda_ms, 95),
    }


async def ukur_gema(jumlah: int, soal: int) -> dict[str, float]:
    """A minimal echo bot over the same fake: the floor of what any bot here can do."""

    def buat(base_url: str, file_url: str) -> Any:
        app = (
            ApplicationBuilder()
            .token(TOKEN)
            .base_url(base_url)
            .base_file_url(file_url)
            .concurrent_updates(True)
            .build()
        )

        async def gema(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            assert update.message is not None and update.effective_chat is not None
            await context.bot.send_message(update.effective_chat.id, update.message.text or "")

        app.add_handler(MessageHandler(filters.TEXT, gema))
        return app

    ids = [100_000 + i for i in range(jumlah)]
    lama, _, _ = await _dengan_pengemudi("gema", ids, soal, 0.0, buat)
    return {"pesan": jumlah * soal, "detik": lama, "per_detik": jumlah * soal / lama}


async def ukur_mesin(
    nama: str, jumlah: int, soal: int, soal_berjeda: int, jeda: float, server_pg: str | None
) -> float:
    """Both runs (saturation, paced) on one engine, printed; returns the saturated rate."""
    with tempfile.TemporaryDirectory() as folder:
        bot = await ukur_bot(Path(folder), jumlah, soal, server_pg=server_pg)
    with tempfile.TemporaryDirectory() as folder:
        berjeda = await ukur_bot(Path(folder), jumlah, soal_berjeda, jeda, server_pg=server_pg)
    print(f"{nama}:")
    print(
        f"  answers committed: {bot['jawaban']:.0f} in {bot['detik']:.1f} s = "
        f"{bot['per_detik']:.0f} answers/s (target >= 300)"
    )
    print(
        f"  update handed out -> answer committed: p50 {bot['p50_ms']:.1f} ms, "
        f"p95 {bot['p95_ms']:.1f} ms (target p95 < 50 ms)"
    )
    print(
        f"  paced: {jumlah} respondents x {soal_berjeda} questions, ~{jeda:g} s to think each "
        f"(offered ~{jumlah / jeda:.0f} answers/s): {berjeda['per_detik']:.0f} answers/s, "
        f"p50 {berjeda['p50_ms']:.1f} ms, p95 {berjeda['p95_ms']:.1f} ms"
    )
    return bot["per_detik"]


async def utama(jumlah: int, soal: int, soal_berjeda: int, jeda: float, dengan_pg: bool) -> None:
    print(f"respondents {jumlah} x questions {soal}, all pressing at once (saturation)")
    print("fake Bot API and users in a second process; databases on this machine's disk")
    laju: dict[str, float] = {}
    laju["SQLite (WAL)"] = await ukur_mesin("SQLite (WAL)", jumlah, soal, soal_berjeda, jeda, None)
    if dengan_pg:
        # A local server with its durable defaults (fsync on), in a folder of its own.
        with basis_data.cluster_sementara(awet=True) as server:
            if server is None:
                print("PostgreSQL: not installed here (bash .ci/sistem installs it); skipped")
            else:
                laju["PostgreSQL"] = await ukur_mesin(
                    "PostgreSQL (local, fsync on)", jumlah, soal, soal_berjeda, jeda, server
                )
    gema = await ukur_gema(jumlah, soal)
    print(
        f"echo bot: {gema['pesan']:.0f} messages in {gema['detik']:.1f} s = "
        f"{gema['per_detik']:.0f}/s"
    )
    for nama, per_detik in laju.items():
        print(
            f"cost ratio on {nama.split(' ')[0]} (echo rate / our rate): "
            f"{gema['per_detik'] / per_detik:.2f}x (target <= 2x)"
        )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--responden", type=int, default=200)
    p.add_argument("--soal", type=int, default=60)
    p.add_argument("--soal-berjeda", type=int, default=10, help="questions in the paced run")
    p.add_argument("--jeda", type=float, default=3.0, help="seconds to think, paced run")
    p.add_argument("--tanpa-postgresql", action="store_true", help="SQLite only")
    args = p.parse_args()
    asyncio.run(
        utama(args.responden, args.soal, args.soal_berjeda, args.jeda, not args.tanpa_postgresql)
    )


if __name__ == "__main__":
    main()
