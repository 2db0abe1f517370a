"""The `asisten-mutu` command: run the bot, migrate, back up and restore, and the operator's
tools for schools and for one person's data."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from telegram.error import InvalidToken, NetworkError

from bot import __version__, cadangan
from bot.config import (
    KonfigurasiSalah,
    Settings,
    berkas_instrumen,
    muat_settings,
    opsi_webhook,
)
from bot.mutu import akreditasi_instrumen as mutu_akreditasi
from bot.mutu import instrumen as mutu_instrumen
from bot.mutu.akreditasi_instrumen import BERKAS, FOLDER_DATA
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
    backup = sub.add_parser(
        "backup", help="copy the SQLite database and the evidence files while the bot runs"
    )
    backup.add_argument("folder", metavar="DIR", type=Path, help="target folder (must not exist)")
    restore = sub.add_parser("restore", help="restore a backup into an empty data folder")
    restore.add_argument("folder", metavar="DIR", type=Path, help="a folder made by backup")
    _parser_operator(sub)
    return p


def _parser_operator(sub: Any) -> None:
    skl = sub.add_parser("sekolah", help="look up, hand over or deactivate a school")
    skl_sub = skl.add_subparsers(dest="aksi_sekolah", metavar="ACTION", required=True)
    skl_sub.add_parser("cari", help="show a school by NPSN").add_argument("npsn", metavar="NPSN")
    serahkan = skl_sub.add_parser(
        "serahkan", help="make a user the school's kepala sekolah (the previous ones leave)"
    )
    serahkan.add_argument("npsn", metavar="NPSN")
    serahkan.add_argument("pengguna_id", metavar="TELEGRAM_ID", type=int)
    skl_sub.add_parser(
        "nonaktifkan", help="every member leaves the school; its records stay"
    ).add_argument("npsn", metavar="NPSN")
    png = sub.add_parser("pengguna", help="export or erase one person's data")
    png_sub = png.add_subparsers(dest="aksi_pengguna", metavar="ACTION", required=True)
    ekspor = png_sub.add_parser("ekspor", help="write the person's data (as /datasaya) to DIR")
    ekspor.add_argument("pengguna_id", metavar="TELEGRAM_ID", type=int)
    ekspor.add_argument("folder", metavar="DIR", type=Path)
    png_sub.add_parser("hapus", help="erase the person's data (as /hapusdata)").add_argument(
        "pengguna_id", metavar="TELEGRAM_ID", type=int
    )


def jalankan(settings: Settings, webhook: bool = False) -> None:
    """Migrate, then poll (or serve the webhook) until stopped (Ctrl+C)."""
    from bot.app import ALLOWED_UPDATES, buat_aplikasi

    settings.token()  # fail fast, before touching the database
    opsi = opsi_webhook(settings) if webhook else None
    masalah = mutu_instrumen.periksa(berkas_instrumen(settings))
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


def _db_sqlite(settings: Settings, perintah: str) -> Path:
    db = path_sqlite(settings.database_url)
    if db is None:
        raise KonfigurasiSalah(
            f"{perintah} works on a SQLite DATABASE_URL only; use your database's tools "
            "and copy DATA_DIR beside them"
        )
    return db


def cadangkan(settings: Settings, tujuan: Path) -> None:
    """The database and the evidence files into a new folder; never overwrites."""
    jumlah, ukuran = cadangan.cadangkan(_db_sqlite(settings, "backup"), settings.data_dir, tujuan)
    print(f"backup written to {tujuan} (database and {jumlah} files, {ukuran} bytes)")


def pulihkan(settings: Settings, sumber: Path) -> None:
    """A backup folder into an empty data folder, then the migrations."""
    jumlah = cadangan.pulihkan(sumber, _db_sqlite(settings, "restore"), settings.data_dir)
    tingkatkan(settings.database_url)
    print(f"restored {sumber}: database and {jumlah} files")


def operator(settings: Settings, args: argparse.Namespace) -> None:
    """`sekolah ...` and `pengguna ...` on the configured database."""
    tingkatkan(settings.database_url)
    asyncio.run(_operator(settings, args))


async def _operator(settings: Settings, args: argparse.Namespace) -> None:
    from bot import operator as op
    from bot.layanan import Layanan
    from db.mesin import buat_mesin

    lay = Layanan(mesin=buat_mesin(settings.database_url), settings=settings)
    try:
        aksi = getattr(args, "aksi_sekolah", None) or args.aksi_pengguna
        if aksi == "cari":
            i = await op.cari(lay, args.npsn)
            print(f"{i.npsn} {i.nama} ({i.jenjang}), {i.wilayah}; registered {i.dibuat_pada}")
            print("members: " + (", ".join(f"{p} {n}" for p, n in i.anggota.items()) or "none"))
            print("kepala sekolah (Telegram id): " + (", ".join(map(str, i.kepala)) or "none"))
            print(f"cycle: {i.siklus or 'none'}")
        elif aksi == "serahkan":
            lama = await op.serahkan(lay, args.npsn, args.pengguna_id)
            print(
                f"{args.pengguna_id} is now kepala sekolah of {args.npsn}"
                + (f"; left the school: {', '.join(map(str, lama))}" if lama else "")
            )
        elif aksi == "nonaktifkan":
            print(f"{args.npsn} deactivated; {await op.nonaktifkan(lay, args.npsn)} members left")
        elif aksi == "ekspor":
            for path in await op.ekspor(lay, args.pengguna_id, args.folder):
                print(f"written {path}")
        elif aksi == "hapus":
            await op.hapus(lay, args.pengguna_id)
            print(f"user {args.pengguna_id} erased")
    finally:
        await lay.mesin.dispose()


def periksa_instrumen(berkas: Path) -> int:
    """Validate an instrument file: 0 and a summary when fine, 1 and every problem if not."""
    masalah = mutu_instrumen.periksa(berkas)
    if masalah:
        print("\n".join(masalah), file=sys.stderr)
        return 1
    inst = mutu_instrumen.muat(berkas)
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
        masalah = mutu_akreditasi.periksa(path)
        if masalah:
            print("\n".join(masalah), file=sys.stderr)
            hasil = 1
            continue
        inst = mutu_akreditasi.muat(path)
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
            cadangkan(settings, args.folder)
        elif args.perintah == "restore":
            pulihkan(settings, args.folder)
        elif args.perintah in ("sekolah", "pengguna"):
            operator(settings, args)
    except KonfigurasiSalah as exc:
        print(f"asisten-mutu: {exc}", file=sys.stderr)
        return KELUAR_KONFIGURASI
    except TidakTerjangkau as exc:
        print(f"asisten-mutu: {exc}", file=sys.stderr)
        return KELUAR_JARINGAN
    return 0


if __name__ == "__main__":
    sys.exit(main())
