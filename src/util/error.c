#include "error.h"

#include <stdarg.h>
#include <stdio.h>

nd_status nd_fail(nd_error *err, nd_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}
