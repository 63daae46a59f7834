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
 * SubBytes is the Boyar-Peralta 113-gate circuit (32 AND, 77 XOR, 4 XNOR: J. Boyar,
 * P. Matthews, R. Peralta, "Logic minimization techniques with applications to
 * cryptology", J. Cryptology 26(2), 2013; also listed by NIST's circuit complexity project)
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
 * planes and back. (With RP_SYM_T2 the assembly's copy serves the C as well.) */
#ifdef RP_SYM_T2
void rp_aes_ortho_t2(uint32_t q[8]);
#define ortho rp_aes_ortho_t2
#else
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
#endif

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
    uint32_t t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17;
    uint32_t t18, t19, t20, t21, t22, t23, t24, t25, t26, t27, t28, t29, t30, t31, t32;
    uint32_t t33, t34, t35, t36, t37, t38, t39, t40, t41, t42, t43, t44, t45, t46, t47;
    uint32_t t48, t49, t50, t51, t52, t53, t54, t55, t56, t57, t58, t59, t60, t61, t62;
    uint32_t t63, t64, t65, t66, t67, t68, t69, t70, t71, t72, t73, t74, t75, t76, t77;
    uint32_t t78, t79, t80, t81, t82, t83, t84, t85, t86, t87, t88, t89, t90, t91, t92;
    uint32_t t93, t94, t95, t96, t97, t98, t99, t100, t101, t102, t103, t104, t105;

    /* top linear layer: 23 XORs */
    t1 = u3 ^ u5;    t2 = u0 ^ u6;    t3 = u0 ^ u3;    t4 = u0 ^ u5;
    t5 = u1 ^ u2;    t6 = t5 ^ u7;    t7 = t6 ^ u3;    t8 = t2 ^ t1;
    t9 = t6 ^ u0;    t10 = t6 ^ u6;   t11 = t10 ^ t4;  t12 = u4 ^ t8;
    t13 = t12 ^ u5;  t14 = t12 ^ u1;  t15 = t13 ^ u7;  t16 = t13 ^ t5;
    t17 = t14 ^ t3;  t18 = u7 ^ t17;  t19 = t16 ^ t17; t20 = t16 ^ t4;
    t21 = t5 ^ t17;  t22 = t2 ^ t21;  t23 = u0 ^ t21;

    /* non-linear middle: inversion in GF(2^8) through GF(2^4) */
    t24 = t8 & t13;   t25 = t11 & t15;  t27 = t7 & u7;    t29 = t2 & t21;
    t30 = t10 & t6;   t32 = t9 & t18;   t34 = t3 & t17;   t35 = t1 & t19;
    t37 = t4 & t16;   t26 = t25 ^ t24;  t28 = t27 ^ t24;  t31 = t30 ^ t29;
    t33 = t32 ^ t29;  t36 = t35 ^ t34;  t38 = t37 ^ t34;  t39 = t26 ^ t14;
    t40 = t28 ^ t38;  t41 = t31 ^ t36;  t42 = t33 ^ t38;  t43 = t39 ^ t36;
    t44 = t40 ^ t20;  t45 = t41 ^ t22;  t46 = t42 ^ t23;  t47 = t43 ^ t44;
    t48 = t43 & t45;  t49 = t46 ^ t48;  t50 = t47 & t49;  t51 = t50 ^ t44;
    t52 = t45 ^ t46;  t53 = t44 ^ t48;  t54 = t53 & t52;  t55 = t54 ^ t46;
    t56 = t45 ^ t55;  t57 = t49 ^ t55;  t58 = t46 & t57;  t59 = t58 ^ t56;
    t60 = t49 ^ t58;  t61 = t51 & t60;  t62 = t47 ^ t61;  t63 = t62 ^ t59;
    t64 = t51 ^ t55;  t65 = t51 ^ t62;  t66 = t55 ^ t59;  t67 = t64 ^ t63;
    t68 = t66 & t13;  t69 = t59 & t15;  t70 = t55 & u7;   t71 = t65 & t21;
    t72 = t62 & t6;   t73 = t51 & t18;  t74 = t64 & t17;  t75 = t67 & t19;
    t76 = t63 & t16;  t77 = t66 & t8;   t78 = t59 & t11;  t79 = t55 & t7;
    t80 = t65 & t2;   t81 = t62 & t10;  t82 = t51 & t9;   t83 = t64 & t3;
    t84 = t67 & t1;   t85 = t63 & t4;

    /* bottom linear layer (the affine constant 0x63 as the four NOTs) */
    t86 = t83 ^ t84;  t87 = t78 ^ t86;  t88 = t77 ^ t87;  t89 = t68 ^ t70;
    t90 = t69 ^ t68;  t91 = t71 ^ t72;  t92 = t80 ^ t89;  t93 = t75 ^ t91;
    t94 = t76 ^ t92;  t95 = t93 ^ t94;  t96 = t91 ^ t90;  t97 = t71 ^ t73;
    t98 = t81 ^ t86;  t99 = t89 ^ t97;  t100 = t74 ^ t93; t101 = t82 ^ t95;
    t102 = t98 ^ t99; t103 = t83 ^ t100; t104 = t87 ^ t79; t105 = t101 ^ t103;

    q[7] = t88 ^ t100;
    q[4] = t88 ^ t96;
    q[6] = ~(q[4] ^ t100);
    q[5] = ~(t105 ^ t85);
    q[3] = t99 ^ q[4];
    q[2] = t104 ^ t101;
    q[1] = ~(t95 ^ t102);
    q[0] = ~(t80 ^ t102);
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
