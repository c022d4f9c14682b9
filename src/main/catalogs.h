// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The message catalogs embedded in the binary (data/i18n/*.po).

#include <string_view>

#include "core/i18n.h"

namespace vigie::main {

// Messages in `lang` ("fr" or "en"), English as the fallback for a missing key.
core::Messages make_messages(std::string_view lang);

}  // namespace vigie::main
