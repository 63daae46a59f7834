/* rp_sha2.c - SHA-1, SHA-224/256, SHA-384/512 (FIPS 180-4) and the generic hash layer.
 * Contract in rp_sha2.h. Straight-line rounds over 32/64-bit words; no data-dependent
 * branches or indices. */
#include <string.h>
#include "rp_sha2.h"
#include "rp_ct.h"
#include "rp_sym_util.h"

/* Compresses n consecutive blocks into state (n >= 1). */
typedef void (*block_fn)(void *state, const uint8_t *blocks, size_t n);

#define ld32be rp_ld32be
#define st32be rp_st32be

RP_INLINE uint64_t ld64be(const uint8_t *p)
{
    return (uint64_t)ld32be(p) << 32 | ld32be(p + 4);
}

static void st64be(uint8_t *p, uint64_t v)
{
    st32be(p, (uint32_t)(v >> 32));
    st32be(p + 4, (uint32_t)v);
}

RP_INLINE uint32_t ror32(uint32_t x, unsigned n) { return x >> n | x << (32 - n); }
RP_INLINE uint64_t ror64(uint64_t x, unsigned n) { return x >> n | x << (64 - n); }

/* Buffers input into bsize-byte blocks and runs blk on the full ones (all whole blocks of
 * the input in one call). buf holds (*len % bsize) pending bytes on entry and exit. */
static void absorb(void *st, block_fn blk, uint8_t *buf, size_t bsize, uint64_t *len,
                   const uint8_t *in, size_t n)
{
    size_t have = (size_t)*len & (bsize - 1);   /* bsize: 64 or 128 */

    if (n == 0)
        return;
    *len += n;
    if (have) {
        size_t take = bsize - have < n ? bsize - have : n;
        memcpy(buf + have, in, take);
        in += take; n -= take; have += take;
        if (have < bsize)
            return;
        blk(st, buf, 1);
    }
    if (n >= bsize)
        blk(st, in, n / bsize);
    in += n & ~(bsize - 1);
    n &= bsize - 1;
    if (n)
        memcpy(buf, in, n);
}

/* FIPS 180-4 5.1: append 0x80, zeros, and the big-endian bit length in lbytes (8 or 16)
 * bytes, processing the last one or two blocks. */
static void pad(void *st, block_fn blk, uint8_t *buf, size_t bsize, uint64_t len, size_t lbytes)
{
    size_t have = (size_t)len & (bsize - 1);

    buf[have++] = 0x80;
    if (have > bsize - lbytes) {
        memset(buf + have, 0, bsize - have);
        blk(st, buf, 1);
        have = 0;
    }
    memset(buf + have, 0, bsize - have);
    st64be(buf + bsize - 8, len << 3);
    if (lbytes == 16)
        buf[bsize - 9] = (uint8_t)(len >> 61);
    blk(st, buf, 1);
}

/* ---------------- constants (FIPS 180-4 4.2, 5.3) ----------------
 * SHA-256's round constants and initial value are the upper 32 bits of SHA-512's (the same
 * cube and square roots, fewer bits), and SHA-224's initial value is the lower 32 bits of
 * SHA-384's, so only the 64-bit tables are stored. */
static const uint64_t K512[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};
static const uint64_t H512[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};
static const uint64_t H384[8] = {
    0xcbbb9d5dc1059ed8ull, 0x629a292a367cd507ull, 0x9159015a3070dd17ull, 0x152fecd8f70e5939ull,
    0x67332667ffc00b31ull, 0x8eb44a8768581511ull, 0xdb0c2e0d64f98fa7ull, 0x47b5481dbefa4fa4ull,
};

/* ---------------- SHA-256 ---------------- */

/* SHA-256 functions (FIPS 180-4 4.1.2), in forms that map to few Thumb-2 instructions. */
#define S256_0(x) ror32((x) ^ ror32((x) ^ ror32((x), 9), 11), 2)
#define S256_1(x) ror32((x) ^ ror32((x) ^ ror32((x), 14), 5), 6)
#define S256_s0(x) (ror32((x), 7) ^ ror32((x), 18) ^ ((x) >> 3))
#define S256_s1(x) (ror32((x), 17) ^ ror32((x), 19) ^ ((x) >> 10))
#define CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))

#define HI(x) ((uint32_t)((x) >> 32))

/* One round; the caller rotates the roles of a..h instead of moving the values. */
#define R256(a, b, c, d, e, f, g, h, k, wt)                                        \
    do {                                                                           \
        h += S256_1(e) + CH(e, f, g) + (k) + (wt);                                 \
        d += h;                                                                    \
        h += S256_0(a) + MAJ(a, b, c);                                             \
    } while (0)

#if defined(RP_SHA2_SMALL)
/* RP_SHA2_SMALL (BL2, which must fit 8 KiB with P-256; boot/bl2/bl2.cmake): the smallest
 * compression, one round per loop pass over a 16-word circular schedule, with SHA-256's
 * own 64 constants (FIPS 180-4 4.2.2: the high halves of K512's first 64, so SHA-512's
 * 640-byte table is not linked in). About 60 % slower than the unrolled one. */
static const uint32_t K256[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u,
    0x923f82a4u, 0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u,
    0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u,
    0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u,
    0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u,
    0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au,
    0x5b9cca4fu, 0x682e6ff3u, 0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u,
    0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

static void sha256_blocks(void *state, const uint8_t *p, size_t n)
{
    uint32_t *st = (uint32_t *)state;
    uint32_t w[64], a, b, c, d, e, f, g, h, t1, t2;
    unsigned t;

    for (; n; n--, p += 64) {
        for (t = 0; t < 64; t++)
            w[t] = t < 16 ? ld32be(p + 4 * t) :
                   S256_s1(w[t - 2]) + w[t - 7] + S256_s0(w[t - 15]) + w[t - 16];
        a = st[0]; b = st[1]; c = st[2]; d = st[3]; e = st[4]; f = st[5]; g = st[6]; h = st[7];
        for (t = 0; t < 64; t++) {
            t1 = h + S256_1(e) + CH(e, f, g) + K256[t] + w[t];
            t2 = S256_0(a) + MAJ(a, b, c);
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        st[0] += a; st[1] += b; st[2] += c; st[3] += d;
        st[4] += e; st[5] += f; st[6] += g; st[7] += h;
    }
    rp_wipe(w, sizeof w);
}
#elif defined(RP_SYM_T2)
/* Cortex-M33 builds (crypto/sym.cmake): the compression in Thumb-2 assembly
 * (rp_sha256_m33.S, the same algorithm as the C below, which is the reference). */
void rp_sha256_blocks_t2(uint32_t st[8], const uint8_t *p, size_t n, uint32_t w[64],
                         const uint64_t *k512);

static void sha256_blocks(void *state, const uint8_t *p, size_t n)
{
    uint32_t w[64];

    rp_sha256_blocks_t2((uint32_t *)state, p, n, w, K512); /* and wipes w */
}
#else
/* FIPS 180-4 6.2.2: compression of n 64-byte blocks into h[8]. The whole schedule is
 * expanded first (pointer walk, no index masks), then eight rounds per loop pass so the
 * working variables never move. The schedule is wiped once, after the last block. */
static void sha256_blocks(void *state, const uint8_t *p, size_t n)
{
    uint32_t *st = (uint32_t *)state;
    uint32_t w[64], a, b, c, d, e, f, g, h, w1, w2;
    const uint64_t *k;
    uint32_t *x;

    for (; n; n--) {
        for (x = w; x < w + 16; x++, p += 4)
            *x = ld32be(p);
        for (w1 = x[-1], w2 = x[-2]; x < w + 64; x += 2) {     /* step 1, two words */
            uint32_t w15 = x[-15], w0;
            w0 = S256_s1(w2) + x[-7] + S256_s0(w15) + x[-16];
            w2 = S256_s1(w1) + x[-6] + S256_s0(x[-14]) + w15;
            x[0] = w0;
            x[1] = w2;
            w1 = w2;
            w2 = w0;
        }
        a = st[0]; b = st[1]; c = st[2]; d = st[3]; e = st[4]; f = st[5]; g = st[6]; h = st[7];
        for (x = w, k = K512; x < w + 64; x += 8, k += 8) {
            R256(a, b, c, d, e, f, g, h, HI(k[0]), x[0]);
            R256(h, a, b, c, d, e, f, g, HI(k[1]), x[1]);
            R256(g, h, a, b, c, d, e, f, HI(k[2]), x[2]);
            R256(f, g, h, a, b, c, d, e, HI(k[3]), x[3]);
            R256(e, f, g, h, a, b, c, d, HI(k[4]), x[4]);
            R256(d, e, f, g, h, a, b, c, HI(k[5]), x[5]);
            R256(c, d, e, f, g, h, a, b, HI(k[6]), x[6]);
            R256(b, c, d, e, f, g, h, a, HI(k[7]), x[7]);
        }
        st[0] += a; st[1] += b; st[2] += c; st[3] += d;
        st[4] += e; st[5] += f; st[6] += g; st[7] += h;
    }
    rp_wipe(w, sizeof w);
}
#endif

/* Initial value from a 64-bit table: the upper (hi = 1) or lower halves. */
static void init256(rp_sha256_ctx *ctx, const uint64_t iv[8], int hi, uint8_t out_len)
{
    unsigned i;

    for (i = 0; i < 8; i++)
        ctx->h[i] = (uint32_t)(hi ? iv[i] >> 32 : iv[i]);
    ctx->len = 0;
    ctx->out_len = out_len;
}

void rp_sha256_init(rp_sha256_ctx *ctx)
{
#if defined(RP_SHA2_SMALL)
    /* FIPS 180-4 5.3.3 (the upper halves of H512): a 32-byte table instead of 64 */
    static const uint32_t H256[8] = { 0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
                                      0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u };
    memcpy(ctx->h, H256, sizeof H256);
    ctx->len = 0;
    ctx->out_len = 32;
#else
    init256(ctx, H512, 1, 32);
#endif
}

void rp_sha224_init(rp_sha256_ctx *ctx)
{
    init256(ctx, H384, 0, 28);
}

void rp_sha256_update(rp_sha256_ctx *ctx, const uint8_t *in, size_t n)
{
    absorb(ctx->h, sha256_blocks, ctx->buf, 64, &ctx->len, in, n);
}

void rp_sha256_final(rp_sha256_ctx *ctx, uint8_t *out)
{
    uint8_t full[32];
    unsigned i;

    pad(ctx->h, sha256_blocks, ctx->buf, 64, ctx->len, 8);
    for (i = 0; i < 8; i++)
        st32be(full + 4 * i, ctx->h[i]);
    memcpy(out, full, ctx->out_len);
    rp_wipe(full, sizeof full);
    rp_wipe(ctx, sizeof *ctx);
}

void rp_sha256(const uint8_t *in, size_t n, uint8_t out[32])
{
    rp_sha256_ctx c;
    rp_sha256_init(&c);
    rp_sha256_update(&c, in, n);
    rp_sha256_final(&c, out);
}

void rp_sha224(const uint8_t *in, size_t n, uint8_t out[28])
{
    rp_sha256_ctx c;
    rp_sha224_init(&c);
    rp_sha256_update(&c, in, n);
    rp_sha256_final(&c, out);
}

/* ---------------- SHA-512 ---------------- */

/* FIPS 180-4 6.4.2: compression of n 128-byte blocks into h[8]. The working variables
 * stay in place in v[8]; round t reads a..h at a rotating offset instead of moving them. */
static void sha512_blocks(void *state, const uint8_t *p, size_t n)
{
    uint64_t *h = (uint64_t *)state;
    uint64_t w[16], v[8], t1, x, y;
    unsigned t, o;

    for (; n; n--, p += 128) {
        for (t = 0; t < 16; t++)
            w[t] = ld64be(p + 8 * t);
        memcpy(v, h, sizeof v);
        for (t = 0; t < 80; t++) {
            o = (8 - (t & 7)) & 7;                  /* a = v[o], b = v[o + 1], ... */
            if (t >= 16) {
                x = w[(t + 1) & 15];
                y = w[(t + 14) & 15];
                w[t & 15] += (ror64(x, 1) ^ ror64(x, 8) ^ (x >> 7)) + w[(t + 9) & 15]
                           + (ror64(y, 19) ^ ror64(y, 61) ^ (y >> 6));
            }
            x = v[(o + 4) & 7];                     /* e */
            t1 = v[(o + 7) & 7] + (ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41))
               + CH(x, v[(o + 5) & 7], v[(o + 6) & 7]) + K512[t] + w[t & 15];
            v[(o + 3) & 7] += t1;                   /* e' = d + T1 */
            x = v[o];                               /* a */
            v[(o + 7) & 7] = t1 + (ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39))
                           + MAJ(x, v[(o + 1) & 7], v[(o + 2) & 7]);   /* a' = T1 + T2 */
        }
        for (t = 0; t < 8; t++)
            h[t] += v[t];
    }
    rp_wipe(w, sizeof w);
    rp_wipe(v, sizeof v);
}

void rp_sha512_init(rp_sha512_ctx *ctx)
{
    memcpy(ctx->h, H512, sizeof ctx->h);
    ctx->len = 0;
    ctx->out_len = 64;
}

void rp_sha384_init(rp_sha512_ctx *ctx)
{
    memcpy(ctx->h, H384, sizeof ctx->h);
    ctx->len = 0;
    ctx->out_len = 48;
}

void rp_sha512_update(rp_sha512_ctx *ctx, const uint8_t *in, size_t n)
{
    absorb(ctx->h, sha512_blocks, ctx->buf, 128, &ctx->len, in, n);
}

void rp_sha512_final(rp_sha512_ctx *ctx, uint8_t *out)
{
    uint8_t full[64];
    unsigned i;

    pad(ctx->h, sha512_blocks, ctx->buf, 128, ctx->len, 16);
    for (i = 0; i < 8; i++)
        st64be(full + 8 * i, ctx->h[i]);
    memcpy(out, full, ctx->out_len);
    rp_wipe(full, sizeof full);
    rp_wipe(ctx, sizeof *ctx);
}

void rp_sha512(const uint8_t *in, size_t n, uint8_t out[64])
{
    rp_sha512_ctx c;
    rp_sha512_init(&c);
    rp_sha512_update(&c, in, n);
    rp_sha512_final(&c, out);
}

void rp_sha384(const uint8_t *in, size_t n, uint8_t out[48])
{
    rp_sha512_ctx c;
    rp_sha384_init(&c);
    rp_sha512_update(&c, in, n);
    rp_sha512_final(&c, out);
}

/* ---------------- SHA-1 (weak; legacy verification) ---------------- */
static uint32_t rol32(uint32_t x, unsigned n) { return x << n | x >> (32 - n); }

/* FIPS 180-4 6.1.2: one compression of a 64-byte block into h[5]. */
static void sha1_block(void *state, const uint8_t *p)
{
    uint32_t *h = (uint32_t *)state;
    uint32_t w[16], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f, k, t;
    unsigned i;

    for (i = 0; i < 16; i++)
        w[i] = ld32be(p + 4 * i);
    for (i = 0; i < 80; i++) {
        if (i >= 16)
            w[i & 15] = rol32(w[(i + 13) & 15] ^ w[(i + 8) & 15] ^ w[(i + 2) & 15]
                              ^ w[i & 15], 1);
        if (i < 20) {
            f = (b & c) | (~b & d); k = 0x5a827999u;
        } else if (i < 40) {
            f = b ^ c ^ d; k = 0x6ed9eba1u;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdcu;
        } else {
            f = b ^ c ^ d; k = 0xca62c1d6u;
        }
        t = rol32(a, 5) + f + e + k + w[i & 15];
        e = d; d = c; c = rol32(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
    rp_wipe(w, sizeof w);
}

static void sha1_blocks(void *state, const uint8_t *p, size_t n)
{
    for (; n; n--, p += 64)
        sha1_block(state, p);
}

void rp_sha1_init(rp_sha1_ctx *ctx)
{
    static const uint32_t iv[5] = {
        0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u
    };
    memcpy(ctx->h, iv, sizeof iv);
    ctx->len = 0;
}

void rp_sha1_update(rp_sha1_ctx *ctx, const uint8_t *in, size_t n)
{
    absorb(ctx->h, sha1_blocks, ctx->buf, 64, &ctx->len, in, n);
}

void rp_sha1_final(rp_sha1_ctx *ctx, uint8_t out[20])
{
    unsigned i;

    pad(ctx->h, sha1_blocks, ctx->buf, 64, ctx->len, 8);
    for (i = 0; i < 5; i++)
        st32be(out + 4 * i, ctx->h[i]);
    rp_wipe(ctx, sizeof *ctx);
}

/* ---------------- generic layer ---------------- */
size_t rp_hash_size(rp_hash_id id)
{
    switch (id) {
    case RP_HASH_SHA1:   return 20;
    case RP_HASH_SHA224: return 28;
    case RP_HASH_SHA256: return 32;
    case RP_HASH_SHA384: return 48;
    case RP_HASH_SHA512: return 64;
    }
    return 0;
}

size_t rp_hash_block_size(rp_hash_id id)
{
    switch (id) {
    case RP_HASH_SHA1: case RP_HASH_SHA224: case RP_HASH_SHA256: return 64;
    case RP_HASH_SHA384: case RP_HASH_SHA512: return 128;
    }
    return 0;
}

int rp_hash_init(rp_hash_ctx *ctx, rp_hash_id id)
{
    ctx->id = id;
    switch (id) {
    case RP_HASH_SHA1:   rp_sha1_init(&ctx->u.sha1); return 0;
    case RP_HASH_SHA224: rp_sha224_init(&ctx->u.sha256); return 0;
    case RP_HASH_SHA256: rp_sha256_init(&ctx->u.sha256); return 0;
    case RP_HASH_SHA384: rp_sha384_init(&ctx->u.sha512); return 0;
    case RP_HASH_SHA512: rp_sha512_init(&ctx->u.sha512); return 0;
    }
    return -1;
}

void rp_hash_update(rp_hash_ctx *ctx, const uint8_t *in, size_t n)
{
    switch (ctx->id) {
    case RP_HASH_SHA1: rp_sha1_update(&ctx->u.sha1, in, n); break;
    case RP_HASH_SHA224: case RP_HASH_SHA256: rp_sha256_update(&ctx->u.sha256, in, n); break;
    case RP_HASH_SHA384: case RP_HASH_SHA512: rp_sha512_update(&ctx->u.sha512, in, n); break;
    }
}

void rp_hash_final(rp_hash_ctx *ctx, uint8_t *out)
{
    switch (ctx->id) {
    case RP_HASH_SHA1: rp_sha1_final(&ctx->u.sha1, out); break;
    case RP_HASH_SHA224: case RP_HASH_SHA256: rp_sha256_final(&ctx->u.sha256, out); break;
    case RP_HASH_SHA384: case RP_HASH_SHA512: rp_sha512_final(&ctx->u.sha512, out); break;
    }
}

int rp_hash(rp_hash_id id, const uint8_t *in, size_t n, uint8_t *out)
{
    rp_hash_ctx c;

    if (rp_hash_init(&c, id) != 0)
        return -1;
    rp_hash_update(&c, in, n);
    rp_hash_final(&c, out);
    return 0;
}
