// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The XML names feed readers care about: namespaces and elements of RSS 0.9x/1.0/2.0, Atom
// 0.3/1.0 and the common extension modules. Internal to ingest/. Pure, thread-safe.

#include <cstdint>
#include <string_view>

namespace vigie::ingest::xml {

enum class Ns : std::uint8_t {
  None,         // no namespace: RSS 0.91-2.0, and Atom 0.3 written without one
  Rss090,       // http://my.netscape.com/rdf/simple/0.9/
  Rss10,        // http://purl.org/rss/1.0/
  RssUserland,  // RSS 2.0 written with a namespace (backend.userland.com, harvard.edu)
  Atom10,
  Atom03,
  Rdf,
  Dc,
  Dcterms,
  Content,
  Media,
  Itunes,
  Xhtml,
  Other,
};

// The namespaces whose elements share the base feed vocabulary (title, link, item, entry...):
// feed readers treat RSS and Atom element names alike, whichever namespace carries them.
inline bool is_base(Ns ns) {
  return ns == Ns::None || ns == Ns::Rss090 || ns == Ns::Rss10 || ns == Ns::RssUserland
         || ns == Ns::Atom10 || ns == Ns::Atom03;
}
inline bool is_atom(Ns ns) {
  return ns == Ns::Atom10 || ns == Ns::Atom03;
}

// Classifies a namespace URI (compared without regard to ASCII case, as feedparser does).
Ns namespace_of(std::string_view uri);

// The conventional namespace of a prefix, for documents that use one without declaring it
// ("dc:creator" with no xmlns:dc): libxml2 reports them with no URI.
Ns namespace_of_prefix(std::string_view prefix);

enum class El : std::uint8_t {
  Unknown,
  // A subtree to ignore whole: image, textinput, source, items (RSS 1.0), generator, cloud,
  // logo, icon, contributor, itunes:owner. Their titles and links are not the feed's.
  Skipped,
  // structure
  Rss,
  Channel,
  Feed,
  RdfRoot,
  Item,
  Entry,
  // text constructs and links
  Title,
  Link,
  Description,
  Summary,
  Content,
  Subtitle,
  Tagline,
  // identity and dates
  Guid,
  Id,
  PubDate,
  Published,
  Issued,
  Updated,
  Modified,
  LastBuildDate,
  Created,
  // people
  Author,
  ManagingEditor,
  Name,
  Email,
  Uri,
  Url,
  // the rest of the base vocabulary
  Category,
  Enclosure,
  Language,
  Ttl,
  // Dublin Core and DC terms
  DcTitle,
  DcCreator,
  DcDate,
  DcSubject,
  DcLanguage,
  DcDescription,
  DctIssued,
  DctModified,
  DctCreated,
  // content:, media:, iTunes, XHTML
  ContentEncoded,
  MediaContent,
  MediaThumbnail,
  MediaDescription,
  MediaTitle,
  MediaCategory,
  MediaKeywords,
  ItunesAuthor,
  ItunesSummary,
  ItunesSubtitle,
  ItunesKeywords,
  XhtmlBody,
};

// The element `local_name` in namespace `ns` (local names compared without regard to ASCII
// case: "pubdate", "pubDate" and "PubDate" all occur).
El element_of(Ns ns, std::string_view local_name);

}  // namespace vigie::ingest::xml
