/* bl2_main.c - BL2: verify (and upgrade) the secure and non-secure images, hand the boot
 * records to the secure image, and jump to it. Portable; the platform seam is
 * rp_bl2_platform.h. Boot flow: docs/boot.md. */
#include <stddef.h>
#include <string.h>

#include "rp_bl2_platform.h"
#include "rp_boot.h"
#include "rp_boot_data.h"

static const char *const image_name[RP_BOOT_MAX_IMAGES] = { "secure", "non-secure" };
/* RP_BOOT_UP_* words, NUL-separated (smaller than a table of pointers). */
static const char upgrade_words[] = "\0installed\0test\0permanent\0reverted\0refused";

static const char *word(const char *w, int n)
{
    while (n--) {
        while (*w++) {
        }
    }
    return w;
}

static void puts_(const char *s)
{
    while (*s) {
        rp_bl2_putc(*s++);
    }
}

static void putu(uint32_t v)
{
    char b[10];
    int n = 0;
    do {
        b[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) {
        rp_bl2_putc(b[--n]);
    }
}

static void image_prefix(uint32_t i)
{
    puts_("[BL2] image ");
    putu(i);
    puts_(" (");
    puts_(image_name[i]);
    puts_("): ");
}

/* "[BL2] image 0 (secure): verified version 0.1.0+0, security counter 1" or the reason. */
static void report(const struct rp_boot_result *res, uint32_t i)
{
    const struct rp_image_info *in = &res->info[i];
    if (res->upgrade[i]) {
        image_prefix(i);
        puts_("upgrade ");
        puts_(word(upgrade_words, res->upgrade[i]));
        if (res->upgrade[i] == RP_BOOT_UP_REFUSED) {
            puts_(" (");
            puts_(rp_image_reason(res->refused[i]));
            rp_bl2_putc(')');
        }
        puts_("\r\n");
    }
    image_prefix(i);
    if (res->status[i] != RP_IMG_OK) {
        puts_("REFUSED ");
        puts_(rp_image_reason(res->status[i]));
    } else {
        puts_("verified version ");
        putu(in->version.major);
        rp_bl2_putc('.');
        putu(in->version.minor);
        rp_bl2_putc('.');
        putu(in->version.revision);
        rp_bl2_putc('+');
        putu(in->version.build);
        puts_(", security counter ");
        putu(in->sec_cnt);
    }
    puts_("\r\n");
}

/* FORMATS.md §2: each image's boot record, its measurement (last 32 bytes) replaced by the
 * image hash, as IAS entry 0x103F / 0x107F. */
static int write_boot_data(const struct rp_boot_cfg *cfg, const struct rp_boot_result *res)
{
    uint32_t size;
    uint8_t *area = rp_bl2_shared_area(&size);
    int e = rp_boot_data_init(area, size);
    for (uint32_t i = 0; i < cfg->image_count && !e; i++) {
        const struct rp_image_info *in = &res->info[i];
        if (in->boot_record_len) {
            e = rp_boot_data_add_record(area, size, i,
                                        cfg->map + cfg->img[i].primary + in->boot_record_off,
                                        in->boot_record_len, in->hash);
        }
    }
    return e;
}

void rp_bl2_main(void) __attribute__((noreturn));
void rp_bl2_main(void)
{
    static struct rp_boot_result res;
    rp_bl2_platform_init();
    puts_("[BL2] Rampart BL2 (MCUboot 2.0)\r\n");
    const struct rp_boot_cfg *cfg = rp_bl2_boot_cfg();
    int r = rp_boot_go(cfg, &res);
    for (uint32_t i = 0; i < cfg->image_count; i++) {
        report(&res, i);
    }
    if (r != RP_BOOT_OK || write_boot_data(cfg, &res) != RP_BOOT_DATA_OK) {
        puts_("[BL2] no bootable image: halting\r\n");
        rp_bl2_exit(2);
    }
    uint32_t insns = rp_bl2_instructions();
    uint32_t vtor = (uint32_t)(uintptr_t)(cfg->map + cfg->img[0].primary + res.info[0].hdr_size);
    puts_("[BL2] boot.verify_s_ns ");
    putu(insns);
    puts_(" instructions, entering secure image\r\n");
    rp_bl2_jump(vtor);
}
