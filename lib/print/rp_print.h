/* rp_print.h - a small formatted printer for consoles without a C library's stdio.
 *
 * Formats: %s %c %d %i %u %x %X %p %%, with an optional '0' flag and width (e.g. %08x),
 * and the 'l' / 'z' length modifiers (long, size_t; use <inttypes.h>'s PRIx32 for uint32_t).
 * Output goes through rp_print_putc(), which the image provides (its console). */
#ifndef RP_PRINT_H
#define RP_PRINT_H

#include <stdarg.h>
#include <stddef.h>

void rp_print_putc(char c);

/* Formats into the console; returns the number of characters written. */
int rp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int rp_vprintf(const char *fmt, va_list ap);

/* Formats into buf (always NUL-terminated when size > 0); returns the length the full
 * output would have had, as snprintf does. */
int rp_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
