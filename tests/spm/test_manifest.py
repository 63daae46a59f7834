#!/usr/bin/python3
"""test_manifest.py - the manifest tool accepts the good manifests and rejects each bad one.

    test_manifest.py <repo root> <scratch dir>

Each tests/spm/manifests/bad_*.{yaml,json} starts with comment lines:
    # after: <manifest>   (optional, repeatable) listed before it in the profile
    # args: <options>     (optional) extra command-line options
    # expect: <field>: <message>
The tool must exit with status 2 and print exactly `<manifest path>: <expect>` on stderr.
Profile-level errors (the list file itself) are checked by LIST_CASES below.
"""

import glob
import os
import subprocess
import sys

ROOT = os.path.abspath(sys.argv[1])
SCRATCH = os.path.abspath(sys.argv[2])
TOOL = os.path.join(ROOT, 'tools', 'manifest', 'rp_manifest.py')
MANIFESTS = 'tests/spm/manifests'
GOOD = [MANIFESTS + '/good_crypto.yaml', MANIFESTS + '/good_storage.json',
        MANIFESTS + '/good_idle.yaml']

checks = failures = 0


def check(cond, what):
    global checks, failures
    checks += 1
    if not cond:
        failures += 1
        print('FAIL: %s' % what)


def run_tool(list_text, name, args=()):
    """Write a profile into the scratch dir, run the tool on it; return (rc, stderr, out)."""
    list_path = os.path.join(SCRATCH, name + '.yaml')
    out = os.path.join(SCRATCH, 'out_' + name)
    with open(list_path, 'w') as f:
        f.write(list_text)
    p = subprocess.run([sys.executable, TOOL, '--list', list_path, '--root', ROOT,
                        '--out', out] + list(args), capture_output=True, text=True)
    return p.returncode, p.stderr, out, list_path


def profile(paths):
    return 'partitions:\n' + ''.join('  - %s\n' % p for p in paths) if paths else \
        'partitions: []\n'


def header(path):
    after, args, expect = [], [], None
    with open(os.path.join(ROOT, path)) as f:
        for line in f:
            if not line.startswith('#'):
                break
            key, _, value = line[1:].strip().partition(': ')
            if key == 'after':
                after.append(value)
            elif key == 'args':
                args += value.split()
            elif key == 'expect':
                expect = value
    return after, args, expect


def test_bad_manifests():
    bad = sorted(glob.glob(os.path.join(ROOT, MANIFESTS, 'bad_*')))
    check(len(bad) >= 40, 'expected the bad manifest set, found %d' % len(bad))
    for abs_path in bad:
        path = os.path.relpath(abs_path, ROOT)
        after, args, expect = header(path)
        check(expect is not None, '%s has no "# expect:" line' % path)
        name = os.path.splitext(os.path.basename(path))[0]
        rc, err, _, _ = run_tool(profile(after + [path]), name, args)
        want = '%s: %s\n' % (path, expect)
        check(rc == 2 and err == want,
              '%s: exit %d, stderr %r, expected exit 2 and %r' % (path, rc, err, want))


def test_good_manifests():
    for path in (GOOD[0], GOOD[2]):  # good_storage depends on good_crypto's services
        rc, err, out, _ = run_tool(profile([path]), 'alone_' + os.path.basename(path))
        check(rc == 0 and err == '', '%s alone: exit %d %s' % (path, rc, err))
    rc, err, out, _ = run_tool(profile(GOOD), 'all_good')
    check(rc == 0 and err == '', 'all good manifests: exit %d %s' % (rc, err))
    for f in ('psa_manifest/sid.h', 'psa_manifest/pid.h', 'psa_manifest/rp_test_sp_crypto.h',
              'psa_manifest/rp_test_sp_storage.h', 'psa_manifest/rp_test_sp_idle.h',
              'rp_manifest_tables.c'):
        check(os.path.isfile(os.path.join(out, f)), 'all good: %s not generated' % f)
    with open(os.path.join(out, 'psa_manifest', 'sid.h')) as f:
        sid_h = f.read()
    # Handle = 0x40000000 | index << 8 | version: RP_TEST_CRYPTO index 3 version 1, the
    # first free index (1) for RP_TEST_HASH version 2, the next (2) for RP_TEST_PS v255.
    for line in ('#define RP_TEST_CRYPTO_HANDLE ((psa_handle_t)0x40000301)',
                 '#define RP_TEST_HASH_HANDLE ((psa_handle_t)0x40000102)',
                 '#define RP_TEST_PS_HANDLE ((psa_handle_t)0x400002ff)',
                 '#define RP_TEST_PS_SID (0x00001000u)'):
        check(line in sid_h, 'sid.h lacks %r' % line)
    check('RP_TEST_SESSION_HANDLE' not in sid_h, 'a connection-based service got a handle')
    # An FF-M 1.0 manifest with a named interrupt source: SLIH, IPC, connection-based.
    rc, err, out, _ = run_tool(profile([MANIFESTS + '/good_legacy.yaml']), 'legacy')
    check(rc == 0 and err == '', 'good_legacy: exit %d %s' % (rc, err))
    if rc == 0:
        with open(os.path.join(out, 'rp_manifest_tables.c')) as f:
            tables = f.read()
        for text in ('#include "rp_platform_irqs.h"', '.source = UART0_IRQn',
                     '.handling = RP_IRQ_SLIH', '.model = RP_MODEL_IPC',
                     '.flags = RP_SVC_CONNECTION_BASED | RP_SVC_NS_CLIENTS,'):
            check(text in tables, 'good_legacy tables lack %r' % text)
    # JSON is YAML: the .json manifest parsed like the others (checked above); the SFN
    # backend accepts an SFN-only profile.
    rc, err, _, _ = run_tool(profile([GOOD[0]]), 'sfn_only', ['--backend', 'sfn'])
    check(rc == 0, 'SFN-only profile on the SFN backend: exit %d %s' % (rc, err))


def test_lists():
    rc, err, out, _ = run_tool('partitions: []\n', 'empty')
    check(rc == 0 and err == '', 'empty list: exit %d %s' % (rc, err))
    check(os.path.isfile(os.path.join(out, 'rp_manifest_tables.c')), 'empty list: no tables')
    rc, err, _, _ = run_tool('', 'empty_file')
    check(rc == 2 and err.endswith('empty_file.yaml: partitions: missing (required; may be '
                                   'an empty list)\n'), 'empty file: %d %r' % (rc, err))
    cases = [
        ('missing', profile([MANIFESTS + '/nowhere.yaml']),
         MANIFESTS + '/nowhere.yaml: cannot read: No such file or directory'),
        ('twice', profile([GOOD[2], GOOD[2]]),
         'LIST: partitions[1]: %s listed twice' % GOOD[2]),
        ('absolute', profile(['/etc/passwd']),
         'LIST: partitions[0]: /etc/passwd must be relative to the repository root'),
        ('unknown', 'partitions: []\nisolaton: 2\n', 'LIST: isolaton: unknown field'),
        ('option_unknown', 'partitions: []\noptions:\n  mm_iovek: true\n',
         'LIST: options.mm_iovek: unknown option (known: attestation, crypto_ecc, crypto_rsa, '
         'mm_iovec, p256)'),
        ('option_not_bool', 'partitions: []\noptions:\n  mm_iovec: 1\n',
         'LIST: options.mm_iovec: 1 is not true or false'),
        ('option_bad_choice', 'partitions: []\noptions:\n  p256: tiny\n',
         "LIST: options.p256: 'tiny' is not one of small, fast"),
        ('options_not_map', 'partitions: []\noptions: [mm_iovec]\n',
         'LIST: options: must be a map of option: value'),
        ('too_many', profile(['p%d.yaml' % i for i in range(32)]),
         'LIST: partitions: 32 listed; an image holds at most 31'),
        ('sfn_level2', 'isolation: 2\nbackend: sfn\n' + profile([GOOD[0]]),
         'LIST: backend: the SFN backend supports isolation level 1 only (isolation 2 '
         'asked); use the IPC backend'),
    ]
    for name, text, expect in cases:
        rc, err, _, list_path = run_tool(text, 'list_' + name)
        rel = os.path.relpath(list_path, ROOT)  # the tool names a file inside the root
        want = expect.replace('LIST', list_path if rel.startswith('..') else rel) + '\n'
        check(rc == 2 and err == want, 'list %s: exit %d %r, expected %r' % (name, rc, err,
                                                                              want))
    # The command line overrides the profile: level 3 with the SFN backend is refused too.
    rc, err, _, list_path = run_tool(profile([GOOD[0]]), 'cli_sfn_level3',
                                     ['--isolation', '3', '--backend', 'sfn'])
    check(rc == 2 and 'supports isolation level 1 only (isolation 3 asked)' in err,
          'command line level 3 + sfn: exit %d %r' % (rc, err))


def test_profile_cmake():
    """--cmake: a profile's configuration and options as CMake settings."""
    list_path = os.path.join(SCRATCH, 'cmake_profile.yaml')
    with open(list_path, 'w') as f:
        f.write('isolation: 2\nbackend: ipc\noptions:\n  mm_iovec: false\n  p256: fast\n'
                '  attestation: symmetric\n' + profile([GOOD[0]]))
    out = os.path.join(SCRATCH, 'profile.cmake')
    p = subprocess.run([sys.executable, TOOL, '--list', list_path, '--root', ROOT,
                        '--cmake', out], capture_output=True, text=True)
    check(p.returncode == 0, '--cmake: exit %d %s' % (p.returncode, p.stderr))
    text = open(out).read() if os.path.exists(out) else ''
    for line in ('set(RAMPART_CONFIG ipc_l2 CACHE STRING "" FORCE)',
                 'set(RAMPART_MM_IOVEC OFF CACHE BOOL "" FORCE)',
                 'set(RAMPART_P256_FAST ON CACHE BOOL "" FORCE)',
                 'set(RAMPART_ATTEST_SYMMETRIC ON CACHE BOOL "" FORCE)'):
        check(line in text.splitlines(), '--cmake: %r missing from %r' % (line, text))


def test_base_profiles():
    for path in sorted(glob.glob(os.path.join(ROOT, 'profiles', '*.yaml'))):
        out = os.path.join(SCRATCH, 'profile_' + os.path.basename(path))
        p = subprocess.run([sys.executable, TOOL, '--list', path, '--root', ROOT, '--out', out],
                           capture_output=True, text=True)
        check(p.returncode == 0, '%s: exit %d %s' % (path, p.returncode, p.stderr))


def main():
    os.makedirs(SCRATCH, exist_ok=True)
    test_bad_manifests()
    test_good_manifests()
    test_lists()
    test_profile_cmake()
    test_base_profiles()
    print('test_manifest: %d checks, %d failed' % (checks, failures))
    return 0 if failures == 0 and checks > 0 else 1


if __name__ == '__main__':
    sys.exit(main())
