"""The operator's part of `asisten-mutu`: `backup DIR`, `restore DIR`, `sekolah ...` and
`pengguna ...` (see README, "Personal data")."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from bot import cadangan
from bot.config import KonfigurasiSalah, Settings
from db.mesin import libpq_postgresql, path_sqlite
from db.migrasi_api import tingkatkan

PERINTAH = ("backup", "restore", "sekolah", "pengguna")


def tambah_parser(sub: Any) -> None:
    """The operator's commands, on the main parser's subcommands."""
    backup = sub.add_parser(
        "backup",
        help="copy the database (SQLite; PostgreSQL by pg_dump) and the evidence files",
    )
    backup.add_argument("folder", metavar="DIR", type=Path, help="target folder (must not exist)")
    restore = sub.add_parser(
        "restore", help="restore a backup into an empty database and an empty data folder"
    )
    restore.add_argument("folder", metavar="DIR", type=Path, help="a folder made by backup")
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


def jalankan(settings: Settings, args: argparse.Namespace) -> None:
    """Run one of `PERINTAH`; `KonfigurasiSalah` with one line when it cannot."""
    if args.perintah == "backup":
        cadangkan(settings, args.folder)
    elif args.perintah == "restore":
        pulihkan(settings, args.folder)
    else:
        tingkatkan(settings.database_url)
        asyncio.run(_operator(settings, args))


def cadangkan(settings: Settings, tujuan: Path) -> None:
    """The database and the evidence files into a new folder; never overwrites."""
    db = path_sqlite(settings.database_url)
    if db is not None:
        jumlah, ukuran = cadangan.cadangkan(db, settings.data_dir, tujuan)
    elif libpq_postgresql(settings.database_url) is not None:
        jumlah, ukuran = cadangan.cadangkan_postgresql(
            settings.database_url, settings.data_dir, tujuan
        )
    else:
        raise KonfigurasiSalah(_BUKAN_DB_INI.format(perintah="backup"))
    print(f"backup written to {tujuan} (database and {jumlah} files, {ukuran} bytes)")


def pulihkan(settings: Settings, sumber: Path) -> None:
    """A backup folder into an empty database and data folder, then the migrations."""
    db = path_sqlite(settings.database_url)
    if db is not None:
        jumlah = cadangan.pulihkan(sumber, db, settings.data_dir)
    elif libpq_postgresql(settings.database_url) is not None:
        jumlah = cadangan.pulihkan_postgresql(sumber, settings.database_url, settings.data_dir)
    else:
        raise KonfigurasiSalah(_BUKAN_DB_INI.format(perintah="restore"))
    tingkatkan(settings.database_url)
    print(f"restored {sumber}: database and {jumlah} files")


_BUKAN_DB_INI = (
    "{perintah} works on a SQLite file or a PostgreSQL DATABASE_URL; use your database's "
    "tools and copy DATA_DIR beside them"
)


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
