"""moto's S3 server for the tests, one request at a time.

`python3 -m moto.server` runs werkzeug threaded, and moto checks
`If-None-Match: *` and then stores the object as two steps with no lock
between them: under load two concurrent create-only PUTs of one key can both
pass, which real S3 never allows. The tests assert that S3 guarantee
(tests/support/storage-contract.ts), so this launcher serves the same moto
application behind one lock: connections still get a thread each (a client's
idle keep-alive connection blocks nobody), but each request runs alone.

Usage: python3 scripts/moto_server.py HOST PORT   (PORT 0 picks a free one;
werkzeug logs "Running on http://HOST:PORT" on stderr, as moto.server does.)
"""
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def main() -> None:
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def one_at_a_time(environ, start_response):
        with lock:
            # The body is produced inside the lock too: moto may build it lazily.
            return list(app(environ, start_response))

    run_simple(host, port, one_at_a_time, threaded=True)


if __name__ == "__main__":
    main()
