/* flash_sim.c - see flash_sim.h. Host only (uses stdio for the optional file mirror). */
#include <stdio.h>
#include <string.h>
#include "flash_sim.h"

static uint32_t sim_rand(struct rp_flash_sim *s)
{
    /* xorshift64*: deterministic per seed, good enough to pick tear shapes */
    s->rng ^= s->rng >> 12;
    s->rng ^= s->rng << 25;
    s->rng ^= s->rng >> 27;
    return (uint32_t)((s->rng * 0x2545F4914F6CDD1DULL) >> 32);
}

static void sim_mirror(struct rp_flash_sim *s, uint32_t addr, uint32_t len)
{
    FILE *f = (FILE *)s->file;
    if (f == NULL)
        return;
    if (fseek(f, (long)addr, SEEK_SET) == 0 && fwrite(s->mem + addr, 1, len, f) == len)
        fflush(f);
}

/* Counts one operation. Returns 1 if it runs normally, 0 if it is the one to tear (the
 * power is then off), -1 if the power is already off. */
static int sim_begin(struct rp_flash_sim *s)
{
    if (s->powered_off)
        return -1;
    s->ops++;
    if (s->cut_at != 0 && s->ops == s->cut_at) {
        s->powered_off = 1;
        return 0;
    }
    return 1;
}

/* Moves each bit of *b that differs from target towards target with probability 1/2. */
static void sim_tear_byte(struct rp_flash_sim *s, uint8_t *b, uint8_t target)
{
    uint8_t diff = (uint8_t)(*b ^ target);
    *b = (uint8_t)(*b ^ (diff & (uint8_t)sim_rand(s)));
}

/* Applies a torn version of "set [addr, addr+len) to src (or to erased if src is NULL)":
 * shape 0: nothing; 1: a prefix of whole units; 2: a prefix plus random bits of the next
 * unit; 3: random bits everywhere; 4: all of it (power lost just after). */
static void sim_tear(struct rp_flash_sim *s, uint32_t addr, const uint8_t *src, uint32_t len,
                     uint32_t unit)
{
    uint32_t shape = sim_rand(s) % 5, units = len / unit, k = units ? sim_rand(s) % units : 0;
    uint32_t i;
    for (i = 0; i < len; i++) {
        uint8_t target = src ? src[i] : s->flash.erased_value;
        uint32_t u = i / unit;
        if (shape == 4 || ((shape == 1 || shape == 2) && u < k))
            s->mem[addr + i] = target;
        else if (shape == 3 || (shape == 2 && u == k))
            sim_tear_byte(s, &s->mem[addr + i], target);
    }
    sim_mirror(s, addr, len);
}

static int sim_read(void *ctx, uint32_t addr, void *buf, uint32_t len)
{
    struct rp_flash_sim *s = (struct rp_flash_sim *)ctx;
    if (addr > s->size || len > s->size - addr || (buf == NULL && len != 0))
        return RP_FLASH_ERR_RANGE;
    if (len != 0)
        memcpy(buf, s->mem + addr, len);
    return RP_FLASH_OK;
}

static int sim_program(void *ctx, uint32_t addr, const void *buf, uint32_t len)
{
    struct rp_flash_sim *s = (struct rp_flash_sim *)ctx;
    uint32_t unit = s->flash.program_unit, i;
    int run;
    if (addr > s->size || len > s->size - addr || addr % unit || len % unit ||
        (buf == NULL && len != 0))
        return RP_FLASH_ERR_RANGE;
    for (i = 0; i < len; i++)
        if (s->mem[addr + i] != s->flash.erased_value)
            return RP_FLASH_ERR_NOT_ERASED;
    run = sim_begin(s);
    if (run < 0)
        return RP_FLASH_ERR_IO;
    s->programs++;
    if (run == 0) {
        sim_tear(s, addr, (const uint8_t *)buf, len, unit);
        return RP_FLASH_ERR_IO;
    }
    memcpy(s->mem + addr, buf, len);
    sim_mirror(s, addr, len);
    return RP_FLASH_OK;
}

static int sim_erase(void *ctx, uint32_t sector)
{
    struct rp_flash_sim *s = (struct rp_flash_sim *)ctx;
    uint32_t size = s->flash.sector_size, addr = sector * size;
    int run;
    if (sector >= s->flash.sector_count)
        return RP_FLASH_ERR_RANGE;
    run = sim_begin(s);
    if (run < 0)
        return RP_FLASH_ERR_IO;
    s->erases++;
    if (s->wear != NULL)
        s->wear[sector]++;
    if (run == 0) {
        sim_tear(s, addr, NULL, size, 1);
        return RP_FLASH_ERR_IO;
    }
    memset(s->mem + addr, s->flash.erased_value, size);
    sim_mirror(s, addr, size);
    return RP_FLASH_OK;
}

static int sim_nv_read(void *ctx, uint32_t id, uint32_t *value)
{
    struct rp_flash_sim *s = (struct rp_flash_sim *)ctx;
    if (id >= RP_FLASH_SIM_NVC || value == NULL)
        return RP_FLASH_ERR_RANGE;
    *value = s->nv[id];
    return RP_FLASH_OK;
}

static int sim_nv_raise(void *ctx, uint32_t id, uint32_t value)
{
    struct rp_flash_sim *s = (struct rp_flash_sim *)ctx;
    int run;
    if (id >= RP_FLASH_SIM_NVC || value < s->nv[id])
        return RP_FLASH_ERR_RANGE;
    if (value == s->nv[id])
        return RP_FLASH_OK;
    run = sim_begin(s);
    if (run < 0)
        return RP_FLASH_ERR_IO;
    s->raises++;
    if (run == 0) {
        if (sim_rand(s) & 1)
            s->nv[id] = value;
        return RP_FLASH_ERR_IO;
    }
    s->nv[id] = value;
    return RP_FLASH_OK;
}

void rp_flash_sim_init(struct rp_flash_sim *s, uint8_t *mem, uint32_t sector_size,
                       uint32_t sector_count, uint32_t program_unit, uint8_t erased_value)
{
    memset(s, 0, sizeof(*s));
    s->mem = mem;
    s->size = sector_size * sector_count;
    s->flash.program_unit = program_unit;
    s->flash.sector_size = sector_size;
    s->flash.sector_count = sector_count;
    s->flash.erased_value = erased_value;
    s->flash.read = sim_read;
    s->flash.program = sim_program;
    s->flash.erase = sim_erase;
    s->flash.ctx = s;
    s->nvc.count = RP_FLASH_SIM_NVC;
    s->nvc.read = sim_nv_read;
    s->nvc.raise = sim_nv_raise;
    s->nvc.ctx = s;
    s->rng = 0x9E3779B97F4A7C15ULL;
    memset(mem, erased_value, s->size);
}

void rp_flash_sim_cut(struct rp_flash_sim *s, unsigned long at_op, uint64_t seed)
{
    s->cut_at = at_op;
    s->rng = seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL;
    if (s->rng == 0)
        s->rng = 1;
}

void rp_flash_sim_reboot(struct rp_flash_sim *s)
{
    s->powered_off = 0;
    s->cut_at = 0;
}

int rp_flash_sim_attach_file(struct rp_flash_sim *s, const char *path)
{
    FILE *f = fopen(path, "r+b");
    if (f != NULL) {
        if (fseek(f, 0, SEEK_END) == 0 && ftell(f) == (long)s->size) {
            rewind(f);
            if (fread(s->mem, 1, s->size, f) != s->size) {
                fclose(f);
                return -1;
            }
            s->file = f;
            return 0;
        }
        fclose(f);
    }
    f = fopen(path, "w+b");
    if (f == NULL)
        return -1;
    s->file = f;
    sim_mirror(s, 0, s->size);
    return 0;
}

void rp_flash_sim_detach_file(struct rp_flash_sim *s)
{
    if (s->file != NULL)
        fclose((FILE *)s->file);
    s->file = NULL;
}
