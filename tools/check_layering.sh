#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The dependency direction of STYLE.md H2, checked by grepping includes per module, and
# a few rules of the same kind (prefetches go through core::prefetch).
# Usage: check_layering.sh SRC_DIR. Exits 1 and lists every violation.
set -u
src=${1:?usage: check_layering.sh SRC_DIR}
fail=0

violation() { echo "layering: $1"; fail=1; }

# forbid MODULE_DIR REGEX WHY
forbid() {
  local dir=$1 re=$2 why=$3
  [[ -d "$src/$dir" ]] || return 0
  local hits
  hits=$(grep -rnE --include='*.h' --include='*.cpp' "$re" "$src/$dir" || true)
  if [[ -n "$hits" ]]; then
    while IFS= read -r line; do violation "$line ($why)"; done <<<"$hits"
  fi
}

io='#include *[<"](curl/|sqlite3\.h|libpq-fe\.h|xapian|sys/socket\.h|netinet/|arpa/|thread>|mutex>|fstream>|httplib\.h)'
for pure in core text ingest match publish; do
  forbid "$pure" "$io" "pure module: no I/O, no threads"
  forbid "$pure" 'system_clock::now|getenv|std::rand\(|time\(nullptr\)' "pure module: no clock, environment or global randomness"
done

# Pure modules depend only on lower pure modules.
forbid core '#include "(text|ingest|match|fetch|storage|service|worker|web|cli|main)/' "core depends on nothing"
forbid text '#include "(ingest|match|fetch|storage|service|worker|web|cli|main)/' "text depends on core only"
forbid ingest '#include "(match|fetch|storage|service|worker|web|cli|main)/' "ingest depends on core and text"
forbid match '#include "(ingest|fetch|storage|service|worker|web|cli|main)/' "match depends on core and text"
forbid publish '#include "(ingest|match|fetch|storage|service|worker|web|cli|main)/' "publish depends on core, text and mail's pure headers"
# publish/ composes emails as mail::Message: it may see mail/mime.h and mail/mailer.h, nothing else
# of mail/ (never mail/smtp/, never curl).
publish_mail=$(grep -rnE --include='*.h' --include='*.cpp' '#include "mail/' "$src/publish" 2>/dev/null \
  | grep -vE '#include "mail/(mime|mailer)\.h"' || true)
if [[ -n "$publish_mail" ]]; then
  while IFS= read -r line; do violation "$line (publish/ sees only mail/mime.h and mail/mailer.h)"; done <<<"$publish_mail"
fi

# mail/ is pure (the Mailer interface, MIME composition); only mail/smtp/ sees libcurl.
mail_hits=$(grep -nE --include='*.h' --include='*.cpp' -r "$io|#include \"(storage|service|worker|web|cli|main|fetch)/" "$src/mail" --exclude-dir=smtp 2>/dev/null || true)
if [[ -n "$mail_hits" ]]; then
  while IFS= read -r line; do violation "$line (mail/ outside smtp/ is pure)"; done <<<"$mail_hits"
fi

# Only fetch/ and mail/smtp/ see curl; only storage/ sees its backends; service sees interfaces only.
for m in core text ingest match publish storage service worker web cli main; do
  forbid "$m" '#include *<curl/' "only fetch/ sees libcurl"
done
for m in core text ingest match fetch service worker web cli main; do
  forbid "$m" '#include *<(sqlite3\.h|libpq-fe\.h|xapian\.h)>' "only storage/ sees database libraries"
done
for m in core text ingest match fetch service worker web cli; do
  forbid "$m" '#include "storage/(sqlite|postgres|xapian)/' "concrete backends are wired by main/ only"
done
# fetch/curl's own files include each other; nobody else outside main/ may.
for m in core text ingest match storage service worker web cli; do
  forbid "$m" '#include "fetch/curl/' "concrete backends are wired by main/ only"
  forbid "$m" '#include "mail/smtp/' "concrete backends are wired by main/ only"
done
# cpp-httplib stays inside the HTTP server: handlers see web/http.h values only.
for m in core text ingest match publish fetch mail storage service worker cli; do
  forbid "$m" '#include *[<"]httplib\.h' "only web/ and main/ see cpp-httplib"
done
forbid service '#include "(web|cli|worker|main)/' "service is below the adapters"
forbid web '#include "(cli|worker|main)/' "web is an adapter over services"
forbid worker '#include "(web|cli|main)/' "worker is below main"
forbid cli '#include "(web|main)/' "cli is below main"

# Prefetches go through core::prefetch: GCC 12 silently deletes helpers whose only effect is a
# __builtin_prefetch (core/prefetch.h).
prefetch_hits=$(grep -rn --include='*.h' --include='*.cpp' '__builtin_prefetch' "$src" \
  | grep -v "^$src/core/prefetch.h:" || true)
if [[ -n "$prefetch_hits" ]]; then
  while IFS= read -r line; do violation "$line (use core::prefetch)"; done <<<"$prefetch_hits"
fi

if [[ $fail -eq 0 ]]; then echo "layering: ok"; fi
exit $fail
