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
    {"confirmed", "confirmed|said|announced"},
    {"argued", "argued|stressed|maintained"},
    {"announcement", "announcement|news|decision"},
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

/* Claim building blocks.  Verbs are base forms used after a modal. */
static const char *const CLAIM_VERBS[] = {
    "hurt|harm|damage|weaken",
    "help|benefit|support|boost",
    "reduce|cut|lower|bring down",
    "increase|raise|push up|drive up",
    "threaten|endanger|jeopardise|imperil",
    "improve|strengthen|enhance|bolster",
    "delay|slow|hold back|stall",
    "protect|safeguard|shield|secure",
    "change|reshape|transform|overhaul",
    "affect|hit|impact|touch",
    "undermine|erode|weaken|damage",
    "stabilise|steady|shore up",
    "strain|stretch|overburden|put pressure on",
    "disrupt|unsettle|upset",
    "restore|rebuild|revive|repair",
    "ease the burden on|relieve the pressure on|take pressure off",
    "reassure|calm|comfort",
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

static const char *const CLAIM_OBJECTS[] = {
    "local suppliers|suppliers in the area", "small businesses|small firms",
    "the regional economy|the local economy", "thousands of families|many families",
    "public trust|public confidence", "the company's finances|the group's finances",
    "long-term investment", "patients on waiting lists|people on waiting lists",
    "commuters|daily commuters", "young workers|younger workers",
    "the housing market|the local housing market", "tax revenues|tax income",
    "the company's reputation|the firm's reputation", "competition in the sector",
    "the supply chain|supply chains", "household budgets|family budgets", "pension savers",
    "customer confidence|consumer confidence", "the recovery|the economic recovery",
    "public services|local services", "the workforce|staff morale",
    "jobs in the area|local jobs", "rural communities|communities in rural areas",
    "exports|export markets", "the environment", "safety standards",
    "prices for consumers|consumer prices", "the town centre|the city centre",
    "future growth", "research funding", "hospital capacity|capacity at hospitals",
    "emergency services", "schools in the area|local schools",
    "the region's image|the reputation of the region", "union members|our members",
    "shareholders|investors", "older residents|elderly residents", "the energy transition",
    "wages|pay levels", "working conditions|conditions for workers",
    "the tourism sector|tourism", "farmers in the region|local farmers",
    "the city's budget|the municipal budget", "innovation", "data protection|privacy",
    "small shareholders", "traffic in the city centre|city-centre traffic", "air quality",
    "water supplies|the water supply", "the property market", "future generations",
    "consumer choice|choice for consumers", "legal certainty", "the public finances",
    "bus and rail services|public transport", "trust in the institutions",
    "the local community|the community",
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

/* Hedges.  Direct/present form and past (reported speech) form. */
enum { H_NONE, H_ADV, H_MODAL, H_POSS, H_THINK };
static const char *const HEDGE_NAMES[] = {"", "probably", "may", "it is possible that", "I think"};

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

static const char *const PRESSURES[] = {
    "a sharp rise in energy costs", "weak demand|sluggish demand", "a shortage of skilled workers",
    "tighter regulation|stricter regulation", "the rising cost of raw materials",
    "a slowdown in consumer spending", "growing competition from abroad",
    "the rise in interest rates", "falling public funding|shrinking public funding",
    "persistent inflation|stubborn inflation", "a wave of cyberattacks",
    "ageing infrastructure", "extreme weather", "political uncertainty",
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
      {"the annual savings the company expects|the expected annual savings", "", NUM_MONEY, 1e7, 9e8},
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
      {"the cost savings expected from the deal|the expected cost savings", "", NUM_MONEY, 5e6, 5e8}}},
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
      "New limits on {EO} unveiled", "{^COUNTRY} moves to regulate {EO}",
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
     {{"the damages awarded|the compensation awarded", "", NUM_MONEY, 5e4, 9e7},
      {"the number of claimants|the number of people who brought the case", "claimants", NUM_COUNT, 3, 4000},
      {"the length of the proceedings|the time the case took", "years", NUM_COUNT, 1, 9},
      {"the legal costs|the cost of the proceedings", "", NUM_MONEY, 1e5, 9e6}}},
    {"Science", OT_UNIVERSITY, OT_HEALTH, 0, 0, EOS(EO_STUDY), "",
     "published a study linking {EO}|released research on the link between {EO}|presented findings on the link between {EO}",
     "a study linking {EO}|research on the link between {EO}|findings on the link between {EO}",
     "study|research project", "the study's methodology|the methodology of the study",
     "researchers|scientists in the field", "the study|the findings|the research",
     {"Study links {EO}", "{^ORG} researchers find link between {EO}", "New research on {EO}",
      "Scientists in {PLACE} study {EO}", "Link between {EO} examined"},
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
     {"{^ORG} recalls {N0} of {EO}", "{^EO} recalled over safety fears", "{^ORG} pulls {EO} from shops",
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
    "{^ORG} {EVP}, {ORGS} [confirmed] {DAY}.",
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
    BG_COUNT
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
     "The sector has been [hit] by {PRESSURE} [recently].",
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
    {"{^ORGS} [expected] to [publish] [further] [details] {WHEN}.",
     "Further details {are expected|are due} {WHEN}.",
     "More details will be {published|released} {WHEN}, {ORGS} said.",
     "{^ORGS} {said it would|has promised to} [publish] [further] [details] {WHEN}."},
    {"A meeting with {STAKE} [scheduled] for {DATE2}.",
     "{^ORGS} [meet] {STAKE} on {DATE2}.",
     "{^STAKE} [meet_pl] {ORGS} on {DATE2}.",
     "[talks] with {STAKE} {are scheduled|are planned} for {DATE2}."},
    {"Shares in {ORG} {MOVE} {PCTV} after the announcement.",
     "{^ORG} shares {MOVE} {PCTV} [following] the announcement.",
     "The share price of {ORG} {MOVE} {PCTV} after the news.",
     "Investors [reacted] [quickly], sending {ORG} shares {MOVED} {PCTV}."},
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

