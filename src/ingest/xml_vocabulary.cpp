// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/xml_vocabulary.h"

#include <array>

namespace vigie::ingest::xml {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') {
      x = static_cast<char>(x - 'A' + 'a');
    }
    if (y >= 'A' && y <= 'Z') {
      y = static_cast<char>(y - 'A' + 'a');
    }
    if (x != y) {
      return false;
    }
  }
  return true;
}

struct NsName {
  std::string_view uri;
  Ns ns;
};

constexpr std::array<NsName, 19> kNamespaces = {{
    {"http://www.w3.org/2005/Atom", Ns::Atom10},
    {"http://purl.org/dc/elements/1.1/", Ns::Dc},
    {"http://purl.org/rss/1.0/modules/content/", Ns::Content},
    {"http://search.yahoo.com/mrss/", Ns::Media},
    {"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::Itunes},
    {"http://purl.org/rss/1.0/", Ns::Rss10},
    {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::Rdf},
    {"http://purl.org/dc/terms/", Ns::Dcterms},
    {"http://www.w3.org/1999/xhtml", Ns::Xhtml},
    {"http://purl.org/atom/ns#", Ns::Atom03},
    {"http://my.netscape.com/rdf/simple/0.9/", Ns::Rss090},
    {"http://search.yahoo.com/mrss", Ns::Media},
    {"http://purl.org/dc/elements/1.0/", Ns::Dc},
    {"http://backend.userland.com/rss2", Ns::RssUserland},
    {"http://backend.userland.com/rss", Ns::RssUserland},
    {"http://blogs.law.harvard.edu/tech/rss", Ns::RssUserland},
    {"http://purl.org/rss/1.0/modules/rss091#", Ns::RssUserland},
    {"http://example.com/DTDs/PodCast-1.0.dtd", Ns::Itunes},
    {"http://www.w3.org/2005/atom/", Ns::Atom10},
}};

struct ElName {
  std::string_view name;
  El el;
};

constexpr std::array<ElName, 41> kBase = {{
    {"title", El::Title},
    {"link", El::Link},
    {"description", El::Description},
    {"item", El::Item},
    {"entry", El::Entry},
    {"guid", El::Guid},
    {"pubdate", El::PubDate},
    {"id", El::Id},
    {"updated", El::Updated},
    {"published", El::Published},
    {"summary", El::Summary},
    {"content", El::Content},
    {"author", El::Author},
    {"name", El::Name},
    {"email", El::Email},
    {"uri", El::Uri},
    {"category", El::Category},
    {"enclosure", El::Enclosure},
    {"channel", El::Channel},
    {"rss", El::Rss},
    {"feed", El::Feed},
    {"language", El::Language},
    {"lastbuilddate", El::LastBuildDate},
    {"subtitle", El::Subtitle},
    {"tagline", El::Tagline},
    {"issued", El::Issued},
    {"modified", El::Modified},
    {"created", El::Created},
    {"managingeditor", El::ManagingEditor},
    {"contributor", El::Skipped},
    {"url", El::Url},
    {"homepage", El::Url},
    {"image", El::Skipped},
    {"textinput", El::Skipped},
    {"source", El::Skipped},
    {"items", El::Skipped},
    {"ttl", El::Ttl},
    {"logo", El::Skipped},
    {"icon", El::Skipped},
    {"generator", El::Skipped},
    {"cloud", El::Skipped},
}};

constexpr std::array<ElName, 8> kDc = {{
    {"creator", El::DcCreator},
    {"date", El::DcDate},
    {"subject", El::DcSubject},
    {"title", El::DcTitle},
    {"language", El::DcLanguage},
    {"description", El::DcDescription},
    {"author", El::DcCreator},
    {"contributor", El::Skipped},
}};

constexpr std::array<ElName, 5> kDcterms = {{
    {"modified", El::DctModified},
    {"issued", El::DctIssued},
    {"created", El::DctCreated},
    {"date", El::DcDate},
    {"available", El::DctIssued},
}};

constexpr std::array<ElName, 6> kMedia = {{
    {"content", El::MediaContent},
    {"thumbnail", El::MediaThumbnail},
    {"description", El::MediaDescription},
    {"title", El::MediaTitle},
    {"category", El::MediaCategory},
    {"keywords", El::MediaKeywords},
}};

constexpr std::array<ElName, 6> kItunes = {{
    {"author", El::ItunesAuthor},
    {"summary", El::ItunesSummary},
    {"subtitle", El::ItunesSubtitle},
    {"keywords", El::ItunesKeywords},
    {"owner", El::Skipped},
    {"category", El::Skipped},
}};

template <std::size_t N>
El find(const std::array<ElName, N>& table, std::string_view name) {
  for (const ElName& e : table) {
    if (iequals(e.name, name)) {
      return e.el;
    }
  }
  return El::Unknown;
}

}  // namespace

Ns namespace_of(std::string_view uri) {
  if (uri.empty()) {
    return Ns::None;
  }
  for (const NsName& n : kNamespaces) {
    if (iequals(n.uri, uri)) {
      return n.ns;
    }
  }
  if (uri.find("backend.userland.com/rss") != std::string_view::npos) {
    return Ns::RssUserland;
  }
  return Ns::Other;
}

Ns namespace_of_prefix(std::string_view prefix) {
  struct PrefixName {
    std::string_view prefix;
    Ns ns;
  };
  static constexpr std::array<PrefixName, 8> kPrefixes = {{
      {"dc", Ns::Dc},
      {"content", Ns::Content},
      {"media", Ns::Media},
      {"itunes", Ns::Itunes},
      {"atom", Ns::Atom10},
      {"dcterms", Ns::Dcterms},
      {"rdf", Ns::Rdf},
      {"xhtml", Ns::Xhtml},
  }};
  for (const PrefixName& p : kPrefixes) {
    if (iequals(p.prefix, prefix)) {
      return p.ns;
    }
  }
  return Ns::Other;
}

El element_of(Ns ns, std::string_view local_name) {
  if (is_base(ns)) {
    return find(kBase, local_name);
  }
  switch (ns) {
    case Ns::Rdf:
      return iequals(local_name, "RDF") ? El::RdfRoot : El::Unknown;
    case Ns::Dc:
      return find(kDc, local_name);
    case Ns::Dcterms:
      return find(kDcterms, local_name);
    case Ns::Content:
      return iequals(local_name, "encoded") ? El::ContentEncoded : El::Unknown;
    case Ns::Media:
      return find(kMedia, local_name);
    case Ns::Itunes:
      return find(kItunes, local_name);
    case Ns::Xhtml:
      return iequals(local_name, "body") ? El::XhtmlBody : El::Unknown;
    default:
      return El::Unknown;
  }
}

}  // namespace vigie::ingest::xml
