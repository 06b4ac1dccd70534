/*
 * gencorpus.c -- deterministic generator of labelled synthetic news corpora
 * for benchmarking newsdup (near-duplicate news detection).
 *
 * Why: newsdup must find copies and paraphrased rewrites of a news article
 * while keeping independent coverage of the same event apart.  Real corpora
 * with ground truth are scarce, so this tool writes one with exact labels.
 *
 * How: every story is an abstract set of facts -- an event, the organisations
 * involved, a place and date, numbers with units/currency/percent, background
 * facts, and 9-10 named people with roles and affiliations, 4-7 of whom
 * speak in the origin, each with claims (subject, verb, object, optional
 * time frame, reason and hedge).  Articles are *rendered* from facts with
 * hand-written sentence templates and synonym sets:
 *   origin      one rendering of the facts;
 *   copy        the origin sentences byte for byte, with another outlet's
 *               furniture (headline, byline, share/newsletter/cookie lines),
 *               sometimes trimmed; sometimes the origin is the truncated one;
 *   rewrite     the same facts in the same order rendered with other
 *               templates and synonyms, merged sentences, dropped facts
 *               (light rewrites keep more wording than heavy ones), and
 *               0-4 planted "drifts" (wrong speaker, dropped attribution,
 *               changed number, lost role qualifier or hedge, altered quote);
 *   rewrite2    a rewrite of a rewrite;
 *   independent another outlet's article on the same event: same
 *               organisation, place, some people and numbers, other quotes;
 *   partial     independent reporting that lifts 1-2 paragraphs verbatim;
 *   singleton   an unrelated story.
 * Traps: outlets repeat identical boilerplate lines, and some stories have an
 * official statement quoted word for word by origin, rewrites and
 * independent articles alike.
 *
 * Output: a JSON Lines corpus, a labels TSV and a drift TSV.  The same
 * arguments always give the same bytes (xoshiro256** seeded by splitmix64).
 *
 * Build: cc -O2 -std=c11 -Wall -Wextra -o build/gencorpus bench/gen/gencorpus.c -lm
 * Usage: gencorpus --docs N [--seed S] [--out corpus.jsonl] [--labels labels.tsv]
 *                  [--drifts drifts.tsv] [--no-published-frac F]
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_LEN(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void die(const char *msg)
{
    fprintf(stderr, "gencorpus: %s\n", msg);
    exit(1);
}

/* ------------------------------------------------------------------------ */
/* Random numbers and hashing                                               */
/* ------------------------------------------------------------------------ */

static uint64_t mix64(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t hash2(uint64_t a, uint64_t b)
{
    return mix64(a ^ mix64(b + 0x632be59bd9b4e019ULL));
}

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

typedef struct {
    uint64_t s[4];
} Rng;

static void rng_seed(Rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++) {
        x += 0x9e3779b97f4a7c15ULL;
        r->s[i] = mix64(x);
    }
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(Rng *r) /* xoshiro256** */
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int rng_range(Rng *r, int lo, int hi) /* inclusive */
{
    return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

static double rng_unit(Rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

static int rng_chance(Rng *r, double p) { return rng_unit(r) < p; }

static int rng_weighted(Rng *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int x = (int)rng_below(r, (uint32_t)total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

static double unit_of_hash(uint64_t h) { return (double)(h >> 11) * 0x1.0p-53; }

/* ------------------------------------------------------------------------ */
/* Growable byte buffer (always NUL-terminated)                             */
/* ------------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static void buf_grow(Buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        die("out of memory");
    b->p = p;
    b->cap = cap;
}

static void buf_putn(Buf *b, const char *s, size_t n)
{
    buf_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

static void buf_putc(Buf *b, char c)
{
    if (b->len + 2 > b->cap)
        buf_grow(b, 1);
    b->p[b->len++] = c;
    b->p[b->len] = 0;
}

static void buf_clear(Buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = 0;
}

static void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("format error");
    if ((size_t)n < sizeof tmp) {
        buf_putn(b, tmp, (size_t)n);
        return;
    }
    buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void buf_free(Buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* Upper-case the character at byte offset pos (ASCII and Latin-1 letters). */
static void capitalize_at(char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return;
    unsigned char c = (unsigned char)s[pos];
    if (c >= 'a' && c <= 'z')
        s[pos] = (char)(c - 32);
    else if (c == 0xC3 && pos + 1 < len) {
        unsigned char d = (unsigned char)s[pos + 1];
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7)
            s[pos + 1] = (char)(d - 0x20);
    }
}

/* ------------------------------------------------------------------------ */
/* Word banks: people, places, organisations, outlets                       */
/* ------------------------------------------------------------------------ */

static const char *const FIRST_NAMES[] = {
    "Anna", "José", "Zoë", "Søren", "Mariana", "Lukas", "Chloé", "Mateo", "Ingrid", "Tomás",
    "Aisha", "Björn", "Emma", "François", "Małgorzata", "Jürgen", "Inés", "Raúl", "Élodie",
    "Henrik", "Sofía", "Kwame", "Priya", "Dmitri", "Leila", "Niamh", "Oskar", "Ana", "Gabriel",
    "Yuki", "Hannah", "Ravi", "Fatima", "Pietro", "Agnieszka", "Liam", "Camille", "Mehmet",
    "Sinéad", "Andrés", "Eva", "Jakub", "Lucía", "Matthias", "Noor", "Olivier", "Paulina",
    "Rafael", "Sanna", "Thomas", "Ulla", "Valentina", "Wojciech", "Ximena", "Yusuf", "Zofia",
    "Ahmed", "Beatriz", "Cyril", "Dagny", "Emeka", "Filippa", "Gaspard", "Hélène", "Ibrahim",
    "Jonas", "Katarzyna", "Laurent", "Mette", "Nikolaj", "Odile", "Pål", "Quentin", "Renée",
    "Stefan", "Tuğba", "Ugo", "Vera", "Wiebke", "Xavier", "Yasmin", "Zdeněk", "Adéla", "Bruno",
    "Carmen", "Dorota", "Enzo", "Freya", "Gustav", "Hugo", "Irene", "Joaquín", "Kasper", "Lina",
    "Marek", "Nadia", "Ole", "Patricia", "Rosa", "Sebastián", "Teresa", "Uwe", "Viktor", "Wilma",
    "Yannick", "Zuzana", "Alessandro", "Birgit", "Conor", "Daniela", "Eero", "Fernanda",
    "Grzegorz", "Hanne", "Ioana", "Jean-Luc", "Kai", "Léa", "Magnus", "Nora", "Orla", "Petra",
    "Ricardo", "Saoirse", "Tiago", "Ursula", "Vincent", "Amara", "Bartosz", "Clara", "David",
    "Elif", "Felix", "Greta", "Håkon", "Isabel", "Jorge", "Karin", "Luca", "Maja", "Nils", "Olga",
    "Pablo", "Ragnhild", "Samuel", "Tove", "Valeria", "Wei", "Yara", "Åsa", "Émile", "Øystein",
    "Łukasz", "Marta", "Andreas", "Kateřina", "Mikael", "Juliette", "Diego", "Aoife", "Sven",
    "Giulia", "Rui", "Antje", "Miguel", "Linnéa", "Ömer", "Chiara", "Siobhán", "Tobias", "Marie",
    "Jan", "Sara", "Paolo", "Ewa", "Lars", "Amélie", "Carlos", "Helga", "Iñaki", "Naledi", "Thabo",
    "Aroha", "James", "Sarah", "Michael", "Laura", "Daniel", "Rachel", "Peter", "Emily", "Robert",
    "Kate", "Mark", "Helen", "Richard", "Claire", "Simon", "Grace", "Martin", "Ruth", "Paul",
    "Alice", "Chris", "Jenny", "Adam", "Lucy", "Ben", "Fiona", "Sam", "Joanna", "Hiroshi", "Mei",
    "Jae-won", "Min-ji", "Arjun", "Ananya", "Oluwaseun", "Chidi", "Wanjiru", "Kofi", "Abena",
    "Tariq", "Samira", "Reza", "Shirin", "Dolores", "Esteban", "Guadalupe", "Rodrigo", "Leonor",
    "Matías", "Florencia", "Thiago", "Letícia", "Gonçalo", "Inês", "Jorunn", "Sigrid", "Eyvind",
    "Aurélien", "Margaux", "Benoît", "Maëlle", "Kristýna", "Miloš", "Dragana", "Nikola", "Ilse",
    "Maarten", "Femke", "Bram", "Lieke", "Dominik", "Zsófia", "Bence", "Réka", "Cătălina",
    "Radu", "Andrea", "Marco", "Federica", "Niccolò", "Eleni", "Giorgos", "Dimitra", "Kostas",
};

static const char *const LAST_NAMES[] = {
    "Núñez", "Lefèvre", "Ødegård", "Müller", "Kowalczyk", "Dvořák", "Sánchez", "O'Brien",
    "García", "Gonçalves", "Andersson", "Bianchi", "Nowak", "Schmidt", "Rossi", "Jensen",
    "Fernández", "Dubois", "Novák", "Hansen", "Moreau", "Kovačević", "Lindqvist", "Fitzgerald",
    "Okafor", "Mensah", "Nakamura", "Patel", "Haddad", "Yılmaz", "Ivanova", "Papadopoulos",
    "Van der Berg", "De Smet", "Björklund", "Nieminen", "Virtanen", "Holm", "Eriksen", "Sørensen",
    "Bergström", "Åkesson", "Ó Briain", "MacLeod", "Kavanagh", "Gallagher", "Murphy", "Walsh",
    "Byrne", "Brennan", "Costa", "Ferreira", "Silva", "Pereira", "Oliveira", "Almeida", "Ribeiro",
    "Carvalho", "Martín", "López", "Romero", "Navarro", "Ortega", "Domínguez", "Vázquez",
    "Jiménez", "Muñoz", "Iglesias", "Castillo", "Herrera", "Peña", "Fontaine", "Girard",
    "Mercier", "Lambert", "Bonnet", "Faure", "Rousseau", "Chevalier", "Gauthier", "Lemaire",
    "Bérubé", "Tremblay", "Gagnon", "Côté", "Bouchard", "Weber", "Wagner", "Becker", "Hoffmann",
    "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
    "Zimmermann", "Krüger", "Hartmann", "Lange", "Köhler", "Jäger", "Vogel", "Brandt", "Haas",
    "Ricci", "Marino", "Greco", "Gallo", "Conti", "De Luca", "Mancini", "Lombardi", "Moretti",
    "Barbieri", "Fontana", "Santoro", "Rinaldi", "Caruso", "Ferrara", "Esposito", "Romano",
    "Colombo", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
    "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Krawczyk", "Piotrowski",
    "Grabowski", "Pawłowski", "Michalski", "Král", "Horák", "Němec", "Pokorný", "Růžička",
    "Beneš", "Fiala", "Sedláček", "Doležal", "Zeman", "Kolář", "Navrátil", "Čermák", "Vaněk",
    "Blažek", "Kříž", "Kovács", "Szabó", "Tóth", "Nagy", "Horváth", "Varga", "Kiss", "Molnár",
    "Németh", "Farkas", "Balogh", "Takács", "Juhász", "Lakatos", "Mészáros", "Rácz", "Fekete",
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
    "Anderson", "Moore", "Jackson", "Thompson", "White", "Harris", "Clarke", "Lewis",
    "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams",
    "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner",
    "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murray", "Reid", "Hughes",
    "Price", "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry",
    "Powell", "Patterson", "Flores", "Butler", "Simmons", "Foster", "Gonzales", "Bryant",
    "Russell", "Griffin", "Díaz", "Hayes", "Okonkwo", "Adeyemi", "Abubakar", "Chukwu", "Osei",
    "Boateng", "Asante", "Owusu", "Kamau", "Otieno", "Ndlovu", "Dlamini", "Khumalo", "Mokoena",
    "Naidoo", "Pillay", "Singh", "Sharma", "Gupta", "Kumar", "Reddy", "Iyer", "Chen", "Wang",
    "Zhang", "Liu", "Tanaka", "Suzuki", "Watanabe", "Kim", "Park", "Nguyen", "Tran", "Pham",
    "Hosseini", "Rahimi", "Karimi", "Mansour", "Khalil", "Nasser", "Aziz", "Demir", "Şahin",
    "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan", "Kılıç", "Ahlberg", "Lindgren", "Sundberg",
    "Nyström", "Forsberg", "Engström", "Håkansson", "Dahl", "Berg", "Strand", "Lund", "Haugen",
    "Bakke", "Solberg", "Kristiansen", "Mikkelsen", "Thorsen", "Halvorsen", "Jakobsen",
    "Laine", "Mäkinen", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Salminen", "Tamm",
    "Saar", "Kask", "Ozols", "Bērziņš", "Kalniņš", "Kazlauskas", "Petrauskas", "Jónsdóttir",
    "Guðmundsson", "Sigurðsson", "D'Angelo", "O'Connor", "McAllister", "Le Gall", "Da Silva",
    "Popescu", "Ionescu", "Dumitru", "Stan", "Georgiou", "Nikolaidis", "Vlahos", "Janssen",
    "De Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Peeters", "Maes", "Claes",
};

typedef struct {
    const char *sym;  /* prefix symbol, or NULL when the word is always used */
    const char *word; /* plural currency name */
} Currency;

enum {
    CUR_EUR, CUR_USD, CUR_GBP, CUR_CHF, CUR_SEK, CUR_NOK, CUR_PLN, CUR_CZK, CUR_HUF, CUR_RON,
    CUR_CAD, CUR_AUD, CUR_NZD, CUR_JPY, CUR_BRL, CUR_PESO, CUR_ZAR, CUR_KES, CUR_ISK, CUR_KRW
};

static const Currency CURRENCIES[] = {
    {"€", "euros"}, {"$", "dollars"}, {"£", "pounds"}, {"CHF ", "Swiss francs"},
    {NULL, "kronor"}, {NULL, "kroner"}, {NULL, "zlotys"}, {NULL, "koruna"}, {NULL, "forints"},
    {NULL, "lei"}, {"C$", "Canadian dollars"}, {"A$", "Australian dollars"},
    {"NZ$", "New Zealand dollars"}, {"¥", "yen"}, {"R$", "reais"}, {NULL, "pesos"},
    {"R", "rand"}, {NULL, "shillings"}, {NULL, "kronur"}, {"₩", "won"},
};

typedef struct {
    const char *name;     /* as used after "in": "the Netherlands" */
    const char *ministry; /* prefix of a ministry name */
    uint8_t cur;
} Country;

static const Country COUNTRIES[] = {
    {"France", "the French Ministry of", CUR_EUR},
    {"Germany", "the German Ministry of", CUR_EUR},
    {"Spain", "the Spanish Ministry of", CUR_EUR},
    {"Portugal", "the Portuguese Ministry of", CUR_EUR},
    {"Italy", "the Italian Ministry of", CUR_EUR},
    {"the Netherlands", "the Dutch Ministry of", CUR_EUR},
    {"Belgium", "the Belgian Ministry of", CUR_EUR},
    {"Austria", "the Austrian Ministry of", CUR_EUR},
    {"Finland", "the Finnish Ministry of", CUR_EUR},
    {"Sweden", "the Swedish Ministry of", CUR_SEK},
    {"Norway", "the Norwegian Ministry of", CUR_NOK},
    {"Denmark", "the Danish Ministry of", CUR_NOK},
    {"Poland", "the Polish Ministry of", CUR_PLN},
    {"the Czech Republic", "the Czech Ministry of", CUR_CZK},
    {"Hungary", "the Hungarian Ministry of", CUR_HUF},
    {"Romania", "the Romanian Ministry of", CUR_RON},
    {"Switzerland", "the Swiss Federal Office of", CUR_CHF},
    {"the United Kingdom", "the UK Department of", CUR_GBP},
    {"Ireland", "the Irish Department of", CUR_EUR},
    {"Iceland", "the Icelandic Ministry of", CUR_ISK},
    {"Estonia", "the Estonian Ministry of", CUR_EUR},
    {"Latvia", "the Latvian Ministry of", CUR_EUR},
    {"Lithuania", "the Lithuanian Ministry of", CUR_EUR},
    {"Slovenia", "the Slovenian Ministry of", CUR_EUR},
    {"Croatia", "the Croatian Ministry of", CUR_EUR},
    {"Greece", "the Greek Ministry of", CUR_EUR},
    {"Canada", "the Canadian Department of", CUR_CAD},
    {"the United States", "the US Department of", CUR_USD},
    {"Mexico", "the Mexican Ministry of", CUR_PESO},
    {"Brazil", "the Brazilian Ministry of", CUR_BRL},
    {"Argentina", "the Argentine Ministry of", CUR_PESO},
    {"Chile", "the Chilean Ministry of", CUR_PESO},
    {"Colombia", "the Colombian Ministry of", CUR_PESO},
    {"New Zealand", "the New Zealand Ministry of", CUR_NZD},
    {"Australia", "the Australian Department of", CUR_AUD},
    {"Japan", "the Japanese Ministry of", CUR_JPY},
    {"South Korea", "the South Korean Ministry of", CUR_KRW},
    {"South Africa", "the South African Department of", CUR_ZAR},
    {"Kenya", "the Kenyan Ministry of", CUR_KES},
};

typedef struct {
    const char *name;
    uint8_t country;
} City;

static const City CITIES[] = {
    {"Lyon", 0}, {"Marseille", 0}, {"Toulouse", 0}, {"Bordeaux", 0}, {"Lille", 0}, {"Nantes", 0},
    {"Strasbourg", 0}, {"Montpellier", 0}, {"Rennes", 0}, {"Grenoble", 0},
    {"Hamburg", 1}, {"Leipzig", 1}, {"Dortmund", 1}, {"Stuttgart", 1}, {"Bremen", 1},
    {"Düsseldorf", 1}, {"Nuremberg", 1}, {"Hanover", 1}, {"Dresden", 1}, {"Mannheim", 1},
    {"Valencia", 2}, {"Seville", 2}, {"Málaga", 2}, {"Bilbao", 2}, {"Zaragoza", 2},
    {"A Coruña", 2}, {"Córdoba", 2}, {"Alicante", 2},
    {"Porto", 3}, {"Braga", 3}, {"Coimbra", 3}, {"Faro", 3},
    {"Turin", 4}, {"Bologna", 4}, {"Genoa", 4}, {"Naples", 4}, {"Palermo", 4}, {"Verona", 4},
    {"Bari", 4},
    {"Rotterdam", 5}, {"Utrecht", 5}, {"Eindhoven", 5}, {"Groningen", 5}, {"Tilburg", 5},
    {"Antwerp", 6}, {"Ghent", 6}, {"Liège", 6}, {"Charleroi", 6},
    {"Graz", 7}, {"Linz", 7}, {"Salzburg", 7}, {"Innsbruck", 7},
    {"Tampere", 8}, {"Turku", 8}, {"Oulu", 8},
    {"Gothenburg", 9}, {"Malmö", 9}, {"Uppsala", 9}, {"Umeå", 9}, {"Linköping", 9},
    {"Bergen", 10}, {"Trondheim", 10}, {"Stavanger", 10}, {"Tromsø", 10},
    {"Aarhus", 11}, {"Odense", 11}, {"Aalborg", 11},
    {"Kraków", 12}, {"Wrocław", 12}, {"Gdańsk", 12}, {"Poznań", 12}, {"Łódź", 12},
    {"Brno", 13}, {"Ostrava", 13}, {"Plzeň", 13},
    {"Debrecen", 14}, {"Szeged", 14}, {"Pécs", 14},
    {"Cluj-Napoca", 15}, {"Timișoara", 15}, {"Iași", 15},
    {"Zürich", 16}, {"Basel", 16}, {"Lausanne", 16}, {"Geneva", 16},
    {"Manchester", 17}, {"Leeds", 17}, {"Bristol", 17}, {"Glasgow", 17}, {"Cardiff", 17},
    {"Newcastle", 17}, {"Sheffield", 17}, {"Belfast", 17}, {"Edinburgh", 17}, {"Liverpool", 17},
    {"Nottingham", 17},
    {"Cork", 18}, {"Galway", 18}, {"Limerick", 18},
    {"Reykjavík", 19}, {"Akureyri", 19},
    {"Tallinn", 20}, {"Tartu", 20}, {"Riga", 21}, {"Vilnius", 22}, {"Kaunas", 22},
    {"Ljubljana", 23}, {"Maribor", 23}, {"Zagreb", 24}, {"Split", 24},
    {"Thessaloniki", 25}, {"Patras", 25},
    {"Montréal", 26}, {"Québec City", 26}, {"Calgary", 26}, {"Winnipeg", 26}, {"Halifax", 26},
    {"Denver", 27}, {"Austin", 27}, {"Portland", 27}, {"Cleveland", 27}, {"Pittsburgh", 27},
    {"Sacramento", 27}, {"Tampa", 27}, {"Albuquerque", 27}, {"Milwaukee", 27}, {"Boise", 27},
    {"Omaha", 27}, {"Raleigh", 27},
    {"Monterrey", 28}, {"Guadalajara", 28}, {"Puebla", 28},
    {"Curitiba", 29}, {"Porto Alegre", 29}, {"Belo Horizonte", 29}, {"Recife", 29},
    {"Rosario", 30}, {"Mendoza", 30}, {"Valparaíso", 31}, {"Concepción", 31},
    {"Medellín", 32}, {"Cali", 32},
    {"Auckland", 33}, {"Wellington", 33}, {"Christchurch", 33},
    {"Brisbane", 34}, {"Adelaide", 34}, {"Perth", 34}, {"Hobart", 34},
    {"Osaka", 35}, {"Sapporo", 35}, {"Fukuoka", 35},
    {"Busan", 36}, {"Daegu", 36},
    {"Cape Town", 37}, {"Durban", 37},
    {"Nairobi", 38}, {"Mombasa", 38},
};

static const char *const COMPANY_PREFIX[] = {
    "Nordvik", "Castellan", "Meridian", "Aurelia", "Brightwater", "Kestrel", "Halden", "Vantora",
    "Solenne", "Arkwright", "Delmar", "Tervana", "Lumora", "Greyfield", "Caldera", "Eastgate",
    "Pinecrest", "Silverline", "Northwind", "Bluestone", "Redbridge", "Ironvale", "Oakmont",
    "Westmark", "Alder", "Borealis", "Cobalt", "Dunmore", "Elmstead", "Falkner", "Granite",
    "Harwood", "Islay", "Juniper", "Kingsmere", "Larkspur", "Marlow", "Novaterra", "Orion",
    "Pallas", "Quarry Hill", "Riverton", "Saltmarsh", "Thornbury", "Umbra", "Valmont", "Wexford",
    "Yarrow", "Zephyr", "Altamira", "Beaumont", "Corvus", "Drummond", "Estrela", "Fjordline",
    "Glenmore", "Hollis", "Ibex", "Jasper", "Kaskade", "Lindholm", "Montague", "Norrland",
    "Ostara", "Pemberton", "Quintus", "Rosendal", "Stellar", "Tamsin", "Verdant", "Wolfram",
    "Xenon", "Zenith", "Atlas", "Crestwood", "Dovetail", "Evergreen", "Frontera", "Galvani",
    "Helios", "Inverness", "Javelin", "Kronberg", "Lodestar", "Mistral", "Nimbus", "Obsidian",
    "Pioneer", "Quayside", "Radiant", "Sable", "Tidewater", "Vireo", "Whitlock", "Axiom",
    "Bramble", "Cascadia", "Dalriada", "Ember", "Foxglove", "Gemini", "Harbinger", "Isola",
    "Keystone", "Lantern", "Monarch", "Northstar", "Osprey", "Paragon", "Ravenna", "Sterling",
    "Trident", "Upland", "Vesta", "Windmere", "Ardent", "Solvik", "Teravolt", "Aquila",
    "Brennholt", "Cedarline", "Duvall", "Eskerfield", "Fairhaven", "Góralski", "Høgberg",
    "Ibérica", "Jadeport", "Kvarn", "Lumière", "Mönckeberg", "Nørrebro", "Orsolya", "Peñalara",
};

static const char *const COMPANY_SUFFIX[] = {
    "Energy", "Logistics", "Foods", "Motors", "Pharma", "Telecom", "Steel", "Chemicals",
    "Retail", "Airlines", "Software", "Textiles", "Paper", "Robotics", "Holdings", "Group",
    "Systems", "Mobility", "Water", "Health", "Media", "Materials", "Semiconductors", "Shipping",
    "Rail", "Brewing", "Dairy", "Cement", "Glass", "Electronics", "Biotech", "Payments", "Labs",
    "Insurance", "Bank", "Construction", "Packaging", "Appliances", "Furniture", "Power",
};

static const char *const MINISTRY_DOMAINS[] = {
    "Health", "Transport", "Finance", "Education", "the Interior", "Economic Affairs", "Labour",
    "the Environment", "Agriculture", "Digital Affairs", "Housing", "Energy", "Justice",
    "Culture", "Social Affairs", "Trade", "Infrastructure",
};

static const char *const UNION_SECTORS[] = {
    "Transport", "Rail", "Metal", "Postal", "Health", "Retail", "Dock", "Public Service",
    "Construction", "Food and Drink", "Aviation", "Logistics", "Chemical", "Education",
};

static const char *const OUTLET_PREFIX[] = {
    "The Daily", "The Evening", "The Morning", "Northern", "Southern", "Metro", "City",
    "National", "The Weekly", "Coastal", "Valley", "Capital", "Harbour", "Western", "Eastern",
    "Central", "Continental", "The Global", "Regional", "Union", "Lakeside", "Highland",
    "Riverside", "Citizen",
};

static const char *const OUTLET_NOUN[] = {
    "Courier", "Ledger", "Gazette", "Herald", "Chronicle", "Post", "Wire", "Observer",
    "Dispatch", "Tribune", "Standard", "Monitor", "Record", "Journal", "Bulletin", "Review",
    "Times", "Report", "Sentinel", "Express",
};

static const char *const AGGREGATORS[] = {
    "NewsHub Daily", "Headline Digest", "TopStories24", "The News Roundup", "Briefly News",
    "FeedWire", "Newsstream", "InfoPortal", "DailyScroll", "WorldNews Today",
    "PressMonitor Online", "NewsAggregate",
};

#define N_REGULAR_OUTLETS (ARRAY_LEN(OUTLET_PREFIX) * ARRAY_LEN(OUTLET_NOUN))
#define N_OUTLETS (N_REGULAR_OUTLETS + ARRAY_LEN(AGGREGATORS))

/* Organisation types and the roles people hold in them. */
enum {
    OT_COMPANY, OT_MINISTRY, OT_AGENCY, OT_HEALTH, OT_UNIVERSITY, OT_UNION, OT_COURT,
    OT_COUNCIL, OT_FIRM, OT_NGO, OT_COUNT
};

/* Short noun used for "the company said", "the ministry said", ... */
static const char *const ORG_NOUN[OT_COUNT] = {
    "company", "ministry", "agency", "health authority", "university", "union", "court",
    "council", "firm", "group",
};

/* Role qualifiers: the role_changed drift drops one of these. */
static const char *const QUALIFIERS[] = {
    "", "assistant", "associate", "former", "deputy", "acting", "interim", "senior",
};
enum { QA = 1 << 1, QX = 1 << 2, QF = 1 << 3, QD = 1 << 4, QAC = 1 << 5, QI = 1 << 6, QS = 1 << 7 };

typedef struct {
    const char *name;
    uint8_t orgtype;
    uint8_t quals; /* bit i set: QUALIFIERS[i] fits this role */
} Role;

static const Role ROLES[] = {
    {"chief executive", OT_COMPANY, QD | QAC | QI | QF},
    {"chief financial officer", OT_COMPANY, QD | QAC | QI | QF},
    {"chief operating officer", OT_COMPANY, QD | QAC | QI | QF},
    {"director of operations", OT_COMPANY, QA | QX | QD | QAC | QI | QF | QS},
    {"head of communications", OT_COMPANY, QD | QAC | QF},
    {"plant manager", OT_COMPANY, QA | QD | QF},
    {"spokesperson", OT_COMPANY, QS | QD},
    {"general counsel", OT_COMPANY, QX | QD | QAC | QF},
    {"head of human resources", OT_COMPANY, QD | QAC | QI | QF},
    {"vice president for strategy", OT_COMPANY, QS | QAC | QF},
    {"chair of the board", OT_COMPANY, QD | QAC | QI | QF},
    {"head of investor relations", OT_COMPANY, QD | QAC | QF},
    {"minister", OT_MINISTRY, QD | QAC | QF},
    {"state secretary", OT_MINISTRY, QAC | QF},
    {"director general", OT_MINISTRY, QA | QD | QAC | QI | QF},
    {"spokesperson", OT_MINISTRY, QS | QD},
    {"policy adviser", OT_MINISTRY, QS | QF},
    {"head of the budget office", OT_MINISTRY, QD | QAC | QF},
    {"director", OT_AGENCY, QA | QX | QD | QAC | QI | QF},
    {"chief fire officer", OT_AGENCY, QA | QD | QAC | QF},
    {"head of emergency planning", OT_AGENCY, QD | QAC | QF},
    {"hydrologist", OT_AGENCY, QS | QF},
    {"incident commander", OT_AGENCY, QD | QS},
    {"spokesperson", OT_AGENCY, QS | QD},
    {"chief medical officer", OT_HEALTH, QA | QD | QAC | QI | QF},
    {"epidemiologist", OT_HEALTH, QS | QF},
    {"director of public health", OT_HEALTH, QX | QD | QAC | QI | QF},
    {"infectious disease specialist", OT_HEALTH, QS | QF},
    {"head of vaccination programmes", OT_HEALTH, QD | QAC | QF},
    {"professor of economics", OT_UNIVERSITY, QA | QX | QF},
    {"professor of epidemiology", OT_UNIVERSITY, QA | QX | QF},
    {"professor of environmental science", OT_UNIVERSITY, QA | QX | QF},
    {"professor of law", OT_UNIVERSITY, QA | QX | QF},
    {"lecturer in public policy", OT_UNIVERSITY, QS | QF},
    {"research fellow", OT_UNIVERSITY, QS | QF},
    {"head of the engineering department", OT_UNIVERSITY, QD | QAC | QI | QF},
    {"dean of the business school", OT_UNIVERSITY, QX | QD | QAC | QI | QF},
    {"general secretary", OT_UNION, QA | QD | QAC | QF},
    {"president", OT_UNION, QD | QAC | QI | QF},
    {"regional organiser", OT_UNION, QA | QS | QF},
    {"chief negotiator", OT_UNION, QD | QF},
    {"shop steward", OT_UNION, QS | QF},
    {"national officer", OT_UNION, QA | QD | QS},
    {"judge", OT_COURT, QX | QS | QF},
    {"court spokesperson", OT_COURT, QS | QD},
    {"registrar", OT_COURT, QA | QD | QS},
    {"president of the court", OT_COURT, QD | QAC | QF},
    {"mayor", OT_COUNCIL, QD | QAC | QI | QF},
    {"councillor", OT_COUNCIL, QS | QF},
    {"head of planning", OT_COUNCIL, QA | QD | QAC | QI | QF},
    {"city engineer", OT_COUNCIL, QA | QD | QS | QF},
    {"chair of the finance committee", OT_COUNCIL, QD | QAC | QF},
    {"director of transport", OT_COUNCIL, QA | QX | QD | QAC | QF},
    {"analyst", OT_FIRM, QS | QF},
    {"economist", OT_FIRM, QS | QF},
    {"portfolio manager", OT_FIRM, QA | QX | QS | QF},
    {"head of research", OT_FIRM, QD | QAC | QF},
    {"market strategist", OT_FIRM, QS | QF},
    {"credit analyst", OT_FIRM, QX | QS},
    {"director", OT_NGO, QA | QX | QD | QAC | QI | QF},
    {"campaigner", OT_NGO, QS | QF},
    {"policy officer", OT_NGO, QA | QS | QF},
    {"spokesperson", OT_NGO, QS | QD},
    {"head of advocacy", OT_NGO, QD | QAC | QF},
    {"legal adviser", OT_NGO, QX | QS | QF},
};

/* ------------------------------------------------------------------------ */
/* Synonym groups and template mini-language                                */
/*                                                                          */
/* Templates are plain text with:                                           */
/*   {KEY}      a slot value (itself expanded, may hold alternatives)       */
/*   {a|b|c}    inline alternatives (may nest, may be empty: {that |})      */
/*   [name]     a named synonym group from SYN below                        */
/*   ^          right after { or [: capitalise the first letter             */
/* Alternatives are chosen by a Choice (see below), so the same rendering   */
/* seed reproduces the same words and a rewrite seed picks different ones.  */
/* Canonical punctuation: curly quotes, ASCII apostrophe, " -- " dash;      */
/* outlets map them to their own style when the text is emitted.           */
/* ------------------------------------------------------------------------ */

typedef struct {
    const char *name;
    const char *alts;
} SynGroup;

static const SynGroup SYN[] = {
    {"said", "said|stated|noted|explained|told reporters"},
    {"said_inv", "said|noted|explained"},
    {"announced", "announced|said|confirmed"},
    {"announced_pass", "announced|unveiled|made public"},
        {"argued", "argued|stressed|maintained"},
    {"announcement", "announcement|news"},
    {"plans", "plans|intends|is set|is preparing"},
    {"estimated", "is estimated at|is put at|is calculated at"},
    {"amounts", "stands at|amounts to|comes to|totals"},
    {"about", "about|around|roughly|some"},
    {"based", "based|headquartered"},
    {"employees", "employees|staff|workers"},
    {"founded", "founded|established|set up"},
    {"similar", "similar|comparable"},
    {"happened", "took place|happened|occurred"},
    {"saw", "saw|experienced|went through"},
    {"echoes", "echoes|recalls|mirrors"},
    {"recently", "in recent months|over recent months|over the past few months"},
    {"hit", "hit|squeezed|strained"},
    {"struggled", "struggled with|faced|grappled with"},
    {"criticised", "criticised|questioned|attacked"},
    {"drawn", "drawn|attracted"},
    {"criticism", "fire|criticism"},
    {"expected", "is expected|is due"},
    {"publish", "publish|release|share"},
    {"further", "further|more"},
    {"scheduled", "is scheduled|has been scheduled|is planned"},
    {"meet", "will meet|is due to meet|is scheduled to meet"},
    {"meet_pl", "will meet|are due to meet"},
    {"fell", "fell|dropped|slipped|declined"},
    {"rose", "rose|climbed|gained|jumped"},
    {"down", "down|lower"},
    {"up", "up|higher"},
    {"quickly", "quickly|swiftly"},
    {"following", "following|after"},
    {"statement_adj", "written|brief|short"},
    {"released", "released|issued|published"},
    {"show", "show|indicate"},
    {"home", "is home to|has"},
    {"people", "people|residents|inhabitants"},
    {"spokesperson", "spokesperson|representative"},
    {"details", "details|information"},
    {"reacted", "reacted|responded"},
    {"talks", "Talks|Discussions"},
};

/* Claim building blocks.  Verbs are base forms used after a modal; each
 * verb group fits some object classes (people, systems, quantities,
 * processes), so that claims read naturally. */
enum { OC_P = 1, OC_S = 2, OC_Q = 4, OC_D = 8 };

typedef struct {
    const char *alts;
    uint8_t cls;
} Phrase;

static const Phrase CLAIM_VERBS[] = {
    {"hurt|harm", OC_P | OC_S | OC_Q},
    {"help|benefit|support", OC_P | OC_S},
    {"reduce|cut|lower|bring down", OC_Q},
    {"increase|raise|push up|drive up", OC_Q},
    {"threaten|endanger|jeopardise", OC_P | OC_S | OC_Q | OC_D},
    {"improve|strengthen|bolster", OC_S},
    {"delay|slow|hold back", OC_D},
    {"protect|safeguard|shield", OC_P | OC_S | OC_Q},
    {"change|reshape|transform|overhaul", OC_S | OC_D},
    {"affect|hit|impact", OC_P | OC_S | OC_Q | OC_D},
    {"undermine|erode|weaken", OC_S | OC_Q | OC_D},
    {"stabilise|steady|shore up", OC_S | OC_Q},
    {"strain|stretch|put pressure on", OC_S},
    {"disrupt|unsettle", OC_S | OC_D},
    {"restore|rebuild|revive", OC_S | OC_Q},
    {"ease the burden on|relieve the pressure on|take pressure off", OC_P | OC_S},
    {"reassure|calm", OC_P},
    {"speed up|accelerate|boost", OC_D},
};

static const char *const CLAIM_SUBJECTS[] = {
    "the decision|this decision|the move",
    "the plan|the proposal|the scheme",
    "this step|the measure|this measure",
    "the announcement|the news|today's announcement",
    "the timing of the decision|the timing",
    "the government's response|the official response",
    "the uncertainty|the lack of clarity",
    "the cost|the financial cost",
    "the current situation|the situation",
    "these changes|the changes",
    "the way this was handled|the handling of this",
    "the new approach|this approach",
    "the long-term impact|the longer-term impact",
    "the delay|the hold-up",
    "the lack of consultation|the absence of consultation",
    "the decision-making process|the process",
    "what happened here|these events",
    "the response so far|the reaction so far",
};

static const Phrase CLAIM_OBJECTS[] = {
    {"local suppliers|suppliers in the area", OC_P}, {"small businesses|small firms", OC_P},
    {"thousands of families|many families", OC_P}, {"patients on waiting lists|people on waiting lists", OC_P},
    {"commuters|daily commuters", OC_P}, {"young workers|younger workers", OC_P},
    {"pension savers", OC_P}, {"union members|our members", OC_P}, {"shareholders|investors", OC_P},
    {"older residents|elderly residents", OC_P}, {"farmers in the region|local farmers", OC_P},
    {"future generations", OC_P}, {"rural communities|communities in rural areas", OC_P},
    {"the local community|the community", OC_P}, {"the workforce|staff", OC_P},
    {"consumers|customers", OC_P}, {"tenants|renters", OC_P}, {"local shopkeepers|shop owners", OC_P},
    {"the regional economy|the local economy", OC_S}, {"the company's finances|the group's finances", OC_S},
    {"the housing market|the local housing market", OC_S},
    {"the company's reputation|the firm's reputation", OC_S}, {"the supply chain|supply chains", OC_S},
    {"public services|local services", OC_S}, {"the environment", OC_S}, {"safety standards", OC_S},
    {"the town centre|the city centre", OC_S}, {"schools in the area|local schools", OC_S},
    {"the region's image|the reputation of the region", OC_S},
    {"working conditions|conditions for workers", OC_S}, {"the tourism sector|tourism", OC_S},
    {"the city's budget|the municipal budget", OC_S}, {"data protection|privacy", OC_S},
    {"water supplies|the water supply", OC_S}, {"the property market", OC_S}, {"legal certainty", OC_S},
    {"the public finances", OC_S}, {"bus and rail services|public transport", OC_S},
    {"emergency services", OC_S}, {"hospital capacity|capacity at hospitals", OC_S},
    {"air quality", OC_Q}, {"public trust|public confidence", OC_Q}, {"tax revenues|tax income", OC_Q},
    {"household budgets|family budgets", OC_Q}, {"customer confidence|consumer confidence", OC_Q},
    {"jobs in the area|local jobs", OC_Q}, {"prices for consumers|consumer prices", OC_Q},
    {"research funding", OC_Q}, {"wages|pay levels", OC_Q},
    {"traffic in the city centre|city-centre traffic", OC_Q}, {"competition in the sector", OC_Q},
    {"trust in the institutions", OC_Q}, {"energy bills|household energy bills", OC_Q},
    {"waiting times|waiting lists", OC_Q}, {"rents|rent levels", OC_Q}, {"productivity", OC_Q},
    {"exports|export volumes", OC_Q},
    {"the recovery|the economic recovery", OC_D}, {"long-term investment", OC_D},
    {"the energy transition", OC_D}, {"innovation", OC_D}, {"future growth", OC_D},
    {"the reform process|reforms", OC_D}, {"the modernisation of the sector", OC_D},
    {"new investment", OC_D}, {"the digital transition", OC_D},
};

/* Second sentences of direct quotes. */
static const char *const QUOTE_TAILS[] = {
    "This is a difficult day for everyone involved.", "We have raised these concerns many times.",
    "People deserve clear answers.", "We will be watching this very closely.",
    "Nobody should be surprised by this.", "It is too early to say what happens next.",
    "We need to get this right.", "That is the reality we are facing.",
    "There is still a lot of work to do.", "We cannot afford to wait any longer.",
    "Our priority is the people affected.", "This did not come out of nowhere.",
    "We owe it to the community to be honest.", "The numbers speak for themselves.",
    "I have rarely seen anything like it in all my years in this job.",
    "We will not stand by and watch.", "Everyone needs to take a step back.",
    "We are ready to talk at any time.", "This is not the end of the story.",
    "The next few weeks will be crucial.", "We were given very little notice.",
    "Questions remain about how this was decided.", "Families here are worried, and rightly so.",
    "We have a plan and we intend to stick to it.", "Nobody wins if this drags on.",
    "I understand why people are angry.", "We are taking this very seriously.",
    "There are no easy answers.", "Trust has to be earned.",
    "We will keep fighting for a fair outcome.",
};

/* Optional time frame or condition closing a claim. */
static const char *const CLAIM_FRAMES[] = {
    "in the short term|in the near term", "over the next few years|in the coming years",
    "in the long run|over the long term", "at least at first|at least initially",
    "unless the plans change|unless the plan is changed", "if nothing is done|without further action",
    "before the end of the decade|by the end of the decade", "for years to come|for many years to come",
    "from next year|starting next year", "across the region|throughout the region",
    "once the changes take effect|when the changes come into force", "for the foreseeable future",
};

/* Optional reason closing a claim. */
static const char *const CLAIM_REASONS[] = {
    "because of the rising cost of living|given the rising cost of living",
    "given how fragile the recovery still is|because the recovery is still fragile",
    "because the timetable is unrealistic|as the timetable is not realistic",
    "as the funding is not guaranteed|because the money is not guaranteed",
    "because nobody has explained the details|since the details have not been explained",
    "since the region depends heavily on the sector|because the region relies heavily on the sector",
    "because the decision came without warning|as the decision came without any warning",
    "given the scale of the problem|considering the scale of the problem",
    "because there is no plan B|since there is no fallback plan",
    "as long as demand stays weak|while demand remains weak",
    "because the same mistakes were made before|since the same mistakes have been made before",
    "given the current economic climate|in the current economic climate",
    "because confidence is already low|as confidence is already low",
    "because the costs will be passed on|since the costs will be passed on",
};

/* Hedges.  Direct/present form and past (reported speech) form. */
enum { H_NONE, H_ADV, H_MODAL, H_POSS, H_THINK };
static const char *const HEDGE_NAMES[] = {"", "probably/likely", "may/might/could", "it is possible that",
                                           "I think/I believe/in my view"};

/* Official statements quoted word for word (a trap across independent articles). */
static const char *const OFFICIAL_STATEMENTS[] = {
    "We remain fully committed to our employees, our customers and the communities in which we operate",
    "{ORG} takes this matter extremely seriously and is cooperating fully with the relevant authorities",
    "The safety of our staff and the public remains our highest priority",
    "This decision was not taken lightly and followed a thorough review of all available options",
    "We are working closely with all stakeholders to minimise the impact on those affected",
    "We will continue to keep the public informed as the situation develops",
    "Our thoughts are with everyone affected, and we will provide further updates in due course",
    "We do not comment on ongoing legal proceedings, but we will review the judgment carefully",
    "We are confident that this is the right course of action for the long-term future of the organisation",
    "Everyone affected will be offered support, and we will consult fully with employee representatives",
    "We acknowledge the concerns that have been raised and are committed to addressing them in a transparent manner",
    "The measures announced today strike the right balance between protecting the public and supporting growth",
    "We have notified the relevant regulators and affected individuals will be contacted directly",
    "There is no evidence at this stage that the wider public is at risk",
    "The figures are subject to revision as more information becomes available",
    "We welcome constructive dialogue and remain open to further talks at any time",
    "Residents should follow the advice of the emergency services and avoid unnecessary travel",
    "The findings add to a growing body of evidence and should be considered carefully by policymakers",
    "This investment reflects our long-term commitment to the city and its residents",
    "We apologise for any inconvenience and thank our customers for their patience",
    "The government will set out further details of the package in the coming weeks",
    "We are disappointed by the outcome and are considering our options, including an appeal",
    "These results demonstrate the strength of our strategy and the commitment of our people",
    "No decision has been made about the long-term future of the remaining sites",
};

static const char *const CRITICS[] = {
    "opposition politicians|opposition lawmakers", "trade unions|labour unions",
    "local residents|residents", "consumer groups|consumer organisations",
    "environmental campaigners|environmental groups", "some investors|a number of investors",
    "business groups|employer organisations", "patient groups|patient organisations",
    "civil liberties groups|civil rights groups", "local business owners|local shopkeepers",
};

static const char *const SUPPORTERS[] = {
    "business leaders|business groups", "some economists|several economists",
    "local officials|local politicians", "industry associations|trade bodies",
    "some investors|several investors", "community groups|local community groups",
};

static const char *const PRESSURES[] = {
    "a sharp rise in energy costs", "weak demand|sluggish demand", "a shortage of skilled workers",
    "tighter regulation|stricter regulation", "the rising cost of raw materials",
    "a slowdown in consumer spending", "growing competition from abroad",
    "the rise in interest rates", "falling public funding|shrinking public funding",
    "persistent inflation|stubborn inflation", "a wave of cyberattacks",
    "ageing infrastructure", "extreme weather", "political uncertainty",
    "a drop in orders|falling orders", "disruption to supply chains|supply chain disruption",
    "rising insurance premiums", "a weaker currency", "a series of labour disputes",
    "a fall in visitor numbers", "stricter lending conditions", "the high cost of borrowing",
    "the cost of complying with new rules", "a slump in the property market",
};

static const char *const STAKEHOLDERS[] = {
    "union representatives|union officials", "local officials|local authorities",
    "regulators", "employee representatives|staff representatives", "community leaders",
    "investors|shareholders", "lawmakers|members of parliament", "residents' associations",
};

static const char *const WHENS[] = {
    "in the coming weeks|over the coming weeks", "by the end of the month",
    "later this year|before the end of the year", "next week",
    "in the coming days|over the next few days", "by the end of the quarter",
};

static const char *const NUMBER_SOURCES[] = {
    "figures from {ORG}|{ORG} figures", "official data|official figures",
    "internal documents seen by reporters|internal documents", "analysts' estimates|estimates by analysts",
    "documents published by {ORG}|documents released by {ORG}", "preliminary figures|early figures",
    "data compiled by {ORG}|data collected by {ORG}",
};

/* ------------------------------------------------------------------------ */
/* Event kinds                                                              */
/* ------------------------------------------------------------------------ */

enum { NUM_COUNT, NUM_MONEY, NUM_PCT };

typedef struct {
    const char *desc; /* noun phrase, alternatives allowed */
    const char *unit; /* appended to counts: "1,200 jobs" */
    uint8_t type;
    double lo, hi;
} NumSlot;

typedef struct {
    const char *section;
    uint8_t actor, second; /* organisation types of ORG and ORG2 */
    uint8_t future;        /* has an infinitive (EVI): future-tense leads allowed */
    uint8_t no_prior;      /* "a similar X happened in ..." makes no sense */
    const char *const *eo; /* event objects; "text#Ministry domain" for ministries */
    int neo;
    const char *evi, *evp, *evn; /* infinitive, past and noun forms of the event */
    const char *gn, *issue, *sector, *subj;
    const char *title[5];
    NumSlot num[4]; /* num[0] is the headline number N0 */
} EventKind;

static const char *const EO_CLOSURE[] = {
    "assembly plant|assembly factory", "distribution centre|distribution hub",
    "battery factory|battery plant", "bottling plant", "paper mill", "steelworks|steel plant",
    "call centre", "packaging plant|packaging factory", "chemical plant", "industrial bakery",
    "printing works|printing plant", "tyre factory|tyre plant", "glassworks|glass factory",
    "engine plant|engine factory", "logistics warehouse", "textile mill",
    "cement works|cement plant", "meat processing plant", "research centre|research site",
    "foundry",
};
static const char *const EO_DIVISIONS[] = {
    "retail", "logistics", "software", "marketing", "customer service", "research",
    "manufacturing", "finance", "sales", "engineering", "digital", "wholesale",
};
static const char *const EO_TARGET[] = {
    "rival|competitor", "smaller rival|smaller competitor", "supplier", "start-up|young company",
    "regional rival|regional competitor",
};
static const char *const EO_FUNDING[] = {
    "rural hospitals#Health", "public transport#Transport", "primary schools#Education",
    "flood defences#the Environment", "social housing#Housing",
    "broadband in rural areas#Digital Affairs", "mental health services#Health",
    "elderly care#Social Affairs", "road maintenance#Infrastructure",
    "vocational training#Labour", "renewable energy projects#Energy",
    "police stations#the Interior", "cultural venues#Culture", "farm support schemes#Agriculture",
    "childcare#Social Affairs", "cycling infrastructure#Transport",
};
static const char *const EO_REGULATION[] = {
    "short-term rentals#Housing", "e-scooters#Transport", "plastic packaging#the Environment",
    "online gambling#Finance", "food delivery apps#Labour", "private drones#Transport",
    "cryptocurrency advertising#Finance", "diesel vans in city centres#the Environment",
    "energy drinks for minors#Health", "facial recognition cameras#the Interior",
    "ultra-fast fashion#Trade", "pesticide use near schools#Agriculture",
};
static const char *const EO_DISASTER[] = {
    "heavy flooding|severe flooding", "a severe storm|a powerful storm",
    "flash floods|sudden flooding", "a major landslide|a large landslide",
    "wildfires|forest fires", "a chemical spill|a toxic spill", "a major gas leak|a large gas leak",
    "record rainfall|torrential rain",
};
static const char *const EO_BREACH[] = {
    "customer records|customer data", "payment card details|card details",
    "health records|medical records", "account passwords|login details",
    "personal data|personal information", "home addresses|postal addresses",
    "passport numbers|passport details",
};
static const char *const EO_WORKERS[] = {
    "train drivers", "dock workers", "nurses", "bus drivers", "warehouse staff",
    "airport ground staff", "postal workers", "refuse collectors", "factory workers",
    "cleaning staff", "care workers", "cabin crew",
};
static const char *const EO_CASE[] = {
    "unpaid overtime", "a faulty product|a defective product",
    "misleading advertising|misleading adverts", "pollution from a factory|factory pollution",
    "a breach of contract", "unfair dismissals|wrongful dismissals", "price fixing|price-fixing",
    "delayed pension payments", "unsafe working conditions", "hidden fees|undisclosed fees",
};
static const char *const EO_STUDY[] = {
    "air pollution and asthma in children", "screen time and poor sleep in teenagers",
    "night shifts and heart disease", "ultra-processed food and weight gain",
    "traffic noise and high blood pressure", "remote work and productivity",
    "loneliness and memory loss in older adults", "social media use and anxiety",
    "heatwaves and hospital admissions", "microplastics and gut health",
};
static const char *const EO_INFRA[] = {
    "the main railway station", "the old central bridge|the central bridge",
    "the ring road", "the city's tram network|the tram network",
    "the harbour front|the waterfront", "the water treatment plant", "the old hospital site",
    "the central library", "the bus station", "the sewer network|the city's sewer system",
};
static const char *const EO_DISEASE[] = {
    "measles", "norovirus", "legionnaires' disease", "whooping cough", "salmonella",
    "tuberculosis", "hepatitis A", "mumps", "scarlet fever", "listeria",
};
static const char *const EO_PRODUCT[] = {
    "electric heaters", "baby car seats|infant car seats", "frozen pizzas", "e-bike batteries",
    "pressure cookers", "children's toys|toys for children", "smoke detectors|smoke alarms",
    "hair dryers", "dishwashers", "phone chargers|mobile phone chargers", "garden trimmers",
    "baby monitors",
};
static const char *const EO_DIRECTION[] = {
    "rise|increase", "jump|surge", "fall|drop", "decline|slide",
};

#define EOS(a) a, ARRAY_LEN(a)
enum { KIND_EARNINGS = 13 }; /* index of the earnings entry below */

static const EventKind KINDS[] = {
    {"Business", OT_COMPANY, OT_UNION, 1, 0, EOS(EO_CLOSURE),
     "close its {EO} in {PLACE}|shut its {EO} in {PLACE}|shut down its {EO} in {PLACE}",
     "announced the closure of its {EO} in {PLACE}|confirmed plans to shut its {EO} in {PLACE}|said it would close its {EO} in {PLACE}",
     "the closure of its {EO} in {PLACE}|the shutdown of its {EO} in {PLACE}|its decision to close the {EO} in {PLACE}",
     "plant closure|factory closure", "the handling of the closure|the way the closure was handled",
     "manufacturers|industrial companies", "the closure|the shutdown|closing the site",
     {"{^ORG} to close {EO} in {PLACE}", "{N0} at risk as {ORG} shuts {PLACE} {EO}",
      "{^ORG} confirms closure of {EO} in {PLACE}", "{^PLACE} {EO} to shut, {ORG} says",
      "Closure of {ORG} {EO} hits {PLACE}"},
     {{"the number of jobs affected|the number of jobs at stake", "jobs", NUM_COUNT, 80, 4000},
      {"the cost of the closure|the expected cost of the shutdown", "", NUM_MONEY, 5e6, 4e8},
      {"the site's share of the company's total output|the share of total production made at the site", "", NUM_PCT, 2, 40},
      {"the number of local suppliers linked to the site|the number of suppliers that depend on the site", "suppliers", NUM_COUNT, 12, 400}}},
    {"Business", OT_COMPANY, OT_UNION, 1, 0, EOS(EO_DIVISIONS),
     "cut {N0} in its {EO} division|eliminate {N0} across its {EO} business|shed {N0} from its {EO} division",
     "announced plans to cut {N0} in its {EO} division|said it would eliminate {N0} across its {EO} business|confirmed it will shed {N0} from its {EO} division",
     "plans to cut {N0} in its {EO} division|the loss of {N0} in its {EO} business|a round of job cuts affecting {N0} in its {EO} division",
     "round of job cuts|wave of layoffs", "the decision to cut jobs|the handling of the job cuts",
     "large employers|big employers", "the job cuts|these layoffs|the cuts",
     {"{^ORG} to cut {N0}", "{^ORG} announces {N0} cuts in {EO} division", "{N0} to go at {ORG}",
      "{^ORG} job cuts: {N0} affected in {EO} business", "{^ORG} plans major layoffs in {EO}"},
     {{"the number of jobs to be cut|the number of positions to be eliminated", "jobs", NUM_COUNT, 150, 12000},
      {"the share of its workforce affected|the proportion of staff affected", "", NUM_PCT, 2, 25},
      {"the amount the company expects to save each year|the expected annual saving", "", NUM_MONEY, 1e7, 9e8},
      {"the size of its global workforce|its total headcount", "employees", NUM_COUNT, 3000, 150000}}},
    {"Business", OT_COMPANY, OT_COMPANY, 1, 0, EOS(EO_TARGET),
     "acquire {EO} {ORG2}|buy {EO} {ORG2}|take over {EO} {ORG2}",
     "agreed to buy {EO} {ORG2}|struck a deal to acquire {EO} {ORG2}|announced the takeover of {EO} {ORG2}",
     "the acquisition of {EO} {ORG2}|the takeover of {EO} {ORG2}|its purchase of {EO} {ORG2}",
     "takeover|acquisition", "the proposed deal|the planned takeover",
     "companies in the sector|firms in the industry", "the deal|the takeover|the acquisition",
     {"{^ORG} to buy {ORG2}", "{^ORG} agrees takeover of {ORG2}", "{^ORG2} to be acquired by {ORG}",
      "{^ORG} moves to take over {ORG2}", "{^ORG} and {ORG2} agree deal"},
     {{"the value of the deal|the price of the transaction", "", NUM_MONEY, 5e7, 2e10},
      {"the premium over the last closing price of {ORG2} shares|the premium offered over {ORG2}'s last share price", "", NUM_PCT, 5, 60},
      {"the number of people employed by {ORG2}|the headcount at {ORG2}", "employees", NUM_COUNT, 200, 30000},
      {"the value of the cost savings expected from the deal|the expected value of the cost savings", "", NUM_MONEY, 5e6, 5e8}}},
    {"Politics", OT_MINISTRY, OT_COUNCIL, 1, 0, EOS(EO_FUNDING),
     "spend an extra {N0} on {EO}|allocate {N0} to {EO}|invest {N0} in {EO}",
     "announced an extra {N0} for {EO}|pledged {N0} in new funding for {EO}|unveiled a {N0} package for {EO}",
     "a {N0} package for {EO}|new funding of {N0} for {EO}|an extra {N0} for {EO}",
     "funding package|spending package", "the funding plan|the spending plan",
     "public services|local authorities", "the funding|the extra money|the package",
     {"Government pledges {N0} for {EO}", "{N0} boost for {EO} announced",
      "{^ORG} unveils {N0} plan for {EO}", "Extra {N0} for {EO} in {COUNTRY}",
      "{^EO} to get {N0} in new funding"},
     {{"the total funding|the size of the package", "", NUM_MONEY, 2e7, 5e9},
      {"the number of people expected to benefit|the number of expected beneficiaries", "people", NUM_COUNT, 2000, 900000},
      {"the increase compared with last year's budget|the rise on last year's budget", "", NUM_PCT, 2, 35},
      {"the number of projects to be funded|the number of projects that will receive money", "projects", NUM_COUNT, 10, 900}}},
    {"Politics", OT_MINISTRY, OT_NGO, 1, 0, EOS(EO_REGULATION),
     "introduce new rules on {EO}|tighten the rules on {EO}|impose stricter limits on {EO}",
     "announced new rules on {EO}|unveiled a crackdown on {EO}|set out tougher regulation of {EO}",
     "new rules on {EO}|a crackdown on {EO}|tougher regulation of {EO}",
     "regulatory crackdown|rule change", "the new regulation|the planned regulation",
     "businesses in the sector|companies in the industry", "the new rules|the regulation|the crackdown",
     {"{^ORG} to tighten rules on {EO}", "Crackdown on {EO} announced in {COUNTRY}",
      "New limits on {EO} unveiled by {ORG}", "{^COUNTRY} moves to regulate {EO}",
      "Tougher rules for {EO} in {COUNTRY}"},
     {{"the maximum fine under the rules|the highest possible fine", "", NUM_MONEY, 1e4, 5e7},
      {"the number of businesses expected to be affected|the number of firms likely to be affected", "businesses", NUM_COUNT, 150, 60000},
      {"the share of complaints linked to {EO}|the proportion of complaints that involve {EO}", "", NUM_PCT, 3, 45},
      {"the transition period for businesses|the time businesses have to comply", "months", NUM_COUNT, 3, 36}}},
    {"Environment", OT_AGENCY, OT_COUNCIL, 0, 0, EOS(EO_DISASTER), "",
     "evacuated {N0} after {EO} hit {PLACE}|ordered the evacuation of {N0} following {EO} in {PLACE}|moved {N0} to safety after {EO} struck {PLACE}",
     "the evacuation of {N0} after {EO} in {PLACE}|evacuation orders covering {N0} after {EO} hit {PLACE}",
     "evacuation|emergency evacuation", "the emergency response|the response to the emergency",
     "emergency services|rescue services", "the evacuation|the emergency|the damage",
     {"{N0} evacuated as {EO} hits {PLACE}", "{^EO} forces evacuations in {PLACE}",
      "{^PLACE} residents evacuated after {EO}", "Emergency in {PLACE} as {EO} strikes",
      "{^ORG} orders evacuations in {PLACE}"},
     {{"the number of residents evacuated|the number of people forced to leave their homes", "residents", NUM_COUNT, 150, 25000},
      {"the estimated damage|the estimated cost of the damage", "", NUM_MONEY, 1e6, 9e8},
      {"the number of homes without power|the number of households left without electricity", "homes", NUM_COUNT, 200, 80000},
      {"the number of emergency workers deployed|the number of rescue workers on the ground", "emergency workers", NUM_COUNT, 40, 3000}}},
    {"Technology", OT_COMPANY, OT_NGO, 0, 0, EOS(EO_BREACH), "",
     "disclosed a breach of {EO} affecting {N0}|revealed that hackers had accessed the {EO} of {N0}|confirmed a cyberattack that exposed the {EO} of {N0}",
     "a breach of {EO} affecting {N0}|a cyberattack that exposed the {EO} of {N0}|a data leak involving the {EO} of {N0}",
     "data breach|cyberattack", "the handling of the breach|the response to the breach",
     "online retailers|companies holding customer data", "the breach|the cyberattack|the leak",
     {"{^ORG} hit by data breach affecting {N0}", "Hackers access {EO} of {N0} at {ORG}",
      "{^ORG} confirms cyberattack", "Data of {N0} exposed in {ORG} breach",
      "{^ORG} breach: what we know"},
     {{"the number of customers affected|the number of affected customers", "customers", NUM_COUNT, 5000, 8e6},
      {"the maximum fine the company could face|the potential fine", "", NUM_MONEY, 1e6, 5e8},
      {"the share of its customer base affected|the proportion of customers affected", "", NUM_PCT, 1, 60},
      {"the time it took to detect the breach|the time before the breach was detected", "days", NUM_COUNT, 2, 200}}},
    {"Business", OT_UNION, OT_COMPANY, 1, 0, EOS(EO_WORKERS),
     "call a strike by {N0} {EO} at {ORG2}|announce walkouts by {N0} {EO} at {ORG2}|order {N0} {EO} at {ORG2} to walk out",
     "called a strike by {N0} {EO} at {ORG2}|announced walkouts by {N0} {EO} at {ORG2}|ordered {N0} {EO} at {ORG2} to walk out",
     "a strike by {N0} {EO} at {ORG2}|walkouts by {N0} {EO} at {ORG2}|industrial action involving {N0} {EO} at {ORG2}",
     "strike|walkout", "the pay dispute|the dispute over pay", "employers|large employers",
     "the strike|the walkout|the industrial action",
     {"{N0} {EO} to strike at {ORG2}", "Strike called at {ORG2} in pay row",
      "{^ORG} announces walkout at {ORG2}", "{^EO} at {ORG2} to walk out",
      "Pay dispute: {ORG2} faces strike"},
     {{"the number of workers called out|the number of workers due to strike", "", NUM_COUNT, 100, 20000},
      {"the pay rise demanded by the union|the union's pay demand", "", NUM_PCT, 4, 20},
      {"the number of strike days planned|the number of days of action planned", "days", NUM_COUNT, 1, 14},
      {"the pay offer rejected by members|the pay increase offered by management", "", NUM_PCT, 1, 8}}},
    {"Law", OT_COURT, OT_COMPANY, 0, 0, EOS(EO_CASE), "",
     "ruled against {ORG2} in a case over {EO}|found against {ORG2} in a dispute over {EO}|sided against {ORG2} in a case concerning {EO}",
     "the ruling against {ORG2} in the case over {EO}|its judgment against {ORG2} in the dispute over {EO}|the verdict against {ORG2} over {EO}",
     "court case|legal dispute", "the handling of the case|the way the case was handled",
     "employers|large companies", "the ruling|the judgment|the verdict",
     {"Court rules against {ORG2} over {EO}", "{^ORG2} loses case over {EO}",
      "{^ORG} finds against {ORG2}", "Judgment in {ORG2} case over {EO}",
      "{^ORG2} defeated in {PLACE} court"},
     {{"the amount of damages awarded|the compensation awarded", "", NUM_MONEY, 5e4, 9e7},
      {"the number of claimants|the number of people who brought the case", "claimants", NUM_COUNT, 3, 4000},
      {"the length of the proceedings|the time the case took", "years", NUM_COUNT, 1, 9},
      {"the total legal bill|the cost of the proceedings", "", NUM_MONEY, 1e5, 9e6}}},
    {"Science", OT_UNIVERSITY, OT_HEALTH, 0, 0, EOS(EO_STUDY), "",
     "published a study linking {EO}|released research on the link between {EO}|presented findings on the link between {EO}",
     "a study linking {EO}|research on the link between {EO}|findings on the link between {EO}",
     "study|research project", "the study's methodology|the methodology of the study",
     "researchers|scientists in the field", "the study|the findings|the research",
     {"{^PLACE} study links {EO}", "{^ORG} researchers find link between {EO}",
      "New research from {ORG} on {EO}", "Scientists in {PLACE} study {EO}",
      "Link between {EO} examined by {PLACE} researchers"},
     {{"the number of participants|the number of people in the study", "participants", NUM_COUNT, 300, 250000},
      {"the increase in risk found by the researchers|the rise in risk identified by the study", "", NUM_PCT, 5, 80},
      {"the length of the study|the duration of the study", "years", NUM_COUNT, 2, 25},
      {"the cost of the research|the research budget", "", NUM_MONEY, 2e5, 2e7}}},
    {"Local", OT_COUNCIL, OT_COMPANY, 1, 0, EOS(EO_INFRA),
     "spend {N0} to rebuild {EO}|fund a {N0} project to redevelop {EO}|commit {N0} to renovating {EO}",
     "approved a {N0} plan to rebuild {EO}|backed a {N0} project to redevelop {EO}|signed off on a {N0} scheme to renovate {EO}",
     "a {N0} plan to rebuild {EO}|a {N0} redevelopment of {EO}|{N0} in funding to renovate {EO}",
     "redevelopment project|renovation scheme", "the cost of the project|the project's budget",
     "city councils|local authorities", "the project|the redevelopment|the scheme",
     {"{^PLACE} approves {N0} plan for {EO}", "{N0} revamp of {EO} approved",
      "{^ORG} backs overhaul of {EO}", "Work on {EO} to begin after {ORG} vote",
      "{^PLACE} to rebuild {EO}"},
     {{"the total cost of the project|the project's total budget", "", NUM_MONEY, 5e6, 2e9},
      {"the expected duration of the works|the time the work is expected to take", "years", NUM_COUNT, 1, 12},
      {"the number of new homes planned|the number of homes to be built", "homes", NUM_COUNT, 50, 4000},
      {"the share of funding from central government|the proportion paid by central government", "", NUM_PCT, 10, 80}}},
    {"Health", OT_HEALTH, OT_UNIVERSITY, 0, 0, EOS(EO_DISEASE), "",
     "confirmed {N0} of {EO} in {PLACE}|reported an outbreak of {EO} with {N0} in {PLACE}|declared an outbreak of {EO} after {N0} were recorded in {PLACE}",
     "an outbreak of {EO} with {N0} in {PLACE}|{N0} of {EO} in {PLACE}|the outbreak of {EO} in {PLACE}",
     "outbreak|disease outbreak", "the response to the outbreak|the handling of the outbreak",
     "hospitals|health services", "the outbreak|the rise in cases|the spread of the disease",
     {"{^EO} outbreak confirmed in {PLACE}", "{N0} of {EO} reported in {PLACE}",
      "Health officials warn over {EO} in {PLACE}", "{^ORG} confirms {EO} outbreak",
      "{^EO} cases rise in {PLACE}"},
     {{"the number of confirmed cases|the number of cases confirmed so far", "cases", NUM_COUNT, 8, 3000},
      {"the number of people admitted to hospital|the number of hospital admissions", "patients", NUM_COUNT, 1, 300},
      {"the vaccination rate in the area|the local vaccination rate", "", NUM_PCT, 55, 97},
      {"the cost of the response|the cost of the emergency response", "", NUM_MONEY, 1e5, 3e7}}},
    {"Business", OT_COMPANY, OT_NGO, 1, 0, EOS(EO_PRODUCT),
     "recall {N0} of its {EO}|pull {N0} of its {EO} from shops|withdraw {N0} of its {EO} from sale",
     "recalled {N0} of its {EO}|ordered a recall of {N0} of its {EO}|pulled {N0} of its {EO} from shops",
     "the recall of {N0} of its {EO}|a recall of {N0} of its {EO}|the withdrawal of {N0} of its {EO} from sale",
     "product recall|recall", "the handling of the recall|the recall process",
     "manufacturers|consumer goods makers", "the recall|the fault|the withdrawal",
     {"{^ORG} recalls {N0} of {EO}", "{^ORG} {EO} recalled over safety fears", "{^ORG} pulls {EO} from shops",
      "Safety recall: {N0} of {EO}", "{^ORG} issues recall for {EO}"},
     {{"the number of units affected|the number of products recalled", "units", NUM_COUNT, 2000, 2e6},
      {"the number of reported incidents|the number of incidents reported so far", "incidents", NUM_COUNT, 3, 500},
      {"the expected cost of the recall|the estimated cost of the recall", "", NUM_MONEY, 5e5, 2e8},
      {"the share of the product line's sales affected|the proportion of sales affected", "", NUM_PCT, 1, 40}}},
    {"Business", OT_COMPANY, OT_FIRM, 0, 1, EOS(EO_DIRECTION), "",
     "reported a {N0} {EO} in quarterly profit|posted a {N0} {EO} in quarterly profit|announced a {N0} {EO} in profit for the quarter",
     "a {N0} {EO} in quarterly profit|quarterly results showing a {N0} {EO} in profit",
     "set of results|earnings report", "the company's strategy|the group's strategy",
     "listed companies|companies in the sector", "the results|these figures|the quarterly numbers",
     {"{^ORG} reports {N0} profit {EO}", "{^ORG} quarterly profit: {N0} {EO}",
      "{^ORG} posts {N0} {EO} in profit", "Profit {EO} of {N0} at {ORG}",
      "{^ORG} results show {N0} profit {EO}"},
     {{"the change in quarterly profit|the change in profit for the quarter", "", NUM_PCT, 2, 60},
      {"quarterly revenue|revenue for the quarter", "", NUM_MONEY, 5e7, 5e10},
      {"net profit for the quarter|the quarterly net profit", "", NUM_MONEY, 1e6, 5e9},
      {"the number of new customers added in the quarter|the number of customers added during the quarter", "customers", NUM_COUNT, 1000, 900000}}},
};

/* ------------------------------------------------------------------------ */
/* Sentence templates per fact kind                                         */
/* ------------------------------------------------------------------------ */

/* Lead sentences.  The first LEAD_PAST use past forms and fit every kind;
 * the rest need an infinitive (kinds with future = 1). */
#define LEAD_PAST 5
static const char *const LEAD_T[] = {
    "{^ORG} {EVP} {DAY}.",
    "{^DAY}, {ORG} {EVP}.",
    "{^EVN} was [announced_pass] by {ORG} {DAY}.",
    "{^ORG} {EVP}, {ORGS} {said|stated} {DAY}.",
    "{^ORG} {EVP}. The [announcement] came {DAY}.",
    "{^ORG} [announced] {DAY} that it would {EVI}.",
    "{^ORG} [plans] to {EVI}, {ORGS} [said] {DAY}.",
    "In a statement [released] {DAY}, {ORG} said it would {EVI}.",
    "{^ORG} will {EVI}, {ORGS} [announced] {DAY}.",
    "{^ORG} said {DAY} it was preparing to {EVI}.",
};

/* Number facts: ND description, NV value, NSRC source (plural noun). */
static const char *const NUM_T[] = {
    "{^ND} [estimated] {NV}, according to {NSRC}.",
    "According to {NSRC}, {ND} [amounts] {NV}.",
    "{^NSRC} put {ND} at {NV}.",
    "{^ND} [amounts] {NV}, {NSRC} [show].",
    "{^NSRC} [show] that {ND} [amounts] {NV}.",
    "{^NV} -- that is {ND}, according to {NSRC}.",
};

/* Statements.  XS subject form ("Name, role at Org," on first mention),
 * XE end form, XN bare name, XI stand-alone intro sentence (or empty),
 * QC/QP the direct quote ending in comma/period, Q1C its first sentence,
 * Q2 its second sentence, C the reported (back-shifted) claim, CP the claim
 * in the present. */
enum { ST_DIRECT = 1, ST_TAIL = 2, ST_SPLIT = 4, ST_NONE = 8 };
typedef struct {
    const char *t;
    uint8_t flags;
} StmtTmpl;

static const StmtTmpl STMT_T[] = {
    {"“{QC}” [said_inv] {XE}.", ST_DIRECT},
    {"“{QC}” {XS} [said].", ST_DIRECT},
    {"{^XS} [said]: “{QP}”", ST_DIRECT},
    {"“{Q1C}” [said_inv] {XE}. “{Q2}”", ST_DIRECT | ST_TAIL},
    {"{XI} “{QC}” {XN} [said].", ST_DIRECT | ST_SPLIT},
    {"{^XS} told {AUD}: “{QP}”", ST_DIRECT},
    {"{^XS} [said] {that |}{C}.", 0},
    {"{^CP}, according to {XE}.", 0},
    {"According to {XE}, {CP}.", 0},
    {"{^C}, {XS} [said].", 0},
    {"{^XS} [argued] that {C}.", 0},
    {"{^XS} [said] {C}, adding: “{Q2}”", ST_TAIL},
    {"{XI} {^XN} [said] {that |}{C}.", ST_SPLIT},
    /* attribution dropped */
    {"{^CP}.", ST_NONE},
    {"“{QP}”", ST_NONE | ST_DIRECT},
    {"It is understood that {CP}.", ST_NONE},
};
#define STMT_FIRST_INDIRECT 6
#define STMT_FIRST_NONE 13
#define STMT_NT 16

static const char *const OFFICIAL_T[] = {
    "In a statement, a [spokesperson] for {ORG} said: “{OFF}.”",
    "“{OFF},” {ORGS} said in a statement.",
    "{^ORG} said in a [statement_adj] statement: “{OFF}.”",
    "“{OFF},” a [spokesperson] for {ORG} said.",
    "A [spokesperson] for {ORG} told {AUD}: “{OFF}.”",
};

enum {
    BG_PROFILE, BG_PLACE, BG_TREND, BG_PRIOR, BG_CRITICS, BG_OUTLOOK, BG_MEETING, BG_MARKET,
    BG_SUPPORT, BG_COUNT
};

static const char *const BG_T[BG_COUNT][4] = {
    {"{^ORG}, which employs [about] {EMP} people, was [founded] in {YEAR} and is [based] in {HQ}.",
     "[^founded] in {YEAR}, {ORG} is [based] in {HQ} and employs [about] {EMP} people.",
     "{^HQ}-based {ORG} has [about] {EMP} [employees] and was [founded] in {YEAR}.",
     "The {ORGT}, [founded] in {YEAR}, employs [about] {EMP} people from its headquarters in {HQ}."},
    {"{^PLACE} [home] [about] {POP} [people].",
     "[^about] {POP} people live in {PLACE}.",
     "{^PLACE} has a population of [about] {POP}.",
     "The population of {PLACE} {is|stands at} [about] {POP}."},
    {"{^SECTOR} have been under pressure from {PRESSURE} [recently].",
     "{^SECTOR} have been [hit] by {PRESSURE} [recently].",
     "{^PRESSURE} has weighed on {SECTOR} [recently].",
     "{^SECTOR} have [struggled] {PRESSURE} [recently]."},
    {"A [similar] {GN} [happened] in {CITY2} in {YEAR2}.",
     "In {YEAR2}, {CITY2} [saw] a [similar] {GN}.",
     "{^CITY2} [saw] a [similar] {GN} in {YEAR2}.",
     "The case [echoes] a [similar] {GN} in {CITY2} in {YEAR2}."},
    {"{^CRITIC} have [criticised] {ISSUE}.",
     "{^ISSUE} has [drawn] criticism from {CRITIC}.",
     "{^ISSUE} has come under [criticism] from {CRITIC}.",
     "{^CRITIC} have been critical of {ISSUE}."},
    {"{^ORG} [expected] to [publish] [further] [details] {WHEN}.",
     "Further details from {ORG} {are expected|are due} {WHEN}.",
     "More details will be {published|released} {WHEN}, {ORG} said.",
     "{^ORG} {said it would|has promised to} [publish] [further] [details] {WHEN}."},
    {"A meeting with {STAKE} [scheduled] for {DATE2}.",
     "{^ORGS} [meet] {STAKE} on {DATE2}.",
     "{^STAKE} [meet_pl] {ORGS} on {DATE2}.",
     "[talks] with {STAKE} {are scheduled|are planned} for {DATE2}."},
    {"Shares in {ORG} {MOVE} {PCTV} after the announcement.",
     "{^ORG} shares {MOVE} {PCTV} [following] the announcement.",
     "The share price of {ORG} {MOVE} {PCTV} after the news.",
     "Investors [reacted] [quickly], sending {ORG} shares {MOVED} {PCTV}."},
    {"{^SUPPORTER} have welcomed the [announcement].",
     "The [announcement] has been welcomed by {SUPPORTER}.",
     "{^SUPPORTER} have {backed|endorsed} the move.",
     "The move has {won the backing|received the support} of {SUPPORTER}."},
};

/* ------------------------------------------------------------------------ */
/* Site furniture (identical lines per outlet are a deliberate trap)        */
/* ------------------------------------------------------------------------ */

static const char *const NAV_LINES[] = {
    "Home | News | Business | Politics | Sport | Culture | Opinion",
    "Menu · Search · Sign in · Subscribe",
    "Home > News > {SECTION}",
    "News | Local | World | {SECTION} | Weather | Podcasts",
    "Skip to main content",
    "Top stories · Latest · Most read · Video",
    "Sections: World, Europe, {SECTION}, Science, Travel",
    "You are here: Home / {SECTION}",
    "Latest news | Live | Newsletters | Events",
    "Log in | Register | e-Paper | Archive",
    "Breaking: follow our live coverage",
    "Advertisement",
};

static const char *const COOKIE_LINES[] = {
    "We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. By continuing to use this site you agree to our use of cookies.",
    "This website uses cookies to improve your experience. You can change your cookie settings at any time.",
    "We and our partners store and access information on your device, such as cookies, to deliver personalised advertising and measure its performance.",
    "Cookies help us deliver our services. By using our services, you agree to our use of cookies. Learn more in our privacy policy.",
    "Your privacy matters to us. Manage your consent preferences in the cookie settings at the bottom of the page.",
    "By clicking \"Accept all\", you consent to the storage of cookies on your device for analytics and advertising purposes.",
};

static const char *const NEWSLETTER_LINES[] = {
    "Sign up for our newsletter",
    "Sign up for the {OUT} morning briefing and get the day's top stories in your inbox.",
    "Get our free daily newsletter, delivered every weekday morning.",
    "Want more stories like this? Subscribe to our weekly newsletter.",
    "Newsletter: the five stories you need to know, every evening at 6pm.",
    "Never miss a story -- sign up to {OUT} alerts.",
    "Join 250,000 readers who get the {OUT} briefing every morning.",
    "Sign up to our Business Daily email for the latest news and analysis.",
};

static const char *const SUBSCRIBE_LINES[] = {
    "Subscribe to {OUT} for unlimited access to our journalism.",
    "Support independent journalism. Subscribe today.",
    "Already a subscriber? Log in to continue reading.",
    "Subscribe now and get your first month free.",
    "Become a member and read without limits.",
    "This article is free to read. Please consider supporting our work.",
};

static const char *const SHARE_LINES[] = {
    "Share this article",
    "Share on Facebook | Share on X | Share by email",
    "Share · Save · Comment",
    "Share this story: Facebook, LinkedIn, WhatsApp, Email",
    "Copy link",
    "Share",
};

static const char *const ABOUT_LINES[] = {
    "{OUT} is an independent news organisation covering business, politics and society since {Y}.",
    "{OUT} has reported on the region since {Y}. Our journalism is funded by readers and advertisers.",
    "About {OUT}: founded in {Y}, we publish news, analysis and opinion seven days a week.",
    "{OUT} is part of a group of regional newspapers. Editorial standards: see our code of conduct.",
    "Got a tip? Contact the {OUT} newsroom in confidence.",
    "Corrections: if you spot an error in this article, please contact our standards team.",
    "{OUT} adheres to the principles of the press complaints code. Established {Y}.",
    "Follow {OUT} on social media for the latest updates.",
};

static const char *const READMORE_HEADLINES[] = {
    "Five things to know about the new pension rules",
    "Why house prices keep rising in smaller cities",
    "How to cut your energy bill this winter",
    "The quiet revolution in city cycling",
    "What the latest inflation figures mean for you",
    "Inside the race to build better batteries",
    "Travel chaos expected over the holiday weekend",
    "Ten years on: how the old harbour was transformed",
    "Is remote work here to stay?",
    "The best new restaurants opening this month",
    "Weather warning issued for the weekend",
    "Local team clinch dramatic late win",
    "Opinion: we need a serious debate about housing",
    "Explainer: how interest rates affect your mortgage",
    "Why more young people are choosing apprenticeships",
    "The hidden cost of free delivery",
    "Scientists map the city's urban heat islands",
    "Record numbers visit the national museum",
    "How artificial intelligence is changing newsrooms",
    "A guide to this year's summer festivals",
    "Teachers warn of growing class sizes",
    "Ferry timetable changes announced for next month",
    "The farmers betting on drought-resistant crops",
    "Live: follow the latest developments",
    "Analysis: what the election result means",
    "Readers' letters: the debate over parking charges",
    "Photo gallery: the week in pictures",
    "Podcast: the week in business",
    "Obituary: a life in public service",
    "Quiz: how well did you follow the news this week?",
};

static const char *const MONTHS[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
};
static const char *const WEEKDAYS[] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

/* ------------------------------------------------------------------------ */
/* Story model                                                              */
/* ------------------------------------------------------------------------ */

enum {
    MAX_ORGS = 5, MAX_PEOPLE = 10, MAX_STMT = 48, MAX_NUM = 4, MAX_BG = 16, MAX_FACTS = 64,
    MAX_DRIFTS = 12, MAX_UNITS = 160, MAX_SLOTS = 40, N_SV = 12, SYN_HASH = 256
};

typedef struct {
    uint8_t type;
    char name[88];
} Org;

typedef struct {
    uint16_t first, last;
    uint8_t org, role, qual; /* qual: index into QUALIFIERS, 0 = none */
} Person;

enum { ATTR_PERSON, ATTR_NONE, ATTR_ORG };
enum { MOD_WILL, MOD_SHOULD };
enum { STF_ALTERED = 1 };

typedef struct {
    uint8_t person, attr;
    uint8_t subj; /* 0 = the event kind's subject, else CLAIM_SUBJECTS[subj - 1] */
    uint8_t verb, obj, modal, neg, hedge;
    uint8_t tail;  /* 0 = none, else QUOTE_TAILS[tail - 1] */
    uint8_t frame;  /* 0 = none, else CLAIM_FRAMES[frame - 1] */
    uint8_t reason; /* 0 = none, else CLAIM_REASONS[reason - 1] */
    uint8_t flags;
    uint32_t qseed; /* fixes the wording of the direct quote */
} Statement;

typedef struct {
    uint8_t slot, src;
    double value;
} NumberFact;

typedef struct {
    uint8_t kind;
    uint32_t a, b, c;
} BgFact;

typedef struct {
    uint64_t seed;
    uint8_t kind;
    uint16_t city;
    char eo[64]; /* event object text, alternatives allowed */
    Org org[MAX_ORGS]; /* 0 actor, 1 second party, 2 expert, 3 critic side, 4 other */
    Person people[MAX_PEOPLE];
    int npeople, ncast; /* people[0..ncast) speak in the origin */
    Statement st[MAX_STMT];
    int nst, nst_origin;
    NumberFact num[MAX_NUM];
    int nnum, nnum_origin;
    BgFact bg[MAX_BG];
    int nbg, nbg_origin;
    int official; /* index into OFFICIAL_STATEMENTS or -1 */
    int official_trap; /* also quoted by independent articles */
    int64_t t0;        /* origin publication time, minutes since 1970 */
} Story;

/* A Choice decides among alternatives.  Depth 1 is a fresh rendering; each
 * further seed is a rewrite of the previous rendering and is guaranteed to
 * choose a different alternative than its parent wherever there is one. */
typedef struct {
    uint64_t s[3];
    int depth;
} Choice;

enum { FK_LEAD, FK_NUM, FK_STMT, FK_BG, FK_OFFICIAL };

typedef struct {
    uint8_t kind, idx, tmpl, merge;
    Choice ch;
} FactR;

enum { DR_ATTR_CHANGED, DR_ATTR_DROPPED, DR_ATTR_ORG, DR_NUMBER, DR_ROLE, DR_HEDGE, DR_QUOTE, DR_COUNT };
static const char *const DRIFT_NAMES[DR_COUNT] = {
    "attribution_changed", "attribution_dropped", "attribution_to_org", "number_changed",
    "role_changed", "hedge_removed", "quote_altered",
};

typedef struct {
    uint8_t type, target, inherited;
    char from[96], to[96], detail[400];
} Drift;

typedef struct {
    Story v; /* the facts as this article states them (drifts applied) */
    FactR f[MAX_FACTS];
    int nf;
    FactR title;
    uint64_t seed;
    Drift d[MAX_DRIFTS];
    int nd;
} Article;

typedef struct {
    Buf text;
    uint32_t off[MAX_UNITS], len[MAX_UNITS];
    uint8_t para_end[MAX_UNITS];
    uint8_t fact[MAX_UNITS];
    int n;
} Body;

typedef struct {
    uint8_t money; /* 0 "€4.2 million", 1 "4.2 million euros", 2 "€4.2m" */
    uint8_t pct;   /* 0 "12 percent", 1 "12%", 2 "12 per cent" */
    uint8_t sep;   /* thousands separator: ',' or 0 for none below 10,000 */
} NumStyle;

typedef struct {
    int idx;
    char name[48];
    uint8_t curly, dash, us_dates, dateline, nav, headline, byline, datefmt;
    uint8_t readmore, share, newsletter, subscribe, tags, cookie, about, copyright, para_max;
    int founded;
    NumStyle ns;
    uint64_t seed;
} Outlet;

/* Corpus plan: stories and their members, in story-major order. */
enum { R_ORIGIN, R_COPY, R_REWRITE, R_REWRITE2, R_INDEP, R_PARTIAL, R_SINGLETON };
static const char *const ROLE_NAMES[] = {
    "origin", "copy", "rewrite", "rewrite2", "independent", "partial", "singleton",
};
enum { SP_SINGLETON = 1, SP_TRUNC = 2 };

typedef struct {
    uint32_t first; /* plan index of the origin */
    uint8_t n_copy, n_rw, r2_parent, n_ind, partial_src, flags;
} StoryPlan;

typedef struct {
    uint32_t story;
    uint8_t role, k;
} PlanEntry;

typedef struct {
    uint64_t seed;
    uint32_t ndocs;
    double nopub_frac;
    int idwidth;
    uint16_t syn_tab[SYN_HASH];
    StoryPlan *stories;
    uint32_t nstories;
    PlanEntry *plan;
    uint32_t *order; /* output position -> plan index */
    uint32_t *idof;  /* plan index -> numeric id */
    /* scratch, reused for every document */
    Buf sv[N_SV], common[4], unit, title, text, tmp, out;
    Story story;
    Article art[4];
    Body body[2];
} Gen;

/* ------------------------------------------------------------------------ */
/* Template expansion                                                       */
/* ------------------------------------------------------------------------ */

typedef struct {
    const char *key[MAX_SLOTS];
    const char *val[MAX_SLOTS];
    int n;
} Slots;

/* Later settings of a key shadow earlier ones (slot_find searches backwards). */
static void slot_set(Slots *s, const char *k, const char *v)
{
    if (s->n == MAX_SLOTS)
        die("too many slots");
    s->key[s->n] = k;
    s->val[s->n++] = v;
}

static const char *slot_find(const Slots *s, const char *k, size_t n)
{
    for (int i = s->n - 1; i >= 0; i--)
        if (s->key[i][0] == k[0] && strncmp(s->key[i], k, n) == 0 && s->key[i][n] == 0)
            return s->val[i];
    return NULL;
}

static uint32_t choice_pick(const Choice *c, uint64_t key, uint32_t n)
{
    if (n <= 1)
        return 0;
    uint32_t v = (uint32_t)(hash2(c->s[0], key) % n);
    for (int d = 1; d < c->depth; d++)
        v = (v + 1 + (uint32_t)(hash2(c->s[d], key) % (n - 1))) % n;
    return v;
}

static Choice choice_new(uint64_t seed)
{
    Choice c = {{seed, 0, 0}, 1};
    return c;
}

static void choice_push(Choice *c, uint64_t seed)
{
    if (c->depth < 3) {
        c->s[c->depth++] = seed;
    } else {
        c->s[0] = c->s[1];
        c->s[1] = c->s[2];
        c->s[2] = seed;
    }
}

static void syn_index(Gen *g)
{
    memset(g->syn_tab, 0, sizeof g->syn_tab);
    for (int i = 0; i < ARRAY_LEN(SYN); i++) {
        uint32_t h = (uint32_t)fnv1a(SYN[i].name, strlen(SYN[i].name)) & (SYN_HASH - 1);
        while (g->syn_tab[h])
            h = (h + 1) & (SYN_HASH - 1);
        g->syn_tab[h] = (uint16_t)(i + 1);
    }
}

static const char *syn_find(const Gen *g, const char *name, size_t n)
{
    uint32_t h = (uint32_t)fnv1a(name, n) & (SYN_HASH - 1);
    while (g->syn_tab[h]) {
        const SynGroup *sg = &SYN[g->syn_tab[h] - 1];
        if (strncmp(sg->name, name, n) == 0 && sg->name[n] == 0)
            return sg->alts;
        h = (h + 1) & (SYN_HASH - 1);
    }
    return NULL;
}

typedef struct {
    const Gen *g;
    const Slots *slots;
    const Choice *ch;
    int depth;
} Expander;

/* Index of the bracket closing the one at t[i]. */
static size_t match_close(const char *t, size_t n, size_t i)
{
    int depth = 0;
    for (size_t j = i; j < n; j++) {
        if (t[j] == '{' || t[j] == '[')
            depth++;
        else if (t[j] == '}' || t[j] == ']') {
            if (--depth == 0)
                return j;
        }
    }
    fprintf(stderr, "gencorpus: unbalanced template: %.*s\n", (int)n, t);
    exit(1);
}

static int is_slot_key(const char *t, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= '0' && t[i] <= '9')))
            return 0;
    return 1;
}

static void ex_alts(Expander *x, Buf *out, const char *t, size_t n);

static void ex_seq(Expander *x, Buf *out, const char *t, size_t n)
{
    if (x->depth > 24)
        die("template recursion too deep");
    x->depth++;
    size_t i = 0;
    while (i < n) {
        char c = t[i];
        if (c != '{' && c != '[') {
            size_t j = i;
            while (j < n && t[j] != '{' && t[j] != '[')
                j++;
            buf_putn(out, t + i, j - i);
            i = j;
            continue;
        }
        size_t j = match_close(t, n, i);
        const char *in = t + i + 1;
        size_t inlen = j - i - 1;
        int cap = inlen > 0 && in[0] == '^';
        if (cap) {
            in++;
            inlen--;
        }
        size_t mark = out->len;
        if (c == '[') {
            const char *alts = syn_find(x->g, in, inlen);
            if (!alts) {
                fprintf(stderr, "gencorpus: unknown synonym group [%.*s]\n", (int)inlen, in);
                exit(1);
            }
            ex_alts(x, out, alts, strlen(alts));
        } else if (is_slot_key(in, inlen)) {
            const char *v = slot_find(x->slots, in, inlen);
            if (!v) {
                fprintf(stderr, "gencorpus: template slot {%.*s} not set\n", (int)inlen, in);
                exit(1);
            }
            ex_alts(x, out, v, strlen(v));
        } else {
            ex_alts(x, out, in, inlen);
        }
        if (cap)
            capitalize_at(out->p, out->len, mark);
        i = j + 1;
    }
    x->depth--;
}

/* Expand t, first choosing among its top-level '|' alternatives. */
/* Cheap content key of an alternatives string (length and edge bytes). */
static uint64_t alts_key(const char *t, size_t n)
{
    uint64_t a = 0, b = 0;
    memcpy(&a, t, n < 8 ? n : 8);
    if (n > 8)
        memcpy(&b, t + (n >= 16 ? n - 8 : 8), n >= 16 ? 8 : n - 8);
    return mix64(a ^ mix64(b ^ (uint64_t)n));
}

static void ex_alts(Expander *x, Buf *out, const char *t, size_t n)
{
    if (!memchr(t, '|', n)) {
        ex_seq(x, out, t, n);
        return;
    }
    if (++x->depth > 12)
        die("template recursion too deep");
    size_t start[16];
    size_t end[16];
    int nseg = 0, depth = 0;
    start[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']')
            depth--;
        else if (c == '|' && depth == 0 && nseg < 15) {
            end[nseg++] = i;
            start[nseg] = i + 1;
        }
    }
    end[nseg++] = n;
    if (nseg == 1) {
        ex_seq(x, out, t, n);
    } else {
        uint32_t k = choice_pick(x->ch, alts_key(t, n), (uint32_t)nseg);
        ex_seq(x, out, t + start[k], end[k] - start[k]);
    }
    x->depth--;
}

static void expand(const Gen *g, Buf *out, const char *t, const Slots *s, const Choice *ch)
{
    Expander x = {g, s, ch, 0};
    ex_alts(&x, out, t, strlen(t));
}

/* ------------------------------------------------------------------------ */
/* Numbers, dates and text helpers                                          */
/* ------------------------------------------------------------------------ */

static void fmt_int(Buf *b, long long v, char sep)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
    if (v < 0)
        buf_putc(b, '-');
    int use_sep = sep && (n > 4 || sep == ',');
    for (int i = 0; i < n; i++) {
        if (use_sep && i > 0 && (n - i) % 3 == 0)
            buf_putc(b, sep);
        buf_putc(b, digits[i]);
    }
}

static void fmt_decimal(Buf *b, double x, int maxdec)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*f", maxdec, x);
    char *dot = strchr(tmp, '.');
    if (dot) {
        char *e = tmp + strlen(tmp) - 1;
        while (e > dot && *e == '0')
            *e-- = 0;
        if (e == dot)
            *e = 0;
    }
    buf_puts(b, tmp);
}

static int is_measure_unit(const char *unit)
{
    return strcmp(unit, "months") == 0 || strcmp(unit, "years") == 0 || strcmp(unit, "days") == 0;
}

/* Format a number fact value.  unit is appended to counts when non-NULL. */
static void fmt_value(Buf *b, int type, double v, int cur, NumStyle st, const char *unit)
{
    if (type == NUM_PCT) {
        fmt_decimal(b, v, 1);
        buf_puts(b, st.pct == 1 ? "%" : st.pct == 2 ? " per cent" : " percent");
        return;
    }
    if (type == NUM_COUNT) {
        if (v >= 1e6) {
            fmt_decimal(b, v / 1e6, 1);
            buf_puts(b, " million");
        } else {
            fmt_int(b, llround(v), st.sep ? st.sep : (v >= 10000 ? ',' : 0));
        }
        if (unit && unit[0]) {
            buf_putc(b, ' ');
            buf_puts(b, unit);
        }
        return;
    }
    const Currency *c = &CURRENCIES[cur];
    int style = c->sym ? st.money : 1;
    double x = v;
    const char *scale = NULL, *abbr = NULL;
    int dec = 0;
    if (v >= 1e9) {
        x = v / 1e9, scale = "billion", abbr = "bn", dec = 2;
    } else if (v >= 1e6) {
        x = v / 1e6, scale = "million", abbr = "m", dec = x >= 100 ? 0 : 1;
    }
    if (style != 1)
        buf_puts(b, c->sym);
    if (scale)
        fmt_decimal(b, x, dec);
    else
        fmt_int(b, llround(x), ',');
    if (scale && style == 2) {
        buf_puts(b, abbr);
    } else if (scale) {
        buf_putc(b, ' ');
        buf_puts(b, scale);
    }
    if (style == 1) {
        buf_putc(b, ' ');
        buf_puts(b, c->word);
    }
}

static double round_sig(double x, int d)
{
    if (x <= 0)
        return 0;
    double p = pow(10.0, floor(log10(x)) - d + 1);
    return round(x / p) * p;
}

static double gen_value(Rng *r, const NumSlot *ns)
{
    if (ns->type == NUM_PCT) {
        double v = ns->lo + (ns->hi - ns->lo) * rng_unit(r);
        return rng_chance(r, 0.6) ? round(v) : round(v * 10) / 10;
    }
    double v = exp(log(ns->lo) + (log(ns->hi) - log(ns->lo)) * rng_unit(r));
    if (ns->type == NUM_MONEY)
        return round_sig(v, rng_chance(r, 0.7) ? 2 : 3);
    if (v < 20)
        return fmax(1, round(v));
    if (v >= 1e6)
        return round_sig(v, 2);
    return rng_chance(r, 0.25) ? round(v) : round_sig(v, rng_chance(r, 0.5) ? 2 : 3);
}

static const NumStyle CANON_STYLE = {0, 0, ','};

/* A clearly different value for the number_changed drift. */
static double drifted_value(Rng *r, const NumSlot *ns, double v, int cur)
{
    Buf a = {0}, b = {0};
    fmt_value(&a, ns->type, v, cur, CANON_STYLE, NULL);
    double nv = v;
    for (int tries = 0; tries < 20; tries++) {
        if (ns->type == NUM_PCT) {
            double delta = 2 + rng_below(r, 11);
            nv = v + (rng_chance(r, 0.5) || v <= delta + 0.5 ? delta : -delta);
            nv = round(nv * 10) / 10;
        } else {
            double f = rng_chance(r, 0.5) ? 1.2 + 0.8 * rng_unit(r) : 0.45 + 0.35 * rng_unit(r);
            nv = v * f;
            nv = nv < 20 ? fmax(1, round(nv)) : round_sig(nv, 2);
        }
        buf_clear(&b);
        fmt_value(&b, ns->type, nv, cur, CANON_STYLE, NULL);
        if (strcmp(a.p, b.p) != 0)
            break;
    }
    buf_free(&a);
    buf_free(&b);
    return nv;
}

static int64_t days_from_civil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

typedef struct {
    int y, mon, day, hour, min, wday;
} DateTime;

static DateTime dt_from_minutes(int64_t t)
{
    DateTime dt;
    int64_t z = t / 1440;
    int64_t rem = t % 1440;
    dt.hour = (int)(rem / 60);
    dt.min = (int)(rem % 60);
    dt.wday = (int)((z + 4) % 7);
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    dt.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    dt.mon = (int)(mp < 10 ? mp + 3 : mp - 9);
    dt.y = (int)((int64_t)yoe + era * 400 + (dt.mon <= 2));
    return dt;
}

/* "March 5" (US) or "5 March". */
static void fmt_day_month(Buf *b, DateTime dt, int us)
{
    if (us)
        buf_printf(b, "%s %d", MONTHS[dt.mon - 1], dt.day);
    else
        buf_printf(b, "%d %s", dt.day, MONTHS[dt.mon - 1]);
}

/* Upper-case UTF-8 text for datelines (ASCII, Latin-1 and Latin Extended-A). */
static void put_upper(Buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z') {
            buf_putc(b, (char)(c - 32));
        } else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[++i];
            if (d >= 0xA0 && d <= 0xBE && d != 0xB7)
                d -= 0x20;
            buf_putc(b, (char)c);
            buf_putc(b, (char)d);
        } else if ((c == 0xC4 || c == 0xC5) && i + 1 < n) {
            unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)s[++i] & 0x3Fu);
            int odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
            if (odd_upper ? (cp % 2 == 0) : (cp % 2 == 1))
                cp--;
            buf_putc(b, (char)(0xC0 | (cp >> 6)));
            buf_putc(b, (char)(0x80 | (cp & 0x3F)));
        } else {
            buf_putc(b, (char)c);
        }
    }
}

/* Copy canonical text in an outlet's typographic style. */
static void emit_styled(Buf *out, const char *s, size_t n, const Outlet *o)
{
    static const char *const DASHES[] = {" — ", " – ", " - "};
    buf_grow(out, n + 16);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\'' && (unsigned char)s[j] != 0xE2 && !(s[j] == ' ' && j + 1 < n && s[j + 1] == '-'))
            j++;
        buf_putn(out, s + i, j - i);
        if (j >= n)
            break;
        i = j;
        unsigned char c = (unsigned char)s[i];
        if (c == '\'') {
            buf_puts(out, o->curly ? "’" : "'");
            i++;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D) && !o->curly) {
            buf_putc(out, '"');
            i += 3;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   (unsigned char)s[i + 2] == 0x99 && !o->curly) {
            buf_putc(out, '\'');
            i += 3;
        } else if (c == ' ' && i + 3 < n && s[i + 1] == '-' && s[i + 2] == '-' && s[i + 3] == ' ') {
            buf_puts(out, DASHES[o->dash]);
            i += 4;
        } else {
            buf_putc(out, (char)c);
            i++;
        }
    }
}

/* Trim, and collapse the double spaces left by empty slots. */
static void tidy_unit(Buf *b, size_t start)
{
    char *p = b->p + start;
    size_t n = b->len - start, w = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == ' ' && (w == 0 || p[w - 1] == ' '))
            continue;
        p[w++] = p[i];
    }
    while (w > 0 && p[w - 1] == ' ')
        w--;
    b->len = start + w;
    b->p[b->len] = 0;
}

/* ------------------------------------------------------------------------ */
/* Building stories                                                         */
/* ------------------------------------------------------------------------ */

static const Country *story_country(const Story *S) { return &COUNTRIES[CITIES[S->city].country]; }

static int city_population(int city)
{
    double u = unit_of_hash(mix64(0xC17E5 + (uint64_t)city));
    return (int)round_sig(exp(log(8e4) + (log(2.5e6) - log(8e4)) * u), 2);
}

static int random_city_in_country(Rng *r, int country, int fallback)
{
    for (int tries = 0; tries < 40; tries++) {
        int c = (int)rng_below(r, ARRAY_LEN(CITIES));
        if (CITIES[c].country == country)
            return c;
    }
    return fallback;
}

static void make_org(Rng *r, const Story *S, const char *domain, int type, Org *o)
{
    const char *city = CITIES[S->city].name;
    const char *pre = COMPANY_PREFIX[rng_below(r, ARRAY_LEN(COMPANY_PREFIX))];
    const char *sector = UNION_SECTORS[rng_below(r, ARRAY_LEN(UNION_SECTORS))];
    int v = (int)rng_below(r, 4);
    char *n = o->name;
    size_t cap = sizeof o->name;
    o->type = (uint8_t)type;
    switch (type) {
    case OT_COMPANY:
        snprintf(n, cap, "%s %s", pre, COMPANY_SUFFIX[rng_below(r, ARRAY_LEN(COMPANY_SUFFIX))]);
        break;
    case OT_MINISTRY:
        if (!domain)
            domain = MINISTRY_DOMAINS[rng_below(r, ARRAY_LEN(MINISTRY_DOMAINS))];
        snprintf(n, cap, "%s %s", story_country(S)->ministry, domain);
        break;
    case OT_AGENCY: {
        static const char *const F[] = {"the %s Fire and Rescue Service", "the %s Civil Protection Agency",
                                        "the %s Emergency Management Office", "the %s Flood Warning Service"};
        snprintf(n, cap, F[v], city);
        break;
    }
    case OT_HEALTH: {
        static const char *const F[] = {"the %s Public Health Authority", "the %s Regional Health Agency",
                                        "%s University Hospital", "the %s Institute of Public Health"};
        snprintf(n, cap, F[v], city);
        break;
    }
    case OT_UNIVERSITY: {
        static const char *const F[] = {"the University of %s", "%s Institute of Technology",
                                        "%s University", "the %s School of Economics"};
        snprintf(n, cap, F[v], v == 2 ? pre : city);
        break;
    }
    case OT_UNION: {
        static const char *const F[] = {"the %s Workers' Union", "the National Union of %s Workers",
                                        "the %s Federation", "United %s Workers"};
        snprintf(n, cap, F[v], sector);
        break;
    }
    case OT_COURT: {
        static const char *const F[] = {"the %s District Court", "the %s Regional Court",
                                        "the %s Commercial Court", "the %s Labour Court"};
        snprintf(n, cap, F[v], city);
        break;
    }
    case OT_COUNCIL: {
        static const char *const F[] = {"%s City Council", "the %s Metropolitan Council",
                                        "%s Municipal Council", "%s City Council"};
        snprintf(n, cap, F[v], city);
        break;
    }
    case OT_FIRM: {
        static const char *const F[] = {"%s Capital", "%s Securities", "%s Research", "%s Partners"};
        snprintf(n, cap, F[v], pre);
        break;
    }
    default: {
        static const char *const F[] = {"the %s Foundation", "the %s Consumer Association",
                                        "the %s Residents' Association", "the %s Policy Institute"};
        snprintf(n, cap, F[v], (v == 1 || v == 2) ? city : pre);
        break;
    }
    }
}

static int pick_role(Rng *r, int orgtype)
{
    int idx[32], n = 0;
    for (int i = 0; i < ARRAY_LEN(ROLES) && n < 32; i++)
        if (ROLES[i].orgtype == orgtype)
            idx[n++] = i;
    return idx[rng_below(r, (uint32_t)n)];
}

static int pick_qualifier(Rng *r, int role)
{
    int q[8], n = 0;
    for (int i = 1; i < ARRAY_LEN(QUALIFIERS); i++)
        if (ROLES[role].quals & (1 << i))
            q[n++] = i;
    return n ? q[rng_below(r, (uint32_t)n)] : 0;
}

static void make_person(Rng *r, Story *S, int i, int org)
{
    Person *p = &S->people[i];
    for (int tries = 0; tries < 50; tries++) {
        p->first = (uint16_t)rng_below(r, ARRAY_LEN(FIRST_NAMES));
        p->last = (uint16_t)rng_below(r, ARRAY_LEN(LAST_NAMES));
        int clash = 0;
        for (int j = 0; j < i; j++)
            clash |= S->people[j].last == p->last;
        if (!clash)
            break;
    }
    p->org = (uint8_t)org;
    for (int tries = 0; tries < 10; tries++) {
        p->role = (uint8_t)pick_role(r, S->org[org].type);
        int clash = 0;
        for (int j = 0; j < i; j++)
            clash |= S->people[j].org == org && S->people[j].role == p->role;
        if (!clash)
            break;
    }
    p->qual = (uint8_t)(rng_chance(r, 0.4) ? pick_qualifier(r, p->role) : 0);
}

/* An object that fits a verb's object classes, other than avoid. */
static int pick_object(Rng *r, int cls, int avoid)
{
    for (;;) {
        int o = (int)rng_below(r, ARRAY_LEN(CLAIM_OBJECTS));
        if ((CLAIM_OBJECTS[o].cls & cls) && o != avoid)
            return o;
    }
}

static void make_statement(Rng *r, Story *S, int person)
{
    if (S->nst >= MAX_STMT)
        return;
    Statement *st = &S->st[S->nst++];
    memset(st, 0, sizeof *st);
    st->person = (uint8_t)person;
    st->attr = ATTR_PERSON;
    st->subj = (uint8_t)(rng_chance(r, 0.45) ? 0 : 1 + rng_below(r, ARRAY_LEN(CLAIM_SUBJECTS)));
    st->verb = (uint8_t)rng_below(r, ARRAY_LEN(CLAIM_VERBS));
    st->obj = (uint8_t)pick_object(r, CLAIM_VERBS[st->verb].cls, -1);
    st->modal = (uint8_t)(rng_chance(r, 0.15) ? MOD_SHOULD : MOD_WILL);
    st->neg = (uint8_t)rng_chance(r, 0.12);
    int h = (int)rng_below(r, 100);
    if (h < 50)
        st->hedge = H_NONE;
    else if (h < 65)
        st->hedge = H_ADV;
    else if (h < 80)
        st->hedge = st->modal == MOD_SHOULD ? H_ADV : H_MODAL;
    else if (h < 90)
        st->hedge = st->modal == MOD_SHOULD ? H_THINK : H_POSS;
    else
        st->hedge = H_THINK;
    st->tail = (uint8_t)(rng_chance(r, 0.6) ? 1 + rng_below(r, ARRAY_LEN(QUOTE_TAILS)) : 0);
    st->frame = (uint8_t)(rng_chance(r, 0.45) ? 1 + rng_below(r, ARRAY_LEN(CLAIM_FRAMES)) : 0);
    st->reason = (uint8_t)(rng_chance(r, 0.4) ? 1 + rng_below(r, ARRAY_LEN(CLAIM_REASONS)) : 0);
    st->qseed = (uint32_t)rng_next(r);
}

static void shuffle_u8(Rng *r, uint8_t *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(r, (uint32_t)(i + 1));
        uint8_t t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

static void build_story(uint64_t seed, int singleton, Story *S)
{
    Rng r;
    rng_seed(&r, seed);
    memset(S, 0, sizeof *S);
    S->seed = seed;
    S->kind = (uint8_t)rng_below(&r, ARRAY_LEN(KINDS));
    const EventKind *k = &KINDS[S->kind];
    S->city = (uint16_t)rng_below(&r, ARRAY_LEN(CITIES));
    const char *eo = k->eo[rng_below(&r, (uint32_t)k->neo)];
    const char *hash = strchr(eo, '#');
    size_t eolen = hash ? (size_t)(hash - eo) : strlen(eo);
    memcpy(S->eo, eo, eolen);
    S->eo[eolen] = 0;
    int day = (int)rng_below(&r, 730);
    int minute = rng_range(&r, 6 * 60, 22 * 60);
    S->t0 = (days_from_civil(2023, 1, 1) + day) * 1440 + minute;

    /* organisations */
    static const uint8_t CRITIC_SIDE[] = {OT_UNION, OT_NGO, OT_COUNCIL};
    int types[MAX_ORGS];
    types[0] = k->actor;
    types[1] = k->second;
    types[2] = rng_chance(&r, 0.5) ? OT_FIRM : OT_UNIVERSITY;
    types[3] = CRITIC_SIDE[rng_below(&r, 3)];
    types[4] = rng_chance(&r, 0.5) ? OT_COUNCIL : OT_NGO;
    for (int i = 0; i < MAX_ORGS; i++) {
        for (int tries = 0; tries < 20; tries++) {
            make_org(&r, S, (i == 0 && hash) ? hash + 1 : NULL, types[i], &S->org[i]);
            int clash = 0;
            for (int j = 0; j < i; j++)
                clash |= strcmp(S->org[j].name, S->org[i].name) == 0;
            if (!clash)
                break;
        }
    }

    /* people: person 0 leads the actor; the cast speaks in the origin */
    S->npeople = rng_range(&r, 9, 10);
    S->ncast = rng_range(&r, 4, 7);
    uint8_t orgs[MAX_PEOPLE];
    orgs[0] = 0;
    orgs[1] = (uint8_t)(rng_chance(&r, 0.5) ? 0 : 1);
    orgs[2] = 2;
    orgs[3] = 3;
    orgs[4] = (uint8_t)(rng_chance(&r, 0.5) ? 1 : 4);
    for (int i = 5; i < S->npeople; i++)
        orgs[i] = (uint8_t)rng_below(&r, MAX_ORGS);
    shuffle_u8(&r, orgs + 1, S->npeople - 1);
    for (int i = 0; i < S->npeople; i++)
        make_person(&r, S, i, orgs[i]);

    for (int p = 0; p < S->ncast; p++) {
        int n = p == 0 ? rng_range(&r, 3, 5) : rng_range(&r, 2, 4);
        for (int j = 0; j < n; j++)
            make_statement(&r, S, p);
    }
    S->nst_origin = S->nst;

    /* numbers */
    S->nnum = MAX_NUM;
    for (int i = 0; i < MAX_NUM; i++) {
        S->num[i].slot = (uint8_t)i;
        S->num[i].src = (uint8_t)rng_below(&r, ARRAY_LEN(NUMBER_SOURCES));
        S->num[i].value = gen_value(&r, &k->num[i]);
    }
    S->nnum_origin = rng_chance(&r, 0.8) ? 4 : 3;

    /* background pool: the origin uses the first nbg_origin after a shuffle */
    uint8_t kinds[MAX_BG];
    int nk = 0;
    int company = k->actor == OT_COMPANY;
    for (int b = 0; b < BG_COUNT; b++) {
        if ((b == BG_PROFILE || b == BG_MARKET) && !company)
            continue;
        if (b == BG_PRIOR && k->no_prior)
            continue;
        kinds[nk++] = (uint8_t)b;
    }
    kinds[nk++] = BG_TREND;
    kinds[nk++] = BG_CRITICS;
    kinds[nk++] = BG_SUPPORT;
    if (!k->no_prior)
        kinds[nk++] = BG_PRIOR;
    shuffle_u8(&r, kinds, nk);
    int year = dt_from_minutes(S->t0).y;
    uint32_t used_pressure = 0xFFFF, used_critic = 0xFFFF, used_support = 0xFFFF, used_city = S->city;
    for (int i = 0; i < nk; i++) {
        BgFact *b = &S->bg[S->nbg++];
        b->kind = kinds[i];
        switch (b->kind) {
        case BG_PROFILE:
            b->a = (uint32_t)round_sig(exp(log(200) + (log(2e5) - log(200)) * rng_unit(&r)), 2);
            b->b = (uint32_t)rng_range(&r, 1850, 2016);
            b->c = rng_chance(&r, 0.5) ? S->city
                                       : (uint32_t)random_city_in_country(&r, CITIES[S->city].country, S->city);
            break;
        case BG_TREND:
            do
                b->a = rng_below(&r, ARRAY_LEN(PRESSURES));
            while (b->a == used_pressure);
            used_pressure = b->a;
            break;
        case BG_PRIOR:
            do
                b->a = rng_below(&r, ARRAY_LEN(CITIES));
            while (b->a == S->city || b->a == used_city);
            used_city = b->a;
            b->b = (uint32_t)(year - rng_range(&r, 1, 12));
            break;
        case BG_CRITICS:
            do
                b->a = rng_below(&r, ARRAY_LEN(CRITICS));
            while (b->a == used_critic);
            used_critic = b->a;
            break;
        case BG_OUTLOOK:
            b->a = rng_below(&r, ARRAY_LEN(WHENS));
            break;
        case BG_MEETING:
            b->a = rng_below(&r, ARRAY_LEN(STAKEHOLDERS));
            b->b = (uint32_t)rng_range(&r, 2, 30);
            break;
        case BG_SUPPORT:
            do
                b->a = rng_below(&r, ARRAY_LEN(SUPPORTERS));
            while (b->a == used_support);
            used_support = b->a;
            break;
        case BG_MARKET:
            b->a = (uint32_t)rng_range(&r, 5, 150); /* tenths of a percent */
            if (S->kind == KIND_EARNINGS)
                b->b = strstr(S->eo, "rise") || strstr(S->eo, "jump");
            else
                b->b = rng_chance(&r, 0.3);
            break;
        default:
            break;
        }
    }
    S->nbg_origin = rng_range(&r, 6, 9);
    if (S->nbg_origin > S->nbg)
        S->nbg_origin = S->nbg;

    S->official = rng_chance(&r, singleton ? 0.3 : 0.55) ? (int)rng_below(&r, ARRAY_LEN(OFFICIAL_STATEMENTS)) : -1;
    S->official_trap = S->official >= 0 && rng_chance(&r, 0.6);
}

/* ------------------------------------------------------------------------ */
/* Outlets                                                                  */
/* ------------------------------------------------------------------------ */

static void make_outlet(const Gen *g, int idx, Outlet *o)
{
    Rng r;
    rng_seed(&r, hash2(g->seed ^ 0x0a71e7ULL, (uint64_t)idx));
    memset(o, 0, sizeof *o);
    o->idx = idx;
    o->seed = rng_next(&r);
    int aggregator = idx >= N_REGULAR_OUTLETS;
    if (aggregator)
        snprintf(o->name, sizeof o->name, "%s", AGGREGATORS[idx - N_REGULAR_OUTLETS]);
    else
        snprintf(o->name, sizeof o->name, "%s %s", OUTLET_PREFIX[idx / ARRAY_LEN(OUTLET_NOUN)],
                 OUTLET_NOUN[idx % ARRAY_LEN(OUTLET_NOUN)]);
    o->curly = (uint8_t)rng_chance(&r, 0.55);
    o->dash = (uint8_t)rng_weighted(&r, (const int[]){60, 15, 25}, 3);
    o->us_dates = (uint8_t)rng_chance(&r, 0.35);
    o->dateline = (uint8_t)(rng_chance(&r, 0.4) ? 1 + rng_below(&r, 2) : 0);
    o->nav = (uint8_t)(rng_chance(&r, aggregator ? 0.8 : 0.45) ? 1 + rng_below(&r, ARRAY_LEN(NAV_LINES)) : 0);
    o->headline = (uint8_t)rng_chance(&r, 0.5);
    o->byline = (uint8_t)(rng_chance(&r, aggregator ? 0.2 : 0.7) ? 1 + rng_below(&r, 4) : 0);
    o->datefmt = (uint8_t)(rng_chance(&r, 0.6) ? 1 + rng_below(&r, 5) : 0);
    o->readmore = (uint8_t)rng_chance(&r, 0.45);
    o->share = (uint8_t)(rng_chance(&r, 0.6) ? 1 + rng_below(&r, ARRAY_LEN(SHARE_LINES)) : 0);
    o->newsletter = (uint8_t)(rng_chance(&r, 0.55) ? 1 + rng_below(&r, ARRAY_LEN(NEWSLETTER_LINES)) : 0);
    o->subscribe = (uint8_t)(rng_chance(&r, 0.4) ? 1 + rng_below(&r, ARRAY_LEN(SUBSCRIBE_LINES)) : 0);
    o->tags = (uint8_t)rng_chance(&r, 0.35);
    o->cookie = (uint8_t)(rng_chance(&r, aggregator ? 0.9 : 0.5) ? 1 + rng_below(&r, ARRAY_LEN(COOKIE_LINES)) : 0);
    o->about = (uint8_t)(rng_chance(&r, 0.35) ? 1 + rng_below(&r, ARRAY_LEN(ABOUT_LINES)) : 0);
    o->copyright = (uint8_t)(rng_chance(&r, 0.7) ? 1 + rng_below(&r, 4) : 0);
    o->para_max = (uint8_t)rng_range(&r, 2, 4);
    o->founded = rng_range(&r, 1851, 2015);
    o->ns.money = (uint8_t)rng_weighted(&r, (const int[]){55, 25, 20}, 3);
    o->ns.pct = (uint8_t)rng_weighted(&r, (const int[]){45, 35, 20}, 3);
    o->ns.sep = rng_chance(&r, 0.8) ? ',' : 0;
}

/* ------------------------------------------------------------------------ */
/* Claims and speakers                                                      */
/* ------------------------------------------------------------------------ */

enum { CF_DIRECT, CF_PRESENT, CF_PAST };

static const Slots NO_SLOTS;

/* The claim of a statement: direct (first-person quote), present
 * ("the plan will hurt ...") or past ("the plan would hurt ..."). */
static void claim_text(const Gen *g, Buf *out, const Story *v, const Statement *st, int form, const Choice *ch)
{
    if (st->hedge == H_POSS)
        expand(g, out,
               form == CF_PAST ? "it was possible that |there was a real chance that "
                               : "it is possible that |there is a real chance that ",
               &NO_SLOTS, ch);
    else if (st->hedge == H_THINK && form == CF_DIRECT)
        expand(g, out, "I think |I believe |in my view, ", &NO_SLOTS, ch);
    expand(g, out, st->subj ? CLAIM_SUBJECTS[st->subj - 1] : KINDS[v->kind].subj, &NO_SLOTS, ch);
    buf_putc(out, ' ');
    const char *modal;
    if (st->modal == MOD_SHOULD)
        modal = "should";
    else if (st->hedge == H_MODAL)
        modal = st->neg ? (form == CF_PAST ? "might" : "may|might")
                        : (form == CF_PAST ? "might|could" : "may|could|might");
    else
        modal = form == CF_PAST ? "would" : "will";
    expand(g, out, modal, &NO_SLOTS, ch);
    if (st->hedge == H_ADV || (st->hedge == H_THINK && form != CF_DIRECT))
        expand(g, out, " probably| likely", &NO_SLOTS, ch);
    if (st->neg)
        buf_puts(out, " not");
    buf_putc(out, ' ');
    expand(g, out, CLAIM_VERBS[st->verb].alts, &NO_SLOTS, ch);
    buf_putc(out, ' ');
    expand(g, out, CLAIM_OBJECTS[st->obj].alts, &NO_SLOTS, ch);
    if (st->frame) {
        buf_putc(out, ' ');
        expand(g, out, CLAIM_FRAMES[st->frame - 1], &NO_SLOTS, ch);
    }
    if (st->reason) {
        buf_putc(out, ' ');
        expand(g, out, CLAIM_REASONS[st->reason - 1], &NO_SLOTS, ch);
    }
}

/* Direct quotes are worded once per statement, whoever renders them. */
static Choice quote_choice(const Story *v, const Statement *st) { return choice_new(hash2(v->seed, st->qseed)); }

/* First sentence of the direct quote, capitalised, without final period. */
static void quote_first(const Gen *g, Buf *out, const Story *v, const Statement *st)
{
    Choice qc = quote_choice(v, st);
    size_t mark = out->len;
    claim_text(g, out, v, st, CF_DIRECT, &qc);
    capitalize_at(out->p, out->len, mark);
}

static void claim_summary(const Gen *g, Buf *out, const Story *v, const Statement *st)
{
    Choice qc = quote_choice(v, st);
    claim_text(g, out, v, st, CF_PRESENT, &qc);
}

static void person_name(const Story *v, int p, Buf *b)
{
    buf_puts(b, FIRST_NAMES[v->people[p].first]);
    buf_putc(b, ' ');
    buf_puts(b, LAST_NAMES[v->people[p].last]);
}

static void person_role(const Story *v, int p, Buf *b)
{
    const Person *ps = &v->people[p];
    if (ps->qual) {
        buf_puts(b, QUALIFIERS[ps->qual]);
        buf_putc(b, ' ');
    }
    buf_puts(b, ROLES[ps->role].name);
}

/* "the " for roles one person holds (chief executive, mayor), else "a "/"an ". */
static const char *role_article(const Story *v, int p)
{
    static const char *const UNIQUE[] = {
        "chief ", "head of", "director", "president", "mayor", "minister", "general secretary",
        "chair", "dean", "state secretary", "general counsel", "vice president", "plant manager",
        "registrar", "city engineer",
    };
    const Person *ps = &v->people[p];
    const char *name = ROLES[ps->role].name;
    for (int i = 0; i < ARRAY_LEN(UNIQUE); i++)
        if (strncmp(name, UNIQUE[i], strlen(UNIQUE[i])) == 0)
            return "the ";
    const char *first = ps->qual ? QUALIFIERS[ps->qual] : name;
    return strchr("aeiou", first[0]) ? "an " : "a ";
}

static void person_name_str(const Story *v, int p, char *out, size_t cap)
{
    snprintf(out, cap, "%s %s", FIRST_NAMES[v->people[p].first], LAST_NAMES[v->people[p].last]);
}

static int possessive_ok(const char *name)
{
    size_t n = strlen(name);
    return strncmp(name, "the ", 4) != 0 && n > 0 && name[n - 1] != 's';
}

/* Mention slots for the speaker of a statement; introduces a person (name,
 * role, organisation) on the first mention in the article. */
static void speaker_slots(const Story *v, const Statement *st, const Choice *ch, uint8_t *intro, Buf *xs,
                          Buf *xe, Buf *xn, Buf *xi)
{
    buf_clear(xs), buf_clear(xe), buf_clear(xn), buf_clear(xi);
    if (st->attr == ATTR_NONE)
        return;
    const Person *ps = &v->people[st->person];
    const Org *org = &v->org[ps->org];
    if (st->attr == ATTR_ORG) {
        buf_puts(xs, "the ");
        buf_puts(xs, ORG_NOUN[org->type]);
        buf_puts(xe, xs->p);
        buf_puts(xn, xs->p);
        return;
    }
    if (intro[st->person]) {
        buf_puts(xs, LAST_NAMES[ps->last]);
        buf_puts(xe, xs->p);
        buf_puts(xn, xs->p);
        return;
    }
    intro[st->person] = 1;
    int form = (int)choice_pick(ch, 0x1A7F0, 3);
    if (form == 2 && !possessive_ok(org->name))
        form = 0;
    if (form == 0) {
        person_name(v, st->person, xe);
        buf_puts(xe, ", ");
        person_role(v, st->person, xe);
        buf_puts(xe, " at ");
        buf_puts(xe, org->name);
        buf_puts(xs, xe->p);
        buf_putc(xs, ',');
    } else {
        if (form == 1) {
            person_role(v, st->person, xe);
            buf_putc(xe, ' ');
            person_name(v, st->person, xe);
            buf_puts(xe, " of ");
            buf_puts(xe, org->name);
        } else {
            buf_puts(xe, org->name);
            buf_puts(xe, "'s ");
            person_role(v, st->person, xe);
            buf_putc(xe, ' ');
            person_name(v, st->person, xe);
        }
        buf_puts(xs, xe->p);
    }
    person_name(v, st->person, xi);
    int former = ps->qual && strcmp(QUALIFIERS[ps->qual], "former") == 0;
    buf_puts(xi, !former && choice_pick(ch, 0x1A7F1, 2) ? " serves as " : " is ");
    buf_puts(xi, role_article(v, st->person));
    person_role(v, st->person, xi);
    buf_puts(xi, " at ");
    buf_puts(xi, org->name);
    buf_putc(xi, '.');
    buf_puts(xn, LAST_NAMES[ps->last]);
}

/* ------------------------------------------------------------------------ */
/* Articles: which facts, in which order, rendered how                      */
/* ------------------------------------------------------------------------ */

static int is_direct_tmpl(int t) { return (STMT_T[t].flags & ST_DIRECT) != 0; }

/* Direct templates and "adding: ..." show the quote's second sentence. */
static int shows_tail(int t) { return (STMT_T[t].flags & (ST_DIRECT | ST_TAIL)) != 0; }

/* The statement template actually used, given attribution and tail. */
static int effective_stmt_tmpl(const Statement *st, int tmpl)
{
    int flags = STMT_T[tmpl].flags;
    if (st->attr == ATTR_NONE && !(flags & ST_NONE))
        tmpl = (flags & ST_DIRECT) ? STMT_FIRST_NONE + 1 : STMT_FIRST_NONE;
    else if (st->attr != ATTR_NONE && (flags & ST_NONE))
        tmpl = (flags & ST_DIRECT) ? 0 : STMT_FIRST_INDIRECT;
    flags = STMT_T[tmpl].flags;
    if ((flags & ST_TAIL) && !st->tail)
        tmpl = (flags & ST_DIRECT) ? 0 : STMT_FIRST_INDIRECT;
    return tmpl;
}

/* A template index in [lo, hi) other than avoid (when possible). */
static int pick_other(Rng *r, int lo, int hi, int avoid)
{
    int n = hi - lo;
    if (n <= 1)
        return lo;
    if (avoid < lo || avoid >= hi)
        return lo + (int)rng_below(r, (uint32_t)n);
    int t = lo + (int)rng_below(r, (uint32_t)(n - 1));
    return t >= avoid ? t + 1 : t;
}

/* want: 1 direct quote, 0 reported speech, -1 either. */
static int pick_stmt_tmpl(Rng *r, int attr, int want, int avoid)
{
    if (attr == ATTR_NONE) {
        if (want == 1)
            return STMT_FIRST_NONE + 1;
        if (want == 0)
            return rng_chance(r, 0.5) ? STMT_FIRST_NONE : STMT_FIRST_NONE + 2;
        return pick_other(r, STMT_FIRST_NONE, STMT_NT, avoid);
    }
    if (want == 1)
        return pick_other(r, 0, STMT_FIRST_INDIRECT, avoid);
    if (want == 0)
        return pick_other(r, STMT_FIRST_INDIRECT, STMT_FIRST_NONE, avoid);
    return pick_other(r, 0, STMT_FIRST_NONE, avoid);
}

static void tmpl_range(const Story *v, int kind, int *lo, int *hi)
{
    *lo = 0;
    switch (kind) {
    case FK_LEAD:
        *hi = KINDS[v->kind].future ? ARRAY_LEN(LEAD_T) : LEAD_PAST;
        break;
    case FK_NUM:
        *hi = ARRAY_LEN(NUM_T);
        break;
    case FK_BG:
        *hi = 4;
        break;
    case FK_OFFICIAL:
        *hi = ARRAY_LEN(OFFICIAL_T);
        break;
    default:
        *hi = STMT_FIRST_NONE;
        break;
    }
}

static void add_fact(Article *A, int kind, int idx, int tmpl, Choice ch)
{
    if (A->nf >= MAX_FACTS)
        return;
    FactR *f = &A->f[A->nf++];
    f->kind = (uint8_t)kind;
    f->idx = (uint8_t)idx;
    f->tmpl = (uint8_t)tmpl;
    f->merge = 0;
    f->ch = ch;
}

static int speaks(const Article *A, int p)
{
    for (int i = 0; i < A->nf; i++) {
        const FactR *f = &A->f[i];
        if (f->kind == FK_STMT && A->v.st[f->idx].attr == ATTR_PERSON && A->v.st[f->idx].person == p)
            return 1;
    }
    return 0;
}

#define ITEM(kind, idx) ((uint16_t)(((kind) << 8) | (idx)))

/* Lead first, then background/numbers (items) interleaved with statements
 * (kept in their order), then outlook/meeting facts (ends). */
static void arrange_facts(Rng *r, Article *A, uint64_t seed, double p_direct, uint16_t *items, int ni,
                          const uint8_t *stmts, int ns, const uint16_t *ends, int ne)
{
    for (int i = ni - 1; i > 0; i--) {
        int j = (int)rng_below(r, (uint32_t)(i + 1));
        uint16_t t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
    uint16_t seq[MAX_FACTS];
    int n = 0, ii = 0, si = 0;
    if (ns > 0 && rng_chance(r, 0.6))
        seq[n++] = ITEM(FK_STMT, stmts[si++]);
    while ((ii < ni || si < ns) && n < MAX_FACTS) {
        int take_stmt = si < ns && (ii >= ni || rng_below(r, (uint32_t)(ni - ii + ns - si)) < (uint32_t)(ns - si));
        seq[n++] = take_stmt ? ITEM(FK_STMT, stmts[si++]) : items[ii++];
    }
    for (int i = 0; i < ne && n < MAX_FACTS; i++)
        seq[n++] = ends[i];
    for (int i = 0; i < n; i++) {
        int kind = seq[i] >> 8, idx = seq[i] & 0xFF;
        int lo, hi;
        tmpl_range(&A->v, kind, &lo, &hi);
        int tmpl = kind == FK_STMT ? pick_stmt_tmpl(r, ATTR_PERSON, rng_chance(r, p_direct) ? 1 : 0, -1)
                                   : lo + (int)rng_below(r, (uint32_t)(hi - lo));
        add_fact(A, kind, idx, tmpl, choice_new(hash2(seed, 0x100000u + seq[i])));
    }
}

static void make_origin(const Story *S, Article *A)
{
    Rng r;
    rng_seed(&r, hash2(S->seed, 0x0419));
    A->v = *S;
    A->nf = A->nd = 0;
    A->seed = hash2(S->seed, 0x5EED);
    int lo, hi;
    tmpl_range(S, FK_LEAD, &lo, &hi);
    add_fact(A, FK_LEAD, 0, (int)rng_below(&r, (uint32_t)hi), choice_new(hash2(A->seed, 0x1EAD)));
    uint16_t items[MAX_FACTS], ends[MAX_BG];
    int ni = 0, ne = 0;
    int n0_first = rng_chance(&r, 0.7);
    if (n0_first)
        add_fact(A, FK_NUM, 0, (int)rng_below(&r, ARRAY_LEN(NUM_T)), choice_new(hash2(A->seed, 0x100000u + ITEM(FK_NUM, 0))));
    for (int i = n0_first; i < S->nnum_origin; i++)
        items[ni++] = ITEM(FK_NUM, i);
    for (int i = 0; i < S->nbg_origin; i++) {
        if (S->bg[i].kind == BG_OUTLOOK || S->bg[i].kind == BG_MEETING)
            ends[ne++] = ITEM(FK_BG, i);
        else
            items[ni++] = ITEM(FK_BG, i);
    }
    if (S->official >= 0)
        items[ni++] = ITEM(FK_OFFICIAL, 0);
    uint8_t stmts[MAX_STMT];
    for (int i = 0; i < S->nst_origin; i++)
        stmts[i] = (uint8_t)i;
    arrange_facts(&r, A, A->seed, 0.6, items, ni, stmts, S->nst_origin, ends, ne);
    A->title.kind = FK_LEAD;
    A->title.tmpl = (uint8_t)rng_below(&r, 5);
    A->title.ch = choice_new(hash2(A->seed, 0x717E));
}

/* Another outlet's own reporting on the same event: same event, place and
 * organisations, some of the same people and numbers, new statements. */
static void make_independent(const Story *S, uint64_t seed, int small, Article *A)
{
    Rng r;
    rng_seed(&r, seed);
    A->v = *S;
    A->nf = A->nd = 0;
    A->seed = seed;
    Story *v = &A->v;
    int lo, hi;
    tmpl_range(S, FK_LEAD, &lo, &hi);
    add_fact(A, FK_LEAD, 0, (int)rng_below(&r, (uint32_t)hi), choice_new(hash2(seed, 0x1EAD)));

    uint8_t known[MAX_PEOPLE], extra[MAX_PEOPLE];
    int nk = 0, nx = 0;
    for (int p = 0; p < S->npeople; p++) {
        if (p < S->ncast)
            known[nk++] = (uint8_t)p;
        else
            extra[nx++] = (uint8_t)p;
    }
    shuffle_u8(&r, known, nk);
    shuffle_u8(&r, extra, nx);
    int k1 = small ? 1 : rng_range(&r, 1, 2);
    int k2 = small ? rng_range(&r, 1, 2) : rng_range(&r, 2, 4);
    if (k1 > nk)
        k1 = nk;
    if (k2 > nx)
        k2 = nx;
    uint8_t cast[MAX_PEOPLE];
    int nc = 0;
    for (int i = 0; i < k1; i++)
        cast[nc++] = known[i];
    for (int i = 0; i < k2; i++)
        cast[nc++] = extra[i];
    shuffle_u8(&r, cast, nc);
    int first_new = v->nst;
    for (int i = 0; i < nc; i++) {
        int n = small ? rng_range(&r, 1, 2) : rng_range(&r, 2, 3);
        for (int j = 0; j < n; j++)
            make_statement(&r, v, cast[i]);
    }
    uint8_t stmts[MAX_STMT];
    int ns = 0;
    for (int i = first_new; i < v->nst; i++)
        stmts[ns++] = (uint8_t)i;

    uint16_t items[MAX_FACTS], ends[MAX_BG];
    int ni = 0, ne = 0;
    if (rng_chance(&r, 0.85))
        items[ni++] = ITEM(FK_NUM, 0);
    for (int i = 1; i < S->nnum; i++)
        if (rng_chance(&r, small ? 0.25 : 0.45))
            items[ni++] = ITEM(FK_NUM, i);
    int nb = 0, maxbg = small ? 3 : 7;
    for (int i = 0; i < S->nbg && nb < maxbg; i++) {
        double p = i >= S->nbg_origin ? 0.8 : 0.25;
        if (!rng_chance(&r, p))
            continue;
        nb++;
        if (S->bg[i].kind == BG_OUTLOOK || S->bg[i].kind == BG_MEETING)
            ends[ne++] = ITEM(FK_BG, i);
        else
            items[ni++] = ITEM(FK_BG, i);
    }
    if (S->official >= 0 && S->official_trap)
        items[ni++] = ITEM(FK_OFFICIAL, 0);
    arrange_facts(&r, A, seed, 0.5, items, ni, stmts, ns, ends, ne);
    A->title.kind = FK_LEAD;
    A->title.tmpl = (uint8_t)rng_below(&r, 5);
    A->title.ch = choice_new(hash2(seed, 0x717E));
}

/* ------------------------------------------------------------------------ */
/* Rewrites and planted drifts                                              */
/* ------------------------------------------------------------------------ */

static Drift *drift_add(Article *R, int type, int target)
{
    if (R->nd >= MAX_DRIFTS)
        return NULL;
    Drift *d = &R->d[R->nd++];
    memset(d, 0, sizeof *d);
    d->type = (uint8_t)type;
    d->target = (uint8_t)target;
    return d;
}

static const FactR *find_fact(const Article *A, int kind, int idx)
{
    for (int i = 0; i < A->nf; i++)
        if (A->f[i].kind == kind && A->f[i].idx == idx)
            return &A->f[i];
    return NULL;
}

/* Bounded copy that never cuts a UTF-8 sequence. */
static void copy_trunc(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memmove(dst, src, n);
    dst[n] = 0;
}

typedef struct {
    uint8_t st[MAX_STMT], num[MAX_NUM], person[MAX_PEOPLE];
} Touched;

/* Plant one drift of the given type into R if it applies; 1 on success.
 * O is the origin (speakers must appear there), P the parent rendering. */
static int plant_drift(Gen *g, Rng *r, const Article *O, const Article *P, Article *R, int type, Touched *t)
{
    Story *v = &R->v;
    int cand[MAX_FACTS + MAX_PEOPLE];
    int nc = 0;
    Buf *a = &g->tmp;
    buf_clear(a);

    if (type == DR_NUMBER) {
        for (int i = 0; i < R->nf; i++)
            if (R->f[i].kind == FK_NUM && !t->num[R->f[i].idx])
                cand[nc++] = R->f[i].idx;
        if (!nc)
            return 0;
        int n = cand[rng_below(r, (uint32_t)nc)];
        NumberFact *nf = &v->num[n];
        const NumSlot *ns = &KINDS[v->kind].num[nf->slot];
        int cur = story_country(v)->cur;
        const char *unit = is_measure_unit(ns->unit) ? ns->unit : NULL;
        double nv = drifted_value(r, ns, nf->value, cur);
        Drift *d = drift_add(R, type, n);
        if (!d)
            return 0;
        fmt_value(a, ns->type, nf->value, cur, CANON_STYLE, unit);
        buf_puts(a, " -> ");
        fmt_value(a, ns->type, nv, cur, CANON_STYLE, unit);
        buf_puts(a, " (");
        const char *bar = strchr(ns->desc, '|');
        buf_putn(a, ns->desc, bar ? (size_t)(bar - ns->desc) : strlen(ns->desc));
        buf_putc(a, ')');
        copy_trunc(d->from, sizeof d->from, "-");
        copy_trunc(d->to, sizeof d->to, "-");
        copy_trunc(d->detail, sizeof d->detail, a->p);
        nf->value = nv;
        t->num[n] = 1;
        return 1;
    }

    if (type == DR_ROLE) {
        for (int p = 0; p < v->npeople; p++)
            if (v->people[p].qual && !t->person[p] && speaks(R, p) && speaks(O, p))
                cand[nc++] = p;
        if (!nc)
            return 0;
        int p = cand[rng_below(r, (uint32_t)nc)];
        Drift *d = drift_add(R, type, p);
        if (!d)
            return 0;
        person_name_str(v, p, d->from, sizeof d->from);
        copy_trunc(d->to, sizeof d->to, d->from);
        person_role(v, p, a);
        buf_puts(a, " -> ");
        buf_puts(a, ROLES[v->people[p].role].name);
        copy_trunc(d->detail, sizeof d->detail, a->p);
        v->people[p].qual = 0;
        t->person[p] = 1;
        return 1;
    }

    /* statement drifts */
    for (int i = 0; i < R->nf; i++) {
        const FactR *f = &R->f[i];
        if (f->kind != FK_STMT)
            continue;
        const Statement *st = &v->st[f->idx];
        if (t->st[f->idx] || st->attr != ATTR_PERSON)
            continue;
        if (type == DR_HEDGE && st->hedge == H_NONE)
            continue;
        if (type == DR_QUOTE) {
            const FactR *pf = find_fact(P, FK_STMT, f->idx);
            if (!pf || !is_direct_tmpl(pf->tmpl))
                continue;
        }
        cand[nc++] = i;
    }
    if (!nc)
        return 0;
    FactR *f = &R->f[cand[rng_below(r, (uint32_t)nc)]];
    Statement *st = &v->st[f->idx];
    int others[MAX_PEOPLE], no = 0;
    if (type == DR_ATTR_CHANGED) {
        for (int p = 0; p < v->npeople; p++)
            if (p != st->person && speaks(O, p))
                others[no++] = p;
        if (!no)
            return 0;
    }
    Drift *d = drift_add(R, type, f->idx);
    if (!d)
        return 0;
    person_name_str(v, st->person, d->from, sizeof d->from);
    copy_trunc(d->to, sizeof d->to, d->from);
    switch (type) {
    case DR_ATTR_CHANGED:
        st->person = (uint8_t)others[rng_below(r, (uint32_t)no)];
        person_name_str(v, st->person, d->to, sizeof d->to);
        claim_summary(g, a, v, st);
        break;
    case DR_ATTR_DROPPED:
        st->attr = ATTR_NONE;
        f->tmpl = (uint8_t)pick_stmt_tmpl(r, ATTR_NONE, is_direct_tmpl(f->tmpl) ? 1 : 0, -1);
        copy_trunc(d->to, sizeof d->to, "-");
        claim_summary(g, a, v, st);
        break;
    case DR_ATTR_ORG:
        st->attr = ATTR_ORG;
        snprintf(d->to, sizeof d->to, "the %s", ORG_NOUN[v->org[v->people[st->person].org].type]);
        claim_summary(g, a, v, st);
        break;
    case DR_HEDGE:
        buf_printf(a, "\"%s\" removed: ", HEDGE_NAMES[st->hedge]);
        claim_summary(g, a, v, st);
        st->hedge = H_NONE;
        break;
    default: /* DR_QUOTE */
        quote_first(g, a, v, st);
        switch (rng_below(r, 3)) {
        case 0: {
            int nv, ocls = CLAIM_OBJECTS[st->obj].cls;
            do
                nv = (int)rng_below(r, ARRAY_LEN(CLAIM_VERBS));
            while (nv == st->verb || !(CLAIM_VERBS[nv].cls & ocls));
            st->verb = (uint8_t)nv;
            break;
        }
        case 1:
            st->obj = (uint8_t)pick_object(r, CLAIM_VERBS[st->verb].cls, st->obj);
            break;
        default:
            st->neg ^= 1;
            break;
        }
        buf_puts(a, " -> ");
        quote_first(g, a, v, st);
        st->flags |= STF_ALTERED;
        if (!is_direct_tmpl(f->tmpl))
            f->tmpl = (uint8_t)pick_stmt_tmpl(r, ATTR_PERSON, 1, -1);
        break;
    }
    copy_trunc(d->detail, sizeof d->detail, a->p);
    t->st[f->idx] = 1;
    return 1;
}

/* Rewrite P (the origin, or a rewrite of it) into R: same facts in the same
 * order, some dropped or merged, re-rendered with other templates and
 * synonyms to a random strength, plus 0-4 planted drifts.  Drifts already
 * in P are inherited (their facts are never dropped). */
static void make_rewrite(Gen *g, const Article *O, const Article *P, uint64_t seed, Article *R)
{
    Rng r;
    rng_seed(&r, seed);
    *R = *P;
    R->seed = seed;
    R->nd = 0;
    double s = rng_chance(&r, 0.4) ? 0.1 + 0.3 * rng_unit(&r) : 0.6 + 0.4 * rng_unit(&r);
    double keep_p = 0.85 - 0.8 * s, drop_p = 0.04 + 0.2 * s, merge_p = 0.3 * s, indirect_p = 0.75 * s;

    Touched t;
    memset(&t, 0, sizeof t);
    for (int i = 0; i < P->nd; i++) {
        const Drift *d = &P->d[i];
        if (d->type == DR_NUMBER)
            t.num[d->target] = 1;
        else if (d->type == DR_ROLE)
            t.person[d->target] = 1;
        else
            t.st[d->target] = 1;
        R->d[R->nd] = *d;
        R->d[R->nd++].inherited = 1;
    }

    R->nf = 0;
    for (int i = 0; i < P->nf; i++) {
        FactR f = P->f[i];
        f.merge = 0;
        int keep = i == 0 || (f.kind == FK_NUM && t.num[f.idx]) ||
                   (f.kind == FK_STMT && (t.st[f.idx] || t.person[R->v.st[f.idx].person]));
        if (!keep && rng_chance(&r, drop_p))
            continue;
        /* a rewrite only knows what its parent showed: no invented quote
         * wording, no second quote sentence the parent left out */
        int parent_direct = 1;
        if (f.kind == FK_STMT) {
            Statement *st = &R->v.st[f.idx];
            int pt = effective_stmt_tmpl(st, f.tmpl);
            parent_direct = is_direct_tmpl(pt);
            if (st->tail && !shows_tail(pt))
                st->tail = 0;
        }
        if (!rng_chance(&r, keep_p)) {
            if (f.kind == FK_STMT) {
                const Statement *st = &R->v.st[f.idx];
                int want = (st->flags & STF_ALTERED) ? 1 : !parent_direct ? 0 : rng_chance(&r, indirect_p) ? 0 : -1;
                f.tmpl = (uint8_t)pick_stmt_tmpl(&r, st->attr, want, f.tmpl);
            } else {
                int lo, hi;
                tmpl_range(&R->v, f.kind, &lo, &hi);
                f.tmpl = (uint8_t)pick_other(&r, lo, hi, f.tmpl);
            }
            choice_push(&f.ch, hash2(seed, 0xF000u + (unsigned)i));
        }
        R->f[R->nf++] = f;
    }
    for (int i = 1; i + 1 < R->nf; i++)
        if (rng_chance(&r, merge_p))
            R->f[i].merge = 1;
    if (rng_chance(&r, 0.9)) {
        R->title.tmpl = (uint8_t)pick_other(&r, 0, 5, R->title.tmpl);
        choice_push(&R->title.ch, hash2(seed, 0x717E));
    }

    int ndrift = rng_weighted(&r, (const int[]){35, 30, 20, 10, 5}, 5);
    for (int k = 0; k < ndrift; k++)
        for (int tries = 0; tries < 8; tries++)
            if (plant_drift(g, &r, O, P, R, (int)rng_below(&r, DR_COUNT), &t))
                break;

    /* a role drift is only real if the person still speaks in R; otherwise
     * restore the role so that no unlabelled change can surface later */
    int w = 0;
    for (int i = 0; i < R->nd; i++) {
        const Drift *d = &R->d[i];
        if (d->type == DR_ROLE && !speaks(R, d->target))
            R->v.people[d->target].qual = O->v.people[d->target].qual;
        else
            R->d[w++] = *d;
    }
    R->nd = w;
}

/* ------------------------------------------------------------------------ */
/* Rendering articles                                                       */
/* ------------------------------------------------------------------------ */

static void int_to_buf(Buf *b, long long v, const Outlet *o)
{
    fmt_int(b, v, o->ns.sep ? o->ns.sep : (v >= 10000 ? ',' : 0));
}

static void common_slots(Gen *g, const Article *A, const Outlet *o, Slots *s)
{
    const Story *v = &A->v;
    const EventKind *k = &KINDS[v->kind];
    s->n = 0;
    slot_set(s, "ORG", v->org[0].name);
    slot_set(s, "ORG2", v->org[1].name);
    slot_set(s, "ORGT", ORG_NOUN[v->org[0].type]);
    Buf *orgs = &g->common[0];
    buf_clear(orgs);
    buf_puts(orgs, "the ");
    buf_puts(orgs, ORG_NOUN[v->org[0].type]);
    slot_set(s, "ORGS", orgs->p);
    slot_set(s, "PLACE", CITIES[v->city].name);
    slot_set(s, "COUNTRY", story_country(v)->name);
    slot_set(s, "EO", v->eo);
    slot_set(s, "EVI", k->evi);
    slot_set(s, "EVP", k->evp);
    slot_set(s, "EVN", k->evn);
    slot_set(s, "GN", k->gn);
    slot_set(s, "ISSUE", k->issue);
    slot_set(s, "SECTOR", k->sector);
    slot_set(s, "AUD", "reporters|journalists|a news conference|local media");
    Buf *day = &g->common[1];
    buf_clear(day);
    DateTime dt = dt_from_minutes(v->t0);
    buf_printf(day, "on %s|on ", WEEKDAYS[dt.wday]);
    fmt_day_month(day, dt, o->us_dates);
    slot_set(s, "DAY", day->p);
    Buf *n0 = &g->common[2];
    buf_clear(n0);
    const NumSlot *ns = &k->num[v->num[0].slot];
    fmt_value(n0, ns->type, v->num[0].value, story_country(v)->cur, o->ns, ns->unit);
    slot_set(s, "N0", n0->p);
}

static const char *statement_slots(Gen *g, const Story *v, const FactR *f, uint8_t *intro, Slots *s)
{
    const Statement *st = &v->st[f->idx];
    int tmpl = effective_stmt_tmpl(st, f->tmpl);

    Buf *sv = g->sv;
    const char *tail = st->tail ? QUOTE_TAILS[st->tail - 1] : NULL;
    quote_first(g, &sv[0], v, st);
    buf_puts(&sv[1], sv[0].p); /* QC */
    if (tail) {
        buf_puts(&sv[1], ". ");
        buf_putn(&sv[1], tail, strlen(tail) - 1);
    }
    buf_putc(&sv[1], ',');
    buf_puts(&sv[2], sv[0].p); /* QP */
    buf_putc(&sv[2], '.');
    if (tail) {
        buf_putc(&sv[2], ' ');
        buf_puts(&sv[2], tail);
    }
    buf_puts(&sv[3], sv[0].p); /* Q1C */
    buf_putc(&sv[3], ',');
    claim_text(g, &sv[4], v, st, CF_PAST, &f->ch);
    claim_text(g, &sv[5], v, st, CF_PRESENT, &f->ch);
    speaker_slots(v, st, &f->ch, intro, &sv[6], &sv[7], &sv[8], &sv[9]);
    slot_set(s, "QC", sv[1].p);
    slot_set(s, "QP", sv[2].p);
    slot_set(s, "Q1C", sv[3].p);
    slot_set(s, "Q2", tail ? tail : "");
    slot_set(s, "C", sv[4].p);
    slot_set(s, "CP", sv[5].p);
    slot_set(s, "XS", sv[6].p);
    slot_set(s, "XE", sv[7].p);
    slot_set(s, "XN", sv[8].p);
    slot_set(s, "XI", sv[9].p);
    return STMT_T[tmpl].t;
}

static const char *bg_slots(Gen *g, const Story *v, const FactR *f, const Outlet *o, Slots *s)
{
    const BgFact *b = &v->bg[f->idx];
    Buf *sv = g->sv;
    switch (b->kind) {
    case BG_PROFILE:
        int_to_buf(&sv[0], b->a, o);
        buf_printf(&sv[1], "%u", b->b);
        slot_set(s, "EMP", sv[0].p);
        slot_set(s, "YEAR", sv[1].p);
        slot_set(s, "HQ", CITIES[b->c].name);
        break;
    case BG_PLACE:
        fmt_value(&sv[0], NUM_COUNT, city_population(v->city), 0, o->ns, NULL);
        slot_set(s, "POP", sv[0].p);
        break;
    case BG_TREND:
        slot_set(s, "PRESSURE", PRESSURES[b->a]);
        break;
    case BG_PRIOR:
        buf_printf(&sv[0], "%u", b->b);
        slot_set(s, "CITY2", CITIES[b->a].name);
        slot_set(s, "YEAR2", sv[0].p);
        break;
    case BG_CRITICS:
        slot_set(s, "CRITIC", CRITICS[b->a]);
        break;
    case BG_OUTLOOK:
        slot_set(s, "WHEN", WHENS[b->a]);
        break;
    case BG_SUPPORT:
        slot_set(s, "SUPPORTER", SUPPORTERS[b->a]);
        break;
    case BG_MEETING:
        fmt_day_month(&sv[0], dt_from_minutes(v->t0 + (int64_t)b->b * 1440), o->us_dates);
        slot_set(s, "STAKE", STAKEHOLDERS[b->a]);
        slot_set(s, "DATE2", sv[0].p);
        break;
    default: /* BG_MARKET */
        fmt_value(&sv[0], NUM_PCT, b->a / 10.0, 0, o->ns, NULL);
        slot_set(s, "PCTV", sv[0].p);
        slot_set(s, "MOVE", b->b ? "[rose]" : "[fell]");
        slot_set(s, "MOVED", b->b ? "[up]" : "[down]");
        break;
    }
    return BG_T[b->kind][f->tmpl];
}

/* Render one fact as one unit (one or two sentences) in canonical form. */
static void render_fact(Gen *g, const Article *A, const FactR *f, const Outlet *o, const Slots *base,
                        uint8_t *intro, Buf *out)
{
    const Story *v = &A->v;
    Slots s = *base;
    for (int i = 0; i < N_SV; i++)
        buf_clear(&g->sv[i]);
    const char *t;
    switch (f->kind) {
    case FK_LEAD:
        t = LEAD_T[f->tmpl];
        break;
    case FK_NUM: {
        const NumberFact *nf = &v->num[f->idx];
        const NumSlot *ns = &KINDS[v->kind].num[nf->slot];
        fmt_value(&g->sv[0], ns->type, nf->value, story_country(v)->cur, o->ns,
                  is_measure_unit(ns->unit) ? ns->unit : NULL);
        slot_set(&s, "NV", g->sv[0].p);
        slot_set(&s, "ND", ns->desc);
        slot_set(&s, "NSRC", NUMBER_SOURCES[nf->src]);
        t = NUM_T[f->tmpl];
        break;
    }
    case FK_STMT:
        t = statement_slots(g, v, f, intro, &s);
        break;
    case FK_BG:
        t = bg_slots(g, v, f, o, &s);
        break;
    default:
        slot_set(&s, "OFF", OFFICIAL_STATEMENTS[v->official]);
        t = OFFICIAL_T[f->tmpl];
        break;
    }
    size_t start = out->len;
    expand(g, out, t, &s, &f->ch);
    tidy_unit(out, start);
}

static int has_quote(const char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++)
        if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            return 1;
    return memchr(s, '"', n) != NULL;
}

/* Units that may be joined to the previous one (after lower-casing). */
static int merge_start(const char *s, size_t n)
{
    static const char *const STARTS[] = {
        "The ", "According to ", "In ", "It ", "A ", "This ", "There ", "Further ", "More ",
        "Shares ", "Investors ", "Talks ", "Discussions ", "About ", "Around ", "Roughly ",
        "Some ", "Founded ", "Established ", "Set up ",
    };
    for (int i = 0; i < ARRAY_LEN(STARTS); i++) {
        size_t l = strlen(STARTS[i]);
        if (n >= l && memcmp(s, STARTS[i], l) == 0)
            return 1;
    }
    return 0;
}

/* Statements are never merged: joining two speakers' claims blurs who said what. */
static int mergeable_kind(int kind) { return kind == FK_NUM || kind == FK_BG; }

static void render_title(Gen *g, const Article *A, const Outlet *o, Buf *out)
{
    Slots s;
    common_slots(g, A, o, &s);
    Buf *t = &g->common[3];
    buf_clear(t);
    expand(g, t, KINDS[A->v.kind].title[A->title.tmpl], &s, &A->title.ch);
    capitalize_at(t->p, t->len, 0);
    buf_clear(out);
    emit_styled(out, t->p, t->len, o);
}

static void render_article(Gen *g, const Article *A, const Outlet *o, Body *B)
{
    Slots base;
    common_slots(g, A, o, &base);
    uint8_t intro[MAX_PEOPLE] = {0};
    Buf *u = &g->unit;
    buf_clear(u);
    size_t uoff[MAX_FACTS], ulen[MAX_FACTS];
    for (int i = 0; i < A->nf; i++) {
        uoff[i] = u->len;
        render_fact(g, A, &A->f[i], o, &base, intro, u);
        ulen[i] = u->len - uoff[i];
    }

    Rng r;
    rng_seed(&r, hash2(A->seed, (uint64_t)o->idx));
    B->n = 0;
    buf_clear(&B->text);
    for (int i = 0; i < A->nf && B->n < MAX_UNITS; i++) {
        int n = B->n;
        B->off[n] = (uint32_t)B->text.len;
        B->fact[n] = (uint8_t)i;
        if (i == 0 && o->dateline) {
            Buf *dl = &g->common[3];
            buf_clear(dl);
            put_upper(dl, CITIES[A->v.city].name);
            if (o->dateline == 1) {
                buf_puts(dl, ", ");
                fmt_day_month(dl, dt_from_minutes(A->v.t0), o->us_dates);
                buf_printf(dl, " (%s)", o->name);
            }
            buf_puts(dl, " -- ");
            emit_styled(&B->text, dl->p, dl->len, o);
        }
        emit_styled(&B->text, u->p + uoff[i], ulen[i], o);
        while (A->f[i].merge && i + 1 < A->nf && mergeable_kind(A->f[i].kind) &&
               mergeable_kind(A->f[i + 1].kind) && !has_quote(u->p + uoff[i], ulen[i]) &&
               !has_quote(u->p + uoff[i + 1], ulen[i + 1]) && merge_start(u->p + uoff[i + 1], ulen[i + 1]) &&
               B->text.p[B->text.len - 1] == '.') {
            static const char *const CONNECT[] = {"; ", ", and ", ", while "};
            B->text.len--;
            buf_puts(&B->text, CONNECT[rng_below(&r, 3)]);
            size_t mark = B->text.len;
            i++;
            emit_styled(&B->text, u->p + uoff[i], ulen[i], o);
            if (B->text.p[mark] >= 'A' && B->text.p[mark] <= 'Z')
                B->text.p[mark] = (char)(B->text.p[mark] + 32);
        }
        B->len[n] = (uint32_t)(B->text.len - B->off[n]);
        B->n++;
    }

    int count = 0, target = rng_range(&r, 1, o->para_max);
    for (int j = 0; j < B->n; j++) {
        count++;
        int end;
        if (j == 0)
            end = rng_chance(&r, 0.8);
        else
            end = count >= target || (has_quote(B->text.p + B->off[j], B->len[j]) && rng_chance(&r, 0.4));
        if (j == B->n - 1)
            end = 1;
        B->para_end[j] = (uint8_t)end;
        if (end) {
            count = 0;
            target = rng_range(&r, 1, o->para_max);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Body edits: truncation, trimmed copies, lifted paragraphs                */
/* ------------------------------------------------------------------------ */

static void body_append_unit(Body *B, const char *s, size_t n, int fact, int para_end)
{
    if (B->n >= MAX_UNITS)
        return;
    B->off[B->n] = (uint32_t)B->text.len;
    buf_putn(&B->text, s, n);
    B->len[B->n] = (uint32_t)n;
    B->fact[B->n] = (uint8_t)fact;
    B->para_end[B->n] = (uint8_t)para_end;
    B->n++;
}

static const char TRUNCATED[] = "... (truncated)";

/* Keep the units of facts [0, kfacts) and mark the text as truncated. */
static void truncate_body(Body *B, int kfacts)
{
    int n = 0;
    while (n < B->n && B->fact[n] < kfacts)
        n++;
    if (n == 0)
        n = 1;
    B->n = n;
    B->para_end[n - 1] = 1;
    body_append_unit(B, TRUNCATED, strlen(TRUNCATED), 255, 1);
}

static void drop_unit(Body *B, int j)
{
    if (B->para_end[j] && j > 0)
        B->para_end[j - 1] = 1;
    for (int i = j; i + 1 < B->n; i++) {
        B->off[i] = B->off[i + 1];
        B->len[i] = B->len[i + 1];
        B->fact[i] = B->fact[i + 1];
        B->para_end[i] = B->para_end[i + 1];
    }
    B->n--;
}

/* Copies sometimes lose a sentence or two, or their last paragraph. */
static void copy_edits(Body *B, uint64_t seed)
{
    Rng r;
    rng_seed(&r, hash2(seed, 0xC0B1));
    double u = rng_unit(&r);
    if (u < 0.25 && B->n > 5) {
        int k = rng_range(&r, 1, 2);
        for (int i = 0; i < k; i++)
            drop_unit(B, rng_range(&r, 1, B->n - 1));
    } else if (u < 0.45) {
        int npara = 0, last_start = 0;
        for (int j = 0; j < B->n; j++)
            if (B->para_end[j]) {
                npara++;
                if (j + 1 < B->n)
                    last_start = j + 1;
            }
        if (npara >= 4 && last_start > 0) {
            B->n = last_start;
            B->para_end[B->n - 1] = 1;
        }
    }
}

/* Insert 1-2 consecutive paragraphs of src (not its first) into B. */
static void lift_paragraphs(Body *B, const Body *src, uint64_t seed, Buf *scratch)
{
    Rng r;
    rng_seed(&r, hash2(seed, 0x11F7));
    int pstart[MAX_UNITS], pend[MAX_UNITS], np = 0, start = 0;
    for (int j = 0; j < src->n; j++)
        if (src->para_end[j]) {
            if (start > 0 && src->fact[start] != 255) {
                pstart[np] = start;
                pend[np++] = j + 1;
            }
            start = j + 1;
        }
    if (np == 0)
        return;
    int first = (int)rng_below(&r, (uint32_t)np);
    int count = (first + 1 < np && rng_chance(&r, 0.4)) ? 2 : 1;
    int from = pstart[first], to = pend[first + count - 1];

    /* insertion point: after paragraph 1 or 2 of B */
    int want = rng_range(&r, 1, 2), seen = 0, at = B->n;
    for (int j = 0; j < B->n; j++)
        if (B->para_end[j] && ++seen == want) {
            at = j + 1;
            break;
        }
    /* rebuild B: units [0, at), lifted units, units [at, n) */
    buf_clear(scratch);
    uint32_t off[MAX_UNITS], len[MAX_UNITS];
    uint8_t fact[MAX_UNITS], pe[MAX_UNITS];
    int n = 0;
    for (int j = 0; j < B->n && n < MAX_UNITS; j++) {
        if (j == at)
            for (int k = from; k < to && n < MAX_UNITS; k++) {
                off[n] = (uint32_t)scratch->len;
                buf_putn(scratch, src->text.p + src->off[k], src->len[k]);
                len[n] = src->len[k], fact[n] = 254, pe[n++] = src->para_end[k];
            }
        if (n >= MAX_UNITS)
            break;
        off[n] = (uint32_t)scratch->len;
        buf_putn(scratch, B->text.p + B->off[j], B->len[j]);
        len[n] = B->len[j], fact[n] = B->fact[j], pe[n++] = B->para_end[j];
    }
    if (at == B->n)
        for (int k = from; k < to && n < MAX_UNITS; k++) {
            off[n] = (uint32_t)scratch->len;
            buf_putn(scratch, src->text.p + src->off[k], src->len[k]);
            len[n] = src->len[k], fact[n] = 254, pe[n++] = src->para_end[k];
        }
    buf_clear(&B->text);
    buf_putn(&B->text, scratch->p, scratch->len);
    memcpy(B->off, off, sizeof(uint32_t) * (size_t)n);
    memcpy(B->len, len, sizeof(uint32_t) * (size_t)n);
    memcpy(B->fact, fact, (size_t)n);
    memcpy(B->para_end, pe, (size_t)n);
    B->n = n;
    B->para_end[n - 1] = 1;
}

static void body_to_text(const Body *B, Buf *out)
{
    for (int j = 0; j < B->n; j++) {
        buf_putn(out, B->text.p + B->off[j], B->len[j]);
        if (j + 1 < B->n)
            buf_puts(out, B->para_end[j] ? "\n\n" : " ");
    }
}

/* ------------------------------------------------------------------------ */
/* Documents: who publishes what, when, with which furniture                */
/* ------------------------------------------------------------------------ */

static uint64_t story_seed(const Gen *g, uint32_t story) { return hash2(g->seed, 0x5703000000ULL + story); }

static uint64_t rewrite_seed(const Story *S, int k) { return hash2(S->seed, 0xAE00u + (unsigned)k); }

static uint64_t member_seed(const Story *S, int role, int k)
{
    return hash2(S->seed, 0xD0C000u + (unsigned)role * 64u + (unsigned)k);
}

static int origin_outlet(const Story *S) { return (int)(hash2(S->seed, 0x0071) % N_REGULAR_OUTLETS); }

static int member_outlet(const Story *S, int role, int k)
{
    int orig = origin_outlet(S);
    for (unsigned a = 0;; a++) {
        uint64_t h = hash2(S->seed, 0x007200u + (unsigned)role * 256u + (unsigned)k * 16u + a);
        int idx;
        if (role == R_COPY && unit_of_hash(h) < 0.5)
            idx = N_REGULAR_OUTLETS + (int)((h >> 20) % ARRAY_LEN(AGGREGATORS));
        else
            idx = (int)((h >> 20) % N_REGULAR_OUTLETS);
        if (idx != orig)
            return idx;
    }
}

/* Publication time: the origin is earliest among origin, copies and rewrites. */
static int64_t member_time(const Story *S, const StoryPlan *sp, int role, int k)
{
    double u = unit_of_hash(hash2(S->seed, 0x7173u + (unsigned)role * 64u + (unsigned)k));
    switch (role) {
    case R_COPY:
        return S->t0 + (int64_t)exp(log(5) + (log(4320) - log(5)) * u);
    case R_REWRITE:
        return S->t0 + (int64_t)exp(log(20) + (log(2880) - log(20)) * u);
    case R_REWRITE2:
        return member_time(S, sp, R_REWRITE, sp->r2_parent) + (int64_t)exp(log(30) + (log(2880) - log(30)) * u);
    case R_INDEP:
        return S->t0 - 120 + (int64_t)(u * 1560);
    case R_PARTIAL:
        return S->t0 + 60 + (int64_t)(u * 7140);
    default:
        return S->t0;
    }
}

typedef struct {
    Outlet outlet;
    int64_t time;
    const Drift *drifts;
    int nd;
    long origin_plan, parent_plan; /* -1: none */
    const char *via;               /* copies: the outlet they took the text from */
} DocInfo;

/* Replace {OUT}, {SECTION} and {Y} in a furniture line. */
static void put_furniture(Buf *b, const char *line, const Outlet *o, const char *section)
{
    for (const char *p = line; *p;) {
        if (strncmp(p, "{OUT}", 5) == 0) {
            buf_puts(b, o->name);
            p += 5;
        } else if (strncmp(p, "{SECTION}", 9) == 0) {
            buf_puts(b, section);
            p += 9;
        } else if (strncmp(p, "{Y}", 3) == 0) {
            buf_printf(b, "%d", o->founded);
            p += 3;
        } else {
            const char *q = strchr(p + 1, '{');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            buf_putn(b, p, n);
            p += n;
        }
    }
}

static void put_date_line(Buf *b, const Outlet *o, int64_t t)
{
    DateTime dt = dt_from_minutes(t);
    switch (o->datefmt) {
    case 1:
        buf_printf(b, "Published %04d-%02d-%02d %02d:%02d UTC", dt.y, dt.mon, dt.day, dt.hour, dt.min);
        break;
    case 2:
        buf_printf(b, "%d %s %d, %02d:%02d", dt.day, MONTHS[dt.mon - 1], dt.y, dt.hour, dt.min);
        break;
    case 3:
        buf_printf(b, "%s %d, %d %d:%02d %s", MONTHS[dt.mon - 1], dt.day, dt.y,
                   dt.hour % 12 ? dt.hour % 12 : 12, dt.min, dt.hour < 12 ? "a.m." : "p.m.");
        break;
    case 4: {
        DateTime up = dt_from_minutes(t + 17 + (int64_t)(o->seed % 283));
        buf_printf(b, "Updated %02d.%02d.%04d %02d:%02d", up.day, up.mon, up.y, up.hour, up.min);
        break;
    }
    default:
        buf_printf(b, "%s %d %s %d", WEEKDAYS[dt.wday], dt.day, MONTHS[dt.mon - 1], dt.y);
        break;
    }
}

/* Full article text: outlet furniture around the body. */
static void assemble_text(Gen *g, const DocInfo *di, const Body *B, const Story *S, uint64_t dseed)
{
    const Outlet *o = &di->outlet;
    const char *section = KINDS[S->kind].section;
    Buf *x = &g->text;
    buf_clear(x);
    Rng r;
    rng_seed(&r, hash2(dseed, 0xF0F0));
    if (o->nav) {
        put_furniture(x, NAV_LINES[o->nav - 1], o, section);
        buf_putc(x, '\n');
    }
    if (o->headline) {
        buf_puts(x, g->title.p);
        buf_putc(x, '\n');
    }
    if (o->byline) {
        uint64_t h = hash2(o->seed, rng_below(&r, 6));
        const char *first = FIRST_NAMES[h % ARRAY_LEN(FIRST_NAMES)];
        const char *last = LAST_NAMES[(h >> 24) % ARRAY_LEN(LAST_NAMES)];
        switch (o->byline) {
        case 1:
            buf_printf(x, "By %s %s", first, last);
            break;
        case 2:
            buf_printf(x, "By %s %s, %s correspondent", first, last, section);
            break;
        case 3:
            buf_printf(x, "%s %s | %s", first, last, o->name);
            break;
        default:
            buf_printf(x, "Written by %s %s", first, last);
            break;
        }
        buf_putc(x, '\n');
    }
    if (o->datefmt) {
        put_date_line(x, o, di->time);
        buf_putc(x, '\n');
    }
    if (x->len)
        buf_putc(x, '\n');
    body_to_text(B, x);

    buf_puts(x, "\n\n");
    size_t bottom = x->len;
    if (di->via && rng_chance(&r, 0.5))
        buf_printf(x, rng_chance(&r, 0.5) ? "This article originally appeared on %s.\n" : "Source: %s\n", di->via);
    if (o->readmore)
        buf_printf(x, "Read more: %s\n", READMORE_HEADLINES[rng_below(&r, ARRAY_LEN(READMORE_HEADLINES))]);
    if (o->share) {
        put_furniture(x, SHARE_LINES[o->share - 1], o, section);
        buf_putc(x, '\n');
    }
    if (o->newsletter) {
        put_furniture(x, NEWSLETTER_LINES[o->newsletter - 1], o, section);
        buf_putc(x, '\n');
    }
    if (o->subscribe) {
        put_furniture(x, SUBSCRIBE_LINES[o->subscribe - 1], o, section);
        buf_putc(x, '\n');
    }
    if (o->tags) {
        const char *org = S->org[0].name;
        if (strncmp(org, "the ", 4) == 0)
            org += 4;
        buf_printf(x, "Tags: %s, %s, %s\n", section, CITIES[S->city].name, org);
    }
    if (o->cookie) {
        buf_puts(x, COOKIE_LINES[o->cookie - 1]);
        buf_putc(x, '\n');
    }
    if (o->about) {
        put_furniture(x, ABOUT_LINES[o->about - 1], o, section);
        buf_putc(x, '\n');
    }
    if (o->copyright) {
        int y = dt_from_minutes(di->time).y;
        static const char *const FMT[] = {"© %d %s. All rights reserved.", "Copyright © %d %s",
                                          "(c) %d %s", "© %d %s Ltd. All rights reserved."};
        buf_printf(x, FMT[o->copyright - 1], y, o->name);
        buf_putc(x, '\n');
    }
    /* drop the trailing newline(s) */
    while (x->len > 0 && x->p[x->len - 1] == '\n')
        x->len--;
    if (x->len < bottom)
        x->len = bottom >= 2 ? bottom - 2 : 0;
    x->p[x->len] = 0;
}

/* Render document plan[pidx] into g->title and g->text. */
static void render_doc(Gen *g, uint32_t pidx, DocInfo *di)
{
    const PlanEntry *pe = &g->plan[pidx];
    const StoryPlan *sp = &g->stories[pe->story];
    Story *S = &g->story;
    build_story(story_seed(g, pe->story), sp->flags & SP_SINGLETON, S);
    Article *O = &g->art[0];
    make_origin(S, O);
    Outlet oo;
    make_outlet(g, origin_outlet(S), &oo);
    int kfacts = O->nf;
    if (sp->flags & SP_TRUNC) {
        kfacts = (int)(O->nf * (0.45 + 0.3 * unit_of_hash(hash2(S->seed, 0x7C))));
        if (kfacts < 3)
            kfacts = 3;
    }
    uint64_t dseed = member_seed(S, pe->role, pe->k);
    Body *B = &g->body[0];
    memset(di, 0, sizeof *di);
    di->origin_plan = sp->first;
    di->parent_plan = pe->role == R_COPY || pe->role == R_REWRITE ? (long)sp->first : -1;
    di->time = member_time(S, sp, pe->role, pe->k);

    switch (pe->role) {
    case R_ORIGIN:
    case R_SINGLETON:
        di->outlet = oo;
        render_article(g, O, &oo, B);
        if (sp->flags & SP_TRUNC)
            truncate_body(B, kfacts);
        render_title(g, O, &oo, &g->title);
        if (pe->role == R_SINGLETON)
            di->origin_plan = -1;
        break;
    case R_COPY:
        make_outlet(g, member_outlet(S, R_COPY, pe->k), &di->outlet);
        render_article(g, O, &oo, B);
        if (!(sp->flags & SP_TRUNC))
            copy_edits(B, dseed);
        render_title(g, O, &oo, &g->title);
        if (unit_of_hash(hash2(dseed, 0x7171)) < 0.3)
            buf_printf(&g->title, " | %s", di->outlet.name);
        di->via = oo.name;
        break;
    case R_REWRITE:
    case R_REWRITE2: {
        O->nf = kfacts;
        Article *R = &g->art[1];
        int k = pe->role == R_REWRITE ? pe->k : sp->r2_parent;
        make_rewrite(g, O, O, rewrite_seed(S, k), R);
        if (pe->role == R_REWRITE2) {
            make_rewrite(g, O, R, hash2(rewrite_seed(S, k), 0x2222), &g->art[2]);
            R = &g->art[2];
            di->parent_plan = (long)(sp->first + 1 + sp->n_copy + sp->r2_parent);
        }
        make_outlet(g, member_outlet(S, pe->role, pe->k), &di->outlet);
        render_article(g, R, &di->outlet, B);
        render_title(g, R, &di->outlet, &g->title);
        di->drifts = R->d;
        di->nd = R->nd;
        break;
    }
    default: { /* R_INDEP, R_PARTIAL */
        Article *A = &g->art[1];
        make_independent(S, dseed, pe->role == R_PARTIAL, A);
        make_outlet(g, member_outlet(S, pe->role, pe->k), &di->outlet);
        render_article(g, A, &di->outlet, B);
        render_title(g, A, &di->outlet, &g->title);
        di->origin_plan = -1;
        if (pe->role == R_PARTIAL) {
            Body *src = &g->body[1];
            if (sp->partial_src == 0) {
                render_article(g, O, &oo, src);
                if (sp->flags & SP_TRUNC)
                    truncate_body(src, kfacts);
                di->parent_plan = (long)sp->first;
            } else {
                int k = sp->partial_src - 1;
                O->nf = kfacts;
                make_rewrite(g, O, O, rewrite_seed(S, k), &g->art[2]);
                Outlet ro;
                make_outlet(g, member_outlet(S, R_REWRITE, k), &ro);
                render_article(g, &g->art[2], &ro, src);
                di->parent_plan = (long)(sp->first + 1 + sp->n_copy + (unsigned)k);
            }
            lift_paragraphs(B, src, dseed, &g->tmp);
        }
        break;
    }
    }
    assemble_text(g, di, B, S, dseed);
}

/* ------------------------------------------------------------------------ */
/* Corpus plan and output                                                   */
/* ------------------------------------------------------------------------ */

static void plan_push(Gen *g, uint32_t *count, uint32_t story, int role, int k)
{
    PlanEntry *e = &g->plan[(*count)++];
    e->story = story;
    e->role = (uint8_t)role;
    e->k = (uint8_t)k;
}

/* Decide every story's members (about 30% of documents are singletons),
 * then shuffle the output order. */
static void plan_corpus(Gen *g)
{
    uint32_t N = g->ndocs, cap = 1024, count = 0, singles = 0;
    g->plan = malloc((size_t)N * sizeof *g->plan);
    g->stories = malloc(cap * sizeof *g->stories);
    g->order = malloc((size_t)N * sizeof *g->order);
    g->idof = malloc((size_t)N * sizeof *g->idof);
    if (!g->plan || !g->stories || !g->order || !g->idof)
        die("out of memory");
    Rng r;
    rng_seed(&r, hash2(g->seed, 0x91A2));
    while (count < N) {
        uint32_t remaining = N - count;
        StoryPlan sp;
        memset(&sp, 0, sizeof sp);
        sp.first = count;
        sp.r2_parent = sp.partial_src = 0xFF;
        int nc = 0, nr = 0, r2 = -1, ni = 0, ps = -1;
        if (remaining < 2 || singles < 0.3 * (count + 1)) {
            sp.flags = SP_SINGLETON;
        } else {
            nc = rng_weighted(&r, (const int[]){30, 35, 20, 15}, 4);
            nr = rng_weighted(&r, (const int[]){25, 40, 25, 10}, 4);
            if (nc + nr == 0) {
                if (rng_chance(&r, 0.5))
                    nc = 1;
                else
                    nr = 1;
            }
            r2 = nr > 0 && rng_chance(&r, 0.3) ? (int)rng_below(&r, (uint32_t)nr) : -1;
            ni = rng_weighted(&r, (const int[]){45, 35, 20}, 3);
            if (rng_chance(&r, 0.15))
                ps = (nr > 0 && rng_chance(&r, 0.25)) ? 1 + (int)rng_below(&r, (uint32_t)nr) : 0;
            int trunc = rng_chance(&r, 0.12);
            for (;;) {
                uint32_t total = (uint32_t)(1 + nc + nr + (r2 >= 0) + ni + (ps >= 0));
                if (total <= remaining)
                    break;
                if (ps >= 0)
                    ps = -1;
                else if (ni > 0)
                    ni--;
                else if (r2 >= 0)
                    r2 = -1;
                else if (nr > (nc ? 0 : 1))
                    nr--;
                else
                    nc--;
                if (r2 >= nr)
                    r2 = -1;
                if (ps > nr)
                    ps = -1;
            }
            sp.n_copy = (uint8_t)nc;
            sp.n_rw = (uint8_t)nr;
            sp.r2_parent = (uint8_t)(r2 >= 0 ? r2 : 0xFF);
            sp.n_ind = (uint8_t)ni;
            sp.partial_src = (uint8_t)(ps >= 0 ? ps : 0xFF);
            sp.flags = (uint8_t)(trunc && nc > 0 ? SP_TRUNC : 0);
        }
        if (g->nstories == cap) {
            cap *= 2;
            g->stories = realloc(g->stories, cap * sizeof *g->stories);
            if (!g->stories)
                die("out of memory");
        }
        uint32_t story = g->nstories;
        g->stories[g->nstories++] = sp;
        if (sp.flags & SP_SINGLETON) {
            plan_push(g, &count, story, R_SINGLETON, 0);
            singles++;
            continue;
        }
        plan_push(g, &count, story, R_ORIGIN, 0);
        for (int k = 0; k < nc; k++)
            plan_push(g, &count, story, R_COPY, k);
        for (int k = 0; k < nr; k++)
            plan_push(g, &count, story, R_REWRITE, k);
        if (r2 >= 0)
            plan_push(g, &count, story, R_REWRITE2, 0);
        for (int k = 0; k < ni; k++)
            plan_push(g, &count, story, R_INDEP, k);
        if (ps >= 0)
            plan_push(g, &count, story, R_PARTIAL, 0);
    }
    for (uint32_t i = 0; i < N; i++)
        g->order[i] = i;
    Rng sr;
    rng_seed(&sr, hash2(g->seed, 0x5A0F));
    for (uint32_t i = N - 1; i > 0; i--) {
        uint32_t j = rng_below(&sr, i + 1);
        uint32_t t = g->order[i];
        g->order[i] = g->order[j];
        g->order[j] = t;
    }
    for (uint32_t pos = 0; pos < N; pos++)
        g->idof[g->order[pos]] = pos + 1;
    uint32_t digits = 1;
    for (uint32_t v = N; v >= 10; v /= 10)
        digits++;
    g->idwidth = digits < 6 ? 6 : (int)digits;
}

static void put_id(const Gen *g, Buf *b, long plan_idx)
{
    if (plan_idx < 0)
        buf_putc(b, '-');
    else
        buf_printf(b, "d%0*u", g->idwidth, g->idof[plan_idx]);
}

static void json_string(Buf *o, const char *s, size_t n)
{
    static const char HEX[] = "0123456789abcdef";
    buf_grow(o, n + 2);
    buf_putc(o, '"');
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] >= 0x20 && s[j] != '"' && s[j] != '\\')
            j++;
        buf_putn(o, s + i, j - i);
        if (j >= n)
            break;
        unsigned char c = (unsigned char)s[j];
        switch (c) {
        case '"':
            buf_puts(o, "\\\"");
            break;
        case '\\':
            buf_puts(o, "\\\\");
            break;
        case '\n':
            buf_puts(o, "\\n");
            break;
        case '\t':
            buf_puts(o, "\\t");
            break;
        case '\r':
            buf_puts(o, "\\r");
            break;
        default: {
            char e[7] = {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15], 0};
            buf_puts(o, e);
            break;
        }
        }
        i = j + 1;
    }
    buf_putc(o, '"');
}

static void flush_out(Buf *b, FILE *f)
{
    if (b->len && fwrite(b->p, 1, b->len, f) != b->len)
        die("write failed");
    buf_clear(b);
}

static FILE *open_out(const char *path)
{
    if (strcmp(path, "-") == 0)
        return stdout;
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "gencorpus: cannot open %s for writing\n", path);
        exit(1);
    }
    return f;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: gencorpus --docs N [--seed S] [--out corpus.jsonl] [--labels labels.tsv]\n"
            "                 [--drifts drifts.tsv] [--no-published-frac F]\n"
            "Writes a labelled synthetic news corpus (JSON Lines) plus label and drift TSVs.\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *out_path = "corpus.jsonl", *labels_path = "labels.tsv", *drifts_path = "drifts.tsv";
    long long ndocs = -1;
    unsigned long long seed = 1;
    double nopub = 0.3;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        char *end = NULL;
        if (strcmp(a, "--docs") == 0)
            ndocs = strtoll(v, &end, 10);
        else if (strcmp(a, "--seed") == 0)
            seed = strtoull(v, &end, 0);
        else if (strcmp(a, "--out") == 0)
            out_path = v;
        else if (strcmp(a, "--labels") == 0)
            labels_path = v;
        else if (strcmp(a, "--drifts") == 0)
            drifts_path = v;
        else if (strcmp(a, "--no-published-frac") == 0)
            nopub = strtod(v, &end);
        else
            usage();
        if (end && *end)
            usage();
    }
    if (ndocs < 1 || ndocs > 50000000LL || nopub < 0 || nopub > 1)
        usage();

    Gen *g = calloc(1, sizeof *g);
    if (!g)
        die("out of memory");
    g->seed = mix64(seed);
    g->ndocs = (uint32_t)ndocs;
    g->nopub_frac = nopub;
    syn_index(g);
    plan_corpus(g);

    FILE *fout = open_out(out_path), *flab = open_out(labels_path), *fdr = open_out(drifts_path);
    Buf lab = {0}, dr = {0}, id = {0};
    buf_puts(&lab, "id\tstory\trole\torigin\tparent\n");
    buf_puts(&dr, "doc\ttype\torigin_speaker\trewrite_speaker\tdetail\n");
    unsigned long long bytes = 0;
    for (uint32_t pos = 0; pos < g->ndocs; pos++) {
        uint32_t pidx = g->order[pos];
        const PlanEntry *pe = &g->plan[pidx];
        DocInfo di;
        render_doc(g, pidx, &di);
        buf_clear(&id);
        put_id(g, &id, (long)pidx);

        Buf *o = &g->out;
        size_t before = o->len;
        buf_printf(o, "{\"id\":\"%s\",\"title\":", id.p);
        json_string(o, g->title.p, g->title.len);
        buf_puts(o, ",\"source\":");
        json_string(o, di.outlet.name, strlen(di.outlet.name));
        if (unit_of_hash(hash2(member_seed(&g->story, pe->role, pe->k), 0x9B)) >= g->nopub_frac) {
            DateTime dt = dt_from_minutes(di.time);
            buf_printf(o, ",\"published\":\"%04d-%02d-%02dT%02d:%02d:00Z\"", dt.y, dt.mon, dt.day, dt.hour, dt.min);
        }
        buf_puts(o, ",\"text\":");
        json_string(o, g->text.p, g->text.len);
        buf_puts(o, "}\n");
        bytes += o->len - before;

        buf_printf(&lab, "%s\t%u\t%s\t", id.p, pe->story + 1, ROLE_NAMES[pe->role]);
        put_id(g, &lab, di.origin_plan);
        buf_putc(&lab, '\t');
        put_id(g, &lab, di.parent_plan);
        buf_putc(&lab, '\n');

        for (int i = 0; i < di.nd; i++) {
            const Drift *d = &di.drifts[i];
            buf_printf(&dr, "%s\t%s\t%s\t%s\t%s", id.p, DRIFT_NAMES[d->type], d->from, d->to, d->detail);
            if (d->inherited) {
                buf_puts(&dr, " [inherited from ");
                put_id(g, &dr, di.parent_plan);
                buf_putc(&dr, ']');
            }
            buf_putc(&dr, '\n');
        }
        if (o->len > (8u << 20))
            flush_out(o, fout);
        if (lab.len > (1u << 20))
            flush_out(&lab, flab);
        if (dr.len > (1u << 20))
            flush_out(&dr, fdr);
    }
    flush_out(&g->out, fout);
    flush_out(&lab, flab);
    flush_out(&dr, fdr);
    if ((fout != stdout && fclose(fout) != 0) || (flab != stdout && fclose(flab) != 0) ||
        (fdr != stdout && fclose(fdr) != 0))
        die("close failed");
    fprintf(stderr, "gencorpus: %u docs in %u stories, %.1f MB\n", g->ndocs, g->nstories, bytes / 1e6);

    buf_free(&lab);
    buf_free(&dr);
    buf_free(&id);
    for (int i = 0; i < N_SV; i++)
        buf_free(&g->sv[i]);
    for (int i = 0; i < 4; i++)
        buf_free(&g->common[i]);
    buf_free(&g->unit), buf_free(&g->title), buf_free(&g->text), buf_free(&g->tmp), buf_free(&g->out);
    buf_free(&g->body[0].text), buf_free(&g->body[1].text);
    free(g->plan), free(g->stories), free(g->order), free(g->idof);
    free(g);
    return 0;
}
