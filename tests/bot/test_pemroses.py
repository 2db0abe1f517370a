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
