"""deploy/nginx/newsroom.conf, checked by nginx itself and run in front of a stand-in app.

The stand-in answers as the app will (Cache-Control with s-maxage, an ETag, 304 to a
matching If-None-Match) and records what reached it, so the test sees what nginx
kept, what it passed on and with which headers.
"""

import datetime
import json
import shutil
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.servers import free_port

SITE = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "newsroom.conf"
PUBLIC_PAGE = "public, max-age=0, s-maxage=60, stale-while-revalidate=30"

pytestmark = pytest.mark.skipif(
    not shutil.which("nginx"), reason="nginx is not installed (apt-get install nginx)"
)


def self_signed_certificate(directory):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "news.example.com")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (directory / "fullchain.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (directory / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def local_site(tmp_path, *, app_port=8000, http_port=80, https_port=443):
    """The site as a newsroom would install it, with this machine's paths and ports."""
    self_signed_certificate(tmp_path)
    site = SITE.read_text()
    for ours, local in [
        ("/etc/letsencrypt/live/news.example.com/", f"{tmp_path}/"),
        ("/var/cache/nginx/", f"{tmp_path}/"),
        ("/var/log/nginx/", f"{tmp_path}/"),
        ("/srv/newsroom/var/", f"{tmp_path}/var/"),
        ("server 127.0.0.1:8000", f"server 127.0.0.1:{app_port}"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;", ""),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen [::]:443 ssl http2;", ""),
    ]:
        assert ours in site, ours
        site = site.replace(ours, local)
    (tmp_path / "site.conf").write_text(site)
    main = tmp_path / "nginx.conf"
    main.write_text(
        # Root's workers, so they can read the test's private temporary folder.
        f"user root;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )
    return main


def nginx(*args, conf):
    return subprocess.run(
        ["nginx", "-p", f"{conf.parent}/", "-c", str(conf), *args], capture_output=True, text=True
    )


def test_nginx_accepts_the_site(tmp_path):
    result = nginx("-t", conf=local_site(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


class StandInApp(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def do_GET(self):
        headers = dict(self.headers)
        type(self).seen.append((self.path, headers))
        staff = "sessionid=" in headers.get("Cookie", "")
        body = json.dumps(
            {"path": self.path, "staff": staff, "n": len(self.seen), "headers": headers},
            ensure_ascii=False,
        ).encode()
        etag = f'"{self.path}-{staff}"'
        if headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", self.cache_control(staff))
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", self.cache_control(staff))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def cache_control(self, staff):
        if staff:
            return "private, no-store"
        if self.path.startswith("/short/"):
            return "public, max-age=0, s-maxage=1, stale-while-revalidate=30"
        return PUBLIC_PAGE

    def log_message(self, *args):
        pass


@pytest.fixture
def site(tmp_path):
    StandInApp.seen = []
    app = ThreadingHTTPServer(("127.0.0.1", 0), StandInApp)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    static = tmp_path / "var" / "static"
    static.mkdir(parents=True)
    (static / "site.0123456789ab.css").write_text("body { color: #222 }")
    http_port, https_port = free_port(), free_port()
    conf = local_site(
        tmp_path, app_port=app.server_address[1], http_port=http_port, https_port=https_port
    )
    server = subprocess.Popen(
        ["nginx", "-p", f"{tmp_path}/", "-c", str(conf), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    site = Site(http_port, https_port)
    site.wait_until_up(server)
    yield site
    server.terminate()
    server.wait(timeout=10)
    server.stderr.close()
    app.shutdown()
    app.server_close()


class Site:
    def __init__(self, http_port, https_port):
        self.http_port, self.https_port = http_port, https_port
        self.tls = ssl.create_default_context()
        self.tls.check_hostname = False
        self.tls.verify_mode = ssl.CERT_NONE

    def get(self, path, *, https=True, **headers):
        port = self.https_port if https else self.http_port
        url = f"{'https' if https else 'http'}://127.0.0.1:{port}{path}"
        request = urllib.request.Request(url, headers={"Host": "news.example.com", **headers})
        opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=self.tls), NoRedirects()
        )
        try:
            with opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def wait_until_up(self, process):
        deadline = time.monotonic() + 10
        while True:
            try:
                self.get("/static/site.0123456789ab.css")
                return
            except urllib.error.URLError:
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline
                time.sleep(0.05)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def reached_app(path):
    return [headers for seen, headers in StandInApp.seen if seen == path]


def test_readers_share_cached_pages_staff_never_do(site):
    page = "/politics/%E6%9D%B1%E4%BA%AC/"  # /politics/東京/, as a browser sends it
    assert site.get(page)[1]["X-Cache-Status"] == "MISS"
    status, headers, body = site.get(page)
    assert (status, headers["X-Cache-Status"]) == (200, "HIT")
    assert len(reached_app(page)) == 1

    status, headers, body = site.get(page, Cookie="sessionid=staff-session; lang=ja")
    assert headers["X-Cache-Status"] == "BYPASS"
    assert json.loads(body)["staff"] is True
    assert len(reached_app(page)) == 2
    assert json.loads(site.get(page)[2])["staff"] is False, "the staff page was not stored"

    fresh = "/business/café/".replace("é", "%C3%A9")
    site.get(fresh, Cookie="sessionid=staff-session")
    assert site.get(fresh)[1]["X-Cache-Status"] == "MISS", "staff visits fill nothing"


@pytest.mark.parametrize("path", ["/admin/", "/preview/7/", "/webauthn/begin/", "/healthz"])
def test_private_addresses_always_reach_the_app(site, path):
    for _ in range(3):
        status, headers, _ = site.get(path)
        assert status == 200
        assert "X-Cache-Status" not in headers
    assert len(reached_app(path)) == 3


def test_an_expired_page_is_revalidated_with_its_etag(site):
    site.get("/short/")
    time.sleep(2.1)  # nginx counts whole seconds
    status, headers, _ = site.get("/short/")
    assert status == 200
    assert headers["X-Cache-Status"] in {"STALE", "UPDATING", "REVALIDATED"}
    deadline = time.monotonic() + 5
    while len(reached_app("/short/")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert reached_app("/short/")[1]["If-None-Match"] == '"/short/-False"'


def test_the_app_learns_the_client_scheme_and_request_id(site):
    status, headers, body = site.get("/rankings/", **{"X-Forwarded-For": "203.0.113.66"})
    seen = json.loads(body)["headers"]
    assert seen["X-Forwarded-For"] == "127.0.0.1", "what the client claimed is dropped"
    assert seen["X-Forwarded-Proto"] == "https"
    assert seen["Host"] == "news.example.com"
    assert len(seen["X-Request-ID"]) == 32


def test_plain_http_is_redirected_and_hashed_static_files_are_kept_a_year(site):
    status, headers, _ = site.get("/politics/?page=2", https=False)
    assert status == 301
    assert headers["Location"] == "https://news.example.com/politics/?page=2"
    status, headers, body = site.get("/static/site.0123456789ab.css")
    assert status == 200 and body == b"body { color: #222 }"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
