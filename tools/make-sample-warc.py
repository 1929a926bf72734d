#!/usr/bin/env python3
"""Builds samples/wikinews-crawl.warc.gz from a saved page, as a crawler would have stored it.

The archive has a warcinfo record, then for the page a request, a response and a metadata record,
each record its own gzip member. The response body is gzip-compressed and sent chunked, with the
charset in the HTTP Content-Type header, so the sample exercises what Sitrep's WARC reader undoes.

Usage: python3 tools/make-sample-warc.py   (from the repository root; deterministic output)
"""
import gzip
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tools" / "sample-sources" / "asylum-seekers-rescued.html"
URL = "https://en.wikinews.org/wiki/Over_900_asylum_seekers_rescued_off_Indonesian_coast"
OUT = ROOT / "samples" / "wikinews-crawl.warc.gz"
DATE = "2015-05-19T08:00:00Z"


def record(kind, number, block, target=None, content_type="application/warc-fields"):
    head = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:5a0e1c2d-0000-4000-8000-{number:012d}>",
        f"WARC-Date: {DATE}",
    ]
    if target:
        head.append(f"WARC-Target-URI: {target}")
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}", "", ""]
    raw = "\r\n".join(head).encode() + block + b"\r\n\r\n"
    member = io.BytesIO()
    with gzip.GzipFile(fileobj=member, mode="wb", mtime=0) as z:
        z.write(raw)
    return member.getvalue()


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    body = gzip.compress(PAGE.read_bytes(), mtime=0)
    response = (b"HTTP/1.1 200 OK\r\n"
                b"Content-Type: text/html; charset=UTF-8\r\n"
                b"Content-Encoding: gzip\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n") + chunked(body)
    request = f"GET {URL[len('https://en.wikinews.org'):]} HTTP/1.1\r\nHost: en.wikinews.org\r\n\r\n".encode()
    records = [
        record("warcinfo", 1, b"software: sitrep tools/make-sample-warc.py\r\nformat: WARC File Format 1.1\r\n"),
        record("request", 2, request, URL, "application/http; msgtype=request"),
        record("response", 3, response, URL, "application/http; msgtype=response"),
        record("metadata", 4, b"via: https://en.wikinews.org/wiki/Main_Page\r\n", URL),
    ]
    OUT.write_bytes(b"".join(records))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
