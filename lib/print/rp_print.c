/* rp_print.c - see rp_print.h. One formatter, two sinks (console, buffer). */
#include "rp_print.h"

#include <stdint.h>

typedef struct {
    int to_console; /* else into buf */
    char *buf;      /* may be NULL when size is 0 */
    size_t size;
    size_t len;     /* characters produced so far */
} sink_t;

static void emit(sink_t *s, char c)
{
    if (s->to_console) {
        rp_print_putc(c);
    } else if (s->len + 1 < s->size) {
        s->buf[s->len] = c;
    }
    s->len++;
}

/* Writes v in `base` (10 or 16), at least `width` digits wide, padded with `pad`. */
static void emit_uint(sink_t *s, unsigned long v, unsigned base, int upper, int width,
                      char pad, int negative)
{
    char digits[24];
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int n = 0;

    do {
        digits[n++] = set[v % base];
        v /= base;
    } while (v != 0);
    if (negative && pad == '0') {
        emit(s, '-');
    }
    for (int w = n + (negative ? 1 : 0); w < width; w++) {
        emit(s, pad);
    }
    if (negative && pad != '0') {
        emit(s, '-');
    }
    while (n > 0) {
        emit(s, digits[--n]);
    }
}

static void format(sink_t *s, const char *fmt, va_list ap)
{
    for (; *fmt != '\0'; fmt++) {
        if (*fmt != '%') {
            emit(s, *fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        int is_long = 0;
        while (*fmt == 'l' || *fmt == 'z') {
            is_long = 1;
            fmt++;
        }
        switch (*fmt) {
        case 'd':
        case 'i': {
            long v = is_long ? va_arg(ap, long) : va_arg(ap, int);
            unsigned long mag = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
            emit_uint(s, mag, 10, 0, width, pad, v < 0);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            unsigned long v = is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            emit_uint(s, v, *fmt == 'u' ? 10 : 16, *fmt == 'X', width, pad, 0);
            break;
        }
        case 'p':
            emit(s, '0');
            emit(s, 'x');
            emit_uint(s, (unsigned long)(uintptr_t)va_arg(ap, void *), 16, 0,
                      (int)(2 * sizeof(void *)), '0', 0);
            break;
        case 'c':
            emit(s, (char)va_arg(ap, int));
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            for (str = str ? str : "(null)"; *str != '\0'; str++) {
                emit(s, *str);
            }
            break;
        }
        case '\0':
            return;
        default:
            emit(s, *fmt);
            break;
        }
    }
}

int rp_vprintf(const char *fmt, va_list ap)
{
    sink_t s = { 1, NULL, 0, 0 };
    format(&s, fmt, ap);
    return (int)s.len;
}

int rp_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = rp_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int rp_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    sink_t s = { 0, buf, size, 0 };
    va_list ap;
    va_start(ap, fmt);
    format(&s, fmt, ap);
    va_end(ap);
    if (size > 0) {
        buf[s.len < size ? s.len : size - 1] = '\0';
    }
    return (int)s.len;
}
