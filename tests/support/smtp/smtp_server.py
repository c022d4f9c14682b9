#!/usr/bin/python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""A real SMTP server for Vigie's tests (aiosmtpd, Debian's python3-aiosmtpd).

Run with Debian's own /usr/bin/python3: another python3 first on PATH may lack aiosmtpd.
Listens on 127.0.0.1, prints "READY <port>" on stdout once it accepts connections, and stores
each accepted message in --maildir as NNNNNN.eml (the bytes received) plus NNNNNN.json (the
envelope), the .json written last and atomically, so a reader never sees half a message.

Behaviours for fault tests:
  --reject ADDR   answers 550 to RCPT TO:<ADDR> (a permanent bounce), repeatable
  --defer ADDR    answers 451 to RCPT TO:<ADDR> (try again later), repeatable
  --delay-for ADDR=SECONDS  waits before accepting DATA for that recipient (a slow server)
  --auth USER:PASS          requires AUTH PLAIN/LOGIN with these credentials
  --tls CERT KEY            offers STARTTLS with this certificate
  --smtps CERT KEY          implicit TLS (smtps://)
"""
import argparse
import asyncio
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.maildir = args.maildir
        self.implicit_tls = bool(args.smtps)
        self.reject = {a.lower() for a in args.reject}
        self.defer = {a.lower() for a in args.defer}
        self.delays = {}
        for spec in args.delay_for:
            addr, _, seconds = spec.rpartition("=")
            self.delays[addr.lower()] = float(seconds)
        self.seq = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if address.lower() in self.defer:
            return "451 4.3.0 <%s>: Temporary failure, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        delay = max((self.delays.get(r.lower(), 0.0) for r in envelope.rcpt_tos), default=0.0)
        if delay > 0:
            await asyncio.sleep(delay)
        self.seq += 1
        base = os.path.join(self.maildir, "%06d" % self.seq)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": self.implicit_tls or session.ssl is not None,
            "authenticated": bool(session.authenticated),
        }
        with open(base + ".tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".tmp", base + ".json")
        return "250 2.0.0 Ok: queued as %06d" % self.seq


def tls_context(cert, key):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--maildir", required=True)
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--defer", action="append", default=[])
    p.add_argument("--delay-for", action="append", default=[])
    p.add_argument("--auth")
    p.add_argument("--tls", nargs=2)
    p.add_argument("--smtps", nargs=2)
    args = p.parse_args()
    os.makedirs(args.maildir, exist_ok=True)
    handler = Handler(args)

    smtp_kwargs = {"hostname": "smtp.test", "decode_data": False}
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login == user.encode()
                  and auth_data.password == password.encode())
            return AuthResult(success=ok, handled=False)

        smtp_kwargs.update(authenticator=authenticator, auth_required=True,
                           auth_require_tls=bool(args.tls))
    if args.tls:
        smtp_kwargs.update(tls_context=tls_context(*args.tls), require_starttls=False)
    server_ssl = tls_context(*args.smtps) if args.smtps else None

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, **smtp_kwargs), host="127.0.0.1", port=args.port,
        ssl=server_ssl, reuse_address=True))
    port = server.sockets[0].getsockname()[1]
    print("READY %d" % port, flush=True)
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
