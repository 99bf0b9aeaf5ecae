"""Demo certificates (placeholder)."""


def load_demo() -> None:
    pass
