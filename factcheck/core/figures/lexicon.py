"""Word lists that tell what a number in a sentence is about, per language.

Everything language-specific lives here, so a new language is a new :class:`Lexicon`
and nothing else. Patterns are regular-expression fragments matched case-insensitively
on whole words; each maps to a normalised *class* (``"saved"``, ``"people"``...), which
is what facts are grouped by. Languages: English (``en``) and French (``fr``); Spanish
(``es``) and German (``de``) have the number-reading part only (hedges, scales, months).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    # hedge words before a number: pattern -> kind (see hedges.py for the kinds)
    hedges_before: tuple[tuple[str, str], ...]
    # hedge words after a number ("or more")
    hedges_after: tuple[tuple[str, str], ...]
    between: tuple[str, str]  # ("between", "and")
    range_to: str  # "to" in "20 to 25"
    scales: dict[str, float]  # word -> multiplier ("million": 1e6)
    percent_words: str
    months: dict[str, int]
    # the noun after a number -> unit class
    units: tuple[tuple[str, str], ...]
    # verbs / nouns in the clause -> predicate class
    predicates: tuple[tuple[str, str], ...]
    # "according to", "said"... (regex fragments)
    according: str
    saying: str
    # "since", "so far", "in"...: time words
    since: str
    in_year: str
    to_date: str
    # the words that refer back to the article's main subject ("the group", "it")
    anaphora: str
    # small words that never start a name ("The", "In"...)
    stop_capitalised: frozenset[str] = field(default_factory=frozenset)
    # number words that are articles or pronouns unless part of a longer number
    ambiguous_one: frozenset[str] = field(default_factory=frozenset)
    stopwords: frozenset[str] = field(default_factory=frozenset)


_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_FR_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_ES_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
_DE_MONTHS = {
    "januar": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip

# Unit classes shared by the languages' unit lists.
PEOPLE, MEMBERS, DEAD, INJURED, MISSING = "people", "members", "dead", "injured", "missing"

EN = Lexicon(
    lang="en",
    hedges_before=(
        (r"more than|over|above|upwards of|in excess of|well over|just over|"
         r"greater than|north of", "above"),
        (r"nearly|almost|close to|just under|just below|not quite|approaching", "below"),
        (r"some|about|around|roughly|approximately|an estimated|estimated|circa|ca\.|"
         r"an? approximate|nearly about", "about"),
        (r"at least|no fewer than|no less than|a minimum of|as many as", "at-least"),
        (r"up to|at most|no more than|a maximum of|as few as", "up-to"),
        (r"fewer than|less than|under|below", "under"),
    ),
    hedges_after=((r"or more|and more|plus|or so|-plus|\+", "at-least"),),
    between=("between", "and"),
    range_to="to",
    scales={"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
            "mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12},
    percent_words=r"percent|per cent|percentage points?|pc",
    months=_EN_MONTHS,
    units=(
        (r"(?:li(?:fe|ves)|people|persons?|individuals|civilians|residents|survivors|"
         r"children|patients|refugees|inhabitants)", PEOPLE),
        (r"(?:members?|volunteers?|(?:rescue |aid )?workers|rescuers|staff|personnel|"
         r"employees|fighters|troops|first responders)", MEMBERS),
        (r"(?:dead|deaths?|fatalities|bodies)", DEAD),
        (r"(?:injured|wounded|injuries|casualties)", INJURED),
        (r"(?:missing)", MISSING),
        (r"(?:registered voters|eligible voters|electorate)", "electorate"),
        (r"(?:votes?|voters|ballots)", "votes"),
        (r"(?:seats?)", "seats"),
        (r"(?:signatures)", "signatures"),
        (r"(?:centres|centers|stations|hospitals|schools|buildings|homes|houses)", "sites"),
        (r"(?:vehicles|ambulances|trucks)", "vehicles"),
        (r"(?:stores|shops|outlets|branches|restaurants|plants|factories)", "stores"),
        (r"(?:countries|nations)", "countries"),
        (r"(?:dollars|euros|pounds|francs)", "money"),
        (r"(?:years?|months?|weeks?|days?|hours?|minutes?)(?:-old)?", "duration"),
    ),
    predicates=(
        (r"sav(?:e|es|ed|ing)|rescu(?:e|es|ed|ing)|pulled (?:out )?(?:alive )?from|"
         r"evacuat(?:e|es|ed|ing)", "saved"),
        (r"kill(?:s|ed|ing)?|died|dead|deaths?|death toll|toll|lost (?:their|his|her) li(?:fe|ves)|"
         r"perished|fatalities", "killed"),
        (r"injur(?:ed|ing|ies)|wounded|hurt", "injured"),
        (r"missing|unaccounted for", "missing"),
        (r"displac(?:ed|ing)|fled|homeless|evacuated", "displaced"),
        (r"trapped|stranded|left behind|left|remaining", "trapped"),
        (r"found(?:ed|ing)|establish(?:ed|ment)|formed|emerged|created|set up|launched|"
         r"came into being", "founded"),
        (r"comprises?|comprising|consists? of|made up of|numbers?|numbering|counts?|"
         r"has|have|had|there (?:are|were|is|remain|remained)|-strong|strong|"
         r"membership|totals?|includes?|runs|operates", "size"),
        (r"employs?|employing|employed|workforce|headcount|staff of", "employs"),
                (r"revenue|revenues|sales|turnover|takings", "revenue"),
        (r"(?:net )?(?:profit|income|earnings)", "profit"),
        (r"turnout|participation", "turnout"),
        (r"signed|signatures", "signatures"),
        (r"voted|cast (?:a |their )?(?:ballots?|votes?)|went to the polls", "voted"),
        (r"won|secured|took|garnered|received|obtained|gained|holds|held", "won"),
    ),
    according=r"according to|citing|cited by|as reported by|figures from|data from",
    saying=(r"says?|said|estimates?|estimated|claims?|claimed|reports?|reported|"
            r"announced|stated|told|counts?|counted|believes?|tallies|puts? the|put the"),
    since=r"since|from",
    in_year=r"in|during|for|by|as of|as at|through|fiscal|FY|financial year",
    to_date=(r"so far|to date|thus far|until now|up to now|in total|altogether|"
             r"over the course of|during the course of|since (?:it|the group|they)|"
             r"ha(?:s|ve) (?:\w+ )?(?:saved|rescued|killed|helped|pulled)"),
    anaphora=(r"the (?:group|organi[sz]ation|charity|company|firm|agency|movement|"
              r"service|team|network|force|outfit|party|authorities)|it|they|its|their"),
    stop_capitalised=frozenset("""the a an in on at of for and but or if when while as by
        from to with after before since during under over this that these those it its
        they their there here he she his her we our you your i my me us them who what
        which where why how all some many more most much nearly almost about around
        according although though however meanwhile yet still also even only just then
        now so no not read more updated source original by contact photo credit""".split()),
    ambiguous_one=frozenset({"one"}),
    stopwords=frozenset("the of and to in is that for it was on are with as by at".split()),
)

FR = Lexicon(
    lang="fr",
    hedges_before=(
        (r"plus de|au-delà de|au delà de|dépassant|bien plus de|largement plus de", "above"),
        (r"près de|presque|quasiment|pas loin de|frôlant|avoisinant", "below"),
        (r"quelque|environ|autour de|à peu près|approximativement|aux alentours de|"
         r"une estimation de|estimés? à", "about"),
        (r"au moins|au minimum|pas moins de|au bas mot", "at-least"),
        (r"jusqu'à|jusqu’à|au plus|au maximum|pas plus de", "up-to"),
        (r"moins de|en dessous de|sous la barre des?", "under"),
    ),
    hedges_after=((r"ou plus|et plus|au moins", "at-least"),),
    between=("entre", "et"),
    range_to="à",
    scales={"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
            "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "m": 1e6, "k": 1e3},
    percent_words=r"pour cent|pourcent|points? de pourcentage|points?",
    months=_FR_MONTHS,
    units=(
        (r"(?:vies|personnes|individus|civils|habitants|survivants|enfants|patients|"
         r"réfugiés|rescapés)", PEOPLE),
        (r"(?:membres|bénévoles|volontaires|secouristes|sauveteurs|salariés|employés|"
         r"agents|pompiers|militaires|soldats)", MEMBERS),
        (r"(?:morts?|décès|tués|victimes|corps)", DEAD),
        (r"(?:blessés?)", INJURED),
        (r"(?:disparus?)", MISSING),
        (r"(?:voix|votants|électeurs|bulletins|suffrages)", "votes"),
        (r"(?:sièges?)", "seats"),
        (r"(?:sans-abri|sinistrés|déplacés|évacués)", "displaced"),
        (r"(?:maisons|bâtiments|habitations|logements|écoles|hôpitaux)", "sites"),
        (r"(?:magasins|boutiques|usines|restaurants)", "stores"),
        (r"(?:euros|dollars|francs)", "money"),
        (r"(?:ans?|mois|semaines?|jours?|heures?|minutes?)", "duration"),
    ),
    predicates=(
        (r"sauv(?:é|ée|és|ées|er|e)|secour(?:u|us|ue|ir)|évacu(?:é|és|er)|"
         r"extraits? des décombres", "saved"),
        (r"tu(?:é|és|ée|ées|er)|morts?|mortes|décès|décédés?|bilan|périr|péri|"
         r"ont perdu la vie|victimes", "killed"),
        (r"bless(?:é|és|ée|ées|ures)", "injured"),
        (r"disparus?|disparues?", "missing"),
        (r"déplacés?|sans-abri|sinistrés|évacués|relogés", "displaced"),
        (r"fond(?:é|ée|és|ation)|cré(?:é|ée|ation)|établi|lancé", "founded"),
        (r"compte|comptait|compt(?:ent|aient)|rassemble|regroupe|emploie|effectifs?|"
         r"il y a|y a-t-il|forte de|fort de", "size"),
        (r"chiffre d['’]affaires|ventes|recettes", "revenue"),
        (r"bénéfices?|résultat net", "profit"),
        (r"participation|taux de participation|abstention", "turnout"),
    ),
    according=r"selon|d['’]après|de source|citant|à en croire",
    saying=(r"a déclaré|a indiqué|indique|a précisé|précise|affirme|a affirmé|estime|"
            r"a estimé|annonce|a annoncé|rapporte|a rapporté|dit|a dit|fait état"),
    since=r"depuis|à partir de",
    in_year=r"en|au cours de|durant|pendant|pour|à la date du|au",
    to_date=r"jusqu['’]ici|à ce jour|pour l['’]instant|au total|en tout|désormais",
    anaphora=(r"l['’](?:organisation|association|ONG|entreprise|agence)|le (?:groupe|parti|"
              r"gouvernement|ministère)|la (?:société|compagnie|préfecture)|il|elle|ils|elles"),
    stop_capitalised=frozenset("""le la les un une des du de d l au aux en et ou mais si
        quand dans sur pour par avec sans selon depuis après avant pendant ce cette ces
        il elle ils elles on nous vous je son sa ses leur leurs qui que quoi dont où
        plus près environ au moins lundi mardi mercredi jeudi vendredi samedi dimanche
        source lire aussi""".split()),
    ambiguous_one=frozenset({"un", "une"}),
    stopwords=frozenset("le la les de des et en un une du est que pour dans qui".split()),
)

ES = Lexicon(
    lang="es",
    hedges_before=(
        (r"más de", "above"), (r"casi|cerca de", "below"),
        (r"unos|unas|alrededor de|aproximadamente|en torno a", "about"),
        (r"al menos|por lo menos", "at-least"), (r"hasta", "up-to"),
        (r"menos de", "under"),
    ),
    hedges_after=(), between=("entre", "y"), range_to="a",
    scales={"mil": 1e3, "millón": 1e6, "millones": 1e6},
    percent_words=r"por ciento", months=_ES_MONTHS, units=(), predicates=(),
    according=r"según", saying=r"dijo|afirmó|estima", since=r"desde", in_year=r"en",
    to_date=r"hasta ahora", anaphora=r"el grupo|la organización",
    ambiguous_one=frozenset({"un", "una", "uno"}),
    stopwords=frozenset("el la los las de y en que del se por con para".split()),
)

DE = Lexicon(
    lang="de",
    hedges_before=(
        (r"mehr als|über", "above"), (r"fast|beinahe|knapp", "below"),
        (r"etwa|rund|ungefähr|circa|ca\.", "about"), (r"mindestens", "at-least"),
        (r"bis zu|höchstens", "up-to"), (r"weniger als|unter", "under"),
    ),
    hedges_after=(), between=("zwischen", "und"), range_to="bis",
    scales={"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
            "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9},
    percent_words=r"prozent", months=_DE_MONTHS, units=(), predicates=(),
    according=r"laut|nach angaben", saying=r"sagte|teilte mit|schätzt", since=r"seit",
    in_year=r"im|in", to_date=r"bisher|bislang", anaphora=r"die gruppe|die organisation",
    ambiguous_one=frozenset({"ein", "eine", "einer", "eins"}),
    stopwords=frozenset("der die das und in zu den von mit ist sich des auf für".split()),
)

LEXICONS: dict[str, Lexicon] = {lex.lang: lex for lex in (EN, FR, ES, DE)}


def guess_language(text: str) -> str:
    """The article's language among those with a lexicon, by counting frequent short
    words in the first few thousand characters; English when nothing stands out."""
    sample = text[:4000].lower()
    words = sample.split()
    best, best_n = "en", 0
    for lex in LEXICONS.values():
        n = sum(1 for w in words if w in lex.stopwords)
        if n > best_n * 1.2:
            best, best_n = lex.lang, n
    return best


def lexicon(lang: str) -> Lexicon:
    return LEXICONS.get(lang, EN)
