/* Civil dates as days since 1970-01-01 (proleptic Gregorian calendar). */
#ifndef ND_CALENDAR_H
#define ND_CALENDAR_H
#include <stdint.h>

/* Days from 1970-01-01 to y-m-d (Howard Hinnant's algorithm: exact for any year). */
static inline int64_t nd_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* Whether y-m-d names a day that exists. */
static inline int nd_valid_date(int y, int m, int d)
{
    static const unsigned char mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] && !(m == 2 && d == 29 && !leap);
}
#endif
