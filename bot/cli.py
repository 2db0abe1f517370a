"""The `asisten-mutu` command: run the bot, migrate, back up."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from telegram.error import InvalidToken, NetworkError

from bot import __version__
from bot.config import (
    KonfigurasiSalah,
    Settings,
    berkas_instrumen,
    muat_settings,
    opsi_webhook,
)
from bot.layanan import instrumen_berkas
from db.berkas_instrumen import BERKAS, FOLDER_DATA
from db.kunci_proses import SudahBerjalan, kunci_sqlite
from db.mesin import path_sqlite
from db.migrasi_api import tingkatkan

KELUAR_KONFIGURASI = 2
KELUAR_JARINGAN = 1


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
    backup = sub.add_parser("backup", help="copy the SQLite database safely while the bot runs")
    backup.add_argument("berkas", metavar="FILE", type=Path, help="target file (must not exist)")
    return p


def jalankan(settings: Settings, webhook: bool = False) -> None:
    """Migrate, then poll (or serve the webhook) until stopped (Ctrl+C)."""
    from bot.app import ALLOWED_UPDATES, buat_aplikasi

    settings.token()  # fail fast, before touching the database
    opsi = opsi_webhook(settings) if webhook else None
    masalah = instrumen_berkas.periksa(berkas_instrumen(settings))
    if masalah:
        raise KonfigurasiSalah("the instrument file is broken:\n" + "\n".join(masalah))
    berkas_db = path_sqlite(settings.database_url)
    if berkas_db is not None:
        try:
            kunci_sqlite(berkas_db)  # held until the process ends
        except SudahBerjalan:
            raise KonfigurasiSalah(
                f"another asisten-mutu run is already using {berkas_db}; "
                "only one bot process may run on a SQLite database"
            ) from None
    tingkatkan(settings.database_url)
    app = buat_aplikasi(settings)
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
    except InvalidToken:
        raise KonfigurasiSalah(
            "Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather"
        ) from None
    except NetworkError as exc:
        raise TidakTerjangkau(
            f"cannot reach the Bot API at {settings.telegram_api_url} ({exc}); "
            "check the network or TELEGRAM_API_URL"
        ) from None


def cadangkan(settings: Settings, tujuan: Path) -> None:
    """SQLite online backup into a new file; never overwrites."""
    sumber = path_sqlite(settings.database_url)
    if sumber is None:
        raise KonfigurasiSalah(
            "backup works on a SQLite DATABASE_URL only; use your database's tools"
        )
    if not sumber.exists():
        raise KonfigurasiSalah(f"no database at {sumber}: nothing to back up")
    if tujuan.exists():
        raise KonfigurasiSalah(f"{tujuan} exists already; choose a new file name")
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(sumber) as asal, sqlite3.connect(tujuan) as salinan:
        asal.backup(salinan)
    print(f"backup written to {tujuan}")


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
    try:
        settings = muat_settings()
        if args.perintah == "run":
            jalankan(settings, webhook=args.webhook)
        elif args.perintah == "db":
            tingkatkan(settings.database_url)
            print("database is at the newest schema")
        elif args.perintah == "instrumen" and args.aksi_instrumen == "periksa-akreditasi":
            return periksa_akreditasi(args.berkas)
        elif args.perintah == "instrumen":
            return periksa_instrumen(args.berkas or berkas_instrumen(settings))
        elif args.perintah == "backup":
            cadangkan(settings, args.berkas)
    except KonfigurasiSalah as exc:
        print(f"asisten-mutu: {exc}", file=sys.stderr)
        return KELUAR_KONFIGURASI
    except TidakTerjangkau as exc:
        print(f"asisten-mutu: {exc}", file=sys.stderr)
        return KELUAR_JARINGAN
    return 0


if __name__ == "__main__":
    sys.exit(main())
