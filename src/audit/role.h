/* What a person is introduced as ("an assistant professor in information
 * systems at Emory University", "Perplexity CEO"), parsed just enough to
 * tell a lost qualifier or a different title from a paraphrase. */
#ifndef ND_ROLE_H
#define ND_ROLE_H
#include <stddef.h>
#include <stdint.h>

#define ND_ROLE_MAX_PARTS 8
#define ND_ROLE_MAX_ORG 6

/* One title of a role; "a former X employee and current PhD student" has two. */
typedef struct nd_role_part {
    uint32_t quals;                  /* bit set of qualifiers: assistant, former, principal, acting ... */
    uint16_t head;                   /* synonym group of the title noun; 0 when no known title */
    uint16_t norg;
    uint32_t org[ND_ROLE_MAX_ORG];   /* hashes of the distinctive organisation words (Emory, Microsoft) */
} nd_role_part;

typedef struct nd_role {
    nd_role_part part[ND_ROLE_MAX_PARTS];
    uint32_t n;
} nd_role;

enum { ND_ROLE_NONE = 0, ND_ROLE_TITLE, ND_ROLE_QUAL, ND_ROLE_HONORIFIC };

/* What the word w[0..n) is in a role: a title noun (professor, CEO,
 * spokesperson), a qualifier (former, assistant), an honorific (Mr, Dr), or
 * ND_ROLE_NONE.  Any case; a trailing "." is ignored. */
int nd_role_word(const char *w, size_t n);

/* Parses the role phrase s[0..n) (UTF-8); `initial`: it opens a sentence, so
 * a capital on its first word alone names no organisation ("Credit analyst
 * Jan Tran").  Returns the number of parts with a known title noun (0: not
 * a role, e.g. "a hedge fund that Liang founded"). */
uint32_t nd_role_parse(const char *s, size_t n, int initial, nd_role *out);

/* Compares a rewrite's role r with the origin's o.  0 when r restates (part
 * of) o; 1 when r drops or adds a qualifier, names another title, or another
 * organisation.  Parts of o that r leaves out are not a difference. */
int nd_role_differs(const nd_role *o, const nd_role *r);
#endif
