/* Host test of rp_print's formatter (through rp_snprintf, and the console sink). */
#include <limits.h>
#include <stdint.h>

#include "rp_print.h"
#include "rp_test.h"

static char console[256];
static size_t console_len;

void rp_print_putc(char c)
{
    if (console_len + 1 < sizeof console) {
        console[console_len++] = c;
    }
}

#define FMT(expect, ...)                                                       \
    do {                                                                       \
        char b_[64];                                                           \
        int n_ = rp_snprintf(b_, sizeof b_, __VA_ARGS__);                      \
        RP_CHECK(strcmp(b_, expect) == 0);                                     \
        RP_CHECK_EQ(n_, (int)strlen(expect));                                  \
    } while (0)

int main(void)
{
    FMT("plain", "plain");
    FMT("42 -7 0", "%d %i %d", 42, -7, 0);
    FMT("-2147483648", "%d", INT_MIN);
    FMT("4294967295", "%u", UINT_MAX);
    FMT("ff FF 0000abcd", "%x %X %08x", 255u, 255u, 0xabcdu);
    FMT("    12|-0012|  -12", "%6d|%05d|%5d", 12, -12, -12);
    const char *volatile null_str = NULL; /* volatile: gcc rejects a literal NULL for %s */
    FMT("x:a:(null)", "x:%c:%s", 'a', null_str);
    FMT("100%", "100%%");
    FMT("123456789012", "%lu", 123456789012ul);
    FMT("-5", "%ld", -5l);
    FMT("17", "%zu", (size_t)17);

    /* Truncation keeps the NUL and reports the full length. */
    char small[4];
    RP_CHECK_EQ(rp_snprintf(small, sizeof small, "%s", "abcdef"), 6);
    RP_CHECK(strcmp(small, "abc") == 0);
    RP_CHECK_EQ(rp_snprintf(NULL, 0, "%d", 1234), 4);

    /* The console sink sees the same characters. */
    RP_CHECK_EQ(rp_printf("v=%04x\n", 0x101u), 7);
    RP_CHECK(console_len == 7 && memcmp(console, "v=0101\n", 7) == 0);
    return rp_test_end("host.print");
}
