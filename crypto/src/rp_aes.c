/* rp_aes.c - the AES block cipher (FIPS 197), bitsliced and fixsliced, constant time.
 *
 * State representation: two 16-byte blocks are held as eight 32-bit "bit planes" q[0..7].
 * Plane q[i] holds bit i of every byte; byte (row r, column c) of block b sits at bit
 * 8*r + 2*c + b. So a row is one byte lane: MixColumns' "row r+1 of the same column" is a
 * 32-bit rotation by 8 (free on Thumb-2, folded into the XOR's operand), and ShiftRows
 * would be a rotation inside each byte lane.
 *
 * Fixslicing (A. Adomnicai, T. Peyrin, "Fixslicing AES-like ciphers", TCHES 2021/1):
 * ShiftRows is never applied. After j rounds the state is SR^-j of the true state, so
 * round j uses MixColumns conjugated by SR^(j mod 4) (mix_m below: its row rotations gain
 * a rotation inside bytes for j mod 4 != 0), round key j is stored as SR^-j(K_j), and the
 * last round applies SR^(Nr mod 4) once. Decryption runs the same representation
 * backwards.
 *
 * SubBytes is the Boyar-Peralta 113-gate circuit (J. Boyar, R. Peralta, "A new
 * combinational logic minimization technique with applications to cryptology", SEA 2010)
 * evaluated on all 32 bytes at once: no table, no secret-dependent branch or index
 * anywhere. Contract in rp_aes.h. */
#include <stddef.h>
#include <string.h>
#include "rp_aes.h"
#include "rp_ct.h"
#include "rp_sym_util.h"

#define rotr rp_ror32

/* Swap the bits of a selected by (m << n) with the bits of b selected by m. */
#define SWAPMOVE(a, b, m, n)                        \
    do {                                            \
        uint32_t t_ = (((a) >> (n)) ^ (b)) & (m);   \
        (b) ^= t_;                                  \
        (a) ^= t_ << (n);                           \
    } while (0)

/* 8x8 bit transpose inside every byte lane across q[0..7] (an involution): turns eight
 * little-endian column words (q[2c+b] = column c of block b, byte r = row r) into bit
 * planes and back. */
static void ortho(uint32_t q[8])
{
    uint32_t q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];   /* in registers throughout */
    uint32_t q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];

    SWAPMOVE(q0, q1, 0x55555555u, 1); SWAPMOVE(q2, q3, 0x55555555u, 1);
    SWAPMOVE(q4, q5, 0x55555555u, 1); SWAPMOVE(q6, q7, 0x55555555u, 1);
    SWAPMOVE(q0, q2, 0x33333333u, 2); SWAPMOVE(q1, q3, 0x33333333u, 2);
    SWAPMOVE(q4, q6, 0x33333333u, 2); SWAPMOVE(q5, q7, 0x33333333u, 2);
    SWAPMOVE(q0, q4, 0x0f0f0f0fu, 4); SWAPMOVE(q1, q5, 0x0f0f0f0fu, 4);
    SWAPMOVE(q2, q6, 0x0f0f0f0fu, 4); SWAPMOVE(q3, q7, 0x0f0f0f0fu, 4);
    q[0] = q0; q[1] = q1; q[2] = q2; q[3] = q3;
    q[4] = q4; q[5] = q5; q[6] = q6; q[7] = q7;
}

/* Column words q[2c+b] = bytes 4c..4c+3 of block b, then transposed into bit planes. */
static void load2(uint32_t q[8], const uint8_t *b0, const uint8_t *b1)
{
    unsigned c;

    for (c = 0; c < 4; c++) {
        q[2 * c] = rp_ld32le(b0 + 4 * c);
        q[2 * c + 1] = rp_ld32le(b1 + 4 * c);
    }
    ortho(q);
}

static void store2(uint32_t q[8], uint8_t *b0, uint8_t *b1)
{
    unsigned c;

    ortho(q);
    for (c = 0; c < 4; c++) {
        rp_st32le(b0 + 4 * c, q[2 * c]);
        rp_st32le(b1 + 4 * c, q[2 * c + 1]);
    }
}

/* SubBytes on all 32 bytes: the Boyar-Peralta circuit. U0 is the most significant bit.
 * The one assembly seam of the symmetric code: with RP_SYM_T2 (set by crypto/sym.cmake
 * for Arm builds, which also add rp_aes_sbox_m33.S) the rounds call rp_aes_sbox_t2, the
 * same circuit scheduled and register-allocated for Thumb-2 by
 * tests/crypto/bench/aes_sbox_gen.py from this function. This C stays the reference: the
 * host tests run it, tests/crypto/t2_check.sh checks the assembly on QEMU. */
#ifdef RP_SYM_T2
void rp_aes_sbox_t2(uint32_t q[8]);
void rp_aes_mix_t2(uint32_t q[8], const uint32_t k[8], unsigned m);
void rp_aes_enc2_t2(const rp_aes_ctx *ctx, const uint8_t *in0, const uint8_t *in1,
                    uint8_t *out0, uint8_t *out1);
/* the assembly reads sk[] at offset 0 and rounds at offset 480 */
typedef char rp_aes_ctx_layout[offsetof(rp_aes_ctx, rounds) == 480 ? 1 : -1];
#define sbox rp_aes_sbox_t2
#else
static void sbox(uint32_t q[8])
{
    uint32_t u0 = q[7], u1 = q[6], u2 = q[5], u3 = q[4];
    uint32_t u4 = q[3], u5 = q[2], u6 = q[1], u7 = q[0];
    uint32_t t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16;
    uint32_t t17, t18, t19, t20, t21, t22, t23, t24, t25, t26, t27;
    uint32_t m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16;
    uint32_t m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31;
    uint32_t m32, m33, m34, m35, m36, m37, m38, m39, m40, m41, m42, m43, m44, m45, m46;
    uint32_t m47, m48, m49, m50, m51, m52, m53, m54, m55, m56, m57, m58, m59, m60, m61;
    uint32_t m62, m63;
    uint32_t l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14, l15;
    uint32_t l16, l17, l18, l19, l20, l21, l22, l23, l24, l25, l26, l27, l28, l29;

    /* top linear layer */
    t1 = u0 ^ u3;   t2 = u0 ^ u5;   t3 = u0 ^ u6;   t4 = u3 ^ u5;
    t5 = u4 ^ u6;   t6 = t1 ^ t5;   t7 = u1 ^ u2;   t8 = u7 ^ t6;
    t9 = u7 ^ t7;   t10 = t6 ^ t7;  t11 = u1 ^ u5;  t12 = u2 ^ u5;
    t13 = t3 ^ t4;  t14 = t6 ^ t11; t15 = t5 ^ t11; t16 = t5 ^ t12;
    t17 = t9 ^ t16; t18 = u3 ^ u7;  t19 = t7 ^ t18; t20 = t1 ^ t19;
    t21 = u6 ^ u7;  t22 = t7 ^ t21; t23 = t2 ^ t22; t24 = t2 ^ t10;
    t25 = t20 ^ t17; t26 = t3 ^ t16; t27 = t1 ^ t12;

    /* shared non-linear middle: inversion in GF(2^8) via GF(2^4) */
    m1 = t13 & t6;   m2 = t23 & t8;   m3 = t14 ^ m1;   m4 = t19 & u7;
    m5 = m4 ^ m1;    m6 = t3 & t16;   m7 = t22 & t9;   m8 = t26 ^ m6;
    m9 = t20 & t17;  m10 = m9 ^ m6;   m11 = t1 & t15;  m12 = t4 & t27;
    m13 = m12 ^ m11; m14 = t2 & t10;  m15 = m14 ^ m11; m16 = m3 ^ m2;
    m17 = m5 ^ t24;  m18 = m8 ^ m7;   m19 = m10 ^ m15; m20 = m16 ^ m13;
    m21 = m17 ^ m15; m22 = m18 ^ m13; m23 = m19 ^ t25; m24 = m22 ^ m23;
    m25 = m22 & m20; m26 = m21 ^ m25; m27 = m20 ^ m21; m28 = m23 ^ m25;
    m29 = m28 & m27; m30 = m26 & m24; m31 = m20 & m23; m32 = m27 & m31;
    m33 = m27 ^ m25; m34 = m21 & m22; m35 = m24 & m34; m36 = m24 ^ m25;
    m37 = m21 ^ m29; m38 = m32 ^ m33; m39 = m23 ^ m30; m40 = m35 ^ m36;
    m41 = m38 ^ m40; m42 = m37 ^ m39; m43 = m37 ^ m38; m44 = m39 ^ m40;
    m45 = m42 ^ m41; m46 = m44 & t6;  m47 = m40 & t8;  m48 = m39 & u7;
    m49 = m43 & t16; m50 = m38 & t9;  m51 = m37 & t17; m52 = m42 & t15;
    m53 = m45 & t27; m54 = m41 & t10; m55 = m44 & t13; m56 = m40 & t23;
    m57 = m39 & t19; m58 = m43 & t3;  m59 = m38 & t22; m60 = m37 & t20;
    m61 = m42 & t1;  m62 = m45 & t4;  m63 = m41 & t2;

    /* bottom linear layer (with the affine constant folded in as NOTs) */
    l0 = m61 ^ m62;  l1 = m50 ^ m56;  l2 = m46 ^ m48;  l3 = m47 ^ m55;
    l4 = m54 ^ m58;  l5 = m49 ^ m61;  l6 = m62 ^ l5;   l7 = m46 ^ l3;
    l8 = m51 ^ m59;  l9 = m52 ^ m53;  l10 = m53 ^ l4;  l11 = m60 ^ l2;
    l12 = m48 ^ m51; l13 = m50 ^ l0;  l14 = m52 ^ m61; l15 = m55 ^ l1;
    l16 = m56 ^ l0;  l17 = m57 ^ l1;  l18 = m58 ^ l8;  l19 = m63 ^ l4;
    l20 = l0 ^ l1;   l21 = l1 ^ l7;   l22 = l3 ^ l12;  l23 = l18 ^ l2;
    l24 = l15 ^ l9;  l25 = l6 ^ l10;  l26 = l7 ^ l9;   l27 = l8 ^ l10;
    l28 = l11 ^ l14; l29 = l11 ^ l17;

    q[7] = l6 ^ l24;
    q[6] = ~(l16 ^ l26);
    q[5] = ~(l19 ^ l28);
    q[4] = l6 ^ l21;
    q[3] = l20 ^ l22;
    q[2] = l25 ^ l29;
    q[1] = ~(l13 ^ l27);
    q[0] = ~(l6 ^ l23);
}
#endif

/* The inverse of the AES affine map on bit planes (FIPS 197 5.3.2), then XOR with k (a
 * round key, or zeros): b'_i = b_{i+2} ^ b_{i+5} ^ b_{i+7} ^ (bit i of
 * 0x05). Since S(x) = A(x^-1), InvSubBytes = A^-1 o S o A^-1. */
static void inv_affine(uint32_t q[8], const uint32_t k[8])
{
    uint32_t a0 = q[0], a1 = q[1], a2 = q[2], a3 = q[3];
    uint32_t a4 = q[4], a5 = q[5], a6 = q[6], a7 = q[7];

    q[0] = ~(a2 ^ a5 ^ a7) ^ k[0];
    q[1] = a3 ^ a6 ^ a0 ^ k[1];
    q[2] = ~(a4 ^ a7 ^ a1) ^ k[2];
    q[3] = a5 ^ a0 ^ a2 ^ k[3];
    q[4] = a6 ^ a1 ^ a3 ^ k[4];
    q[5] = a7 ^ a2 ^ a4 ^ k[5];
    q[6] = a0 ^ a3 ^ a5 ^ k[6];
    q[7] = a1 ^ a4 ^ a6 ^ k[7];
}

static const uint32_t zero_key[8];

/* With RP_SYM_T2 the encryption rounds run the S-box without its affine constant 0x63
 * (NOTs of planes 0, 1, 5, 6) and round keys 1..Nr carry it instead: ShiftRows and
 * MixColumns map an all-0x63 state to itself (2 ^ 3 ^ 1 ^ 1 = 1). sbox_const adds or
 * removes it (decryption removes it after each such key); a no-op in the portable C. */
#ifdef RP_SYM_T2
static void sbox_const(uint32_t q[8])
{
    q[0] = ~q[0]; q[1] = ~q[1]; q[5] = ~q[5]; q[6] = ~q[6];
}
#else
#define sbox_const(q) ((void)(q))
#endif

/* Rotate every byte right by k bits (k = 2, 4, 6): column c <- column c + k/2 in every
 * row (columns are 2-bit groups, one bit per block). */
#define BROT(x, k) ((((x) >> (k)) & (0x01010101u * (0xffu >> (k)))) \
                  | (((x) << (8 - (k))) & (0x01010101u * ((0xffu << (8 - (k))) & 0xffu))))

/* Row r <- row r+1 (R1) and row r+2 (R2), each shifted by m (resp. 2m) columns: the row
 * maps of MixColumns conjugated by ShiftRows^m, m = 0..3. Rotating every byte of
 * rotr(x, s) right by k gives rotr(x, s+k-8) with the low 8-k bits of each byte taken
 * from rotr(x, s+k) instead: a masked XOR of the two, whose difference is
 * rotr(x ^ rotr(x, 8), s+k-8) (three Thumb-2 instructions, rotations as operands). */
#define BROT_ROTR(x, s, k)                                                         \
    (rotr(x, (s) + (k) - 8)                                                        \
     ^ (rotr((x) ^ rotr(x, 8), (s) + (k) - 8) & (0x01010101u * (0xffu >> (k)))))
#define R1_0(x) rotr(x, 8)
#define R2_0(x) rotr(x, 16)
#define R1_1(x) BROT_ROTR(x, 8, 2)
#define R2_1(x) BROT_ROTR(x, 16, 4)
#define R1_2(x) BROT_ROTR(x, 8, 4)
#define R2_2(x) rotr(x, 16)
#define R1_3(x) BROT_ROTR(x, 8, 6)
#define R2_3(x) BROT_ROTR(x, 16, 4)

/* MixColumns (conjugated): out[r] = 2(a[r] ^ a[r+1]) ^ a[r+1] ^ a[r+2] ^ a[r+3]. With
 * t = a ^ R1(a), plane i of the result is xtime(t)_i ^ R1(a)_i ^ R2(t_i); xtime shifts
 * planes up by one and folds t_7 into planes 0, 1, 3, 4 (x^8 = x^4 + x^3 + x + 1). One
 * pass over the planes keeps only t_7 and t_(i-1) live. k is XORed in (AddRoundKey). */
#define MC_PLANE(i, fold, R1, R2)                                                  \
    do {                                                                           \
        uint32_t a_ = q[i], r_ = R1(a_), t_ = a_ ^ r_;                             \
        q[i] = prev ^ (fold) ^ r_ ^ R2(t_) ^ k[i];                                 \
        prev = t_;                                                                 \
    } while (0)
#define MC_ALL(R1, R2)                                                             \
    do {                                                                           \
        uint32_t t7 = q[7] ^ R1(q[7]), prev = t7;                                  \
        MC_PLANE(0, 0, R1, R2);  MC_PLANE(1, t7, R1, R2); MC_PLANE(2, 0, R1, R2);  \
        MC_PLANE(3, t7, R1, R2); MC_PLANE(4, t7, R1, R2); MC_PLANE(5, 0, R1, R2);  \
        MC_PLANE(6, 0, R1, R2);  MC_PLANE(7, 0, R1, R2);                           \
    } while (0)

#ifdef RP_SYM_T2
#define mix_m(q, k, m) rp_aes_mix_t2(q, k, (m) & 3)
#else
/* q = MixColumns_m(q) ^ k, where MixColumns_m = SR^-m o MixColumns o SR^m (m = 0..3; the
 * round number mod 4, public). One function per m: merged, GCC hoists the four variants'
 * common rotations out of the switch and spills them. */
#define MIX_FN(m)                                                                  \
    static void mix##m(uint32_t q[8], const uint32_t k[8])                         \
    {                                                                              \
        MC_ALL(R1_##m, R2_##m);                                                    \
    }
MIX_FN(0)
MIX_FN(1)
MIX_FN(2)
MIX_FN(3)

static void (*const mix_fn[4])(uint32_t q[8], const uint32_t k[8]) = { mix0, mix1, mix2, mix3 };

static void mix_m(uint32_t q[8], const uint32_t k[8], unsigned m)
{
    mix_fn[m & 3](q, k);
}
#endif

/* InvMixColumns_m = MixColumns_m o (a[r] ^= 4(a[r] ^ a[r+2])) (the circulant 05 00 04 00,
 * conjugated the same way); 4t on planes shifts them up by two, folding t_6 and t_7. */
static void inv_mix_m(uint32_t q[8], unsigned m)
{
    uint32_t t[8];
    unsigned i;

    for (i = 0; i < 8; i++)
        t[i] = q[i] ^ (m & 1 ? R2_1(q[i]) : R2_0(q[i]));
    q[0] ^= t[6];
    q[1] ^= t[7] ^ t[6];
    q[2] ^= t[0] ^ t[7];
    q[3] ^= t[1] ^ t[6];
    q[4] ^= t[2] ^ t[7] ^ t[6];
    q[5] ^= t[3] ^ t[7];
    q[6] ^= t[4];
    q[7] ^= t[5];
    mix_m(q, zero_key, m);
    rp_wipe(t, sizeof t);
}

/* q = ShiftRows^2(q) ^ k when lanes = 0x0f000f00 (rows 1 and 3 move by two columns: a
 * nibble swap in their byte lanes, done as x ^ d ^ (d << 4) with d the XOR of the two
 * nibbles; SR^2 is its own inverse), q ^= k when lanes = 0. */
static void shift_rows2_ark(uint32_t q[8], const uint32_t *k, uint32_t lanes)
{
    unsigned i;

    for (i = 0; i < 8; i++) {
        uint32_t d = (q[i] ^ (q[i] >> 4)) & lanes;
        q[i] ^= d ^ (d << 4) ^ k[i];
    }
}

RP_INLINE void add_round_key(uint32_t q[8], const uint32_t *k)
{
    q[0] ^= k[0]; q[1] ^= k[1]; q[2] ^= k[2]; q[3] ^= k[3];
    q[4] ^= k[4]; q[5] ^= k[5]; q[6] ^= k[6]; q[7] ^= k[7];
}

/* SubWord of FIPS 197 5.2 through the bitsliced S-box (the four bytes of lane word 0). */
static uint32_t sub_word(uint32_t w)
{
    uint32_t q[8] = { 0 };

    q[0] = w;
    ortho(q);
    sbox(q);
    ortho(q);
    w = q[0];
    rp_wipe(q, sizeof q);
    return w;
}

/* FIPS 197 5.2 KeyExpansion on 32-bit words (little-endian columns), then each round key
 * into planes. Used for AES-192, whose 6-word steps straddle round keys; AES-128/256 take
 * the bitsliced path below. */
static void expand_words(rp_aes_ctx *ctx, const uint8_t *key, unsigned nk)
{
    uint32_t w[52], q[8];
    uint8_t kb[16];
    unsigned nw = 4 * (ctx->rounds + 1), i, c, rcon = 1;

    for (i = 0; i < nk; i++)
        w[i] = rp_ld32le(key + 4 * i);
    for (i = nk; i < nw; i++) {
        uint32_t t = w[i - 1];
        if (i % nk == 0) {
            t = sub_word(rotr(t, 8)) ^ rcon;
            rcon = (rcon << 1) ^ (0x11bu & (0u - (rcon >> 7)));
        }
        w[i] = w[i - nk] ^ t;
    }
    for (i = 0; i < nw; i += 4) {
        for (c = 0; c < 4; c++)
            rp_st32le(kb + 4 * c, w[i + c]);
        load2(q, kb, kb);                       /* the same round key in both block slots */
        memcpy(ctx->sk + 2 * i, q, sizeof q);
    }
    rp_wipe(w, sizeof w);
    rp_wipe(q, sizeof q);
    rp_wipe(kb, sizeof kb);
}

/* One 4-word step of the key expansion, entirely on planes (rows are byte lanes, columns
 * 2-bit groups in them): dst (the round key four words back) becomes the next round key,
 * given src (the round key just before it): t = SubWord(RotWord?(column 3 of src)) ^ rcon
 * in column 0, then every column is the XOR of dst's columns up to it and t (a prefix XOR
 * inside each byte lane). */
static void expand_step(uint32_t dst[8], const uint32_t src[8], uint32_t rcon, int rot)
{
    uint32_t sb[8], t;
    unsigned i;

    memcpy(sb, src, sizeof sb);
    sbox(sb);
    for (i = 0; i < 8; i++) {
        t = (sb[i] >> 6) & 0x03030303u;               /* column 3 -> column 0 */
        if (rot)
            t = rotr(t, 8);                           /* RotWord: row r <- row r + 1 */
        t ^= 3u & (0u - (rcon >> i & 1));             /* rcon in row 0, both blocks */
        t ^= dst[i];
        t ^= (t << 2) & 0xfcfcfcfcu;
        dst[i] = t ^ ((t << 4) & 0xf0f0f0f0u);
    }
    rp_wipe(sb, sizeof sb);
}

/* Rotate the byte lanes selected by mask left by 2 (LANE_ROTL2) or 4 (LANE_ROTL4) bits. */
#define LANE_ROTL2(x, mask) ((x) ^ (((x) ^ BROT(x, 6)) & (mask)))
#define LANE_ROTL4(x, mask) ((x) ^ (((x) ^ BROT(x, 4)) & (mask)))

/* k = SR^-m(k) (m = j mod 4 for round key j, public; setkey only): row r moves right by
 * m*r columns, i.e. byte lane r rotates left by 2*m*r bits (mod 8), built from lane
 * rotations by 2 and 4. */
static void twist(uint32_t k[8], unsigned m)
{
    unsigned i;

    for (i = 0; i < 8; i++) {
        uint32_t x = k[i];
        if (m == 1)                     /* lanes 1, 2, 3 by 2, 4, 6 */
            x = LANE_ROTL4(LANE_ROTL2(x, 0xff00ff00u), 0xffff0000u);
        else if (m == 2)                /* lanes 1, 3 by 4 */
            x = LANE_ROTL4(x, 0xff00ff00u);
        else if (m == 3)                /* lanes 1, 2, 3 by 6, 4, 2 */
            x = LANE_ROTL2(LANE_ROTL4(x, 0x00ffff00u), 0xff00ff00u);
        k[i] = x;
    }
}

/* Round keys in planes; key j (0 < j < Nr) stored as SR^-j(K_j) for the fixsliced rounds
 * (K_Nr meets the state after the final ShiftRows^(Nr mod 4), so it stays as it is). */
int rp_aes_setkey(rp_aes_ctx *ctx, const uint8_t *key, size_t key_len)
{
    uint32_t *sk = ctx->sk, rcon = 1;
    unsigned r, nk;

    if (key_len != 16 && key_len != 24 && key_len != 32)
        return -1;
    nk = (unsigned)key_len / 4;
    ctx->rounds = nk + 6;
    if (nk == 6) {
        expand_words(ctx, key, nk);
    } else {
        load2(sk, key, key);                        /* round key 0 (and 1 for AES-256) */
        if (nk == 8)
            load2(sk + 8, key + 16, key + 16);
        for (r = nk / 4; r <= ctx->rounds; r++) {
            uint32_t *dst = sk + 8 * r;
            int full = nk == 4 || r % 2 == 0;       /* AES-256 odd steps: SubWord only */
            memcpy(dst, dst - 8 * (nk / 4), 32);
            expand_step(dst, dst - 8, full ? rcon : 0, full);
            if (full)
                rcon = (rcon << 1) ^ (0x11bu & (0u - (rcon >> 7)));
        }
    }
    for (r = 1; r < ctx->rounds; r++)
        twist(sk + 8 * r, r & 3);
#ifdef RP_SYM_T2
    for (r = 1; r <= ctx->rounds; r++)
        sbox_const(sk + 8 * r);
#endif
    return 0;
}

#ifndef RP_SYM_T2
static void encrypt_planes(const rp_aes_ctx *ctx, uint32_t q[8])
{
    unsigned r;

    add_round_key(q, ctx->sk);
    for (r = 1; r < ctx->rounds; r++) {
        sbox(q);
        mix_m(q, ctx->sk + 8 * r, r & 3);
    }
    sbox(q);
    /* SR^(Nr mod 4): SR^2 for 10 and 14 rounds, nothing for 12 */
    shift_rows2_ark(q, ctx->sk + 8 * ctx->rounds, (ctx->rounds & 3) ? 0x0f000f00u : 0);
}

#endif

/* InvSubBytes = A^-1 o S o A^-1, the second inverse affine map fused with AddRoundKey k. */
static void inv_sub_bytes_ark(uint32_t q[8], const uint32_t k[8])
{
    inv_affine(q, zero_key);
    sbox(q);
    inv_affine(q, k);
}

static void decrypt_planes(const rp_aes_ctx *ctx, uint32_t q[8])
{
    unsigned r;

    add_round_key(q, ctx->sk + 8 * ctx->rounds);
    sbox_const(q);
    shift_rows2_ark(q, zero_key, (ctx->rounds & 3) ? 0x0f000f00u : 0);
    for (r = ctx->rounds - 1; r > 0; r--) {
        inv_sub_bytes_ark(q, ctx->sk + 8 * r);
        sbox_const(q);
        inv_mix_m(q, r & 3);
    }
    inv_sub_bytes_ark(q, ctx->sk);
}

void rp_aes_encrypt2(const rp_aes_ctx *ctx, const uint8_t in0[16], const uint8_t in1[16],
                     uint8_t out0[16], uint8_t out1[16])
{
#ifdef RP_SYM_T2
    rp_aes_enc2_t2(ctx, in0, in1, out0, out1);  /* loads, rounds, stores; wipes its frame */
#else
    uint32_t q[8];

    load2(q, in0, in1);
    encrypt_planes(ctx, q);
    store2(q, out0, out1);
    rp_wipe(q, sizeof q);
#endif
}

void rp_aes_encrypt(const rp_aes_ctx *ctx, const uint8_t in[16], uint8_t out[16])
{
    uint8_t dummy[16];

    rp_aes_encrypt2(ctx, in, in, out, dummy);
    rp_wipe(dummy, sizeof dummy);
}

void rp_aes_decrypt2(const rp_aes_ctx *ctx, const uint8_t in0[16], const uint8_t in1[16],
                     uint8_t out0[16], uint8_t out1[16])
{
    uint32_t q[8];

    load2(q, in0, in1);
    decrypt_planes(ctx, q);
    store2(q, out0, out1);
    rp_wipe(q, sizeof q);
}

void rp_aes_decrypt(const rp_aes_ctx *ctx, const uint8_t in[16], uint8_t out[16])
{
    uint8_t dummy[16];

    rp_aes_decrypt2(ctx, in, in, out, dummy);
    rp_wipe(dummy, sizeof dummy);
}
