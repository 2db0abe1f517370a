"""Documents and charts. Everything here is CPU work: call it through `asyncio.to_thread`."""
