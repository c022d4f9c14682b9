// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// ErrorCode -> HTTP status, in this one place (STYLE.md H4): services never know HTTP. Error
// bodies are a short page in the reader's language, or JSON for API clients; they never carry
// the technical message (it goes to the log), so an error reveals nothing about the server.

#include "core/error.h"
#include "web/http.h"
#include "web/page.h"

namespace vigie::web {

// InvalidInput 400, PermissionDenied 403, NotFound 404, Conflict 409, Unavailable 503,
// Internal 500.
int status_for(core::ErrorCode code);

// The response for an error a handler returned.
Response error_response(const core::Error& error, const Request& request,
                        const Translations& messages);

// The response for a status decided by the HTTP layer itself (no route 404, 405, 413, 400 for
// a malformed request, ...). JSON when the client asks for it (Accept: application/json, a
// path under /api/ or ending in .json), else an HTML page.
Response status_response(int status, const Request& request, const Translations& messages);

}  // namespace vigie::web
