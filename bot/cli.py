"""The `asisten-mutu` command: run the bot, migrate, and (bot/cli_operator.py) back up,
restore, and the operator's tools for schools and for one person's data."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from telegram.error import InvalidToken, NetworkError

from bot import __version__, cli_operator
from bot.config import (
    KonfigurasiSalah,
    Settings,
    berkas_instrumen,
    muat_settings,
    opsi_webhook,
)
from bot.layanan import instrumen_berkas
from db.berkas_instrumen import BERKAS, FOLDER_DATA
from db.kunci_proses import KunciPostgresql, SudahBerjalan, kunci_sqlite
from db.mesin import path_sqlite
from db.migrasi_api import tingkatkan

KELUAR_KONFIGURASI = 2
KELUAR_JARINGAN = 1
JEDA_JAGA = 5.0  # seconds between checks that the active process still holds its lock
KUNCI_HILANG = "kunci_hilang"


class KunciHilang(Exception):
    """The active process lost its database lock; it stops so that only one runs."""


class TidakTerjangkau(Exception):
    """Telegram cannot be reached at start-up; one line for the operator."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="asisten-mutu",
        description="Asisten Mutu: a Telegram bot that guides schools through SPMI.",
        epilog="Settings come from the environment or .env (see README.md).",
    )
    p.add_argument("--version", action="version", version=f"asisten-mutu {__version__}")
    sub = p.add_subparsers(dest="perintah", metavar="COMMAND", required=True)
    run = sub.add_parser("run", help="migrate the database, then run the bot (long polling)")
    run.add_argument(
        "--webhook",
        action="store_true",
        help="receive updates by webhook (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_LISTEN)",
    )
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="aksi_db", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="apply the migrations up to the newest schema")
    instrumen = sub.add_parser("instrumen", help="the stage-1 instrument data")
    ins_sub = instrumen.add_subparsers(dest="aksi_instrumen", metavar="ACTION", required=True)
    periksa = ins_sub.add_parser("periksa", help="validate an instrument file (default: shipped)")
    periksa.add_argument("berkas", metavar="FILE", type=Path, nargs="?", help="YAML file")
    akr = ins_sub.add_parser(
        "periksa-akreditasi",
        help="validate an accreditation instrument file (default: both shipped ones)",
    )
    akr.add_argument("berkas", metavar="FILE", type=Path, nargs="?", help="YAML file")
    sub.add_parser(
        "pekerja",
        help="build and send documents in this process, so the bot's chat stays quick",
    )
    cli_operator.tambah_parser(sub)
    return p


def jalankan(settings: Settings, webhook: bool = False) -> None:
    """Migrate, then poll (or serve the webhook) until stopped (Ctrl+C)."""
    from bot.app import ALLOWED_UPDATES, buat_aplikasi

    settings.token()  # fail fast, before touching the database
    opsi = opsi_webhook(settings) if webhook else None
    masalah = instrumen_berkas.periksa(berkas_instrumen(settings))
    # The accreditation instruments too (IA2024, IASP 2020, the old IA2024 draft).
    for nama in BERKAS.values():
        masalah += instrumen_berkas.periksa_akreditasi(FOLDER_DATA / nama)
    if masalah:
        raise KonfigurasiSalah("the instrument file is broken:\n" + "\n".join(masalah))
    kunci = jadi_aktif(settings)  # before migrating: two processes never migrate at once
    tingkatkan(settings.database_url)
    app = buat_aplikasi(settings)
    if kunci is not None:
        jaga_kunci(app, kunci)
    try:
        if opsi is None:
            logging.getLogger(__name__).info("Asisten Mutu %s polling", __version__)
            app.run_polling(allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False)
        else:
            logging.getLogger(__name__).info(
                "Asisten Mutu %s on a webhook, listening on %s:%s",
                __version__,
                opsi.listen,
                opsi.port,
            )
            app.run_webhook(
                listen=opsi.listen,
                port=opsi.port,
                url_path=opsi.url_path,
                webhook_url=opsi.webhook_url,
                secret_token=opsi.secret_token,
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
        if app.bot_data.get(KUNCI_HILANG):
            raise KunciHilang("lost the database lock while running; a standby takes over")
    except InvalidToken:
        raise KonfigurasiSalah(
            "Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather"
        ) from None
    except NetworkError as exc:
        raise TidakTerjangkau(
            f"cannot reach the Bot API at {settings.telegram_api_url} ({exc}); "
            "check the network or TELEGRAM_API_URL"
        ) from None


def jadi_aktif(settings: Settings) -> KunciPostgresql | None:
    """Become the one active process on the database: on SQLite refuse when another runs; on
    PostgreSQL wait as a standby until the active one is gone (db/kunci_proses.py)."""
    berkas_db = path_sqlite(settings.database_url)
    if berkas_db is not None:
        try:
            kunci_sqlite(berkas_db)  # held until the process ends
        except SudahBerjalan:
            raise KonfigurasiSalah(
                f"another asisten-mutu run is already using {berkas_db}; "
                "only one bot process may run on a SQLite database"
            ) from None
        return None
    if make_url(settings.database_url).get_backend_name() != "postgresql":
        return None
    kunci = KunciPostgresql(settings.database_url)
    kunci.tunggu()
    return kunci


def jaga_kunci(app: Any, kunci: KunciPostgresql) -> None:
    """Stop the bot when its lock's connection is lost: a standby may be active by then, and
    two active processes would both poll and both send. The process ends with an error, so
    its supervisor starts it again, as a standby."""

    async def periksa(context: Any) -> None:
        if not await asyncio.to_thread(kunci.masih_dipegang):
            logging.getLogger(__name__).error(
                "lost the database lock; stopping (a standby takes over)"
            )
            context.application.bot_data[KUNCI_HILANG] = True
            context.application.stop_running()

    app.job_queue.run_repeating(periksa, interval=JEDA_JAGA, first=JEDA_JAGA)


def jalankan_pekerja(settings: Settings) -> None:
    """A document worker until Ctrl+C or SIGTERM (see bot/pekerja.py)."""
    from bot import pekerja

    settings.token()

    async def utama() -> None:
        berhenti = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sinyal in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sinyal, berhenti.set)
        await pekerja.jalankan(settings, berhenti)

    asyncio.run(utama())


def periksa_instrumen(berkas: Path) -> int:
    """Validate an instrument file: 0 and a summary when fine, 1 and every problem if not."""
    masalah = instrumen_berkas.periksa(berkas)
    if masalah:
        print("\n".join(masalah), file=sys.stderr)
        return 1
    inst = instrumen_berkas.muat(berkas)
    soal = inst.semua_pertanyaan()
    print(
        f"{berkas.name}: version {inst.versi}, {len(inst.standar)} standards, "
        f"{sum(len(s.indikator) for s in inst.standar)} indicators, {len(soal)} questions: OK"
    )
    return 0


def periksa_akreditasi(berkas: Path | None) -> int:
    """Validate accreditation instrument files: 0 and a summary each, or 1 and every problem."""
    semua = [berkas] if berkas else [FOLDER_DATA / nama for nama in BERKAS.values()]
    hasil = 0
    for path in semua:
        masalah = instrumen_berkas.periksa_akreditasi(path)
        if masalah:
            print("\n".join(masalah), file=sys.stderr)
            hasil = 1
            continue
        inst = instrumen_berkas.muat_akreditasi(path)
        print(
            f"{path.name}: {inst.nama}, {len(inst.komponen)} components, {len(inst.inti)} core "
            f"butir, {len(inst.belum_terkonfirmasi())} unconfirmed numbers: OK"
        )
    return hasil


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # WeasyPrint and fontTools log every step of every PDF at INFO.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    try:
        settings = muat_settings()
        if args.perintah == "run":
            jalankan(settings, webhook=args.webhook)
        elif args.perintah == "pekerja":
            jalankan_pekerja(settings)
        elif args.perintah == "db":
            tingkatkan(settings.database_url)
            print("database is at the newest schema")
        elif args.perintah == "instrumen" and args.aksi_instrumen == "periksa-akreditasi":
            return periksa_akreditasi(args.berkas)
        elif args.perintah == "instrumen":
            return periksa_instrumen(args.berkas or berkas_instrumen(settings))
        elif args.perintah in cli_operator.PERINTAH:
            cli_operator.jalankan(settings, args)
    except KonfigurasiSalah as exc:
        print(f"asisten-mutu: {exc}", file=sys.stderr)
        return KELUAR_KONFIGURASI
    except (TidakTerjangkau, KunciHilang) as exc:
        print(f"asisten-mutu: {exc}", file=sys.stderr)
        return KELUAR_JARINGAN
    return 0


if __name__ == "__main__":
    sys.exit(main())
