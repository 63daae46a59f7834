#!/usr/bin/python3
"""rp_manifest.py - turn a profile's FF-M 1.1 partition manifests into plain C tables.

    rp_manifest.py --list profiles/base.yaml --root <repo> --out <dir>
                   [--isolation 1|2|3] [--backend sfn|ipc]

Reads the partition list (a YAML file with `partitions:`, paths relative to --root), checks
every manifest and the whole set, and writes:
    <out>/psa_manifest/sid.h         <SERVICE>_SID, _VERSION, _HANDLE (stateless)
    <out>/psa_manifest/pid.h         every partition id
    <out>/psa_manifest/<part>.h      signals and prototypes of one partition
    <out>/rp_manifest_tables.c       const tables typed by spm/include/rp_spm_tables.h
    <out>/rp_manifest_config.h       the image's sizes the SPM needs at compile time
The first error stops the run: `<file>: <field>: <what is wrong>` on stderr, exit status 2.
docs/manifest.md is the reference for every rule below.
"""

import argparse
import os
import re
import sys

import yaml

EXIT_BAD_INPUT = 2
FIRST_ID = 256
SIGNAL_FIRST_BIT = 4
SIGNALS_MAX = 28
STATELESS_MAX = 32
PARTITIONS_MAX = 31              # the SPM's RP_PART_MAX (spm/spm_internal.h)
IRQ_SOURCE_MAX = 495            # Armv8-M NVIC: at most 496 external interrupts
STATELESS_BIT = 0x40000000
IDENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')

PART_KEYS = {'name', 'type', 'priority', 'model', 'entry_point', 'entry_init', 'stack_size',
             'services', 'irqs', 'mmio_regions', 'dependencies', 'description', 'id',
             'psa_framework_version'}
SERVICE_KEYS = {'name', 'sid', 'connection_based', 'stateless_handle', 'non_secure_clients',
                'version', 'version_policy', 'description'}
IRQ_KEYS = {'source', 'name', 'handling', 'description'}
MMIO_KEYS = {'name', 'base', 'size', 'permission'}
LIST_KEYS = {'partitions', 'isolation', 'backend', 'description', 'options'}
# A profile's build options (docs/profiles.md): key -> (CMake cache variable, kind).
PROFILE_OPTIONS = {
    'mm_iovec': ('RAMPART_MM_IOVEC', 'bool'),
    'p256': ('RAMPART_P256_FAST', ('small', 'fast')),
    'crypto_rsa': ('RAMPART_CRYPTO_RSA', 'bool'),
    'crypto_ecc': ('RAMPART_CRYPTO_ECC', 'bool'),
    'attestation': ('RAMPART_ATTEST_SYMMETRIC', ('asymmetric', 'symmetric')),
}

TYPES = {'PSA-ROT': 'RP_PART_PSA_ROT', 'APPLICATION-ROT': 'RP_PART_APP_ROT'}
PRIORITIES = {'HIGH': 0, 'NORMAL': 1, 'LOW': 2}
MODELS = ('IPC', 'SFN')
POLICIES = ('STRICT', 'RELAXED')
HANDLINGS = ('FLIH', 'SLIH')
PERMISSIONS = {'READ-ONLY': 'RP_MMIO_READ_ONLY', 'READ-WRITE': 'RP_MMIO_READ_WRITE'}


class ManifestError(Exception):
    """One bad input: the file (as the user wrote it), the field path and the problem."""

    def __init__(self, path, field, what):
        super().__init__('%s: %s: %s' % (path, field, what) if field else '%s: %s' % (path, what))


# ---------------------------------------------------------------------------------------
# Loading

class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key written twice in one mapping (YAML keeps the last)."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, 'key %r written twice' % (key,), key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                 _construct_mapping)


def load_yaml(abs_path, shown):
    """Parse one YAML (or JSON) file; every failure is a ManifestError naming `shown`."""
    try:
        with open(abs_path, 'r', encoding='utf-8') as f:
            return yaml.load(f, Loader=_UniqueKeyLoader)
    except OSError as e:
        raise ManifestError(shown, None, 'cannot read: %s' % (e.strerror,))
    except yaml.YAMLError as e:
        mark = getattr(e, 'problem_mark', None)
        line = ' at line %d' % (mark.line + 1) if mark is not None else ''
        problem = getattr(e, 'problem', None) or str(e)
        raise ManifestError(shown, None, 'not valid YAML%s: %s' % (line, problem))


# ---------------------------------------------------------------------------------------
# Field readers: each returns a checked Python value or raises ManifestError.

class Reader:
    """Reads fields of one mapping in one file; `where` is the field path prefix."""

    def __init__(self, path, data, where, allowed):
        self.path, self.data, self.where = path, data, where
        if not isinstance(data, dict):
            raise ManifestError(path, where or None, 'must be a mapping')
        for key in data:
            if key not in allowed:
                raise ManifestError(path, self.field(str(key)), 'unknown field')

    def field(self, key):
        return '%s.%s' % (self.where, key) if self.where else key

    def fail(self, key, what):
        raise ManifestError(self.path, self.field(key), what)

    def has(self, key):
        return key in self.data

    def raw(self, key, required):
        if key not in self.data:
            if required:
                self.fail(key, 'missing (required)')
            return None
        return self.data[key]

    def ident(self, key, required=True):
        v = self.raw(key, required)
        if v is None and not required:
            return None
        if not isinstance(v, str) or not IDENT.match(v):
            self.fail(key, '%r is not a C identifier' % (v,))
        return v

    def choice(self, key, choices, default=None):
        v = self.raw(key, default is None)
        if v is None:
            return default
        if not isinstance(v, str) or v not in choices:
            self.fail(key, '%r is not one of %s' % (v, ', '.join(choices)))
        return v

    def boolean(self, key, default=None):
        v = self.raw(key, default is None)
        if v is None:
            return default
        if not isinstance(v, bool):
            self.fail(key, '%r is not true or false' % (v,))
        return v

    def integer(self, key, lo, hi, default=None):
        """An int, or a string holding a decimal or 0x-hex number, in lo..hi."""
        v = self.raw(key, default is None)
        if v is None:
            return default
        n = parse_int(v)
        if n is None:
            self.fail(key, '%r is not an integer' % (v,))
        if n < lo or n > hi:
            shown = v if isinstance(v, str) else fmt_num(n)
            self.fail(key, '%s out of range %s..%s' % (shown, fmt_num(lo), fmt_num(hi)))
        return n

    def seq(self, key):
        v = self.raw(key, False)
        if v is None:
            return []
        if not isinstance(v, list):
            self.fail(key, 'must be a list')
        return v


def parse_int(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, str):
        s = v.strip()
        try:
            if re.match(r'^0[xX][0-9a-fA-F]+$', s):
                return int(s, 16)
            if re.match(r'^[0-9]+$', s):
                return int(s, 10)
        except ValueError:
            return None
    return None


def fmt_num(n):
    return '0x%x' % n if n > 0xffff else str(n)


# ---------------------------------------------------------------------------------------
# One manifest

def parse_manifest(path, data):
    """Check one manifest on its own; return a dict describing the partition."""
    r = Reader(path, data, '', PART_KEYS)
    fw = r.raw('psa_framework_version', False)
    if fw is not None and str(fw) not in ('1.0', '1.1'):
        r.fail('psa_framework_version', '%r is not 1.0 or 1.1' % (fw,))
    fw = str(fw) if fw is not None else '1.1'
    p = {'path': path, 'name': r.ident('name'), 'fw': fw}
    if p['name'].lower() in ('sid', 'pid'):
        r.fail('name', '%s would overwrite psa_manifest/%s.h' % (p['name'], p['name'].lower()))
    p['type'] = r.choice('type', list(TYPES))
    p['priority'] = r.choice('priority', list(PRIORITIES))
    p['model'] = r.choice('model', MODELS, 'IPC' if fw == '1.0' else None)
    if fw == '1.0' and p['model'] == 'SFN':
        r.fail('model', 'SFN needs psa_framework_version 1.1')
    p['id'] = r.integer('id', 1, 0x7fffffff, default=0) if r.has('id') else None
    p['stack_size'] = r.integer('stack_size', 1, 0xffffffff)
    if p['stack_size'] % 8:
        r.fail('stack_size', '%s is not a multiple of 8' % (r.raw('stack_size', True),))
    parse_entry(r, p)
    p['services'] = [parse_service(path, s, i, fw) for i, s in enumerate(r.seq('services'))]
    p['irqs'] = [parse_irq(path, q, i, fw) for i, q in enumerate(r.seq('irqs'))]
    p['mmio'] = [parse_mmio(path, m, i) for i, m in enumerate(r.seq('mmio_regions'))]
    p['deps'] = []
    for i, d in enumerate(r.seq('dependencies')):
        if not isinstance(d, str) or not IDENT.match(d):
            r.fail('dependencies[%d]' % i, '%r is not a service name' % (d,))
        p['deps'].append(d)
    if len(p['services']) + len(p['irqs']) > SIGNALS_MAX:
        r.fail('services', '%d services + %d irqs exceed the %d signals a partition has'
               % (len(p['services']), len(p['irqs']), SIGNALS_MAX))
    check_partition_names(p)
    return p


def parse_entry(r, p):
    """IPC partitions name entry_point (required); SFN partitions may name entry_init."""
    if p['model'] == 'IPC':
        if r.has('entry_init'):
            r.fail('entry_init', 'only an SFN partition has entry_init (use entry_point)')
        p['entry_point'] = r.ident('entry_point')
        p['entry_init'] = None
    else:
        if r.has('entry_point'):
            r.fail('entry_point', 'an SFN partition has no entry_point (use entry_init)')
        p['entry_point'] = None
        p['entry_init'] = r.ident('entry_init', required=False)


def parse_service(path, data, i, fw):
    r = Reader(path, data, 'services[%d]' % i, SERVICE_KEYS)
    s = {'name': r.ident('name'), 'field': r.where}
    s['sid'] = r.integer('sid', 0, 0xffffffff)
    s['connection_based'] = r.boolean('connection_based', True)
    s['ns_clients'] = r.boolean('non_secure_clients')
    s['version'] = r.integer('version', 1, 0xffffffff, default=1)
    s['policy'] = r.choice('version_policy', POLICIES, 'STRICT')
    s['stateless'] = None
    if r.has('stateless_handle'):
        if fw == '1.0':
            r.fail('stateless_handle', 'needs psa_framework_version 1.1')
        if s['connection_based']:
            r.fail('stateless_handle', 'only a service with connection_based: false has one')
        v = r.raw('stateless_handle', True)
        if v != 'auto':
            s['stateless'] = r.integer('stateless_handle', 1, STATELESS_MAX)
    if not s['connection_based']:
        if fw == '1.0':
            r.fail('connection_based', 'false needs psa_framework_version 1.1')
        if s['version'] > 0xff:
            r.fail('version', '%d does not fit the 8 bits a stateless handle carries'
                   % s['version'])
        s['stateless'] = s['stateless'] or 'auto'
    return s


def parse_irq(path, data, i, fw):
    """FF-M 1.1 partitions choose FLIH or SLIH; FF-M 1.0 ones have SLIH only."""
    r = Reader(path, data, 'irqs[%d]' % i, IRQ_KEYS)
    q = {'name': r.ident('name'), 'field': r.where}
    src = r.raw('source', True)
    if isinstance(src, str) and IDENT.match(src) and parse_int(src) is None:
        q['source'] = src
    else:
        q['source'] = r.integer('source', 0, IRQ_SOURCE_MAX)
    q['handling'] = r.choice('handling', HANDLINGS, 'SLIH' if fw == '1.0' else None)
    if fw == '1.0' and q['handling'] == 'FLIH':
        r.fail('handling', 'FLIH needs psa_framework_version 1.1')
    return q


def parse_mmio(path, data, i):
    r = Reader(path, data, 'mmio_regions[%d]' % i, MMIO_KEYS)
    m = {'permission': r.choice('permission', list(PERMISSIONS))}
    if r.has('name'):
        if r.has('base') or r.has('size'):
            r.fail('name', 'a region is either named or given by base and size, not both')
        m['name'], m['base'], m['size'] = r.ident('name'), 0, 0
        return m
    m['name'] = None
    m['base'] = r.integer('base', 0, 0xffffffff)
    m['size'] = r.integer('size', 1, 0xffffffff)
    if m['base'] + m['size'] > 0x100000000:
        r.fail('size', 'base + size wraps past the 4 GB address space')
    return m


def check_partition_names(p):
    """Signal macro names must be distinct inside one partition header."""
    seen = {}
    for kind, items in (('services', p['services']), ('irqs', p['irqs'])):
        for i, item in enumerate(items):
            key = item['name'].upper()
            if key in seen:
                raise ManifestError(p['path'], '%s[%d].name' % (kind, i),
                                    'signal %s_SIGNAL already defined by %s'
                                    % (item['name'], seen[key]))
            seen[key] = '%s[%d]' % (kind, i)


# ---------------------------------------------------------------------------------------
# The whole profile

def check_profile(parts):
    """Cross-manifest rules; an error blames the later manifest in list order."""
    names, sids, svc_names, irq_names, sources = {}, {}, {}, {}, {}
    for p in parts:
        key = p['name'].upper()
        if key in names:
            raise ManifestError(p['path'], 'name', '%s already used by %s'
                                % (p['name'], names[key]['path']))
        names[key] = p
        for s in p['services']:
            claim(svc_names, s['name'].upper(), p, s['field'] + '.name',
                  'service name %s already used by partition %%s' % s['name'], (p, s))
            claim(sids, s['sid'], p, s['field'] + '.sid',
                  '0x%x already used by partition %%s' % s['sid'], (p, s))
        for q in p['irqs']:
            claim(irq_names, q['name'].upper(), p, q['field'] + '.name',
                  'irq name %s already used by partition %%s' % q['name'], (p, q))
            claim(sources, q['source'], p, q['field'] + '.source',
                  'interrupt %s already used by partition %%s' % (q['source'],), (p, q))
    check_ids(parts)
    check_dependencies(parts, svc_names)


def claim(table, key, p, field, what, owner):
    if key in table:
        op, oitem = table[key]
        raise ManifestError(p['path'], field, what % ('%s %s %s' % (
            op['name'], 'service' if 'sid' in oitem else 'irq', oitem['name'])))
    table[key] = owner


def check_ids(parts):
    seen = {}
    for p in parts:
        if p['id'] is None:
            continue
        if p['id'] in seen:
            raise ManifestError(p['path'], 'id', '%d already used by partition %s'
                                % (p['id'], seen[p['id']]['name']))
        seen[p['id']] = p


def check_dependencies(parts, svc_names):
    for p in parts:
        own = {s['name'].upper() for s in p['services']}
        for i, d in enumerate(p['deps']):
            field = 'dependencies[%d]' % i
            if d.upper() in own:
                raise ManifestError(p['path'], field, '%s is a service of this partition' % d)
            if d.upper() not in svc_names:
                raise ManifestError(p['path'], field, 'no service named %s in this profile' % d)
            if p['deps'][:i].count(d):
                raise ManifestError(p['path'], field, '%s listed twice' % d)


def check_flih_privilege(parts, isolation):
    """Rampart runs a FLIH in Handler mode, privileged: only partitions that are privileged
    at this isolation level (all at 1, PSA-RoT at 2, none at 3) may declare one."""
    for p in parts:
        unprivileged = isolation == 3 or (isolation == 2 and p['type'] == 'APPLICATION-ROT')
        for q in p['irqs']:
            if unprivileged and q['handling'] == 'FLIH':
                raise ManifestError(p['path'], q['field'] + '.handling',
                                    'FLIH in a partition that runs unprivileged at isolation '
                                    'level %d is not supported; use SLIH' % isolation)


def check_backend(parts, list_path, isolation, backend):
    """Rampart's SFN backend runs SFN partitions only, at isolation level 1 only."""
    if backend != 'sfn':
        return
    if isolation != 1:
        raise ManifestError(list_path, 'backend', 'the SFN backend supports isolation level 1 '
                            'only (isolation %d asked); use the IPC backend' % isolation)
    for p in parts:
        if p['model'] != 'SFN':
            raise ManifestError(p['path'], 'model', 'IPC partition %s cannot run on the SFN '
                                'backend; use --backend ipc' % p['name'])


# ---------------------------------------------------------------------------------------
# Assignment: ids, signals, stateless handles, table indices

def assign(parts):
    used = {p['id'] for p in parts if p['id'] is not None}
    nxt = FIRST_ID
    for p in parts:
        if p['id'] is None:
            while nxt in used:
                nxt += 1
            p['id'] = nxt
            used.add(nxt)
    assign_stateless(parts)
    si = qi = di = mi = 0
    for pi, p in enumerate(parts):
        p['index'] = pi
        p['first_service'], p['first_irq'], p['first_dep'], p['first_mmio'] = si, qi, di, mi
        bit = SIGNAL_FIRST_BIT
        for item in p['services'] + p['irqs']:
            item['signal'] = 1 << bit
            bit += 1
        p['signals'] = sum(x['signal'] for x in p['services'] + p['irqs'])
        si += len(p['services'])
        qi += len(p['irqs'])
        di += len(p['deps'])
        mi += len(p['mmio'])


def assign_stateless(parts):
    taken = {}
    for p in parts:
        for s in p['services']:
            ix = s['stateless']
            if isinstance(ix, int):
                if ix in taken:
                    op, os_ = taken[ix]
                    raise ManifestError(p['path'], s['field'] + '.stateless_handle',
                                        '%d already used by partition %s service %s'
                                        % (ix, op['name'], os_['name']))
                taken[ix] = (p, s)
    for p in parts:
        for s in p['services']:
            if s['stateless'] == 'auto':
                free = [i for i in range(1, STATELESS_MAX + 1) if i not in taken]
                if not free:
                    raise ManifestError(p['path'], s['field'] + '.stateless_handle',
                                        'all %d stateless handles are used' % STATELESS_MAX)
                s['stateless'] = free[0]
                taken[free[0]] = (p, s)


def stateless_handle(s):
    return STATELESS_BIT | (s['stateless'] << 8) | (s['version'] & 0xff)


# ---------------------------------------------------------------------------------------
# Output

HEADER_NOTE = '/* Generated by tools/manifest/rp_manifest.py from %s. Do not edit. */\n'


def gen_sid_h(parts, src):
    out = [HEADER_NOTE % src, '#ifndef PSA_MANIFEST_SID_H\n#define PSA_MANIFEST_SID_H\n\n',
           '#include "psa/client.h"\n']
    for p in parts:
        out.append('\n/* %s (%s) */\n' % (p['name'], p['path']))
        for s in p['services']:
            out.append('#define %s_SID (0x%08xu)\n' % (s['name'], s['sid']))
            out.append('#define %s_VERSION (%uu)\n' % (s['name'], s['version']))
            if s['stateless']:
                out.append('#define %s_HANDLE ((psa_handle_t)0x%08x)\n'
                           % (s['name'], stateless_handle(s)))
    out.append('\n#endif\n')
    return ''.join(out)


def gen_pid_h(parts, src):
    out = [HEADER_NOTE % src, '#ifndef PSA_MANIFEST_PID_H\n#define PSA_MANIFEST_PID_H\n\n']
    for p in parts:
        out.append('#define %s (%d)\n' % (p['name'], p['id']))
    out.append('\n#endif\n')
    return ''.join(out)


def gen_partition_h(p, src):
    guard = 'PSA_MANIFEST_%s_H' % p['name'].upper()
    out = [HEADER_NOTE % src, '#ifndef %s\n#define %s\n\n' % (guard, guard),
           '#include "psa/service.h"\n#include "psa_manifest/pid.h"\n\n']
    for x in p['services'] + p['irqs']:
        out.append('#define %s_SIGNAL (0x%08xu)\n' % (x['name'], x['signal']))
    out.append('\n')
    if p['entry_point']:
        out.append('void %s(void);\n' % p['entry_point'])
    if p['entry_init']:
        out.append('psa_status_t %s(void);\n' % p['entry_init'])
    if p['model'] == 'SFN':
        for s in p['services']:
            out.append('psa_status_t %s_sfn(const psa_msg_t *msg);\n' % s['name'].lower())
    for q in p['irqs']:
        if q['handling'] == 'FLIH':
            out.append('psa_flih_result_t %s_flih(void);\n' % q['name'].lower())
    out.append('\n#endif\n')
    return ''.join(out)


def c_array(ctype, name, rows, dummy):
    """A const array definition; an empty one gets one dummy row (C has no empty arrays)."""
    body = rows if rows else ['    %s, /* dummy: the count is 0 */\n' % dummy]
    return ['const %s %s[] = {\n' % (ctype, name)] + body + ['};\n']


def gen_stacks(parts):
    out = []
    for p in parts:
        if p['model'] == 'IPC':
            low = p['name'].lower()
            out.append('static uint64_t rp_stack_%s[%u]\n    __attribute__((section('
                       '".rp_part.%s.stack"), aligned(8)));\n' % (low, p['stack_size'] // 8, low))
    return out


def gen_services(parts):
    rows = []
    for p in parts:
        for s in p['services']:
            flags = ['RP_SVC_CONNECTION_BASED' if s['connection_based'] else 'RP_SVC_STATELESS']
            if s['ns_clients']:
                flags.append('RP_SVC_NS_CLIENTS')
            if s['policy'] == 'STRICT':
                flags.append('RP_SVC_POLICY_STRICT')
            sfn = '%s_sfn' % s['name'].lower() if p['model'] == 'SFN' else 'NULL'
            rows.append('    { /* %s */ .sid = 0x%08xu, .version = %uu, .signal = 0x%08xu,\n'
                        '      .sfn = %s, .partition = %d,\n'
                        '      .flags = %s, .stateless_index = %d },\n'
                        % (s['name'], s['sid'], s['version'], s['signal'], sfn, p['index'],
                           ' | '.join(flags), s['stateless'] or 0))
    return c_array('rp_service_t', 'rp_services', rows, '{ .sid = 0 }')


def gen_service_index(parts):
    svcs = [s for p in parts for s in p['services']]
    order = sorted(range(len(svcs)), key=lambda i: svcs[i]['sid'])
    rows = ['    %d, /* 0x%08x %s */\n' % (i, svcs[i]['sid'], svcs[i]['name']) for i in order]
    out = c_array('uint16_t', 'rp_services_by_sid', rows, '0')
    out.append('\nconst rp_service_t *const rp_stateless_services[RP_STATELESS_SLOTS] = {\n')
    stateless = sorted((s['stateless'], i) for i, s in enumerate(svcs) if s['stateless'])
    for ix, i in stateless:
        out.append('    [%d] = &rp_services[%d], /* %s */\n' % (ix, i, svcs[i]['name']))
    if not stateless:
        out.append('    NULL, /* no stateless service */\n')
    out.append('};\n')
    return out


def ns_stateless_bits(parts):
    """Index bits of the NS agent's stateless table: enough for the highest index used."""
    top = max([s['stateless'] for p in parts for s in p['services'] if s['stateless']],
              default=1)
    return max(1, top.bit_length())


def gen_ns_stateless(parts):
    """rp_ns_stateless[]: the NS agent's quick look-up of a stateless handle (the rules of
    rp_stateless_lookup for an NS caller, as data; rp_spm_tables.h)."""
    svcs = [(s, p['index']) for p in parts for s in p['services']]
    bits = ns_stateless_bits(parts)
    rows = []
    for j in range(1 << bits):
        hit = [(i, s, pi) for i, (s, pi) in enumerate(svcs)
               if s['stateless'] and s['ns_clients'] and s['stateless'] % (1 << bits) == j]
        if hit:
            i, s, pi = hit[0]
            span = 0 if s['policy'] == 'STRICT' else s['version']
            rows.append('    { &rp_services[%d], 0x%08xu, %du, %du }, /* %s */\n'
                        % (i, stateless_handle(s), span, pi, s['name']))
        else:
            rows.append('    { NULL, 0x%08xu, 0u, 0u }, /* none: matches no handle */\n'
                        % ((j ^ 1) << 8))
    return (['const rp_ns_stateless_t rp_ns_stateless[1u << RP_NS_STATELESS_BITS] = {\n']
            + rows + ['};\n'])


def gen_config_h(parts, src):
    return (HEADER_NOTE % src + '#ifndef RP_MANIFEST_CONFIG_H\n#define RP_MANIFEST_CONFIG_H\n\n'
            '/* index bits of rp_ns_stateless[] (the highest stateless index in use fits) */\n'
            '#define RP_NS_STATELESS_BITS %du\n\n#endif\n' % ns_stateless_bits(parts))


def gen_irqs(parts):
    rows = []
    for p in parts:
        for q in p['irqs']:
            flih = '%s_flih' % q['name'].lower() if q['handling'] == 'FLIH' else 'NULL'
            rows.append('    { /* %s */ .source = %s, .signal = 0x%08xu, .handling = RP_IRQ_%s,\n'
                        '      .flih = %s, .partition = %d },\n'
                        % (q['name'], q['source'], q['signal'], q['handling'], flih,
                           p['index']))
    return c_array('rp_irq_t', 'rp_irqs', rows, '{ .source = 0 }')


def gen_deps(parts):
    by_name = {s['name'].upper(): s for p in parts for s in p['services']}
    rows = ['    0x%08xu, /* %s: %s */\n' % (by_name[d.upper()]['sid'], p['name'], d)
            for p in parts for d in p['deps']]
    return c_array('uint32_t', 'rp_dependencies', rows, '0')


def gen_mmio(parts):
    rows = []
    for p in parts:
        for m in p['mmio']:
            name = '"%s"' % m['name'] if m['name'] else 'NULL'
            rows.append('    { /* %s */ .name = %s,\n'
                        '      .base = 0x%08xu, .size = 0x%08xu, .permission = %s },\n'
                        % (p['name'], name, m['base'], m['size'], PERMISSIONS[m['permission']]))
    return c_array('rp_mmio_t', 'rp_mmio', rows, '{ .name = NULL }')


def gen_partitions(parts):
    rows = []
    for p in parts:
        low = p['name'].lower()
        ipc = p['model'] == 'IPC'
        rows.append(
            '    { .name = "%s", .id = %d, .type = %s, .model = RP_MODEL_%s,\n'
            '      .priority = RP_PRIO_%s,\n'
            '      .n_services = %d, .n_irqs = %d, .n_deps = %d, .n_mmio = %d,\n'
            '      .first_service = %d, .first_irq = %d, .first_dep = %d, .first_mmio = %d,\n'
            '      .entry = %s, .init = %s,\n'
            '      .stack = %s, .stack_size = %du,\n'
            '      .signals = 0x%08xu },\n'
            % (p['name'], p['id'], TYPES[p['type']], p['model'], p['priority'],
               len(p['services']), len(p['irqs']), len(p['deps']), len(p['mmio']),
               p['first_service'], p['first_irq'], p['first_dep'], p['first_mmio'],
               p['entry_point'] or 'NULL', p['entry_init'] or 'NULL',
               'rp_stack_%s' % low if ipc else 'NULL', p['stack_size'], p['signals']))
    return c_array('rp_partition_t', 'rp_partitions', rows, '{ .name = NULL }')


def gen_tables_c(parts, src, isolation, backend):
    n_svc = sum(len(p['services']) for p in parts)
    out = [HEADER_NOTE % src,
           '/* isolation level %d, %s backend */\n\n' % (isolation, backend.upper()),
           '#include <stddef.h>\n#include <stdint.h>\n#include "rp_manifest_config.h"\n'
           '#include "rp_spm_tables.h"\n']
    if any(isinstance(q['source'], str) for p in parts for q in p['irqs']):
        out.append('#include "rp_platform_irqs.h" /* named interrupt sources */\n')
    for p in parts:
        out.append('#include "psa_manifest/%s.h"\n' % p['name'].lower())
    out.append('\n')
    out += gen_stacks(parts)
    out.append('\n')
    for section in (gen_partitions, gen_services, gen_service_index, gen_ns_stateless,
                    gen_irqs, gen_deps, gen_mmio):
        out += section(parts)
        out.append('\n')
    counts = (('rp_partition_count', len(parts)), ('rp_service_count', n_svc),
              ('rp_irq_count', sum(len(p['irqs']) for p in parts)),
              ('rp_dependency_count', sum(len(p['deps']) for p in parts)),
              ('rp_mmio_count', sum(len(p['mmio']) for p in parts)))
    out += ['const uint16_t %s = %d;\n' % c for c in counts]
    return ''.join(out)


def write_if_changed(path, text):
    """Rewrite only on change, so a rerun does not force a rebuild."""
    try:
        with open(path, 'r', encoding='utf-8') as f:
            if f.read() == text:
                return
    except OSError:
        pass
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, path)


def generate(parts, out_dir, src, isolation, backend):
    hdr_dir = os.path.join(out_dir, 'psa_manifest')
    os.makedirs(hdr_dir, exist_ok=True)
    write_if_changed(os.path.join(hdr_dir, 'sid.h'), gen_sid_h(parts, src))
    write_if_changed(os.path.join(hdr_dir, 'pid.h'), gen_pid_h(parts, src))
    for p in parts:
        write_if_changed(os.path.join(hdr_dir, '%s.h' % p['name'].lower()),
                         gen_partition_h(p, src))
    write_if_changed(os.path.join(out_dir, 'rp_manifest_config.h'), gen_config_h(parts, src))
    write_if_changed(os.path.join(out_dir, 'rp_manifest_tables.c'),
                     gen_tables_c(parts, src, isolation, backend))


# ---------------------------------------------------------------------------------------
# Driver

def shown_path(path, root):
    rel = os.path.relpath(os.path.abspath(path), root)
    return path if rel.startswith('..') else rel


def load_list(list_path, root, args):
    """Read the partition list; return (shown list path, [manifest paths], isolation, backend)."""
    shown = shown_path(list_path, root)
    data = load_yaml(list_path, shown)
    r = Reader(shown, data if data is not None else {}, '', LIST_KEYS)
    if not r.has('partitions'):
        r.fail('partitions', 'missing (required; may be an empty list)')
    paths = []
    for i, item in enumerate(r.seq('partitions')):
        if not isinstance(item, str) or not item:
            r.fail('partitions[%d]' % i, '%r is not a path' % (item,))
        if os.path.isabs(item):
            r.fail('partitions[%d]' % i, '%s must be relative to the repository root' % item)
        if item in paths:
            r.fail('partitions[%d]' % i, '%s listed twice' % item)
        paths.append(item)
    if len(paths) > PARTITIONS_MAX:
        r.fail('partitions', '%d listed; an image holds at most %d' % (len(paths),
                                                                      PARTITIONS_MAX))
    isolation = args.isolation or r.integer('isolation', 1, 3, default=1)
    backend = args.backend or r.choice('backend', ['sfn', 'ipc'], 'ipc')
    args.options = load_options(r, shown)
    return shown, paths, isolation, backend


def load_options(r, shown):
    """The profile's `options:` map -> {CMake variable: 'ON' | 'OFF'}."""
    if not r.has('options'):
        return {}
    opts = r.data['options']
    if not isinstance(opts, dict):
        raise ManifestError(shown, 'options', 'must be a map of option: value')
    out = {}
    for key, value in opts.items():
        if key not in PROFILE_OPTIONS:
            raise ManifestError(shown, 'options.%s' % key, 'unknown option (known: %s)'
                                % ', '.join(sorted(PROFILE_OPTIONS)))
        var, kind = PROFILE_OPTIONS[key]
        if kind == 'bool':
            if not isinstance(value, bool):
                raise ManifestError(shown, 'options.%s' % key, '%r is not true or false'
                                    % (value,))
            out[var] = 'ON' if value else 'OFF'
        else:
            if value not in kind:
                raise ManifestError(shown, 'options.%s' % key, '%r is not one of %s'
                                    % (value, ', '.join(kind)))
            out[var] = 'ON' if value == kind[1] else 'OFF'
    return out


def write_cmake(path, isolation, backend, options):
    """The profile as CMake settings: the SPM configuration and the build options."""
    lines = ['# Generated from the profile by tools/manifest/rp_manifest.py. Do not edit.',
             'set(RAMPART_CONFIG %s_l%d CACHE STRING "" FORCE)' % (backend, isolation)]
    for var in sorted(options):
        lines.append('set(%s %s CACHE BOOL "" FORCE)' % (var, options[var]))
    text = '\n'.join(lines) + '\n'
    if not (os.path.exists(path) and open(path).read() == text):
        with open(path, 'w') as f:
            f.write(text)


def run(args):
    root = os.path.abspath(args.root)
    shown, paths, isolation, backend = load_list(args.list, root, args)
    parts = []
    for path in paths:
        data = load_yaml(os.path.join(root, path), path)
        parts.append(parse_manifest(path, data))
    check_profile(parts)
    check_backend(parts, shown, isolation, backend)
    check_flih_privilege(parts, isolation)
    if args.cmake:
        write_cmake(args.cmake, isolation, backend, args.options)
        return
    assign(parts)
    generate(parts, args.out, shown, isolation, backend)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--list', required=True, help='profile: a YAML file with `partitions:`')
    ap.add_argument('--root', default='.', help='repository root the list paths start from')
    ap.add_argument('--out', help='directory for the generated files')
    ap.add_argument('--cmake', help='only check the profile and write its configuration and '
                    'options as CMake settings to this file')
    ap.add_argument('--isolation', type=int, choices=(1, 2, 3),
                    help='isolation level (default: the profile\'s, else 1)')
    ap.add_argument('--backend', choices=('sfn', 'ipc'),
                    help='SPM backend (default: the profile\'s, else ipc)')
    args = ap.parse_args(argv)
    if not args.out and not args.cmake:
        ap.error('one of --out or --cmake is required')
    try:
        run(args)
    except ManifestError as e:
        sys.stderr.write('%s\n' % e)
        return EXIT_BAD_INPUT
    return 0


if __name__ == '__main__':
    sys.exit(main())
