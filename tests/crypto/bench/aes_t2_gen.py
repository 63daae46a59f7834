#!/usr/bin/python3
"""Writes crypto/src/rp_aes_m33.S, the Thumb-2 rounds of the fixsliced AES of
crypto/src/rp_aes.c (the portable C stays the reference; tests/crypto/t2_check.sh checks
the assembly against it and against an S-box computed from its definition, on QEMU).

Pieces (all share one stack frame set up by the C-callable entries):
  sbox_core  the Boyar-Matthews-Peralta circuit read from sbox() in rp_aes.c, without its four
             NOTs (the encryption keys carry the 0x63 constant instead: MixColumns and
             ShiftRows map an all-0x63 state to itself), gates ordered to keep few values
             live (greedy list scheduling, best of seeded randomised runs, then a seeded
             local search that moves single gates), registers r0-r12, lr allocated with
             furthest-next-use (Belady) spilling, and spill loads/stores paired into
             ldrd/strd with their slots laid out next to each other;
  mc0..mc3   MixColumns conjugated by ShiftRows^m, then AddRoundKey (the same algebra as
             MC_ALL in rp_aes.c; the byte-lane rotations are two XORs and an AND with an
             immediate, the final 32-bit rotation folded into the consumers' operands);
  ortho_core, sr2_core, wipe_frame  the bit transpose, ShiftRows^2, the frame wipe;
  rp_aes_enc2_t2(ctx, in0, in1, out0, out1)  the encryption of two blocks: loads,
             transpose, rounds, transpose, stores;
  rp_aes_dec2_t2(...)  the decryption of two blocks: inverse affine maps around the same
             S-box, the (05 00 04 00) pre-multiplication, then MixColumns_m;
  rp_aes_sbox_t2(q), rp_aes_ortho_t2(q)  C-callable S-box (with the NOTs) and transpose,
             for the key schedule.
Deterministic: the same source gives the same file.

  aes_t2_gen.py [crypto/src/rp_aes.c] [crypto/src/rp_aes_m33.S]
"""
import random
import re
import sys

REGS = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
        "lr"]
LOW = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"}
# frame (bytes from sp): 32 zero bytes (decryption's MixColumns key), round-key pointer,
# end pointer (or key 0), out0, lr of sbox_core, Nr, out1, decryption key pointer, lr of
# inv_core, spill slots (all of it zeroed by wipe_frame before returning)
F_RK, F_END, F_Q, F_LR, F_NR, F_OUT1, F_DK, F_LR2, F_SPILL = 32, 36, 40, 44, 48, 52, 56, 60, 64
FRAME = 164                 # with push {r4-r11, lr}: sp stays 8-byte aligned
# local-search steps for the S-box gate order (t2_check.sh regenerates with the default)
STEPS = int(__import__('os').environ.get('AES_GEN_STEPS', '8000'))


def parse(path):
    src = open(path).read()
    body = src[src.index("static void sbox(uint32_t q[8])"):]
    body = body[:body.index("\n}\n")]
    gates = []
    for m in re.finditer(r"(\w+(?:\[\d\])?) = (~?\(?)(\w+(?:\[\d\])?) ([\^&]) "
                         r"(\w+(?:\[\d\])?)\)?;", body):
        dst, neg, a, op, b = m.groups()
        gates.append((dst, a, op, b, neg.startswith("~")))
    homes = {}
    for m in re.finditer(r"(u\d) = q\[(\d)\]", body):
        homes[m.group(1)] = int(m.group(2))
    assert len(homes) == 8 and len(gates) > 100, "sbox() not recognised"
    return gates, homes


def operands(g):
    """The distinct operands of gate g in a fixed order (a set would iterate in an order
    that changes with Python's hash seed, and so would the output)."""
    return [g[1]] if g[1] == g[3] else [g[1], g[3]]


def schedule(gates, inputs, rng, noise):
    """Greedy list scheduling: prefer gates that end live ranges."""
    remaining = {}
    for g in gates:
        for x in operands(g):
            remaining[x] = remaining.get(x, 0) + 1
    done, order, pending = set(inputs), [], list(gates)
    while pending:
        best, score = None, None
        for g in pending:
            if g[1] in done and g[3] in done:
                dies = sum(1 for x in operands(g) if remaining[x] == 1)
                s = dies - (0 if g[0].startswith("q[") else 1) + noise * rng.random()
                if score is None or s > score:
                    best, score = g, s
        pending.remove(best)
        order.append(best)
        done.add(best[0])
        for x in operands(best):
            remaining[x] -= 1
    return order


def gate_insn(op, rd, ra, rb):
    """Narrow (16-bit) form when Thumb allows it: flags are dead everywhere here."""
    mn = "eor" if op == "^" else "and"
    if rb == rd:
        ra, rb = rb, ra
    if ra == rd and rd in LOW and rb in LOW:
        return "%ss %s, %s" % (mn, rd, rb)
    return "%s %s, %s, %s" % (mn, rd, ra, rb)


def allocate(order, homes):
    """Register allocation with Belady spilling. On entry q[k] is in rk (only there: an
    evicted input is spilled like any value); on exit output q[k] must be in rk (values
    headed for another register are moved at the end)."""
    uses = {}
    for i, g in enumerate(order):
        for x in (g[1], g[3]):
            uses.setdefault(x, []).append(i)
    end = len(order)
    for g in order:
        if g[0].startswith("q["):
            uses.setdefault(g[0], []).append(end)
    home_of_slot = {v: k for k, v in homes.items()}
    reg, mem = {}, {}
    free = list(REGS)
    slots = []
    code = []
    pending = []

    def next_use(v, i):
        for u in uses.get(v, []):
            if u >= i:
                return u
        return end + 1

    def dead(v, i):
        return next_use(v, i) > end

    def get_reg(i, keep, want=None):
        if want in free:
            free.remove(want)
            return want
        if free:
            return free.pop(0)
        victim = max((v for v in reg if v not in keep), key=lambda v: next_use(v, i))
        r = reg.pop(victim)
        if victim not in mem and not dead(victim, i):
            slots.append(victim)                # one slot per spilled value, named for now
            mem[victim] = "[sp, #@%d]" % (len(slots) - 1)
            code.append("str %s, %s" % (r, mem[victim]))
        return r

    def load(v, i, keep):
        if v in reg:
            return reg[v]
        r = get_reg(i, keep)
        code.append("ldr %s, %s" % (r, mem[v]))
        reg[v] = r
        return r

    for v, k in homes.items():
        reg[v] = "r%d" % k
        free.remove("r%d" % k)
    for i, g in enumerate(order):
        dst, a, op, b, _neg = g
        ra = load(a, i, {a, b})
        rb = load(b, i, {a, b})
        for x in operands(g):
            if dead(x, i + 1):
                free.insert(0, reg.pop(x))
        want = "r%d" % int(dst[2]) if dst.startswith("q[") else None
        rd = get_reg(i + 1, set(), want)
        code.append(gate_insn(op, rd, ra, rb))
        reg[dst] = rd
    # outputs into r0-r7: reload the spilled, then resolve the permutation with moves
    outs = ["q[%d]" % k for k in range(8)]
    for o in outs:
        if o not in reg:
            want = "r%d" % int(o[2])
            r = want if want in free else get_reg(end, set(outs))
            if r in free:
                free.remove(r)
            code.append("ldr %s, %s" % (r, mem[o]))
            reg[o] = r
    for v in list(reg):
        if v not in outs:
            free.append(reg.pop(v))
    while any(reg[o] != "r%d" % int(o[2]) for o in outs):
        moved = False
        for o in outs:
            want = "r%d" % int(o[2])
            if reg[o] != want and want not in reg.values():
                code.append("mov %s, %s" % (want, reg[o]))
                reg[o] = want
                moved = True
        if not moved:                       # a cycle: park one value in a free register
            o = next(o for o in outs if reg[o] != "r%d" % int(o[2]))
            tmp = next(r for r in REGS if r not in reg.values() and r != "lr")
            code.append("mov %s, %s" % (tmp, reg[o]))
            reg[o] = tmp
    assert F_SPILL + 4 * len(slots) <= FRAME // 32 * 32, "spill area too small (or unwiped)"
    return code


SLOT = re.compile(r"^(ldr|str) (\w+), \[sp, #@(\d+)\]$")
REG = re.compile(r"\b(r\d+|lr)\b")


def writes(line):
    """The registers an instruction of this file's code writes."""
    op, rest = line.split(" ", 1)
    regs = REG.findall(rest)
    if op.startswith("str"):
        return []
    return regs[:2] if op == "ldrd" else regs[:1]


def pair_mem(code):
    """Pairs spill loads (stores) into ldrd (strd): a later load (store) moves up next to an
    earlier one when nothing between touches its register (or, for a load, stores its
    slot), and the two slots are then placed next to each other in the frame. The pairs'
    slots form paths, laid out one after another. Returns the final instruction lines."""
    code = list(code)
    nslot = 1 + max([int(m.group(3)) for m in map(SLOT.match, code) if m] + [-1])
    parent = list(range(nslot))
    degree = [0] * nslot
    adj = [[] for _ in range(nslot)]

    def root(a):
        while parent[a] != a:
            a = parent[a]
        return a

    pairs = {}                                   # index of first instruction -> second
    i = 0
    while i < len(code):
        m1 = SLOT.match(code[i])
        if not m1 or i in pairs.values():
            i += 1
            continue
        op, r1, s1 = m1.group(1), m1.group(2), int(m1.group(3))
        for j in range(i + 1, min(len(code), i + 40)):
            m2 = SLOT.match(code[j])
            between = code[i + 1:j]
            if m2 and m2.group(1) == op and m2.group(2) != r1:
                r2, s2 = m2.group(2), int(m2.group(3))
                ok = degree[s1] < 2 and degree[s2] < 2 and root(s1) != root(s2)
                if op == "ldr":                  # r2 untouched, slot not yet written
                    ok = ok and all(r2 not in REG.findall(x) for x in between)
                    ok = ok and all("#@%d]" % s2 not in x for x in between)
                else:                            # r2 holds the same value at i + 1
                    ok = ok and all(r2 not in writes(x) for x in between)
                if ok:
                    code.insert(i + 1, code.pop(j))
                    pairs[i] = i + 1
                    parent[root(s1)] = root(s2)
                    degree[s1] += 1
                    degree[s2] += 1
                    adj[s1].append(s2)
                    adj[s2].append(s1)
                    break
        i += 1
    # lay the paths out
    offset, seen = {}, set()
    for a in range(nslot):
        if a in seen or degree[a] == 2:
            continue
        x, prev = a, None
        while x is not None and x not in seen:
            seen.add(x)
            offset[x] = F_SPILL + 4 * len(offset)
            nxt = [y for y in adj[x] if y != prev and y not in seen]
            prev, x = x, (nxt[0] if nxt else None)
    assert len(offset) == nslot
    out, skip = [], set()
    for i, line in enumerate(code):
        if i in skip:
            continue
        if i in pairs:
            m1, m2 = SLOT.match(line), SLOT.match(code[i + 1])
            a, b = offset[int(m1.group(3))], offset[int(m2.group(3))]
            assert abs(a - b) == 4
            lo, hi = (m1, m2) if a < b else (m2, m1)
            out.append("%sd %s, %s, [sp, #%d]" % (m1.group(1), lo.group(2), hi.group(2),
                                                  min(a, b)))
            skip.add(i + 1)
            continue
        m = SLOT.match(line)
        out.append(line if not m else "%s %s, [sp, #%d]" % (m.group(1), m.group(2),
                                                               offset[int(m.group(3))]))
    return out


def improve(order, homes, rng, steps):
    """Local search on the gate order: move one gate to another place its dependences
    allow, keep the move if the allocated code is no longer."""
    pos_of = lambda o: {g[0]: i for i, g in enumerate(o)}
    cur = len(pair_mem(allocate(order, homes)))
    for _ in range(steps):
        i = rng.randrange(len(order))
        g = order[i]
        pos = pos_of(order)
        lo = max([pos[x] + 1 for x in operands(g) if x in pos] + [0])
        users = [j for j, h in enumerate(order) if g[0] in (h[1], h[3])]
        hi = min(users + [len(order)]) - 1
        if hi <= lo:
            continue
        j = rng.randint(lo, hi)
        if j == i:
            continue
        cand = order[:i] + order[i + 1:]
        cand.insert(j if j < i else j, g)
        n = len(pair_mem(allocate(cand, homes)))
        if n <= cur:
            order, cur = cand, n
    return order


def best_sbox(gates, homes):
    best = None
    for seed in range(200):
        rng = random.Random(seed)
        order = schedule(gates, set(homes), rng, [0.0, 0.3, 0.6, 1.0, 1.5, 2.0][seed % 6])
        code = allocate(order, homes)
        if best is None or len(code) < len(best[0]):
            best = (code, seed, order)
    order = improve(best[2], homes, random.Random(1), STEPS)
    return pair_mem(allocate(order, homes)), best[1]


# MixColumns conjugated by SR^m: the row maps R1 (row r <- row r+1) and R2 (row r <- row
# r+2), each either a plain rotation or rotr(x ^ ((x ^ rotr(x, 8)) & mask), d).
R1 = {0: None, 1: (0xfcfcfcfc, 2), 2: (0xf0f0f0f0, 4), 3: (0xc0c0c0c0, 6)}
R1_PLAIN = 8
R2 = {0: None, 1: (0xf0f0f0f0, 12), 2: None, 3: (0xf0f0f0f0, 12)}
R2_PLAIN = 16


def row_map(code, x, spec, plain):
    """Emit the row map of x into r11 if it needs one; return the operand text."""
    if spec is None:
        return "%s, ror #%d" % (x, plain)
    mask, d = spec
    code.append("eor r11, %s, %s, ror #8" % (x, x))
    code.append("and r11, r11, #0x%08x" % mask)
    code.append("eor r11, r11, %s" % x)
    return "r11, ror #%d" % d


def mix(m):
    """mc<m>: state q[0..7] in r0-r7, result MixColumns_m(q) ^ k (k at [sp, #F_RK],
    advanced by 32) in r0-r7 and in the frame. r8 = t7, r9/r10 = t of the previous and
    current plane, r11 scratch, r12 the key pointer."""
    code = ["ldr r12, [sp, #%d]" % F_RK]
    op = row_map(code, "r7", R1[m], R1_PLAIN)
    code.append("eor r8, r7, %s" % op)                      # t7 = q7 ^ R1(q7)
    prev = "r8"
    for i in range(7):
        a = "r%d" % i
        t = "r9" if prev != "r9" else "r10"
        op = row_map(code, a, R1[m], R1_PLAIN)
        code.append("eor %s, %s, %s" % (t, a, op))          # t = a ^ R1(a)
        code.append("eor %s, %s, %s" % (a, prev, op))       # a = xtime(t)_i ^ R1(a)
        code.append("eor %s, %s, %s" % (a, a, row_map(code, t, R2[m], R2_PLAIN)))
        if i in (1, 3, 4):
            code.append("eor %s, %s, r8" % (a, a))         # x^8 = x^4 + x^3 + x + 1
        prev = t
    code.append("eor r7, r7, %s" % prev)                    # R1(q7) = q7 ^ t7
    code.append("eor r7, r7, r8")
    code.append("eor r7, r7, %s" % row_map(code, "r8", R2[m], R2_PLAIN))
    for half in (0, 4):
        code.append("ldm r12!, {r8-r11}")
        for j in range(4):
            code.append("eor r%d, r%d, r%d" % (half + j, half + j, 8 + j))
    code += ["str r12, [sp, #%d]" % F_RK, "bx lr"]
    return code


def sr2():
    """ShiftRows^2 on r0-r7 (its own inverse): rows 1 and 3 (lanes 0x0f000f00) move by two
    columns, a nibble swap in their byte lanes; r8 scratch."""
    code = []
    for i in range(8):
        code += ["eor r8, r%d, r%d, lsr #4" % (i, i), "and r8, r8, #0x0f000f00",
                 "eor r%d, r%d, r8" % (i, i), "eor r%d, r%d, r8, lsl #4" % (i, i)]
    return code


def inv_linear(seed):
    """The linear part of the inverse affine map on r0-r7 in place (FIPS 197 5.3.2 without
    its constant): b_i = a_(i+2) ^ a_(i+5) ^ a_(i+7), indices mod 8, through allocate()."""
    gates = []
    for i in range(8):
        gates.append(("x%d" % i, "a%d" % ((i + 2) % 8), "^", "a%d" % ((i + 5) % 8), False))
        gates.append(("q[%d]" % i, "x%d" % i, "^", "a%d" % ((i + 7) % 8), False))
    homes = {"a%d" % k: k for k in range(8)}
    best = None
    for sd in range(seed, seed + 50):
        order = schedule(gates, set(homes), random.Random(sd), 1.0)
        code = pair_mem(allocate(order, homes))
        if best is None or len(code) < len(best):
            best = code
    return best


def premult(odd):
    """q = (05 00 04 00)-circulant of q, conjugated by SR^m (m odd: the row map rotates
    inside bytes), the first factor of InvMixColumns_m = MixColumns_m o this. With
    t_j = q_j ^ R2(q_j): q0 ^= t6, q1 ^= t7 ^ t6, q2 ^= t0 ^ t7, q3 ^= t1 ^ t6,
    q4 ^= t2 ^ t7 ^ t6, q5 ^= t3 ^ t7, q6 ^= t4, q7 ^= t5; planes updated from 7 down so
    each t_j is made from the original q_j. r8 = t6, r9 = t7, r10/r11 scratch."""
    code = []

    def t_of(j, into):
        if not odd:
            return ["eor %s, r%d, r%d, ror #16" % (into, j, j)]
        return ["eor r11, r%d, r%d, ror #8" % (j, j), "and r11, r11, #0xf0f0f0f0",
                "eor r11, r11, r%d" % j, "eor %s, r%d, r11, ror #12" % (into, j)]
    code += t_of(6, "r8") + t_of(7, "r9")
    plan = {7: [5], 6: [4], 5: [3, "r9"], 4: [2, "r9", "r8"], 3: [1, "r8"],
            2: [0, "r9"], 1: ["r9", "r8"], 0: ["r8"]}
    for i in range(7, -1, -1):
        for src in plan[i]:
            if isinstance(src, int):
                code += t_of(src, "r10")
                code.append("eor r%d, r%d, r10" % (i, i))
            else:
                code.append("eor r%d, r%d, %s" % (i, i, src))
    return code


def ortho():
    """The 8x8 bit transpose in every byte lane of r0-r7 (ortho() in rp_aes.c), r8 scratch."""
    code = []
    for n, mask, pairs in ((1, 0x55555555, ((0, 1), (2, 3), (4, 5), (6, 7))),
                           (2, 0x33333333, ((0, 2), (1, 3), (4, 6), (5, 7))),
                           (4, 0x0f0f0f0f, ((0, 4), (1, 5), (2, 6), (3, 7)))):
        for a, b in pairs:
            code += ["eor r8, r%d, r%d, lsr #%d" % (b, a, n), "and r8, r8, #0x%08x" % mask,
                     "eor r%d, r%d, r8" % (b, b), "eor r%d, r%d, r8, lsl #%d" % (a, a, n)]
    return code


WIPE = ["bl wipe_frame"]
WIPE_BODY = (["mov r0, #0", "mov r1, #0", "mov r2, #0", "mov r3, #0", "mov r4, #0",
              "mov r5, #0", "mov r6, #0", "mov r7, #0", "mov r8, sp"]
             + ["stm r8!, {r0-r7}"] * (FRAME // 32) + ["bx lr"])


def func(name, glob, body):
    out = ["", "    .section .text.%s,\"ax\",%%progbits" % name]
    if glob:
        out.append("    .global %s" % name)
    out += ["    .type %s, %%function" % name, "    .p2align 2", "%s:" % name]
    out += ["    " + line if not line.endswith(":") else line for line in body]
    out.append("    .size %s, .-%s" % (name, name))
    return out


def main():
    c_path = sys.argv[1] if len(sys.argv) > 1 else "crypto/src/rp_aes.c"
    s_path = sys.argv[2] if len(sys.argv) > 2 else "crypto/src/rp_aes_m33.S"
    gates, homes = parse(c_path)
    code, seed = best_sbox(gates, homes)
    out = [
        "/* rp_aes_m33.S - GENERATED by tests/crypto/bench/aes_t2_gen.py from sbox() in",
        " * crypto/src/rp_aes.c (S-box schedule seed %d). Do not edit; regenerate." % seed,
        " * The fixsliced AES rounds of rp_aes.c in Thumb-2 (see the generator for the pieces).",
        " * Data operations and loads/stores at fixed frame offsets only; the branches count",
        " * rounds: no secret-dependent branch or address. */",
        "    .syntax unified",
        "    .thumb",
        "    .text",
    ]
    out += func("sbox_core", False, ["str lr, [sp, #%d]" % F_LR] + code
                + ["ldr pc, [sp, #%d]" % F_LR])
    for m in range(4):
        out += func("mc%d" % m, False, mix(m))
    out += func("ortho_core", False, ortho() + ["bx lr"])
    out += func("sr2_core", False, sr2() + ["bx lr"])
    lin = inv_linear(1)
    # inv_core: L (inverse affine, linear part), S-box, L again, then the round key at
    # [sp, #F_DK], which steps back one key. The constants cancel: the decryption state
    # carries the S-box constant 0x63 (keys 1..Nr hold it, L(0x63) = 0x05 is the inverse
    # affine constant, InvMixColumns and ShiftRows fix an all-0x63 state), key 0 has none.
    ik = ["ldr r12, [sp, #%d]" % F_DK]
    for half in (0, 4):
        ik.append("ldm r12!, {r8-r11}")
        for j in range(4):
            ik.append("eor r%d, r%d, r%d" % (half + j, half + j, 8 + j))
    ik += ["sub r12, r12, #64", "str r12, [sp, #%d]" % F_DK]
    out += func("inv_core", False, ["str lr, [sp, #%d]" % F_LR2] + lin + ["bl sbox_core"]
                + lin + ik + ["ldr pc, [sp, #%d]" % F_LR2])
    out += func("pre_even", False, premult(False) + ["bx lr"])
    out += func("pre_odd", False, premult(True) + ["bx lr"])
    # wipe_frame: zeroes the frame (spilled S-box values, the state) and r0-r7
    out += func("wipe_frame", False, WIPE_BODY)
    # rp_aes_ortho_t2(uint32_t q[8]): the bit transpose for the C (key schedule, decryption)
    out += func("rp_aes_ortho_t2", True, ["push {r4-r8, lr}", "mov r12, r0", "ldm r0, {r0-r7}",
                                          "bl ortho_core", "stm r12, {r0-r7}",
                                          "pop {r4-r8, pc}"])
    # rp_aes_enc2_t2(const rp_aes_ctx *ctx, in0, in1, out0, out1): the two blocks loaded
    # as column words, transposed into planes, encrypted under the fixsliced round keys
    # (keys 1..rounds carrying the S-box constant on planes 0, 1, 5, 6), transposed back
    # and stored. sk[] at offset 0 of the context, rounds at offset 480 (rp_aes.c checks).
    b = ["push {r4-r11, lr}", "sub sp, sp, #%d" % FRAME,
         "ldr r12, [sp, #%d]" % (FRAME + 36), "str r12, [sp, #%d]" % F_OUT1,
         "str r3, [sp, #%d]" % F_Q, "ldr r12, [r0, #480]", "str r12, [sp, #%d]" % F_NR,
         "add r12, r0, r12, lsl #5", "str r12, [sp, #%d]" % F_END, "mov r12, r0",
         "mov r8, r1", "mov r9, r2"]
    for c in range(4):
        b += ["ldr r%d, [r8, #%d]" % (2 * c, 4 * c), "ldr r%d, [r9, #%d]" % (2 * c + 1, 4 * c)]
    b += ["bl ortho_core"]
    for half in (0, 4):
        b.append("ldm r12!, {r8-r11}")
        for j in range(4):
            b.append("eor r%d, r%d, r%d" % (half + j, half + j, 8 + j))
    b += ["str r12, [sp, #%d]" % F_RK, "1:"]
    for m in (1, 2, 3, 0):       # Nr - 1 = 1 (mod 4) for AES-128/256, 3 for AES-192
        b += ["bl sbox_core", "bl mc%d" % m]
        if m in (1, 3):
            b += ["ldr r8, [sp, #%d]" % F_END, "cmp r12, r8", "beq 2f"]
    b += ["b 1b", "2:", "bl sbox_core",
          "ldr r12, [sp, #%d]" % F_END, "ldr r8, [sp, #%d]" % F_NR]
    # Nr mod 4 = 2 (AES-128/256): SR^2
    b += ["tst r8, #2", "beq 3f", "bl sr2_core", "3:"]
    for half in (0, 4):
        b.append("ldm r12!, {r8-r11}")
        for j in range(4):
            b.append("eor r%d, r%d, r%d" % (half + j, half + j, 8 + j))
    b += ["bl ortho_core"]
    b += ["ldr r8, [sp, #%d]" % F_Q, "ldr r9, [sp, #%d]" % F_OUT1]
    for c in range(4):
        b += ["str r%d, [r8, #%d]" % (2 * c, 4 * c), "str r%d, [r9, #%d]" % (2 * c + 1, 4 * c)]
    b += WIPE
    b += ["add sp, sp, #%d" % FRAME, "pop {r4-r11, pc}"]
    out += func("rp_aes_enc2_t2", True, b)
    # rp_aes_sbox_t2(uint32_t q[8]): SubBytes in place (with the constant).
    b = ["push {r4-r11, lr}", "sub sp, sp, #%d" % FRAME, "str r0, [sp, #%d]" % F_Q,
         "ldm r0, {r0-r7}", "bl sbox_core",
         "mvn r0, r0", "mvn r1, r1", "mvn r5, r5", "mvn r6, r6",
         "ldr r8, [sp, #%d]" % F_Q, "stm r8, {r0-r7}"] + WIPE
    b += ["add sp, sp, #%d" % FRAME, "pop {r4-r11, pc}"]
    out += func("rp_aes_sbox_t2", True, b)
    # rp_aes_dec2_t2(const rp_aes_ctx *ctx, in0, in1, out0, out1): the decryption of the
    # two blocks (the rounds of rp_aes.c's decrypt_planes; MixColumns_m is called with
    # the 32 zero bytes at [sp, #0] as its key).
    b = ["push {r4-r11, lr}", "sub sp, sp, #%d" % FRAME,
         "ldr r12, [sp, #%d]" % (FRAME + 36), "str r12, [sp, #%d]" % F_OUT1,
         "str r3, [sp, #%d]" % F_Q, "str r0, [sp, #%d]" % F_END,        # key 0
         "ldr r12, [r0, #480]", "str r12, [sp, #%d]" % F_NR,
         "add r12, r0, r12, lsl #5", "mov r8, r1", "mov r9, r2"]
    for c in range(4):
        b += ["ldr r%d, [r8, #%d]" % (2 * c, 4 * c), "ldr r%d, [r9, #%d]" % (2 * c + 1, 4 * c)]
    b += ["bl ortho_core"]
    for half in (0, 4):                                  # AddRoundKey Nr
        b.append("ldm r12!, {r8-r11}")
        for j in range(4):
            b.append("eor r%d, r%d, r%d" % (half + j, half + j, 8 + j))
    b += ["sub r12, r12, #64", "str r12, [sp, #%d]" % F_DK,        # key Nr - 1
          "mov r8, #0", "mov r9, #0", "mov r10, #0", "mov r11, #0", "stm sp, {r8-r11}",
          "add r12, sp, #16", "stm r12, {r8-r11}",
          "ldr r8, [sp, #%d]" % F_NR, "tst r8, #2", "beq 1f", "bl sr2_core", "b 2f"]
    zero_rk = ["mov r8, sp", "str r8, [sp, #%d]" % F_RK]
    b += ["1:", "bl inv_core", "bl pre_odd"] + zero_rk + ["bl mc3",
          "bl inv_core", "bl pre_even"] + zero_rk + ["bl mc2",
          "2:", "bl inv_core", "bl pre_odd"] + zero_rk + ["bl mc1",
          "ldr r8, [sp, #%d]" % F_DK, "ldr r9, [sp, #%d]" % F_END, "cmp r8, r9", "beq 3f",
          "bl inv_core", "bl pre_even"] + zero_rk + ["bl mc0", "b 1b",
          "3:", "bl inv_core", "bl ortho_core",
          "ldr r8, [sp, #%d]" % F_Q, "ldr r9, [sp, #%d]" % F_OUT1]
    for c in range(4):
        b += ["str r%d, [r8, #%d]" % (2 * c, 4 * c), "str r%d, [r9, #%d]" % (2 * c + 1, 4 * c)]
    b += WIPE + ["add sp, sp, #%d" % FRAME, "pop {r4-r11, pc}"]
    out += func("rp_aes_dec2_t2", True, b)
    out.append("")
    open(s_path, "w").write("\n".join(out))
    print("%s: S-box %d instructions" % (s_path, len(code)))


if __name__ == "__main__":
    main()
