// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/url.h"
// TODO(#2): implementation in progress.
