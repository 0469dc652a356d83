"""Message catalogues: one module per area, each with ``MESSAGES = {key: (en, ka)}``."""
