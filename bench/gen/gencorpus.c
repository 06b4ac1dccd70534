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
 * facts, and 7-9 named people with roles, each with claims (subject, verb,
 * object, optional hedge).  Articles are *rendered* from facts with
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

static void buf_putc(Buf *b, char c) { buf_putn(b, &c, 1); }

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

