#!/usr/bin/env python3
"""The review console in a real browser (issue 17; R-E6, R-E7, R-E8), driven by ConsoleBrowserTests.

Headless Debian chromium through chromium-driver and selenium (PyPI; scripts/install-deps --browser puts it in
.build/browser-venv). Logs in with a one-time link from `zhtj console --no-open --json`, checks the queue's rows,
opens the first review, waits for page 1 of the scan in the canvas and checks it is not blank, rejects it with a
reason code and a typed reason (R, then Ctrl+Enter), lands on the next item, approves it with the key A and lands
on the empty queue. Prints one JSON line with the ids it rejected and approved.

  console_review.py --check                      only checks that selenium, chromium and chromedriver are there
  console_review.py --url URL --names 李明,张伟 --reason-code no-stamp --reason "…"

ZHTJ_CONSOLE_SCREENSHOTS=DIR saves DIR/console-queue.png and DIR/console-review.png (1280x800).
Exit status: 0 done, 1 a check failed, 3 something to install is missing (run scripts/install-deps --browser).
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import traceback
from urllib.parse import urlparse, parse_qs

INSTALL = "run scripts/install-deps --browser (it installs chromium, chromium-driver and selenium)"
WINDOW = (1280, 800)
TIMEOUT = 60  # seconds; a debug zhtjd on a busy machine is slow


def missing(what):
    print(f"console_review.py: {what}: {INSTALL}", file=sys.stderr)
    sys.exit(3)


def find_programs():
    browser = os.environ.get("ZHTJ_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("ZHTJ_CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser:
        missing("chromium is not installed (Debian package chromium)")
    if not driver:
        missing("chromedriver is not installed (Debian package chromium-driver)")
    return browser, driver


try:
    from selenium import webdriver
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError as error:
    missing(f"selenium cannot be imported by {sys.executable} ({error})")


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def start_browser():
    browser, driver = find_programs()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in [
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        "--lang=zh-CN",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--hide-scrollbars",
    ]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=driver)
    session = webdriver.Chrome(service=service, options=options)
    # The page's viewport exactly WINDOW (the window's size includes headless chromium's make-believe toolbars).
    session.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False})
    session.set_page_load_timeout(TIMEOUT)
    return session


def path_of(browser):
    return urlparse(browser.current_url).path


def wait_for_path(browser, wanted, what):
    try:
        WebDriverWait(browser, TIMEOUT).until(lambda b: path_of(b) == wanted)
    except Exception:
        raise Failed(f"{what}: expected {wanted}, the browser is at {browser.current_url}")


def flash(browser):
    found = browser.find_elements(By.ID, "flash")
    return found[0].text if found else ""


def wait_for_scan(browser):
    """Waits until pdf.js has drawn page 1, then samples the canvas: some dark pixels (text), mostly not dark."""
    try:
        WebDriverWait(browser, TIMEOUT).until(
            lambda b: b.find_element(By.ID, "page").get_attribute("data-rendered") == "1")
    except Exception:
        status = browser.find_element(By.ID, "pdf-status").text
        raise Failed(f"the scan was not drawn within {TIMEOUT} s (#pdf-status: {status!r})")
    pixels = browser.execute_script("""
        var canvas = document.getElementById("page");
        var data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        var dark = 0, opaque = 0;
        for (var i = 0; i < data.length; i += 4) {
          if (data[i + 3] > 0) { opaque++; }
          if (data[i + 3] > 0 && data[i] < 128 && data[i + 1] < 128 && data[i + 2] < 128) { dark++; }
        }
        return { width: canvas.width, height: canvas.height, dark: dark, opaque: opaque,
                 dataURL: canvas.toDataURL("image/png").length };
    """)
    total = pixels["width"] * pixels["height"]
    check(total > 100_000, f"the canvas is too small: {pixels}")
    check(pixels["opaque"] > total * 0.9, f"the canvas is mostly transparent (nothing drawn): {pixels}")
    check(200 < pixels["dark"] < total * 0.5, f"the canvas looks blank (or black): {pixels}")
    return pixels


def press(browser, keys):
    ActionChains(browser).send_keys(keys).perform()


def review_id(browser):
    return int(browser.find_element(By.ID, "review").get_attribute("data-id"))


def run(args):
    names = [n for n in args.names.split(",") if n]
    check(len(names) == 2, "--names: two members, the first to reject and the second to approve")
    shots = os.environ.get("ZHTJ_CONSOLE_SCREENSHOTS", "")
    if shots:
        os.makedirs(shots, exist_ok=True)
    browser = start_browser()
    try:
        return walk(browser, args, names, shots)
    except Exception:
        where = tempfile.mkdtemp(prefix="zhtj-console-failure-")
        try:
            browser.save_screenshot(os.path.join(where, "page.png"))
            with open(os.path.join(where, "page.html"), "w", encoding="utf-8") as f:
                f.write(browser.page_source)
            log = "\n".join(str(entry) for entry in browser.get_log("browser"))
        except Exception as error:
            log = f"(no log: {error})"
        print(f"at {browser.current_url}; screenshot and page in {where}\nbrowser console:\n{log}", file=sys.stderr)
        raise
    finally:
        browser.quit()


def walk(browser, args, names, shots):
    # Log in: the one-time link sets the session cookie and leads to the queue.
    browser.get(args.url)
    wait_for_path(browser, "/queue", "after the login link")
    rows = browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
    links = browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr a.open-review")
    check(len(rows) == 2 and len(links) == 2, f"the queue should list 2 items, it has: {[r.text for r in rows]}")
    for row, name in zip(rows, names):
        check(name in row.text, f"queue row {row.text!r} should name {name}")
    ids = [int(link.text) for link in links]
    check(ids == sorted(ids), f"the queue is oldest first: {ids}")
    if shots:
        browser.save_screenshot(os.path.join(shots, "console-queue.png"))

    # The first item: the member's data and page 1 of the scan (R-E6).
    links[0].click()
    wait_for_path(browser, f"/review/{ids[0]}", "after opening the first review")
    check(browser.find_element(By.ID, "member-name").text == names[0], "the review page shows the first member")
    pixels = wait_for_scan(browser)
    if shots:
        browser.save_screenshot(os.path.join(shots, "console-review.png"))

    # Reject it (R-E6, R-E7): a reason code, then R focuses the reason, typed, sent with Ctrl+Enter.
    Select(browser.find_element(By.ID, "reason-code")).select_by_value(args.reason_code)
    press(browser, Keys.ESCAPE)  # leaves the select, so the next key goes to the page
    press(browser, "r")
    active = browser.switch_to.active_element
    check(active.get_attribute("id") == "reason", f"R should focus #reason, focus is on {active.get_attribute('id')!r}")
    active.send_keys(args.reason)
    check(active.get_attribute("value") == args.reason, f"the reason box holds {active.get_attribute('value')!r}")
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()

    # The next item opens, with a line saying what was done.
    wait_for_path(browser, f"/review/{ids[1]}", "after rejecting")
    query = parse_qs(urlparse(browser.current_url).query)
    check(query.get("prev") == [str(ids[0])], f"the next item knows the previous one: {browser.current_url}")
    check(f"已驳回第 {ids[0]} 号" in flash(browser), f"#flash after rejecting: {flash(browser)!r}")
    check(review_id(browser) == ids[1], "the review page is the second item")
    check(browser.find_element(By.ID, "member-name").text == names[1], "the review page shows the second member")
    wait_for_scan(browser)

    # Approve it with the key A (R-E8); nothing is left, so the queue opens with its empty row.
    press(browser, "a")
    wait_for_path(browser, "/queue", "after approving the last item")
    check(f"已通过第 {ids[1]} 号" in flash(browser), f"#flash after approving: {flash(browser)!r}")
    check(len(browser.find_elements(By.ID, "queue-empty")) == 1, "the queue shows its empty row")
    check(len(browser.find_elements(By.CSS_SELECTOR, "#queue a.open-review")) == 0, "the queue lists nothing")
    return {"rejected": ids[0], "approved": ids[1], "canvas": pixels}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that everything needed is installed")
    parser.add_argument("--url", help="the one-time login link")
    parser.add_argument("--names", default="", help="the two members in the queue, in order, comma-separated")
    parser.add_argument("--reason-code", default="no-stamp")
    parser.add_argument("--reason", default="第2页缺少团组织公章")
    args = parser.parse_args()
    if args.check:
        browser, driver = find_programs()
        print(json.dumps({"python": sys.executable, "chromium": browser, "chromedriver": driver}))
        return 0
    if not args.url:
        parser.error("--url is required")
    try:
        result = run(args)
    except Failed as failure:
        print(f"console_review.py: {failure}", file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
