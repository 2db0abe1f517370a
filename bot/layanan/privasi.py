"""A person's rights over their data (UU PDP 27/2022): a copy of it, erasure, a chosen name,
and erasure of accounts that stopped being used (retention)."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.dokumen import xlsx
from bot.layanan import Ditolak, Layanan
from bot.layanan.bukti import jalur
from bot.layanan.instrumen import untuk_versi
from db import audit, pengguna
from db import privasi as db_privasi

# How long a Telegram user who belongs to no school (never joined, or left every school) is
# kept after their last message: long enough for an invite to arrive or a school to be
# registered after a holiday, short enough that a passer-by is not kept. See README.
RETENSI_TANPA_SEKOLAH = timedelta(days=90)
# Telegram takes files up to 50 MB from a bot; the data and the XLSX need room beside the files.
BATAS_PAKET = 45 * 1024 * 1024
NAMA_MIN, NAMA_MAKS = 2, 100


@dataclass
class Paket:
    """What /datasaya sends: files (name, bytes) and the evidence left out for size."""

    berkas: list[tuple[str, bytes]]
    dilewati: list[str] = field(default_factory=list)
    jumlah_bukti: int = 0


def _sel(nilai: object) -> object:
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, dict | list):
        return json.dumps(nilai, ensure_ascii=False)
    return nilai


def _lembar(nama: str, baris: list[dict[str, object]], kosong: str) -> xlsx.Lembar:
    if not baris:
        return xlsx.Lembar(nama[:31], [xlsx.Kolom(nama, 30)], [[kosong]])
    kolom = list(baris[0])
    return xlsx.Lembar(
        nama[:31],
        [xlsx.Kolom(k, max(12, min(60, len(k) + 4))) for k in kolom],
        [[_sel(b.get(k)) for k in kolom] for b in baris],
    )


def _bangun(
    data: dict[str, Any], berkas: list[Any], judul: str, kosong: str, lay: Layanan
) -> Paket:
    """JSON, XLSX and, with evidence files, one ZIP (blocking: run in a thread)."""
    teks_json = json.dumps(data, ensure_ascii=False, indent=2).encode()
    buku = xlsx.buat(
        [_lembar(k, v, kosong) for k, v in data.items() if isinstance(v, list)],
        judul=judul,
        pembuat="Asisten Mutu",
        dibuat=lay.sekarang(),
    )
    tanggal = lay.sekarang().date().isoformat()
    dasar = [(f"data-saya-{tanggal}.json", teks_json), (f"data-saya-{tanggal}.xlsx", buku)]
    if not berkas:
        return Paket(dasar)
    sisa = BATAS_PAKET - len(teks_json) - len(buku)
    paket = Paket([], jumlah_bukti=0)
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as zf:
        for nama, isi in dasar:
            zf.writestr(nama, isi)
        for b in berkas:
            nama = f"bukti/{b.id}-{Path(b.nama_file or b.path).name}"
            path = jalur(lay.settings.data_dir, b.path)
            if b.ukuran > sisa or not path.exists():
                paket.dilewati.append(b.nama_file or f"bukti {b.id}")
                continue
            zf.write(path, nama)
            sisa -= b.ukuran
            paket.jumlah_bukti += 1
    paket.berkas = [(f"data-saya-{tanggal}.zip", keluaran.getvalue())]
    return paket


async def ekspor(lay: Layanan, pengguna_id: int, *, oleh: str = "pengguna") -> Paket:
    """Everything the bot holds about the person, built off the event loop; the request is
    audited (by whom: the person, or the operator)."""
    async with lay.mesin.begin() as conn:
        data = await db_privasi.milik(conn, pengguna_id)
        berkas = await db_privasi.berkas_bukti(conn, pengguna_id)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="privasi.ekspor",
            pengguna_id=pengguna_id,
            sekolah_id=None,
            objek="pengguna",
            objek_id=pengguna_id,
            rincian={"oleh": oleh, "bukti": len(berkas)},
        )
    r = lay.render
    paket = await asyncio.to_thread(
        _bangun, data, berkas, r.label("privasi.judul_berkas"), r.label("privasi.kosong"), lay
    )
    return paket


async def sekolah_kepala_terakhir(lay: Layanan, pengguna_id: int) -> list[str]:
    """Schools that would be left without a kepala sekolah if this person left."""
    async with lay.mesin.connect() as conn:
        return await db_privasi.sekolah_kepala_terakhir(conn, pengguna_id)


async def hapus(lay: Layanan, pengguna_id: int, *, oleh: str = "pengguna") -> bool:
    """Erase the person (see db/privasi.py for what stays as the school's record). Refused
    (`Ditolak("kepala_terakhir")`) while they are a school's only kepala sekolah. False when
    there was no such user. The audit entry names no one and holds none of the erased text."""
    r = lay.render
    async with lay.mesin.begin() as conn:
        sekolah = await db_privasi.sekolah_kepala_terakhir(conn, pengguna_id)
        if sekolah:
            raise Ditolak("kepala_terakhir", sekolah=", ".join(sekolah))
        peran = await db_privasi.peran_terakhir(conn, pengguna_id)
        nama = (
            r.label("privasi.nama_terhapus_peran", peran=r.nama_peran(peran))
            if peran
            else r.label("privasi.nama_terhapus")
        )
        ada = await pengguna.ambil(conn, pengguna_id) is not None
        kode_teks: set[str] = set()
        for versi in await db_privasi.versi_jawaban(conn, pengguna_id):
            inst = await untuk_versi(lay, versi, conn)
            kode_teks.update(p.kode for p in inst.semua_pertanyaan() if p.jenis == "teks")
        paths = await db_privasi.hapus(
            conn, pengguna_id, nama, lay.sekarang(), frozenset(kode_teks)
        )
        if ada:
            await audit.catat(
                conn,
                waktu=lay.sekarang(),
                aksi="privasi.hapus",
                pengguna_id=None,
                sekolah_id=None,
                rincian={"oleh": oleh, "peran": peran, "berkas_dihapus": len(paths)},
            )
    lay.lupakan_aktor(pengguna_id)
    if paths:
        async with lay.mesin.connect() as conn:
            dipakai = await db_privasi.path_dipakai(conn, paths)
        dibuang = [jalur(lay.settings.data_dir, p) for p in set(paths) if p not in dipakai]
        await asyncio.to_thread(_hapus_berkas, dibuang)
    return ada


def _hapus_berkas(paths: list[Path]) -> None:
    for p in paths:
        p.unlink(missing_ok=True)


def periksa_nama(nama: str) -> str:
    """A name a person may choose: trimmed, 2-100 characters, printable; else `Ditolak`."""
    bersih = " ".join(nama.split())
    if not NAMA_MIN <= len(bersih) <= NAMA_MAKS or not bersih.isprintable():
        raise Ditolak("nama_tidak_sah", minimum=NAMA_MIN, maksimum=NAMA_MAKS)
    return bersih


async def ganti_nama(lay: Layanan, pengguna_id: int, nama: str) -> str:
    """Show this name from now on (Telegram's name no longer replaces it); audited."""
    bersih = periksa_nama(nama)
    async with lay.mesin.begin() as conn:
        await pengguna.pilih_nama(conn, pengguna_id, bersih)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="privasi.ganti_nama",
            pengguna_id=pengguna_id,
            sekolah_id=None,
            objek="pengguna",
            objek_id=pengguna_id,
        )
    lay.lupakan_aktor(pengguna_id)
    return bersih


async def hapus_kedaluwarsa(lay: Layanan) -> int:
    """Erase every user who has belonged to no school for the retention period; how many."""
    async with lay.mesin.connect() as conn:
        ids = await db_privasi.kedaluwarsa(conn, lay.sekarang() - RETENSI_TANPA_SEKOLAH)
    for pid in ids:
        await hapus(lay, pid, oleh="retensi")
    return len(ids)
