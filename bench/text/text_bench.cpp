// SPDX-License-Identifier: AGPL-3.0-or-later
// Text kernels on a realistic French news item (~3 KB). Peer: the same work done the
// straightforward ICU way (BreakIterator over UTF-16, then NFKC_Casefold + accent stripping
// through a Transliterator, per word), to show what the hand-written fast path buys.
// Read bytes_per_second; the ingestion budget is 5,000 items/s of 2-5 KB on 2 cores.
// CLD2 allocates and frees a large scratch buffer per call; with glibc's default heap trimming
// that costs page faults on every call (x5 on detect_language). Run with
// MALLOC_TRIM_THRESHOLD_=268435456 (or mallopt(M_TRIM_THRESHOLD) in main/) to see the cost a
// long-running server pays.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "bench/text/french_sample.h"
#include "text/text.h"

namespace {

using vigie::bench::kFrenchItem;
const auto kItemBytes = static_cast<std::int64_t>(kFrenchItem.size());

void BM_Tokenize(benchmark::State& state) {
  for (auto _ : state) {
    auto tokens = vigie::text::tokenize(kFrenchItem);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_Tokenize);

void BM_Fold(benchmark::State& state) {
  for (auto _ : state) {
    auto folded = vigie::text::fold(kFrenchItem);
    benchmark::DoNotOptimize(folded.data());
  }
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_Fold);

// Peer: plain ICU, as one would write it first.
void BM_Peer_IcuTokenizeAndFold(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  std::unique_ptr<icu::Transliterator> strip(icu::Transliterator::createInstance(
      "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU setup failed");
    return;
  }
  for (auto _ : state) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(kFrenchItem.data(), static_cast<std::int32_t>(kFrenchItem.size())));
    words->setText(text);
    std::vector<std::string> terms;
    std::int32_t from = words->first();
    for (std::int32_t to = words->next(); to != icu::BreakIterator::DONE;
         from = to, to = words->next()) {
      if (words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) {
        continue;
      }
      icu::UnicodeString word = nfkc_cf->normalize(text.tempSubStringBetween(from, to), status);
      strip->transliterate(word);
      std::string term;
      word.toUTF8String(term);
      terms.push_back(std::move(term));
    }
    benchmark::DoNotOptimize(terms.data());
  }
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_Peer_IcuTokenizeAndFold);

// Everything ingestion does with an item's text, once: what bounds items per second.
void BM_IngestPipeline(benchmark::State& state) {
  for (auto _ : state) {
    const std::string lang = vigie::text::detect_language(kFrenchItem, "fr");
    const auto tokens = vigie::text::tokenize(kFrenchItem);
    std::vector<std::string> stems;
    for (const auto& token : tokens) {
      if (!vigie::text::is_stop_word(token.term, lang)) {
        stems.push_back(vigie::text::stem(token.term, lang));
      }
    }
    benchmark::DoNotOptimize(stems.data());
    benchmark::DoNotOptimize(vigie::text::simhash(tokens));
    benchmark::DoNotOptimize(vigie::text::sha256_hex(kFrenchItem));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_IngestPipeline);

void BM_StemAndStopWords(benchmark::State& state) {
  const auto tokens = vigie::text::tokenize(kFrenchItem);
  for (auto _ : state) {
    std::size_t kept = 0;
    for (const auto& token : tokens) {
      if (!vigie::text::is_stop_word(token.term, "fr")) {
        kept += vigie::text::stem(token.term, "fr").size();
      }
    }
    benchmark::DoNotOptimize(kept);
  }
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_StemAndStopWords);

// The memo's miss path: every word is new (Snowball, accent restoration, memo insertion).
void BM_StemUnseenWords(benchmark::State& state) {
  std::uint64_t n = 0;
  std::string word;
  for (auto _ : state) {
    word = "exportations";
    for (std::uint64_t k = ++n; k > 0; k /= 26) {
      word.insert(word.begin(), static_cast<char>('a' + k % 26));
    }
    benchmark::DoNotOptimize(vigie::text::stem(word, "fr"));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StemUnseenWords);

void BM_Sha256(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(vigie::text::sha256_hex(kFrenchItem));
  }
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_Sha256);

void BM_DetectLanguage(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(vigie::text::detect_language(kFrenchItem));
  }
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_DetectLanguage);

void BM_SimHash(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(vigie::text::simhash(kFrenchItem));
  }
  state.SetBytesProcessed(state.iterations() * kItemBytes);
}
BENCHMARK(BM_SimHash);

}  // namespace

BENCHMARK_MAIN();
