/* Site furniture: lines that belong to the web page, not to the article. */
#ifndef ND_BOILERPLATE_H
#define ND_BOILERPLATE_H
#include <stddef.h>

/* 1 when the line s[0..n) (no newline) is navigation, a share/subscribe
 * prompt, a rating widget, a copyright notice or a similar page element.
 * Long lines are never boilerplate: an article paragraph can start with a
 * menu item ("Skip to Content The AI community is ..."). */
int nd_line_is_boilerplate(const char *s, size_t n);
#endif
