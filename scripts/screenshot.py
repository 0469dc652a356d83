"""Look at a page as a person would: ``python scripts/screenshot.py URL OUT.png [--wait SECONDS]``.

Opens the URL in Debian's Chromium through Playwright, waits until Streamlit's
script run has finished, and saves a full-page screenshot.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import chromium, wait_idle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    with chromium() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(args.url)
        wait_idle(page)
        page.wait_for_timeout(1500)  # let charts draw
        page.screenshot(path=args.out, full_page=True)


if __name__ == "__main__":
    main()
