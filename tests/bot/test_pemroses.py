import asyncio

from telegram import Update

from bot.pemroses import PemrosesPerPengguna


def _update(uid: int, urut: int) -> Update:
    return Update.de_json(
        {
            "update_id": urut,
            "message": {
                "message_id": urut,
                "date": 0,
                "chat": {"id": uid, "type": "private"},
                "from": {"id": uid, "is_bot": False, "first_name": "x"},
                "text": "x",
            },
        },
        None,
    )


async def test_satu_pengguna_berurutan_pengguna_lain_paralel() -> None:
    pemroses = PemrosesPerPengguna(8)
    catatan: list[tuple[int, int, str]] = []

    async def kerja(uid: int, urut: int, lama: float) -> None:
        catatan.append((uid, urut, "mulai"))
        await asyncio.sleep(lama)
        catatan.append((uid, urut, "selesai"))

    tugas = [
        asyncio.create_task(pemroses.process_update(_update(uid, urut), kerja(uid, urut, lama)))
        for uid, urut, lama in [(1, 1, 0.05), (1, 2, 0.0), (2, 3, 0.0), (1, 3, 0.01)]
    ]
    await asyncio.gather(*tugas)
    milik_1 = [(u, s) for uid, u, s in catatan if uid == 1]
    assert milik_1 == [
        (1, "mulai"),
        (1, "selesai"),
        (2, "mulai"),
        (2, "selesai"),
        (3, "mulai"),
        (3, "selesai"),
    ]
    # User 2 did not wait for user 1's slow first update.
    assert catatan.index((2, 3, "selesai")) < catatan.index((1, 1, "selesai"))
    assert pemroses._kunci == {}


async def test_antrean_satu_pengguna_tidak_menahan_pengguna_lain() -> None:
    # Two slots only: with slot-before-turn, the flooder's queued updates would take both.
    pemroses = PemrosesPerPengguna(2)
    gerbang = asyncio.Event()
    urutan: list[int] = []

    async def banjir(urut: int) -> None:
        urutan.append(urut)
        await gerbang.wait()

    async def lain() -> str:
        return "dijawab"

    tugas_banjir = [
        asyncio.create_task(pemroses.process_update(_update(1, urut), banjir(urut)))
        for urut in range(100)
    ]
    await asyncio.sleep(0)
    # Guard against a hang only; nothing here measures time.
    await asyncio.wait_for(pemroses.process_update(_update(2, 1000), lain()), 10)
    assert urutan == [0] and pemroses.antrean(1) == 100  # the flood still queued in full
    assert pemroses.current_concurrent_updates == 1
    gerbang.set()
    await asyncio.gather(*tugas_banjir)
    assert urutan == list(range(100))
    assert pemroses._kunci == {} and pemroses.antrean(1) == 0
