// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/xml_reader.h"

#include <climits>
#include <memory>
#include <utility>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "ingest/xml_feed_builder.h"

namespace vigie::ingest {
namespace {

using xml::Attrs;
using xml::FeedBuilder;

// --- libxml2 SAX2 callbacks: C frames, so no exception may cross them -----------------------

template <class F>
void guarded(void* ctx, F&& f) {
  auto* b = static_cast<FeedBuilder*>(ctx);
  if (b->failed()) {
    return;
  }
  try {
    f(*b);
  } catch (...) {
    b->fail();
  }
}

void on_start(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri,
              int /*nb_namespaces*/, const xmlChar** /*namespaces*/, int nb_attributes,
              int /*nb_defaulted*/, const xmlChar** attributes) {
  guarded(ctx,
          [&](FeedBuilder& b) { b.start(local, prefix, uri, Attrs(nb_attributes, attributes)); });
}

void on_end(void* ctx, const xmlChar* /*local*/, const xmlChar* /*prefix*/,
            const xmlChar* /*uri*/) {
  guarded(ctx, [](FeedBuilder& b) { b.end(); });
}

void on_characters(void* ctx, const xmlChar* ch, int len) {
  guarded(ctx, [&](FeedBuilder& b) {
    b.text(std::string_view(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len)));
  });
}

void on_processing_instruction(void* ctx, const xmlChar* target, const xmlChar* data) {
  guarded(ctx,
          [&](FeedBuilder& b) { b.processing_instruction(xml::view(target), xml::view(data)); });
}

void on_error(void* ctx, xmlErrorPtr err) {
  if (ctx != nullptr && err != nullptr) {
    guarded(ctx, [&](FeedBuilder& b) { b.error(*err); });
  }
}

struct ContextFree {
  void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
};

core::Error not_a_feed(std::string why) {
  return core::Error{core::ErrorCode::InvalidInput, "ingest.not_a_feed",
                     "ingest: not a feed: " + std::move(why)};
}

}  // namespace

core::Result<XmlReadResult> read_xml_feed(const PreparedXml& doc, std::string_view base_url,
                                          std::size_t max_entries) {
  // libxml2 must be initialised once before concurrent use (its documented threading rule).
  static const bool kLibxmlReady = [] {
    xmlInitParser();
    return true;
  }();
  (void)kLibxmlReady;

  const std::string_view text = doc.text();
  if (text.empty()) {
    return tl::unexpected(not_a_feed("no XML element"));
  }
  if (text.size() > static_cast<std::size_t>(INT_MAX)) {
    return core::make_error(core::ErrorCode::InvalidInput, "ingest.too_large",
                            "ingest: document over 2 GiB");
  }
  FeedBuilder builder(base_url, doc, max_entries);
  builder.line_offset = doc.line_offset();

  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.processingInstruction = on_processing_instruction;
  sax.serror = on_error;

  std::unique_ptr<xmlParserCtxt, ContextFree> ctxt(
      xmlCreateMemoryParserCtxt(text.data(), static_cast<int>(text.size())));
  if (!ctxt) {
    return core::make_error(core::ErrorCode::Internal, "ingest.out_of_memory",
                            "ingest: cannot create an XML parser");
  }
  // No XML_PARSE_NOENT (no entity substitution), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE.
  xmlCtxtUseOptions(ctxt.get(), XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC);
  xmlSAXHandlerPtr own_sax = ctxt->sax;
  ctxt->sax = &sax;
  ctxt->userData = &builder;
  builder.set_parser(ctxt.get());

  // Errors outside the parser's own domain go to the thread's global handler: route them to
  // the builder too, so nothing is ever printed.
  xmlStructuredErrorFunc saved_handler = xmlStructuredError;
  void* saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&builder, on_error);
  xmlParseDocument(ctxt.get());
  xmlSetStructuredErrorFunc(saved_context, saved_handler);
  const bool well_formed = ctxt->wellFormed != 0 && ctxt->nsWellFormed != 0;
  ctxt->sax = own_sax;
  ctxt->userData = nullptr;
  // Without SAX2 document callbacks libxml2 still builds a stand-in document when it meets an
  // entity declaration ("SAX compatibility mode"), and xmlFreeParserCtxt leaves ctxt->myDoc to
  // its owner: free it here, or every such feed leaks it (found by fuzz_feed_parser).
  if (ctxt->myDoc != nullptr) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }

  if (builder.failed()) {
    return core::make_error(core::ErrorCode::Internal, "ingest.out_of_memory",
                            "ingest: ran out of memory while parsing");
  }
  if (builder.not_a_feed()) {
    return tl::unexpected(
        not_a_feed(builder.problem() ? *builder.problem() : "the root element is not a feed"));
  }
  builder.finish();
  XmlReadResult r;
  r.problem = builder.problem();
  if (!r.problem && !well_formed) {
    r.problem = "malformed XML";
  }
  r.feed = std::move(builder.feed());
  return r;
}

}  // namespace vigie::ingest
