"""SPME readiness at a full school's size: the estimate and the gap list (IASP 2020, SMK:
44 performance butir and 10 IPR butir, all assessed), the readiness report PDF, and an evidence
bundle of incompressible files split under Telegram's 50 MB upload limit.

    python -m bench.akreditasi [--berkas 120] [--mb 1.0]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.dokumen.akreditasi import (
    BuktiDok,
    ButirDok,
    DokumenAkreditasi,
    KelompokDok,
    buat_bundel,
    buat_pdf,
)
from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.layanan.instrumen_berkas import bawaan as instrumen_snp
from bot.mutu.akreditasi import KeadaanButir, hitung, kesenjangan


def _waktu(fungsi: object, ulang: int) -> float:
    """Median seconds of one call."""
    hasil = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()  # type: ignore[operator]
        hasil.append(time.perf_counter() - mulai)
    return statistics.median(hasil)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--berkas", type=int, default=120, help="evidence files in the bundle")
    p.add_argument("--mb", type=float, default=1.0, help="size of each file in MB")
    args = p.parse_args()

    inst = bawaan("iasp2020")
    butir = inst.semua_butir("SMK")
    keadaan = {
        b.kode: KeadaanButir(
            level=1 + i % 4, jumlah_bukti=i % 2, observasi_ya=i % 3, observasi_total=2
        )
        for i, b in enumerate(butir)
    }
    skor = {
        i.kode: (n % 8) * 0.9 for s in instrumen_snp().standar for n, i in enumerate(s.indikator)
    }
    t_hitung = _waktu(lambda: hitung(inst, "SMK", keadaan), 200)
    t_gap = _waktu(lambda: kesenjangan(inst, "SMK", skor, keadaan), 200)
    print(f"butir: {len(butir)}; estimate {t_hitung * 1e3:.2f} ms; gap list {t_gap * 1e3:.2f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        ukuran = int(args.mb * 1024 * 1024)
        files = []
        for n in range(args.berkas):
            path = Path(tmp) / f"bukti-{n}.jpg"
            path.write_bytes(os.urandom(ukuran))  # photos do not compress
            files.append(BuktiDok(f"Bukti {n}", path.name, ukuran, str(path)))
        per_butir = max(1, len(files) // len(butir))
        kelompok = []
        for k in (*inst.komponen, None):
            kode = k.kode if k else "IPR"
            daftar = [b for b in butir if b.komponen == kode]
            kelompok.append(
                KelompokDok(
                    kode,
                    k.nama if k else "IPR",
                    k.bobot if k else 15,
                    70.0,
                    len(daftar),
                    len(daftar),
                    tuple(
                        ButirDok(
                            b.kode,
                            b.teks,
                            b.confirmed,
                            3,
                            3,
                            False,
                            tuple(
                                files[
                                    (butir.index(b) * per_butir) : (butir.index(b) + 1) * per_butir
                                ]
                            ),
                            1,
                        )
                        for b in daftar
                    ),
                )
            )
        d = DokumenAkreditasi(
            "SMK Negeri 1 Contoh", "20500000", "Kabupaten Contoh", "Jawa Tengah", "SMK",
            inst.nama, inst.nama_lengkap, tuple(kelompok), 75.0, "C (Cukup)", True,
            tuple(f"Kesenjangan {n}" for n in range(20)), (), ("Bobot per komponen",),
            date(2026, 11, 23), datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Asia/Jakarta")),
        )  # fmt: skip
        t_pdf = _waktu(lambda: buat_pdf(d), 3)
        pdf = buat_pdf(d)
        print(f"report PDF: {len(pdf) / 1024:.0f} KB in {t_pdf:.2f} s")
        mulai = time.perf_counter()
        bagian, tertinggal = buat_bundel(d)
        lama = time.perf_counter() - mulai
        total = sum(len(isi) for _, isi in bagian) / 1024 / 1024
        besar = ", ".join(f"{len(isi) / 1024 / 1024:.1f}" for _, isi in bagian)
        print(
            f"bundle: {min(len(files), per_butir * len(butir))} files of {args.mb} MB -> "
            f"{len(bagian)} parts ({besar} MB; limit 50), {total:.0f} MB in {lama:.2f} s; "
            f"left out {len(tertinggal)}"
        )


if __name__ == "__main__":
    main()
