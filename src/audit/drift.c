#include "newsdup.h"

nd_status nd_audit(nd_corpus *c, nd_result *r, nd_error *err)
{
    (void)c;
    (void)err;
    r->audited = 1;
    return ND_OK;
}
