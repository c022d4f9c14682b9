// SPDX-License-Identifier: AGPL-3.0-or-later
// tokenize(): a hand-written scanner for scripts that separate words with spaces or
// punctuation (Latin, Greek, Cyrillic, Arabic, Hebrew, Indic...), and ICU's dictionary-based
// word break iterator for the scripts that do not (Chinese, Japanese, Thai...). The scanner
// is what keeps ingestion fast: most of the text Vigie reads is French or English.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "core/assert.h"
#include "text/text.h"
#include "text/unicode.h"

namespace vigie::text {
namespace {

// Longer "words" are base64 blobs, glued URLs or tracking ids: nobody searches for them, and
// search backends cap term length (Xapian at about 245 bytes).
constexpr std::size_t kMaxWordBytes = 128;

bool is_ascii_space(unsigned char b) {
  return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
}

bool is_ascii_word(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>& out) : text_(text), out_(out) {}

  void run() {
    const std::size_t n = text_.size();
    std::size_t i = 0;
    while (i < n) {
      while (i < n && is_ascii_space(static_cast<unsigned char>(text_[i]))) {
        ++i;
      }
      std::size_t end = i;
      while (end < n && !is_ascii_space(static_cast<unsigned char>(text_[end]))) {
        ++end;
      }
      if (end > i) {
        if (needs_icu(i, end)) {
          segment_with_icu(i, end);
        } else {
          scan(i, end);
        }
      }
      i = end;
    }
  }

 private:
  // Whether the space-delimited chunk [begin, end) holds a script without word spaces.
  bool needs_icu(std::size_t begin, std::size_t end) const {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
    for (std::size_t i = begin; i < end; ++i) {
      if (s[i] < 0xE0) {
        continue;  // ASCII, two-byte sequences and continuation bytes: all spaced scripts
      }
      auto j = static_cast<std::int32_t>(i);
      UChar32 c = 0;
      U8_NEXT(s, j, static_cast<std::int32_t>(end), c);
      if (c >= 0 && detail::needs_dictionary_segmentation(static_cast<char32_t>(c))) {
        return true;
      }
    }
    return false;
  }

  // Splits [begin, end) into maximal runs of word code points and emits each run.
  void scan(std::size_t begin, std::size_t end) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
    std::size_t word_begin = begin;
    bool in_word = false;
    for (std::size_t i = begin; i < end;) {
      const std::size_t at = i;
      bool word = false;
      if (s[i] < 0x80) {
        word = is_ascii_word(s[i]);
        ++i;
      } else {
        auto j = static_cast<std::int32_t>(i);
        UChar32 c = 0;
        U8_NEXT(s, j, static_cast<std::int32_t>(end), c);
        i = static_cast<std::size_t>(j);
        word = c >= 0 && detail::is_word_code_point(static_cast<char32_t>(c));
      }
      if (word && !in_word) {
        word_begin = at;
        in_word = true;
      } else if (!word && in_word) {
        emit(word_begin, at);
        in_word = false;
      }
    }
    if (in_word) {
      emit(word_begin, end);
    }
  }

  void segment_with_icu(std::size_t begin, std::size_t end) {
    // A break iterator is costly to create and stateful: one per thread, reused.
    thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::BreakIterator> it(
          icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
      VIGIE_CHECK(U_SUCCESS(status) && it != nullptr, "ICU word break data is in libicudata");
      return it;
    }();
    UErrorCode status = U_ZERO_ERROR;
    const std::string_view chunk = text_.substr(begin, end - begin);
    // A UTF-8 UText lets ICU report byte offsets into the original text directly.
    UText* utext =
        utext_openUTF8(nullptr, chunk.data(), static_cast<std::int64_t>(chunk.size()), &status);
    iterator->setText(utext, status);
    if (U_FAILURE(status)) {
      utext_close(utext);
      scan(begin, end);
      return;
    }
    std::int32_t from = iterator->first();
    for (std::int32_t to = iterator->next(); to != icu::BreakIterator::DONE;
         from = to, to = iterator->next()) {
      if (iterator->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
        // ICU keeps "l'économie" or "2,5" whole; re-scanning splits them as the fast path
        // does, so a word gets the same tokens whatever script surrounds it.
        scan(begin + static_cast<std::size_t>(from), begin + static_cast<std::size_t>(to));
      }
    }
    // Detach the iterator from the UText before closing it.
    iterator->setText(icu::UnicodeString());
    utext_close(utext);
  }

  void emit(std::size_t begin, std::size_t end) {
    if (end - begin > kMaxWordBytes) {
      return;
    }
    Token token;
    detail::fold_append(text_.substr(begin, end - begin), token.term);
    if (token.term.empty()) {
      return;  // only marks or ignorable format characters
    }
    token.position = position_++;
    token.offset = static_cast<std::uint32_t>(begin);
    token.length = static_cast<std::uint32_t>(end - begin);
    out_.push_back(std::move(token));
  }

  std::string_view text_;
  std::vector<Token>& out_;
  std::uint32_t position_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view utf8) {
  // Offsets are 32-bit: text past 4 GiB is not tokenised (items are capped far below that).
  if (utf8.size() > UINT32_MAX) {
    utf8 = utf8.substr(0, UINT32_MAX);
  }
  std::vector<Token> tokens;
  tokens.reserve(utf8.size() / 6);
  Tokenizer(utf8, tokens).run();
  return tokens;
}

}  // namespace vigie::text
