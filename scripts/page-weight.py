#!/usr/bin/env python3
"""Measures what a browser moves to show a page: the HTML and every stylesheet, script and image it
links, as sent with `Accept-Encoding: br, gzip` (bytes of headers and bodies).

Usage: scripts/page-weight.py http://localhost:5080 [/path ...]

First visit: everything. Repeat visit: the page again, and each asset only if its Cache-Control does
not let the browser keep it (no max-age): then a conditional request answered 304.
"""
import re, sys, urllib.request, urllib.error
from urllib.parse import urljoin

HEADERS = {"Accept-Encoding": "br, gzip", "Accept": "text/html,*/*"}


def fetch(url, extra=None):
    request = urllib.request.Request(url, headers={**HEADERS, **(extra or {})})
    try:
        response = urllib.request.urlopen(request)
        status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    header_bytes = len(f"HTTP/1.1 {status} OK\r\n") + sum(len(k) + len(v) + 4 for k, v in headers.items()) + 2
    return status, headers, body, header_bytes


def weigh(base, path, language):
    url = urljoin(base, path) + ("&" if "?" in path else "?") + f"culture={language}"
    status, headers, body, header_bytes = fetch(url)
    html = body.decode("utf-8", "replace") if headers.get("Content-Encoding") is None else None
    if html is None:
        # Compressed page: fetch once more uncompressed, only to read the links.
        html = urllib.request.urlopen(urllib.request.Request(url)).read().decode("utf-8")
    links = re.findall(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"', html)
    first = len(body) + header_bytes
    repeat = len(body) + header_bytes
    rows = [f"  page {path} [{language}] {len(body)} B body ({headers.get('Content-Encoding') or 'identity'})"]
    for link in links:
        asset = urljoin(url, link)
        a_status, a_headers, a_body, a_header_bytes = fetch(asset)
        first += len(a_body) + a_header_bytes
        cache = a_headers.get("Cache-Control") or ""
        if "max-age" not in cache or "max-age=0" in cache:
            etag = a_headers.get("ETag")
            _, _, again, again_headers = fetch(asset, {"If-None-Match": etag} if etag else None)
            repeat += len(again) + again_headers
        rows.append(f"    {link}: {len(a_body)} B ({a_headers.get('Content-Encoding') or 'identity'}; {cache})")
    return first, repeat, rows


def main():
    base = sys.argv[1]
    paths = sys.argv[2:] or ["/"]
    for path in paths:
        for language in ["en", "ar"]:
            first, repeat, rows = weigh(base, path, language)
            print(f"{path} [{language}]: first visit {first / 1024:.1f} KB, repeat visit {repeat / 1024:.1f} KB")
            print("\n".join(rows))


main()
