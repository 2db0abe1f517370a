"""Pure domain rules: no I/O, no Telegram; tested in microseconds."""
