// SPDX-License-Identifier: AGPL-3.0-or-later
// Stop-word lists, in folded form (fold() of the Snowball project's lists, trimmed of words that
// carry meaning in economic news: "or" is gold in French, "may" a month, "us" a country, "são"
// folds to "sao" as in São Tomé, "can" a container). Elided articles and pronouns ("l", "qu")
// and the English contraction pieces ("don", "t") are here because tokenize() splits at
// apostrophes. Each list is sorted by bytes and free of duplicates (checked at compile time, so
// a reviewer can find a word), and loaded into a hash set on first use.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace vigie::text {
namespace {

// fr: 204 words
constexpr auto kFrench = std::to_array<std::string_view>(
    {"a",          "afin",     "ai",       "aie",      "aient",    "aies",    "ainsi",
     "ait",        "alors",    "as",       "au",       "auquel",   "aura",    "aurai",
     "auraient",   "aurais",   "aurait",   "auras",    "aurez",    "auriez",  "aurions",
     "aurons",     "auront",   "aussi",    "aux",      "auxquels", "avaient", "avais",
     "avait",      "avec",     "avez",     "aviez",    "avions",   "avons",   "ayant",
     "ayante",     "ayantes",  "ayants",   "ayez",     "ayons",    "c",       "ca",
     "car",        "ce",       "ceci",     "cela",     "celle",    "celles",  "celui",
     "ces",        "cet",      "cette",    "ceux",     "chez",     "comme",   "d",
     "dans",       "de",       "depuis",   "des",      "donc",     "dont",    "du",
     "duquel",     "elle",     "en",       "entre",    "es",       "est",     "et",
     "etaient",    "etais",    "etait",    "etant",    "etante",   "etantes", "etants",
     "ete",        "etee",     "etees",    "etes",     "etiez",    "etions",  "eu",
     "eue",        "eues",     "eumes",    "eurent",   "eus",      "eusse",   "eussent",
     "eusses",     "eussiez",  "eussions", "eut",      "eutes",    "eux",     "fumes",
     "furent",     "fus",      "fusse",    "fussent",  "fusses",   "fussiez", "fussions",
     "fut",        "futes",    "ici",      "il",       "ils",      "j",       "je",
     "jusqu",      "l",        "la",       "laquelle", "le",       "lequel",  "les",
     "lesquelles", "lesquels", "leur",     "leurs",    "lors",     "lorsqu",  "lui",
     "m",          "ma",       "mais",     "me",       "meme",     "mes",     "moi",
     "mon",        "n",        "ne",       "ni",       "nos",      "notre",   "nous",
     "on",         "ont",      "ou",       "par",      "pas",      "pendant", "pour",
     "puisqu",     "qu",       "que",      "quel",     "quelle",   "quelles", "quels",
     "qui",        "s",        "sa",       "sans",     "se",       "selon",   "sera",
     "serai",      "seraient", "serais",   "serait",   "seras",    "serez",   "seriez",
     "serions",    "serons",   "seront",   "ses",      "si",       "soi",     "soient",
     "sois",       "soit",     "sommes",   "son",      "sont",     "sous",    "soyez",
     "soyons",     "suis",     "sur",      "t",        "ta",       "te",      "tes",
     "toi",        "ton",      "tous",     "tout",     "toute",    "toutes",  "tres",
     "tu",         "un",       "une",      "vers",     "vos",      "votre",   "vous",
     "y"});
// en: 146 words
constexpr auto kEnglish = std::to_array<std::string_view>(
    {"a",         "about",     "above",   "after",  "again",   "against",    "all",  "am",
     "an",        "and",       "any",     "are",    "aren",    "as",         "at",   "be",
     "because",   "been",      "before",  "being",  "below",   "between",    "both", "but",
     "by",        "could",     "couldn",  "d",      "did",     "didn",       "do",   "does",
     "doesn",     "doing",     "don",     "down",   "during",  "each",       "few",  "for",
     "from",      "further",   "had",     "hadn",   "has",     "hasn",       "have", "haven",
     "having",    "he",        "her",     "here",   "hers",    "herself",    "him",  "himself",
     "his",       "how",       "i",       "if",     "in",      "into",       "is",   "isn",
     "it",        "its",       "itself",  "ll",     "m",       "me",         "more", "most",
     "mustn",     "my",        "myself",  "no",     "nor",     "not",        "of",   "off",
     "on",        "once",      "only",    "or",     "other",   "ought",      "our",  "ours",
     "ourselves", "out",       "over",    "own",    "re",      "s",          "same", "shan",
     "she",       "should",    "shouldn", "so",     "some",    "such",       "t",    "than",
     "that",      "the",       "their",   "theirs", "them",    "themselves", "then", "there",
     "these",     "they",      "this",    "those",  "through", "to",         "too",  "under",
     "until",     "up",        "ve",      "very",   "was",     "wasn",       "we",   "were",
     "weren",     "what",      "when",    "where",  "which",   "while",      "who",  "whom",
     "why",       "will",      "with",    "would",  "wouldn",  "you",        "your", "yours",
     "yourself",  "yourselves"});
// es: 221 words
constexpr auto kSpanish = std::to_array<std::string_view>(
    {"a",           "al",       "algo",      "algunas",  "algunos",    "ante",       "antes",
     "como",        "con",      "contra",    "cual",     "cuando",     "de",         "del",
     "desde",       "donde",    "durante",   "e",        "el",         "ella",       "ellas",
     "ellos",       "en",       "entre",     "era",      "erais",      "eramos",     "eran",
     "eras",        "eres",     "es",        "esa",      "esas",       "ese",        "eso",
     "esos",        "esta",     "estaba",    "estabais", "estabamos",  "estaban",    "estabas",
     "estais",      "estamos",  "estan",     "estar",    "estara",     "estaran",    "estaras",
     "estare",      "estareis", "estaremos", "estaria",  "estariais",  "estariamos", "estarian",
     "estarias",    "estas",    "este",      "esteis",   "estemos",    "esten",      "estes",
     "esto",        "estos",    "estoy",     "estuve",   "estuvieron", "estuvimos",  "estuviste",
     "estuvisteis", "estuvo",   "fue",       "fueron",   "fui",        "fuimos",     "fuiste",
     "fuisteis",    "ha",       "habeis",    "habia",    "habiais",    "habiamos",   "habian",
     "habias",      "habra",    "habran",    "habras",   "habre",      "habreis",    "habremos",
     "habria",      "habriais", "habriamos", "habrian",  "habrias",    "han",        "has",
     "hasta",       "hay",      "haya",      "hayais",   "hayamos",    "hayan",      "hayas",
     "he",          "hemos",    "hube",      "hubieron", "hubimos",    "hubo",       "la",
     "las",         "le",       "les",       "lo",       "los",        "mas",        "me",
     "mi",          "mia",      "mias",      "mio",      "mios",       "mis",        "mucho",
     "muchos",      "muy",      "nada",      "ni",       "no",         "nos",        "nosotras",
     "nosotros",    "nuestra",  "nuestras",  "nuestro",  "nuestros",   "o",          "os",
     "otra",        "otras",    "otro",      "otros",    "para",       "pero",       "poco",
     "por",         "porque",   "que",       "quien",    "quienes",    "se",         "sea",
     "seais",       "seamos",   "sean",      "seas",     "sera",       "seran",      "seras",
     "sere",        "sereis",   "seremos",   "seria",    "seriais",    "seriamos",   "serian",
     "serias",      "si",       "sin",       "sobre",    "sois",       "somos",      "son",
     "soy",         "su",       "sus",       "suya",     "suyas",      "suyo",       "suyos",
     "tambien",     "tanto",    "te",        "teneis",   "tenemos",    "tenga",      "tengan",
     "tengo",       "tenia",    "tenian",    "ti",       "tiene",      "tienen",     "tienes",
     "todo",        "todos",    "tu",        "tus",      "tuve",       "tuvieron",   "tuvo",
     "tuya",        "tuyas",    "tuyo",      "tuyos",    "u",          "un",         "una",
     "uno",         "unos",     "vosotras",  "vosotros", "vuestra",    "vuestras",   "vuestro",
     "vuestros",    "y",        "ya",        "yo"});
// pt: 146 words
constexpr auto kPortuguese = std::to_array<std::string_view>(
    {"a",         "ao",      "aos",       "aquela", "aquelas",  "aquele",  "aqueles",  "aquilo",
     "as",        "ate",     "com",       "como",   "da",       "das",     "de",       "dela",
     "delas",     "dele",    "deles",     "depois", "do",       "dos",     "e",        "ela",
     "elas",      "ele",     "eles",      "em",     "entre",    "era",     "eram",     "eramos",
     "essa",      "essas",   "esse",      "esses",  "esta",     "estamos", "estao",    "estas",
     "estava",    "estavam", "estavamos", "este",   "estes",    "esteve",  "estive",   "estivemos",
     "estiveram", "estou",   "eu",        "foi",    "fomos",    "foram",   "fui",      "ha",
     "hao",       "havemos", "havia",     "haviam", "haviamos", "hei",     "houve",    "houvemos",
     "houveram",  "isso",    "isto",      "ja",     "lhe",      "lhes",    "mais",     "mas",
     "me",        "mesmo",   "meu",       "meus",   "minha",    "minhas",  "muito",    "na",
     "nao",       "nas",     "nem",       "no",     "nos",      "nossa",   "nossas",   "nosso",
     "nossos",    "num",     "numa",      "o",      "os",       "ou",      "para",     "pela",
     "pelas",     "pelo",    "pelos",     "por",    "qual",     "quando",  "que",      "quem",
     "se",        "seja",    "sejam",     "sem",    "ser",      "sera",    "serao",    "seria",
     "seriam",    "seu",     "seus",      "so",     "somos",    "sou",     "sua",      "suas",
     "tambem",    "te",      "tem",       "temos",  "tenho",    "tera",    "terao",    "teria",
     "teriam",    "teu",     "teus",      "teve",   "tinha",    "tinham",  "tinhamos", "tive",
     "tivemos",   "tiveram", "tu",        "tua",    "tuas",     "um",      "uma",      "voce",
     "voces",     "vos"});
// de: 228 words
constexpr auto kGerman = std::to_array<std::string_view>(
    {"aber",      "alle",      "allem",   "allen",    "aller",    "alles",     "als",
     "also",      "am",        "an",      "ander",    "andere",   "anderem",   "anderen",
     "anderer",   "anderes",   "anderm",  "andern",   "anders",   "auch",      "auf",
     "aus",       "bei",       "bin",     "bis",      "bist",     "da",        "damit",
     "dann",      "das",       "dass",    "dasselbe", "dazu",     "dein",      "deine",
     "deinem",    "deinen",    "deiner",  "deines",   "dem",      "demselben", "den",
     "denn",      "denselben", "der",     "derer",    "derselbe", "derselben", "des",
     "desselben", "dessen",    "dich",    "die",      "dies",     "diese",     "dieselbe",
     "dieselben", "diesem",    "diesen",  "dieser",   "dieses",   "dir",       "doch",
     "dort",      "du",        "durch",   "ein",      "eine",     "einem",     "einen",
     "einer",     "eines",     "einig",   "einige",   "einigem",  "einigen",   "einiger",
     "einiges",   "einmal",    "er",      "es",       "etwas",    "euch",      "euer",
     "eure",      "eurem",     "euren",   "eurer",    "eures",    "fur",       "gegen",
     "gewesen",   "hab",       "habe",    "haben",    "hat",      "hatte",     "hatten",
     "hier",      "hin",       "hinter",  "ich",      "ihm",      "ihn",       "ihnen",
     "ihr",       "ihre",      "ihrem",   "ihren",    "ihrer",    "ihres",     "im",
     "in",        "indem",     "ins",     "ist",      "jede",     "jedem",     "jeden",
     "jeder",     "jedes",     "jene",    "jenem",    "jenen",    "jener",     "jenes",
     "jetzt",     "kann",      "kein",    "keine",    "keinem",   "keinen",    "keiner",
     "keines",    "konnen",    "konnte",  "man",      "manche",   "manchem",   "manchen",
     "mancher",   "manches",   "mein",    "meine",    "meinem",   "meinen",    "meiner",
     "meines",    "mich",      "mir",     "mit",      "muss",     "musste",    "nach",
     "nicht",     "nichts",    "noch",    "nun",      "nur",      "ob",        "oder",
     "ohne",      "sehr",      "sein",    "seine",    "seinem",   "seinen",    "seiner",
     "seines",    "selbst",    "sich",    "sie",      "sind",     "so",        "solche",
     "solchem",   "solchen",   "solcher", "solches",  "soll",     "sollte",    "sondern",
     "sonst",     "uber",      "um",      "und",      "uns",      "unser",     "unsere",
     "unserem",   "unseren",   "unseres", "unter",    "viel",     "vom",       "von",
     "vor",       "wahrend",   "war",     "waren",    "warst",    "was",       "weil",
     "weiter",    "welche",    "welchem", "welchen",  "welcher",  "welches",   "wenn",
     "werde",     "werden",    "wie",     "wieder",   "will",     "wir",       "wird",
     "wirst",     "wo",        "wollen",  "wollte",   "wurde",    "wurden",    "zu",
     "zum",       "zur",       "zwar",    "zwischen"});
// it: 139 words
constexpr auto kItalian = std::to_array<std::string_view>(
    {"a",      "abbiamo", "ad",     "agl",    "agli",   "ai",     "al",     "all",    "alla",
     "alle",   "allo",    "anche",  "avete",  "c",      "che",    "chi",    "ci",     "coi",
     "col",    "come",    "con",    "contro", "cui",    "da",     "dagl",   "dagli",  "dai",
     "dal",    "dall",    "dalla",  "dalle",  "dallo",  "degl",   "degli",  "dei",    "del",
     "dell",   "della",   "delle",  "dello",  "di",     "dov",    "dove",   "e",      "ed",
     "era",    "erano",   "essere", "gli",    "ha",     "hai",    "hanno",  "ho",     "i",
     "il",     "in",      "io",     "l",      "la",     "le",     "lei",    "li",     "lo",
     "loro",   "lui",     "ma",     "mi",     "mia",    "mie",    "miei",   "mio",    "ne",
     "negl",   "negli",   "nei",    "nel",    "nell",   "nella",  "nelle",  "nello",  "noi",
     "non",    "nostra",  "nostre", "nostri", "nostro", "o",      "per",    "perche", "piu",
     "quale",  "quanta",  "quante", "quanti", "quanto", "quella", "quelle", "quelli", "quello",
     "questa", "queste",  "questi", "questo", "se",     "si",     "sono",   "stata",  "stato",
     "su",     "sua",     "sue",    "sugl",   "sugli",  "sui",    "sul",    "sull",   "sulla",
     "sulle",  "sullo",   "suo",    "suoi",   "ti",     "tra",    "tu",     "tua",    "tue",
     "tuo",    "tuoi",    "tutti",  "tutto",  "un",     "una",    "uno",    "vi",     "voi",
     "vostra", "vostre",  "vostri", "vostro"});
// ar: 53 words
constexpr auto kArabic = std::to_array<std::string_view>(
    {"اذا", "التي", "الذي", "الذين", "اللتين", "اللذين", "الى",  "ان",   "انا", "انت",  "او",
     "بعد", "به",   "بين",  "تلك",   "ثم",     "حتى",    "حيث",  "ذلك",  "على", "عليه", "عن",
     "عند", "في",   "فيه",  "قبل",   "قد",     "كان",    "كانت", "كل",   "لا",  "لم",   "لن",
     "له",  "لها",  "ما",   "مع",    "من",     "منذ",    "منه",  "منها", "نحن", "هذا",  "هذه",
     "هم",  "هن",   "هو",   "هي",    "و",      "وعلى",   "وفي",  "ومن",  "يكون"});

template <std::size_t N>
constexpr bool is_sorted_and_unique(const std::array<std::string_view, N>& words) {
  return std::adjacent_find(words.begin(), words.end(),
                            [](std::string_view a, std::string_view b) { return !(a < b); })
         == words.end();
}
static_assert(is_sorted_and_unique(kFrench));
static_assert(is_sorted_and_unique(kEnglish));
static_assert(is_sorted_and_unique(kSpanish));
static_assert(is_sorted_and_unique(kPortuguese));
static_assert(is_sorted_and_unique(kGerman));
static_assert(is_sorted_and_unique(kItalian));
static_assert(is_sorted_and_unique(kArabic));

// A lookup per token of every ingested item: an open-addressing hash set beats the binary
// search (eight string compares) by a wide margin. Built once, immutable afterwards.
class StopWordSet {
 public:
  explicit StopWordSet(std::span<const std::string_view> words) {
    std::size_t size = 16;
    while (size < 2 * words.size()) {
      size *= 2;
    }
    slots_.resize(size);
    mask_ = size - 1;
    for (const std::string_view w : words) {
      max_size_ = std::max(max_size_, w.size());
      std::size_t i = hash(w) & mask_;
      while (!slots_[i].empty()) {
        i = (i + 1) & mask_;
      }
      slots_[i] = w;
    }
  }

  bool contains(std::string_view w) const {
    if (w.empty() || w.size() > max_size_) {
      return false;
    }
    for (std::size_t i = hash(w) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].empty()) {
        return false;
      }
      if (slots_[i] == w) {
        return true;
      }
    }
  }

 private:
  static std::size_t hash(std::string_view w) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (const char c : w) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

  std::vector<std::string_view> slots_;  // empty: free slot (no stop word is empty)
  std::size_t mask_ = 0;
  std::size_t max_size_ = 0;
};

constexpr std::string_view kLanguages[] = {"fr", "en", "es", "pt", "de", "it", "ar"};

const StopWordSet* stop_words_for(std::string_view lang) {
  static const std::array<StopWordSet, std::size(kLanguages)> kSets = {
      StopWordSet(kFrench), StopWordSet(kEnglish), StopWordSet(kSpanish), StopWordSet(kPortuguese),
      StopWordSet(kGerman), StopWordSet(kItalian), StopWordSet(kArabic)};
  const std::string_view code = lang.substr(0, lang.find_first_of("-_"));
  if (code.size() != 2) {
    return nullptr;
  }
  const char a = static_cast<char>(code[0] | 0x20);  // ASCII lower-case
  const char b = static_cast<char>(code[1] | 0x20);
  for (std::size_t i = 0; i < std::size(kLanguages); ++i) {
    if (kLanguages[i][0] == a && kLanguages[i][1] == b) {
      return &kSets[i];
    }
  }
  return nullptr;
}

}  // namespace

bool is_stop_word(std::string_view folded_term, std::string_view lang) {
  const StopWordSet* words = stop_words_for(lang);
  return words != nullptr && words->contains(folded_term);
}

}  // namespace vigie::text
