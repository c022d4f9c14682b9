// SPDX-License-Identifier: AGPL-3.0-or-later
#include "corpus.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <sstream>
#include <string_view>

namespace vigie::bench {
namespace {

// Rank order matters: stop words first, then the domain, then the synthetic tail.
constexpr std::string_view kFrench =
    "de la le et les des en du un une à est dans pour que qui sur par au plus avec ce pas ont "
    "sont aux son sa ses été cette il elle ils nous leur leurs mais ou comme tout être fait "
    "entre selon après depuis "
    "coton prix marché production exportations campagne producteurs filière cajou anacarde "
    "cacao récolte tonnes milliards francs hausse baisse économie gouvernement ministre "
    "appel offres entreprises commerce agence projet développement Côte Ivoire Sénégal "
    "Burkina Faso Mali Bénin Togo Niger Cameroun Afrique ouest UEMOA CEDEAO BCEAO CFA "
    "millions dollars euros croissance économique investissement investissements financement "
    "banque crédit ministère décret loi réglementation norme normes qualité certification "
    "label bio avis attribution soumission lot travaux fourniture services consultation date "
    "limite dossier candidats entreprise PME TPE chambre industrie promotion export salon "
    "foire forum conférence atelier formation programme partenariat accord convention Chine "
    "Inde Vietnam Europe France Union européenne importateurs acheteurs négociants transport "
    "logistique routes camions conteneurs fret énergie électricité solaire mines or manganèse "
    "bauxite pétrole gaz climat sécheresse pluies saison pluviométrie irrigation eau terre "
    "foncier jeunes femmes emploi emplois chômage inflation consommation ménages budget dette "
    "fiscal taxe taxes subvention subventions stock stocks stockage entrepôt contrôle "
    "inspection laboratoire sécurité alimentaire nutrition riz maïs mil sorgho manioc igname "
    "banane ananas hévéa caoutchouc palmier huile bétail élevage pêche poisson lait volaille "
    "numérique internet mobile paiement innovation startup technologie brevet brevets "
    "recherche université étude rapport données statistiques indice trimestre semestre annuel "
    "mensuel record historique premier première deuxième nouveau nouvelle nouveaux grand "
    "grande national nationale régional régionale international internationale mondial "
    "mondiale café karité sésame arachide mangue noix fibre graine coopérative coopératives "
    "agriculteurs paysans tonne hectares rendement semences engrais intrants transformation "
    "usine usines égrenage douane douanes port Abidjan Dakar Ouagadougou Bamako Cotonou Lomé "
    "Niamey Douala africaine zone franc exportation importations marchés exportateurs "
    "exporter exporté exportée produits produit cultures culture agricole agricoles";

constexpr std::string_view kEnglish =
    "the of and to in a is for on that with by as at from it are was be has have this which "
    "its will an said were not but or also more been their than new "
    "cotton prices market production exports season producers sector cashew cocoa harvest "
    "tonnes billion rise fall economy government minister tender tenders companies trade "
    "agency project development Ivory Coast Senegal Ghana Nigeria Africa West African ECOWAS "
    "million dollars growth economic investment finance bank credit ministry decree law "
    "regulation standard quality certification organic procurement bid bids contract award "
    "supply works deadline company SME chamber promotion fair forum conference workshop "
    "training programme partnership agreement China India Vietnam Europe EU importers buyers "
    "traders transport logistics roads trucks containers freight energy power solar mining "
    "gold oil gas climate drought rains rainfall irrigation water land youth women jobs "
    "employment inflation consumption budget debt tax taxes subsidy stocks storage warehouse "
    "inspection laboratory food security rice maize cassava yam rubber palm livestock fishing "
    "fish dairy digital mobile payment innovation technology patent research university study "
    "report data statistics index quarter annual record first second national regional "
    "international global coffee shea sesame groundnut mango nuts fibre seed cooperative "
    "farmers hectares yield fertiliser processing plant factory ginning industry customs port "
    "price export imports markets exporters exporting exported product products crops crop "
    "agricultural";

constexpr std::array<std::string_view, 24> kSyllables = {
    "ba", "ko", "ma", "ni", "sou", "ta", "ré", "dé",  "lo",  "fa", "ki", "mé",
    "ou", "ga", "bé", "zo", "la",  "ti", "na", "dou", "kan", "sé", "yo", "mbo"};
constexpr std::size_t kTailWords = 20'000;

constexpr std::array<std::string_view, 8> kSources = {
    "Agence Ecofin",    "Commodafrica", "Jeune Afrique", "Reuters Africa",
    "Fraternité Matin", "Le Soleil",    "Sidwaya",       "AllAfrica"};
constexpr std::array<std::string_view, 8> kCountries = {"CI", "SN", "BF", "ML",
                                                        "BJ", "TG", "CM", "NE"};
constexpr std::array<std::string_view, 12> kTags = {
    "coton", "cajou",      "cacao",   "appels d'offres", "export",         "réglementation",
    "prix",  "logistique", "énergie", "mines",           "agro-industrie", "finance"};
constexpr std::array<std::string_view, 8> kFirstNames = {"Awa",   "Jean",    "Moussa", "Fatou",
                                                         "Koffi", "Aminata", "Paul",   "Ibrahim"};
constexpr std::array<std::string_view, 6> kLastNames = {"Traoré",  "Dupont", "Diallo",
                                                        "Kouassi", "Ndiaye", "Ouédraogo"};

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) {
    out.push_back(w);
  }
  return out;
}

double uniform(std::uint64_t& state) {
  return static_cast<double>(next_random(state) >> 11) * 0x1.0p-53;
}

std::uint64_t below(std::uint64_t& state, std::uint64_t n) {
  return next_random(state) % n;
}

}  // namespace

std::uint64_t next_random(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

Corpus::Corpus(std::uint64_t seed, std::uint64_t items) : seed_(seed), items_(items) {
  auto build = [&](std::string_view head, std::uint64_t tail_seed) {
    Language l;
    std::set<std::string> seen;
    for (auto& w : split(head)) {
      if (seen.insert(w).second) {
        l.words.push_back(std::move(w));
      }
    }
    const std::size_t target = l.words.size() + kTailWords;
    std::uint64_t state = tail_seed;
    while (l.words.size() < target) {
      std::string w;
      const std::uint64_t n = 2 + below(state, 3);
      for (std::uint64_t i = 0; i < n; ++i) {
        w += kSyllables[below(state, kSyllables.size())];
      }
      if (seen.insert(w).second) {
        l.words.push_back(w);
      }
    }
    // Zipf-Mandelbrot weights 1/(rank+2.7): "de" is about 4% of French words, as in real text.
    double total = 0;
    for (std::size_t r = 0; r < l.words.size(); ++r) {
      total += 1.0 / (static_cast<double>(r) + 2.7);
      l.cdf.push_back(total);
    }
    return l;
  };
  fr_ = build(kFrench, seed ^ 0xF0F0);
  en_ = build(kEnglish, seed ^ 0x0E0E);
}

const std::vector<std::string>& Corpus::vocabulary(const std::string& lang) const {
  return lang == "en" ? en_.words : fr_.words;
}

const std::string& Corpus::draw(const Language& l, std::uint64_t& state) const {
  const double u = uniform(state) * l.cdf.back();
  const auto it = std::lower_bound(l.cdf.begin(), l.cdf.end(), u);
  const auto i = static_cast<std::size_t>(it - l.cdf.begin());
  return l.words[std::min(i, l.words.size() - 1)];
}

std::string Corpus::sentence_words(const Language& l, std::uint64_t& state, int n) const {
  std::string out;
  int in_sentence = 0;
  for (int i = 0; i < n; ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += draw(l, state);
    if (++in_sentence >= 8 && below(state, 6) == 0) {
      out += below(state, 3) == 0 ? "," : ".";
      in_sentence = 0;
    }
  }
  return out;
}

storage::IndexDocument Corpus::item(std::uint64_t id) const {
  std::uint64_t state = seed_ * 0x100000001B3ULL + id;
  storage::IndexDocument d;
  d.id = static_cast<core::ItemId>(id);
  d.org_id = 1;
  const bool french = below(state, 10) < 7;
  const Language& l = french ? fr_ : en_;
  d.lang = french ? "fr" : "en";
  const auto source = below(state, kSources.size());
  d.source_id = static_cast<core::SourceId>(source + 1);
  d.source = std::string(kSources[source]);
  d.country = std::string(kCountries[below(state, kCountries.size())]);
  const auto n_tags = below(state, 4);
  for (std::uint64_t i = 0; i < n_tags; ++i) {
    d.tags.emplace_back(kTags[below(state, kTags.size())]);
  }
  if (below(state, 3) != 0) {
    d.author = std::string(kFirstNames[below(state, kFirstNames.size())]) + " "
               + std::string(kLastNames[below(state, kLastNames.size())]);
  }
  d.title = sentence_words(l, state, 6 + static_cast<int>(below(state, 9)));
  d.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d.title[0])));
  d.text = sentence_words(l, state, 100 + static_cast<int>(below(state, 201)));
  // Items arrive in date order, as a reader fetches them; published a little before.
  const auto offset = static_cast<std::int64_t>((id - 1) * static_cast<std::uint64_t>(kSpanSeconds)
                                                / std::max<std::uint64_t>(items_, 1));
  d.fetched_at = core::from_unix(kFirstDay + offset);
  if (below(state, 10) != 0) {
    d.published =
        core::from_unix(kFirstDay + offset - static_cast<std::int64_t>(below(state, 21'600)));
  }
  return d;
}

}  // namespace vigie::bench
