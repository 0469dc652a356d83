"""Placeholder: the demo generator lands with the foundation."""


def load_demo_if_empty(store) -> bool:
    return False
