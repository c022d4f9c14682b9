// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Makes a decoded XML feed safe and palatable for libxml2 before it parses (DESIGN.md §6
// "Parsing"). Pure, thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::ingest {

struct PrepareOptions {
  // Text content inside the root element that holds a reference or a non-ASCII character
  // goes out of band too, decoded (see prepare_xml). Off: such text stays, references
  // rewritten, for libxml2 to read (the fuzz target compares both ways).
  bool text_out_of_band = true;
};

// The document from its root element on, ready for the XML parser. Holds a view of the input
// when nothing had to change (the common case: no copy), otherwise its own repaired copy.
class PreparedXml {
 public:
  std::string_view text() const { return owned_ ? std::string_view{*owned_} : borrowed_; }
  // Newlines dropped with the prolog, to add to the parser's line numbers in messages.
  std::size_t line_offset() const { return line_offset_; }
  // The first repair made, for people ("line 12: undefined entity &foo; kept as text"), and
  // how many there were. Repairs make the feed bozo.
  const std::optional<std::string>& problem() const { return problem_; }
  std::size_t repair_count() const { return repair_count_; }
  // True when a DOCTYPE was dropped; declared_entities tells whether it declared any.
  bool dropped_doctype() const { return dropped_doctype_; }
  bool declared_entities() const { return declared_entities_; }

  // CDATA sections are taken out of text() and replaced by <?vigie-cdata N?> (see
  // prepare_xml); cdata(N) is the text of section N, nullopt when there is none.
  std::size_t cdata_count() const { return cdata_.size(); }
  std::optional<std::string_view> cdata(std::size_t n) const {
    if (n >= cdata_.size()) {
      return std::nullopt;
    }
    const CdataPiece& p = cdata_[n];
    return (p.in_arena ? std::string_view{cdata_arena_} : source_).substr(p.offset, p.length);
  }

  struct CdataPiece {
    bool in_arena;  // cleaned copy in cdata_arena_, else a range of the source text
    std::size_t offset;
    std::size_t length;
  };

 private:
  friend PreparedXml prepare_xml(std::string_view utf8, const PrepareOptions& options);
  std::string_view source_;
  std::vector<CdataPiece> cdata_;
  std::string cdata_arena_;
  std::string_view borrowed_;
  std::optional<std::string> owned_;
  std::size_t line_offset_ = 0;
  std::optional<std::string> problem_;
  std::size_t repair_count_ = 0;
  bool dropped_doctype_ = false;
  bool declared_entities_ = false;
};

// Requires: `utf8` is valid UTF-8 (decode_document's output); the result may view it.
//
// - Drops everything before the root element: the XML declaration (the text is UTF-8 now,
//   whatever it declared), comments, processing instructions, and the DOCTYPE with its internal
//   subset, so that no entity declaration is ever expanded (billion laughs, quadratic blow-up)
//   and no external DTD or entity is ever named to the parser. Text before "<?xml" (a PHP
//   warning, say) is dropped too, as a repair.
// - Rewrites entity references the XML parser would not know: HTML5 named references
//   ("&eacute;", "&nbsp;") become numeric references; numeric references to 0x80-0x9F are read
//   as windows-1252 (as browsers do: "&#150;" is an en dash); references to characters XML
//   forbids become U+FFFD; "&#X41;" (HTML's spelling) becomes "&#x41;"; a bare "&" or an
//   unknown name becomes "&amp;" (kept as text).
//   The five XML names are left alone.
// - Takes CDATA sections out of the text: each becomes <?vigie-cdata N?> (with the section's
//   newlines, so line numbers hold) and its content is cdata(N), cleaned of forbidden
//   characters. libxml2 reads CDATA through its slowest path; the reader puts them back.
// - Takes text content out of band the same way when it holds a reference or a non-ASCII
//   character (libxml2 reads those a character at a time and calls back once per reference):
//   the run between two tags becomes <?vigie-cdata N?> and cdata(N) is its text as libxml2
//   would have reported it (references replaced, CR LF and CR made LF), with the repairs above.
//   Only while the element structure is plain to follow: inside the root element, before any
//   oddity ('<' or a control character in a tag, "<!DOCTYPE" in the body); never the text
//   after the last tag, a run that could make "]]>" for libxml2 (which it must still see to
//   report; see may_close_cdata), or a run over 8 MiB.
// - Drops comments (their newlines stay).
// - Drops control characters XML forbids (U+0000-U+001F but tab, LF, CR) and replaces
//   U+FFFE/U+FFFF with U+FFFD, anywhere.
PreparedXml prepare_xml(std::string_view utf8, const PrepareOptions& options = {});

}  // namespace vigie::ingest
