"""3,000 due reminders dispatched with the standby running: two `asisten-mutu run` processes on
one throwaway PostgreSQL server (one active, one waiting), the fake Bot API with Telegram's
limits (30 messages a second overall, one a second per chat, 429 beyond). Then the same with
the active process killed (kill -9) in the middle of the burst: the standby takes over and
sends the rest. Prints messages per second, 429 responses, doubles, lost, and takeover time.
The processes and the fake are the ones tests/percakapan/test_siaga_kill.py runs.

    python -m bench.pengingat_siaga [--jumlah 3000] [--sewa 30]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from db.migrasi_api import tingkatkan
from tests import basis_data
from tests.fakes.pengguna import Pengguna
from tests.percakapan.test_siaga import _log, _tunggu_log, proses_bot
from tests.percakapan.test_siaga_kill import PENANDA, FakeTahan, _diterima, _rencanakan


def _waktu_terima(api: FakeTahan) -> list[float]:
    """Arrival times of the reminders the fake accepted, in order."""
    return sorted(
        c.at
        for c in api.calls_to("sendMessage")
        if c.ok and PENANDA in str(c.params.get("text", ""))
    )


def _laju(waktu: list[float]) -> float:
    return (len(waktu) - 1) / (waktu[-1] - waktu[0]) if len(waktu) > 1 else float("nan")


async def gelombang(
    server: str, folder: Path, jumlah: int, sewa: int, bunuh_di: int | None
) -> dict[str, float]:
    """One burst of `jumlah` due reminders (one per recipient) on a fresh database; with
    `bunuh_di`, the active process is killed while that reminder is in flight."""
    url = await asyncio.to_thread(basis_data.basis_data_kosong, server)
    await asyncio.to_thread(tingkatkan, url)
    hasil: dict[str, float] = {}
    api = FakeTahan(tahan_ke=bunuh_di or 0)
    async with api:
        penerima = [Pengguna(api, 30_000 + n, f"Penerima {n}") for n in range(jumlah)]
        async with proses_bot("aktif", url, api, folder, sewa) as aktif:
            await _tunggu_log(folder / "aktif.log", "polling")
            async with proses_bot("siaga", url, api, folder, sewa) as siaga:
                await _tunggu_log(folder / "siaga.log", "standby: another process is active")
                harap = await _rencanakan(url, penerima, ganda=0)
                mati = None
                if bunuh_di:
                    await asyncio.wait_for(api.ditahan.wait(), jumlah)
                    aktif.kill()  # SIGKILL, with one reminder in flight
                    await aktif.wait()
                    mati = time.monotonic()
                    await _tunggu_log(folder / "siaga.log", "polling", batas=120)
                    hasil["ambil_alih"] = time.monotonic() - mati
                # Wait for the last reminder; give up after two minutes without progress.
                sebelumnya, diam_sejak = -1, time.monotonic()
                while (n := sum(_diterima(api).values())) < sum(harap.values()):
                    if n != sebelumnya:
                        sebelumnya, diam_sejak = n, time.monotonic()
                    elif time.monotonic() - diam_sejak > sewa + 120:
                        break
                    await asyncio.sleep(0.5)
                await asyncio.sleep(sewa + 2)  # a lease that ran out would send a row again now
                hasil["siaga_hidup"] = float(siaga.returncode is None)
        diterima = _diterima(api)
        waktu = _waktu_terima(api)
        if mati is not None:
            sebelum = [t for t in waktu if t < mati]
            sesudah = [t for t in waktu if t > mati]
            hasil["sebelum"] = len(sebelum)
            hasil["laju_aktif"] = _laju(sebelum)
            hasil["laju_siaga"] = _laju(sesudah)
            hasil["kiriman_pertama"] = sesudah[0] - mati if sesudah else float("nan")
    hasil.update(
        diterima=sum(diterima.values()),
        laju=_laju(waktu),
        detik=waktu[-1] - waktu[0] if waktu else float("nan"),
        ditolak_429=api.rejected_429,
        ganda=sum(max(0, diterima[k] - v) for k, v in harap.items())
        + sum(v for k, v in diterima.items() if k not in harap),
        hilang=sum(max(0, v - diterima[k]) for k, v in harap.items()),
    )
    if hasil["hilang"] and mati is not None:
        print((_log(folder / "siaga.log"))[-2000:])
    return hasil


def _cetak(judul: str, h: dict[str, float], jumlah: int) -> None:
    print(f"{judul}:")
    print(
        f"  delivered {h['diterima']:.0f}/{jumlah} in {h['detik']:.1f} s = {h['laju']:.1f} "
        f"messages/s (target >= 28); 429: {h['ditolak_429']:.0f}, doubles: {h['ganda']:.0f}, "
        f"lost: {h['hilang']:.0f} (targets 0)"
    )
    if "ambil_alih" in h:
        print(
            f"  killed after {h['sebelum']:.0f} delivered ({h['laju_aktif']:.1f}/s); the standby "
            f"was polling {h['ambil_alih']:.1f} s after the kill (limit 15 s), its first "
            f"reminder arrived {h['kiriman_pertama']:.1f} s after the kill, then "
            f"{h['laju_siaga']:.1f}/s"
        )
    print(f"  standby still running at the end: {'yes' if h['siaga_hidup'] else 'NO'}")


async def utama(jumlah: int, sewa: int) -> None:
    with basis_data.cluster_sementara(awet=True) as server:
        if server is None:
            raise SystemExit("PostgreSQL is not installed here (bash .ci/sistem installs it)")
        print(
            f"{jumlah} due reminders, one per recipient; two `asisten-mutu run` on one "
            f"PostgreSQL (lease {sewa} s, outbox tick 1 s)"
        )
        with tempfile.TemporaryDirectory() as nama:
            h = await gelombang(server, Path(nama), jumlah, sewa, bunuh_di=None)
        _cetak("standby waiting, no failure", h, jumlah)
        with tempfile.TemporaryDirectory() as nama:
            h = await gelombang(server, Path(nama), jumlah, sewa, bunuh_di=jumlah // 2)
        _cetak(f"active process killed (kill -9) at reminder {jumlah // 2}", h, jumlah)


def main() -> None:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--jumlah", type=int, default=3_000)
    p.add_argument("--sewa", type=int, default=30, help="outbox lease, seconds (PENGINGAT_SEWA)")
    args = p.parse_args()
    asyncio.run(utama(args.jumlah, args.sewa))


if __name__ == "__main__":
    main()
