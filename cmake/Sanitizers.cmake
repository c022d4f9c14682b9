# SPDX-License-Identifier: AGPL-3.0-or-later
# ASan + UBSan for the whole build when VIGIE_SANITIZE is on (the debug preset).
if(VIGIE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
