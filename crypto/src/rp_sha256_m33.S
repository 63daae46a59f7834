/* rp_sha256_m33.S - SHA-256 compression (FIPS 180-4 6.2.2) in Thumb-2 for Cortex-M33
 * builds (crypto/sym.cmake adds it and defines RP_SYM_T2; elsewhere rp_sha2.c's C runs).
 * Written by hand from rp_sha2.c's C, which stays the reference; checked against a SHA-256
 * written from the standard on QEMU by tests/crypto/t2_check.sh.
 *
 * void rp_sha256_blocks_t2(uint32_t st[8], const uint8_t *p, size_t n, uint32_t w[64],
 *                          const uint64_t *k512);
 *   Compresses n >= 1 blocks at p into st. w is the caller's 256-byte schedule (word
 *   aligned), all zero on return (wiped: it held the message). k512 is SHA-512's
 *   constant table, whose upper halves are SHA-256's constants. p need not be aligned.
 *
 * Constant time: no branch but the block and loop counters, no address from data.
 * Registers in the rounds: a..h rotate over r4-r11, r12 walks w, lr walks k512, r0/r1 are
 * temporaries (r1 holds W[i+1] for half an even round), r2/r3 alternate as a^b of this round and b^c (a^b of the previous round),
 * so Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)) costs three instructions. */
    .syntax unified
    .thumb
    .section .text.rp_sha256_blocks_t2,"ax",%progbits
    .global rp_sha256_blocks_t2
    .type rp_sha256_blocks_t2, %function

/* sigma0 (ROTR7 ^ ROTR18 ^ SHR3) and sigma1 (ROTR17 ^ ROTR19 ^ SHR10) of x into d */
    .macro SIG0 d, x
    ror \d, \x, #7
    eor \d, \d, \x, ror #18
    eor \d, \d, \x, lsr #3
    .endm
    .macro SIG1 d, x
    ror \d, \x, #17
    eor \d, \d, \x, ror #19
    eor \d, \d, \x, lsr #10
    .endm

/* Schedule words t and t+1 (r12 -> w[t]; w1 = W[t-1], w2 = W[t-2] on entry; on exit
 * n0 = W[t], n1 = W[t+1]; r12 advanced by 8). The state registers r8-r11 and r3 are free
 * while the schedule runs: W[t-16], W[t-15] and W[t-7], W[t-6] come in pairs. */
    .macro SCHED2 w1, w2, n0, n1
    ldrd r0, r1, [r12, #-64]    /* W[t-16], W[t-15] */
    ldrd r8, r9, [r12, #-28]    /* W[t-7], W[t-6] */
    ldr r10, [r12, #-56]        /* W[t-14] */
    SIG1 \n0, \w2
    add \n0, \n0, r8
    add \n0, \n0, r0
    SIG0 r3, r1
    add \n0, \n0, r3
    SIG1 \n1, \w1
    add \n1, \n1, r9
    add \n1, \n1, r1          /* W[t+1-16] = W[t-15] */
    SIG0 r3, r10
    add \n1, \n1, r3
    strd \n0, \n1, [r12], #8
    .endm

/* One round: h += Sigma1(e) + Ch(e, f, g) + K[i] + W[i]; d += h; h += Sigma0(a) + Maj.
 * Even rounds load W[i] and W[i+1] with one ldrd and add W[i+1] into g (the next round's
 * h) once Ch has read g; odd rounds then load no W. */
    .macro ROUND a, b, c, d, e, f, g, h, i, ab, bc
    ldr r0, [lr, #(8 * \i + 4)]
    add \h, \h, r0
    .if (\i % 2) == 0
    ldrd r0, r1, [r12, #(4 * \i)]
    add \h, \h, r0
    .endif
    eor r0, \f, \g
    and r0, r0, \e
    eor r0, r0, \g
    add \h, \h, r0
    .if (\i % 2) == 0
    add \g, \g, r1
    .endif
    eor r0, \e, \e, ror #14
    eor r0, \e, r0, ror #5
    add \h, \h, r0, ror #6
    add \d, \d, \h
    eor r0, \a, \a, ror #9
    eor r0, \a, r0, ror #11
    add \h, \h, r0, ror #2
    eor \ab, \a, \b
    and \bc, \bc, \ab
    eor \bc, \bc, \b
    add \h, \h, \bc
    .endm

    .p2align 2
rp_sha256_blocks_t2:
    push {r4-r11, lr}
    sub sp, sp, #28             /* 36 + 28: sp stays 8-byte aligned */
    str r0, [sp, #0]            /* st */
    str r2, [sp, #8]            /* blocks left */
    str r3, [sp, #12]           /* w */
    add r3, r3, #256
    str r3, [sp, #16]           /* the end of w */
1:  /* the block, big-endian, into w[0..15]: eight words per ldm when p is word-aligned
     * (the address is public), else word by word */
    ldr r12, [sp, #12]
    add r2, r12, #64
    tst r1, #3
    bne 2f
5:  ldm r1!, {r4-r11}
    rev r4, r4
    rev r5, r5
    rev r6, r6
    rev r7, r7
    rev r8, r8
    rev r9, r9
    rev r10, r10
    rev r11, r11
    stm r12!, {r4-r11}
    cmp r12, r2
    bne 5b
    b 6f
2:  ldr r4, [r1], #4
    ldr r5, [r1], #4
    rev r4, r4
    rev r5, r5
    strd r4, r5, [r12], #8
    cmp r12, r2
    bne 2b
6:  str r1, [sp, #4]            /* next block */
    /* schedule W[16..63], four words per pass */
    ldr r4, [r12, #-4]          /* W[15] */
    ldr r5, [r12, #-8]          /* W[14] */
    add r2, r12, #192
3:  SCHED2 r4, r5, r6, r7
    SCHED2 r7, r6, r5, r4       /* leaves r4 = W[t-1], r5 = W[t-2] for the next pass */
    cmp r12, r2
    bne 3b
    /* rounds */
    ldr r0, [sp, #0]
    ldm r0, {r4-r11}
    eor r3, r5, r6              /* b ^ c */
    ldr r12, [sp, #12]
    ldr lr, [sp, #(28 + 36)]    /* k512 (fifth argument) */
4:  ROUND r4, r5, r6, r7, r8, r9, r10, r11, 0, r2, r3
    ROUND r11, r4, r5, r6, r7, r8, r9, r10, 1, r3, r2
    ROUND r10, r11, r4, r5, r6, r7, r8, r9, 2, r2, r3
    ROUND r9, r10, r11, r4, r5, r6, r7, r8, 3, r3, r2
    ROUND r8, r9, r10, r11, r4, r5, r6, r7, 4, r2, r3
    ROUND r7, r8, r9, r10, r11, r4, r5, r6, 5, r3, r2
    ROUND r6, r7, r8, r9, r10, r11, r4, r5, 6, r2, r3
    ROUND r5, r6, r7, r8, r9, r10, r11, r4, 7, r3, r2
    add r12, r12, #32
    add lr, lr, #64
    ldr r0, [sp, #16]
    cmp r12, r0
    bne 4b
    /* st += a..h */
    ldr r0, [sp, #0]
    ldm r0, {r1, r2, r3, r12}
    add r4, r4, r1
    add r5, r5, r2
    add r6, r6, r3
    add r7, r7, r12
    ldr r1, [r0, #16]
    ldr r2, [r0, #20]
    ldr r3, [r0, #24]
    ldr r12, [r0, #28]
    add r8, r8, r1
    add r9, r9, r2
    add r10, r10, r3
    add r11, r11, r12
    stm r0, {r4-r11}
    ldr r1, [sp, #4]
    ldr r2, [sp, #8]
    subs r2, r2, #1
    str r2, [sp, #8]
    bne 1b
    /* wipe the schedule, 32 bytes per stm (the working variables go with it) */
    ldr r0, [sp, #12]
    movs r4, #0
    movs r5, #0
    movs r6, #0
    movs r7, #0
    mov r8, r4
    mov r9, r4
    mov r10, r4
    mov r11, r4
    .rept 8
    stm r0!, {r4-r11}
    .endr
    add sp, sp, #28
    pop {r4-r11, pc}
    .size rp_sha256_blocks_t2, .-rp_sha256_blocks_t2
