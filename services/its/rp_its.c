/* rp_its.c - the ITS filesystem and the PSA ITS 1.0 semantics. See rp_its.h and
 * docs/storage.md (layout, commit protocol, why a torn write is never mistaken).
 *
 * Physical blocks 0 and 1 are the two metadata blocks; the newer valid one is active.
 * A metadata block holds: header (written last: the commit), body (logical-block table and
 * file slots), then the data of logical block 0. Blocks 2..N-1 are data blocks; one of
 * them is the data scratch block, the others hold logical blocks 1..N-3 in any order.
 * With N == 2 there is only logical block 0 and no data scratch.
 */
#include <string.h>
#include "rp_its.h"

#define ITS_MAGIC    0x54495052u  /* "RPIT" */
#define ITS_VERSION  1u
#define HDR_WORDS    6u           /* each stored with its complement */
#define SLOT_BYTES   24u
#define CHUNK        64u          /* copy buffer; a multiple of every program unit */
#define NO_BLOCK     0xFFFFu

#define SLOT_FREE    0u
#define SLOT_LIVE    1u
#define SLOT_DOOMED  2u           /* replaced by a newer slot; removed at the next commit */

#define WEAR_PERIOD  8u           /* one static block move every this many commits */

#define ITS_FLAGS (PSA_STORAGE_FLAG_WRITE_ONCE | PSA_STORAGE_FLAG_NO_CONFIDENTIALITY | \
                   PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION)

/* ---- small helpers ---------------------------------------------------------------- */

static uint32_t align_up(uint32_t x, uint32_t unit)
{
    return (x + unit - 1u) & ~(unit - 1u);
}

/* CRC-32 (IEEE, reflected, polynomial 0xEDB88320) four bits at a time: tab[i] is the CRC
 * of nibble i. Metadata is not secret, so the table index may depend on it. */
static uint32_t crc32_update(uint32_t crc, const uint8_t *p, uint32_t n)
{
    static const uint32_t tab[16] = {
        0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
        0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
        0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu,
    };
    uint32_t i;
    for (i = 0; i < n; i++) {
        crc ^= p[i];
        crc = (crc >> 4) ^ tab[crc & 15u];
        crc = (crc >> 4) ^ tab[crc & 15u];
    }
    return crc;
}

static void put_le(uint8_t *p, uint64_t v, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8u * i));
}

static uint64_t get_le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    while (n-- > 0)
        v = (v << 8) | p[n];
    return v;
}

static uint32_t block_addr(const struct rp_its *fs, uint32_t phys)
{
    return (fs->cfg.first_sector + phys * fs->cfg.sectors_per_block) *
           fs->cfg.flash->sector_size;
}

static uint32_t lb_start(const struct rp_its *fs, uint32_t lb)
{
    return lb == 0 ? fs->lb0_start : 0u;
}

static uint32_t lb_capacity(const struct rp_its *fs, uint32_t lb)
{
    return fs->block_size - lb_start(fs, lb);
}

static int flash_read(const struct rp_its *fs, uint32_t addr, void *buf, uint32_t len)
{
    const struct rp_flash *f = fs->cfg.flash;
    return f->read(f->ctx, addr, buf, len);
}

static int erase_block(const struct rp_its *fs, uint32_t phys)
{
    const struct rp_flash *f = fs->cfg.flash;
    uint32_t first = fs->cfg.first_sector + phys * fs->cfg.sectors_per_block, i;
    for (i = 0; i < fs->cfg.sectors_per_block; i++)
        if (f->erase(f->ctx, first + i) != RP_FLASH_OK)
            return -1;
    return 0;
}

/* Bytes a file occupies in its block. */
static uint32_t footprint(const struct rp_its *fs, uint32_t size)
{
    return align_up(size, fs->cfg.flash->program_unit);
}

/* Free bytes of logical block lb in slot table t. */
static uint32_t lb_free(const struct rp_its *fs, const struct rp_its_slot *t, uint32_t lb)
{
    uint32_t used = 0, i;
    for (i = 0; i < fs->nslots; i++)
        if (t[i].state != SLOT_FREE && t[i].lb == lb)
            used += footprint(fs, t[i].size);
    return lb_capacity(fs, lb) - used;
}

/* Packs the files of lb in slot order from offset 0. */
static void relayout(struct rp_its *fs, struct rp_its_slot *t, uint32_t lb)
{
    uint32_t off = 0, i;
    for (i = 0; i < fs->nslots; i++)
        if (t[i].state != SLOT_FREE && t[i].lb == lb) {
            t[i].offset = off;
            off += footprint(fs, t[i].size);
        }
}

/* ---- streaming writer: buffers CHUNK bytes, programs whole units ---------------- */

struct writer {
    const struct rp_its *fs;
    uint32_t addr;       /* flash address of buf[0] */
    uint32_t pos;        /* bytes put since start (not counting flushed padding) */
    uint32_t fill;
    uint32_t crc;
    int crc_on;          /* fold the bytes into crc (the body only: file data needs none) */
    uint8_t buf[CHUNK];
};

static void w_start(struct writer *w, const struct rp_its *fs, uint32_t addr)
{
    w->fs = fs;
    w->addr = addr;
    w->pos = 0;
    w->fill = 0;
    w->crc = 0xFFFFFFFFu;
    w->crc_on = 1;
}

static int w_program(struct writer *w, uint32_t n)
{
    const struct rp_flash *f = w->fs->cfg.flash;
    if (f->program(f->ctx, w->addr, w->buf, n) != RP_FLASH_OK)
        return -1;
    w->addr += n;
    w->fill = 0;
    return 0;
}

/* Appends n bytes (p NULL: zeros) and folds them into the running CRC. */
static int w_put(struct writer *w, const uint8_t *p, uint32_t n)
{
    while (n > 0) {
        uint32_t k = CHUNK - w->fill;
        if (k > n)
            k = n;
        if (p != NULL)
            memcpy(w->buf + w->fill, p, k);
        else
            memset(w->buf + w->fill, 0, k);
        if (w->crc_on)
            w->crc = crc32_update(w->crc, w->buf + w->fill, k);
        w->fill += k;
        w->pos += k;
        n -= k;
        if (p != NULL)
            p += k;
        if (w->fill == CHUNK && w_program(w, CHUNK) != 0)
            return -1;
    }
    return 0;
}

/* Pads with zeros to a program-unit boundary (padding counts in pos, not in the CRC). */
static int w_align(struct writer *w)
{
    uint32_t pad = align_up(w->pos, w->fs->cfg.flash->program_unit) - w->pos;
    uint32_t crc = w->crc;
    int r = w_put(w, NULL, pad);
    w->crc = crc;
    return r;
}

static int w_flush(struct writer *w)
{
    if (w_align(w) != 0)
        return -1;
    return w->fill ? w_program(w, w->fill) : 0;
}

/* ---- metadata encoding ------------------------------------------------------------- */

static void slot_encode(uint8_t p[SLOT_BYTES], const struct rp_its_slot *s)
{
    put_le(p, s->uid, 8);
    put_le(p + 8, (uint32_t)s->client_id, 4);
    put_le(p + 12, s->size, 4);
    put_le(p + 16, s->offset, 4);
    put_le(p + 20, s->flags, 2);
    p[22] = s->lb;
    p[23] = s->state;
}

static void slot_decode(struct rp_its_slot *s, const uint8_t p[SLOT_BYTES])
{
    s->uid = get_le(p, 8);
    s->client_id = (int32_t)(uint32_t)get_le(p + 8, 4);
    s->size = (uint32_t)get_le(p + 12, 4);
    s->offset = (uint32_t)get_le(p + 16, 4);
    s->flags = (uint16_t)get_le(p + 20, 2);
    s->lb = p[22];
    s->state = p[23];
}

static void header_words(const struct rp_its *fs, uint32_t w[HDR_WORDS], uint32_t gen,
                         uint32_t crc, uint32_t scratch)
{
    w[0] = ITS_MAGIC;
    w[1] = ITS_VERSION | (fs->nslots << 8) | (fs->cfg.block_count << 20);
    w[2] = fs->block_size;
    w[3] = gen;
    w[4] = crc;
    w[5] = scratch;
}

/* Streams the body of table (t, phys) into w: logical-block table, then slots. */
static int write_body(struct writer *w, const struct rp_its *fs,
                      const struct rp_its_slot *t, const uint16_t *phys)
{
    uint8_t rec[SLOT_BYTES];
    uint32_t i;
    for (i = 0; i < fs->lb_count; i++) {
        put_le(rec, phys[i], 2);
        if (w_put(w, rec, 2) != 0)
            return -1;
    }
    if (w_put(w, NULL, align_up(2u * fs->lb_count, 4u) - 2u * fs->lb_count) != 0)
        return -1;
    for (i = 0; i < fs->nslots; i++) {
        slot_encode(rec, &t[i]);
        if (w_put(w, rec, SLOT_BYTES) != 0)
            return -1;
    }
    return 0;
}

/* ---- commit ------------------------------------------------------------------------ */

/* Writes the files of logical block lb, as laid out in fs->next, through w. The data of
 * slot src comes from data; every other file is copied from its place in fs->cur. */
static int write_lb(struct writer *w, const struct rp_its *fs, uint32_t lb, int src,
                    const uint8_t *data)
{
    uint8_t tmp[CHUNK];
    uint32_t i, done;
    w->crc_on = 0;
    for (i = 0; i < fs->nslots; i++) {
        const struct rp_its_slot *n = &fs->next[i], *c = &fs->cur[i];
        if (n->state == SLOT_FREE || n->lb != lb)
            continue;
        if (n->offset != w->pos)
            return -1;
        if ((int)i == src) {
            if (w_put(w, data, n->size) != 0)
                return -1;
        } else {
            uint32_t from = block_addr(fs, fs->cur_phys[c->lb]) + lb_start(fs, c->lb) +
                            c->offset;
            for (done = 0; done < n->size; done += CHUNK) {
                uint32_t k = n->size - done < CHUNK ? n->size - done : CHUNK;
                if (flash_read(fs, from + done, tmp, k) != RP_FLASH_OK ||
                    w_put(w, tmp, k) != 0)
                    return -1;
            }
        }
        if (w_align(w) != 0)
            return -1;
    }
    return w_flush(w);
}

/* Writes the new metadata block meta: body, logical block 0, then the header. The header
 * is one program operation and the commit point. */
static int write_meta(struct rp_its *fs, uint32_t meta, uint32_t scratch, int src,
                      const uint8_t *data)
{
    struct writer w;
    uint32_t words[HDR_WORDS], crc, i;
    uint8_t hdr[2u * HDR_WORDS * 4u + RP_ITS_MAX_PROGRAM_UNIT];
    uint32_t base = block_addr(fs, meta);
    const struct rp_flash *f = fs->cfg.flash;

    if (erase_block(fs, meta) != 0)
        return -1;
    w_start(&w, fs, base + fs->hdr_size);
    if (write_body(&w, fs, fs->next, fs->next_phys) != 0)
        return -1;
    crc = ~w.crc;
    if (w_flush(&w) != 0)
        return -1;
    w_start(&w, fs, base + fs->lb0_start);
    if (write_lb(&w, fs, 0, src, data) != 0)
        return -1;
    header_words(fs, words, fs->gen + 1u, crc, scratch);
    memset(hdr, 0, sizeof(hdr));
    for (i = 0; i < HDR_WORDS; i++) {
        put_le(hdr + 4u * i, words[i], 4);
        put_le(hdr + 4u * (HDR_WORDS + i), ~words[i], 4);
    }
    return f->program(f->ctx, base, hdr, fs->hdr_size) == RP_FLASH_OK ? 0 : -1;
}

/* Makes fs->next the committed state. dirty is the logical block (other than 0) whose
 * contents change, or 0 if none does; block 0 is rewritten every time since it lives in
 * the metadata block. Offsets of dirty and of block 0 are recomputed here.
 * On a flash error the instance is marked unmounted (re-read from flash on the next call). */
static psa_status_t commit(struct rp_its *fs, uint32_t dirty, int src, const uint8_t *data)
{
    uint32_t meta = 1u - fs->active, scratch = fs->scratch;
    struct rp_its_slot *ts;
    uint16_t *tp;

    relayout(fs, fs->next, 0);
    fs->next_phys[0] = (uint16_t)meta;
    if (dirty != 0) {
        struct writer w;
        relayout(fs, fs->next, dirty);
        if (erase_block(fs, scratch) != 0)
            goto fail;
        w_start(&w, fs, block_addr(fs, scratch));
        if (write_lb(&w, fs, dirty, src, data) != 0)
            goto fail;
        fs->next_phys[dirty] = (uint16_t)scratch;
        scratch = fs->cur_phys[dirty];
    }
    if (write_meta(fs, meta, scratch, src, data) != 0)
        goto fail;
    fs->gen++;
    fs->active = meta;
    fs->scratch = scratch;
    ts = fs->cur; fs->cur = fs->next; fs->next = ts;
    tp = fs->cur_phys; fs->cur_phys = fs->next_phys; fs->next_phys = tp;
    return PSA_SUCCESS;
fail:
    fs->mounted = 0;
    return PSA_ERROR_STORAGE_FAILURE;
}

/* Starts a change: next := cur. */
static void begin(struct rp_its *fs)
{
    memcpy(fs->next, fs->cur, fs->nslots * sizeof(*fs->next));
    memcpy(fs->next_phys, fs->cur_phys, fs->lb_count * sizeof(*fs->next_phys));
}

/* Wear levelling: a block whose files never change would never rotate through the data
 * scratch, so every WEAR_PERIOD generations one logical data block (round robin) is moved
 * to the scratch block unchanged; its old block becomes the scratch. An ordinary commit,
 * so a power cut during it is harmless. Needs two or more logical data blocks. */
static psa_status_t level_wear(struct rp_its *fs)
{
    uint32_t lb;
    if (fs->lb_count < 3u || fs->gen % WEAR_PERIOD != 0)
        return PSA_SUCCESS;
    lb = 1u + (fs->gen / WEAR_PERIOD) % (fs->lb_count - 1u);
    begin(fs);
    return commit(fs, lb, -1, NULL);
}

/* ---- mount ------------------------------------------------------------------------- */

/* Checks the decoded body in fs->next against the geometry: 0 if consistent (block
 * numbers in range and distinct, every file inside its block, each block packed in slot
 * order as relayout() leaves it, so no two files overlap). */
static int body_sane(const struct rp_its *fs, uint32_t scratch)
{
    uint32_t i, j, lb;
    if (fs->cfg.block_count == 2u ? scratch != NO_BLOCK
                                  : (scratch < 2u || scratch >= fs->cfg.block_count))
        return -1;
    for (i = 1; i < fs->lb_count; i++) {
        uint32_t p = fs->next_phys[i];
        if (p < 2u || p >= fs->cfg.block_count || p == scratch)
            return -1;
        for (j = 1; j < i; j++)
            if (fs->next_phys[j] == p)
                return -1;
    }
    for (i = 0; i < fs->nslots; i++) {
        const struct rp_its_slot *s = &fs->next[i];
        if (s->state != SLOT_FREE && (s->state > SLOT_DOOMED || s->uid == 0 ||
                                      s->lb >= fs->lb_count || s->size > fs->block_size))
            return -1;
    }
    for (lb = 0; lb < fs->lb_count; lb++) {
        uint32_t off = 0;
        for (i = 0; i < fs->nslots; i++) {
            const struct rp_its_slot *s = &fs->next[i];
            if (s->state == SLOT_FREE || s->lb != lb)
                continue;
            if (s->offset != off)
                return -1;
            off += footprint(fs, s->size);
        }
        if (off > lb_capacity(fs, lb))
            return -1;
    }
    return 0;
}

/* Reads the body of metadata block meta into fs->next/next_phys. 0 if its CRC is crc,
 * 1 if not, -1 on a read error. */
static int read_body(struct rp_its *fs, uint32_t meta, uint32_t crc)
{
    uint8_t rec[SLOT_BYTES];
    uint32_t addr = block_addr(fs, meta) + fs->hdr_size, c = 0xFFFFFFFFu, i;
    uint32_t lbt = align_up(2u * fs->lb_count, 4u);
    for (i = 0; i < lbt; i += 2) {
        if (flash_read(fs, addr + i, rec, 2) != RP_FLASH_OK)
            return -1;
        c = crc32_update(c, rec, 2);
        if (i / 2 < fs->lb_count)
            fs->next_phys[i / 2] = (uint16_t)get_le(rec, 2);
    }
    addr += lbt;
    for (i = 0; i < fs->nslots; i++, addr += SLOT_BYTES) {
        if (flash_read(fs, addr, rec, SLOT_BYTES) != RP_FLASH_OK)
            return -1;
        c = crc32_update(c, rec, SLOT_BYTES);
        slot_decode(&fs->next[i], rec);
    }
    return ~c == crc ? 0 : 1;
}

/* Reads the header of metadata block meta. Returns 1 if it is a valid header of this
 * geometry (*gen, *crc, *scratch set), 0 if not a header, -1 on a read error, -2 if it is
 * an intact header of another geometry. */
static int read_header(struct rp_its *fs, uint32_t meta, uint32_t *gen, uint32_t *crc,
                       uint32_t *scratch)
{
    uint8_t hdr[2u * HDR_WORDS * 4u];
    uint32_t want[HDR_WORDS], got[HDR_WORDS], i;
    if (flash_read(fs, block_addr(fs, meta), hdr, sizeof(hdr)) != RP_FLASH_OK)
        return -1;
    for (i = 0; i < HDR_WORDS; i++) {
        got[i] = (uint32_t)get_le(hdr + 4u * i, 4);
        if (got[i] != ~(uint32_t)get_le(hdr + 4u * (HDR_WORDS + i), 4))
            return 0;   /* torn, erased or garbage: each word must match its complement */
    }
    header_words(fs, want, got[3], got[4], got[5]);
    if (got[0] != ITS_MAGIC)
        return 0;
    if (got[1] != want[1] || got[2] != want[2])
        return -2;
    *gen = got[3];
    *crc = got[4];
    *scratch = got[5];
    return 1;
}

/* Loads metadata block meta into fs->next if valid. 1 valid, 0 invalid, <0 as above. */
static int load_meta(struct rp_its *fs, uint32_t meta, uint32_t *gen, uint32_t *scratch)
{
    uint32_t crc;
    int r = read_header(fs, meta, gen, &crc, scratch);
    if (r != 1)
        return r;
    r = read_body(fs, meta, crc);
    if (r != 0)
        return r < 0 ? -1 : 0;
    return body_sane(fs, *scratch) == 0 ? 1 : 0;
}

/* Writes an empty filesystem (generation 1) to metadata block 0. */
static psa_status_t format(struct rp_its *fs)
{
    uint32_t i;
    memset(fs->cur, 0, fs->nslots * sizeof(*fs->cur));
    for (i = 1; i < fs->lb_count; i++)
        fs->cur_phys[i] = (uint16_t)(i + 1u);
    fs->cur_phys[0] = 1;
    fs->active = 1;
    fs->gen = 0;
    fs->scratch = fs->cfg.block_count == 2u ? NO_BLOCK : fs->cfg.block_count - 1u;
    begin(fs);
    return commit(fs, 0, -1, NULL);
}

/* Finishes replaces interrupted between their two commits: drops every doomed slot. */
static psa_status_t finish_doomed(struct rp_its *fs)
{
    uint32_t i;
    for (i = 0; i < fs->nslots; i++) {
        psa_status_t st;
        uint32_t lb = fs->cur[i].lb;
        if (fs->cur[i].state != SLOT_DOOMED)
            continue;
        begin(fs);
        fs->next[i].state = SLOT_FREE;
        st = commit(fs, lb, -1, NULL);
        if (st != PSA_SUCCESS)
            return st;
    }
    return PSA_SUCCESS;
}

static psa_status_t do_mount(struct rp_its *fs)
{
    uint32_t gen[2], scr[2], m;
    int ok[2];
    for (m = 0; m < 2; m++) {
        ok[m] = load_meta(fs, m, &gen[m], &scr[m]);
        if (ok[m] == -1)
            return PSA_ERROR_STORAGE_FAILURE;
    }
    if (ok[0] != 1 && ok[1] != 1) {
        if (ok[0] == -2 || ok[1] == -2)
            return PSA_ERROR_STORAGE_FAILURE;
        fs->mounted = 1;
        return format(fs);
    }
    /* the newer generation wins (serial-number order, so the counter may wrap) */
    m = (ok[0] == 1 && (ok[1] != 1 || (int32_t)(gen[0] - gen[1]) > 0)) ? 0u : 1u;
    if (load_meta(fs, m, &gen[m], &scr[m]) != 1)
        return PSA_ERROR_STORAGE_FAILURE;
    memcpy(fs->cur, fs->next, fs->nslots * sizeof(*fs->cur));
    memcpy(fs->cur_phys, fs->next_phys, fs->lb_count * sizeof(*fs->cur_phys));
    fs->cur_phys[0] = (uint16_t)m;
    fs->active = m;
    fs->gen = gen[m];
    fs->scratch = scr[m];
    fs->mounted = 1;
    return finish_doomed(fs);
}

/* 0 if cfg describes a usable area; also derives the sizes kept in fs. */
static int config_check(struct rp_its *fs, const struct rp_its_config *c)
{
    const struct rp_flash *f = c->flash;
    uint32_t unit, cap;
    if (f == NULL || f->read == NULL || f->program == NULL || f->erase == NULL ||
        c->slot_ram == NULL || c->block_ram == NULL)
        return -1;
    if (c->max_files > 250 || c->block_count > 255 ||
        c->slot_ram_count < RP_ITS_SLOT_RAM(c->max_files) ||
        c->block_ram_count < RP_ITS_BLOCK_RAM(c->block_count))
        return -1;
    unit = f->program_unit;
    if (unit == 0 || unit > RP_ITS_MAX_PROGRAM_UNIT || (unit & (unit - 1u)) != 0 ||
        f->sector_size == 0 || f->sector_size % unit != 0 || c->sectors_per_block == 0 ||
        c->block_count < 2 || c->block_count == 3 || c->max_files == 0 ||
        c->max_asset_size == 0)
        return -1;
    if (f->sector_count < c->first_sector ||
        (f->sector_count - c->first_sector) / c->sectors_per_block < c->block_count ||
        f->sector_size > UINT32_MAX / c->sectors_per_block / 256u)
        return -1;
    fs->block_size = f->sector_size * c->sectors_per_block;
    fs->nslots = c->max_files + 1u;
    fs->lb_count = c->block_count == 2u ? 1u : c->block_count - 2u;
    fs->hdr_size = align_up(2u * HDR_WORDS * 4u, unit);
    fs->body_size = align_up(2u * fs->lb_count, 4u) + SLOT_BYTES * fs->nslots;
    fs->lb0_start = align_up(fs->hdr_size + fs->body_size, unit);
    if (fs->lb0_start >= fs->block_size)
        return -1;
    cap = fs->lb_count > 1u ? fs->block_size : fs->block_size - fs->lb0_start;
    return align_up(c->max_asset_size, unit) <= cap ? 0 : -1;
}

psa_status_t rp_its_mount(struct rp_its *fs, const struct rp_its_config *cfg)
{
    if (fs == NULL || cfg == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    memset(fs, 0, sizeof(*fs));
    if (config_check(fs, cfg) != 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    fs->cfg = *cfg;
    fs->cur = cfg->slot_ram;
    fs->next = cfg->slot_ram + fs->nslots;
    fs->cur_phys = cfg->block_ram;
    fs->next_phys = cfg->block_ram + cfg->block_count;
    return do_mount(fs);
}

static psa_status_t ensure_mounted(struct rp_its *fs)
{
    if (fs == NULL || fs->cur == NULL)
        return PSA_ERROR_BAD_STATE;
    return fs->mounted ? PSA_SUCCESS : do_mount(fs);
}

/* ---- PSA ITS semantics ------------------------------------------------------------- */

static int find(const struct rp_its *fs, int32_t client_id, uint64_t uid)
{
    uint32_t i;
    for (i = 0; i < fs->nslots; i++)
        if (fs->cur[i].state == SLOT_LIVE && fs->cur[i].uid == uid &&
            fs->cur[i].client_id == client_id)
            return (int)i;
    return -1;
}

static int free_slot(const struct rp_its *fs)
{
    uint32_t i;
    for (i = 0; i < fs->nslots; i++)
        if (fs->cur[i].state == SLOT_FREE)
            return (int)i;
    return -1;
}

/* The logical block (not skip) with the most free space if it has need bytes, else -1. */
static int pick_block(const struct rp_its *fs, uint32_t need, int skip)
{
    uint32_t lb, best_free = 0;
    int best = -1;
    for (lb = 0; lb < fs->lb_count; lb++) {
        uint32_t fr = lb_free(fs, fs->cur, lb);
        if ((int)lb != skip && fr >= need && (best < 0 || fr > best_free)) {
            best = (int)lb;
            best_free = fr;
        }
    }
    return best;
}

/* Replace slot r (in block a) by a new file in slot s of another block b. If either block
 * is logical block 0 (rewritten with every commit) one commit does it; otherwise the first
 * commit adds the new file and dooms the old one, the second drops the old one. */
static psa_status_t replace_moving(struct rp_its *fs, int r, int s, uint32_t b,
                                   const struct rp_its_slot *nf, const uint8_t *data)
{
    uint32_t a = fs->cur[r].lb;
    psa_status_t st;
    begin(fs);
    fs->next[s] = *nf;
    fs->next[s].lb = (uint8_t)b;
    if (a == 0 || b == 0) {
        fs->next[r].state = SLOT_FREE;
        return commit(fs, a == 0 ? b : a, s, data);
    }
    fs->next[r].state = SLOT_DOOMED;
    st = commit(fs, b, s, data);
    if (st != PSA_SUCCESS)
        return st;
    begin(fs);
    fs->next[r].state = SLOT_FREE;
    return commit(fs, a, -1, NULL);
}

/* Validated set: creates or replaces (see rp_its_set). */
static psa_status_t set_file(struct rp_its *fs, int r, const struct rp_its_slot *nf,
                             const uint8_t *data)
{
    uint32_t need = footprint(fs, nf->size);
    int s, b;
    if (r >= 0) {
        uint32_t a = fs->cur[r].lb;
        if (lb_free(fs, fs->cur, a) + footprint(fs, fs->cur[r].size) >= need) {
            begin(fs);
            fs->next[r] = *nf;
            fs->next[r].lb = (uint8_t)a;
            return commit(fs, a, r, data);
        }
        b = pick_block(fs, need, (int)a);
        s = free_slot(fs);
        if (b < 0 || s < 0)
            return PSA_ERROR_INSUFFICIENT_STORAGE;
        return replace_moving(fs, r, s, (uint32_t)b, nf, data);
    }
    if (rp_its_file_count(fs) >= fs->cfg.max_files)
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    b = pick_block(fs, need, -1);
    s = free_slot(fs);
    if (b < 0 || s < 0)
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    begin(fs);
    fs->next[s] = *nf;
    fs->next[s].lb = (uint8_t)b;
    return commit(fs, (uint32_t)b, s, data);
}

psa_status_t rp_its_set(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid,
                        size_t len, const void *data, psa_storage_create_flags_t flags)
{
    struct rp_its_slot nf;
    psa_status_t st;
    int r;
    if (uid == 0 || (len != 0 && data == NULL))
        return PSA_ERROR_INVALID_ARGUMENT;
    if ((flags & ~(psa_storage_create_flags_t)ITS_FLAGS) != 0)
        return PSA_ERROR_NOT_SUPPORTED;
    if (fs == NULL || fs->cur == NULL)
        return PSA_ERROR_BAD_STATE;
    if (len > fs->cfg.max_asset_size)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = ensure_mounted(fs);
    if (st != PSA_SUCCESS)
        return st;
    r = find(fs, client_id, uid);
    if (r >= 0 && (fs->cur[r].flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0)
        return PSA_ERROR_NOT_PERMITTED;
    st = level_wear(fs);
    if (st != PSA_SUCCESS)
        return st;
    memset(&nf, 0, sizeof(nf));
    nf.uid = uid;
    nf.client_id = client_id;
    nf.size = (uint32_t)len;
    nf.flags = (uint16_t)flags;
    nf.state = SLOT_LIVE;
    return set_file(fs, r, &nf, (const uint8_t *)data);
}

/* Finds (client_id, uid) for the read-only calls: slot index, or a negative PSA status. */
static int lookup(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid)
{
    psa_status_t st;
    int r;
    if (uid == 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = ensure_mounted(fs);
    if (st != PSA_SUCCESS)
        return st;
    r = find(fs, client_id, uid);
    return r >= 0 ? r : PSA_ERROR_DOES_NOT_EXIST;
}

psa_status_t rp_its_get(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid,
                        size_t offset, size_t len, void *buf, size_t *out_len)
{
    const struct rp_its_slot *s;
    uint32_t n;
    int r;
    if (out_len == NULL || (len != 0 && buf == NULL))
        return PSA_ERROR_INVALID_ARGUMENT;
    r = lookup(fs, client_id, uid);
    if (r < 0)
        return r;
    s = &fs->cur[r];
    if (offset > s->size)
        return PSA_ERROR_INVALID_ARGUMENT;
    n = s->size - (uint32_t)offset;
    if (len < n)
        n = (uint32_t)len;
    if (n != 0 && flash_read(fs, block_addr(fs, fs->cur_phys[s->lb]) + lb_start(fs, s->lb) +
                                     s->offset + (uint32_t)offset, buf, n) != RP_FLASH_OK)
        return PSA_ERROR_STORAGE_FAILURE;
    *out_len = n;
    return PSA_SUCCESS;
}

psa_status_t rp_its_get_info(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid,
                             struct psa_storage_info_t *info)
{
    int r;
    if (info == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    r = lookup(fs, client_id, uid);
    if (r < 0)
        return r;
    info->capacity = fs->cur[r].size;
    info->size = fs->cur[r].size;
    info->flags = fs->cur[r].flags;
    return PSA_SUCCESS;
}

psa_status_t rp_its_remove(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid)
{
    uint32_t lb;
    int r = lookup(fs, client_id, uid);
    if (r < 0)
        return r;
    if ((fs->cur[r].flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0)
        return PSA_ERROR_NOT_PERMITTED;
    if (level_wear(fs) != PSA_SUCCESS)
        return PSA_ERROR_STORAGE_FAILURE;
    lb = fs->cur[r].lb;
    begin(fs);
    fs->next[r].state = SLOT_FREE;
    return commit(fs, lb, -1, NULL);
}

uint32_t rp_its_file_count(struct rp_its *fs)
{
    uint32_t i, n = 0;
    if (ensure_mounted(fs) != PSA_SUCCESS)
        return 0;
    for (i = 0; i < fs->nslots; i++)
        n += fs->cur[i].state == SLOT_LIVE;
    return n;
}

uint32_t rp_its_largest_free(struct rp_its *fs)
{
    uint32_t lb, best = 0;
    if (ensure_mounted(fs) != PSA_SUCCESS)
        return 0;
    for (lb = 0; lb < fs->lb_count; lb++)
        if (lb_free(fs, fs->cur, lb) > best)
            best = lb_free(fs, fs->cur, lb);
    return best;
}
