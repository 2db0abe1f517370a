"""Storage: tables, migrations and query functions. Nothing here imports telegram."""
