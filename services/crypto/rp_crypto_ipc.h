/* rp_crypto_ipc.h - the message format between the PSA Crypto client libraries
 * (interface/src/psa_crypto_ns.c, on either side of TrustZone) and the Crypto partition
 * (crypto_sp.c). Installed into the interface package next to psa/crypto.h.
 *
 * One stateless service, RP_CRYPTO (services/crypto/crypto.yaml). psa_call's type is the
 * function (RP_CRYPTO_FN_*). in_vec[0] is always a struct rp_crypto_req; the other vectors
 * are listed per function below. Every multipart function returns the operation's handle
 * in out_vec[0] (4 bytes): 0 once the operation has ended or failed.
 * Lengths travel as the vectors' own lengths; the service writes each output's length
 * back through psa_call (output_length = out_vec[i].len). */
#ifndef RP_CRYPTO_IPC_H
#define RP_CRYPTO_IPC_H

#include <stdint.h>

struct rp_crypto_req {
    uint32_t op;     /* operation handle */
    uint32_t key;    /* key id (source key, private key, expected key) */
    uint32_t alg;
    uint32_t arg;    /* decrypt / verify / message flag, derivation step, clone target */
    union {
        struct {
            uint64_t n1; /* ad_length, capacity, integer input, output length */
            uint64_t n2; /* plaintext_length */
        } v;
        uint8_t nonce[16]; /* one-shot AEAD only, see (*) below */
    } u;
};

/*  function                      in_vec[1..]                 out_vec[...]            */
enum rp_crypto_fn {
    RP_CRYPTO_FN_INIT = 1,        /* -                          -                      */
    RP_CRYPTO_FN_GET_ATTRIBUTES,  /* -                          [0] attributes         */
    RP_CRYPTO_FN_IMPORT,          /* [1] attributes [2] data    [0] key id             */
    RP_CRYPTO_FN_GENERATE,        /* [1] attributes             [0] key id             */
    RP_CRYPTO_FN_COPY,            /* [1] attributes             [0] key id             */
    RP_CRYPTO_FN_DESTROY,         /* -                          -                      */
    RP_CRYPTO_FN_PURGE,           /* -                          -                      */
    RP_CRYPTO_FN_EXPORT,          /* -                          [0] data               */
    RP_CRYPTO_FN_EXPORT_PUBLIC,   /* -                          [0] data               */
    RP_CRYPTO_FN_RANDOM,          /* -                          [0] data               */
    RP_CRYPTO_FN_HASH_COMPUTE,    /* [1] input                  [0] hash               */
    RP_CRYPTO_FN_HASH_COMPARE,    /* [1] input [2] hash         -                      */
    RP_CRYPTO_FN_HASH_SETUP,      /* -                          [0] handle             */
    RP_CRYPTO_FN_HASH_UPDATE,     /* [1] input                  [0] handle             */
    RP_CRYPTO_FN_HASH_FINISH,     /* -                          [0] handle [1] hash    */
    RP_CRYPTO_FN_HASH_VERIFY,     /* [1] hash                   [0] handle             */
    RP_CRYPTO_FN_HASH_CLONE,      /* (op = source, arg = target) [0] target handle     */
    RP_CRYPTO_FN_ABORT,           /* -                          [0] handle             */
    RP_CRYPTO_FN_MAC_COMPUTE,     /* [1] input                  [0] mac                */
    RP_CRYPTO_FN_MAC_VERIFY,      /* [1] input [2] mac          -                      */
    RP_CRYPTO_FN_MAC_SETUP,       /* (arg = verify)             [0] handle             */
    RP_CRYPTO_FN_MAC_UPDATE,      /* [1] input                  [0] handle             */
    RP_CRYPTO_FN_MAC_SIGN_FINISH, /* -                          [0] handle [1] mac     */
    RP_CRYPTO_FN_MAC_VERIFY_FINISH, /* [1] mac                  [0] handle             */
    RP_CRYPTO_FN_CIPHER_CRYPT,    /* [1] input (arg = decrypt)  [0] output             */
    RP_CRYPTO_FN_CIPHER_SETUP,    /* (arg = decrypt)            [0] handle             */
    RP_CRYPTO_FN_CIPHER_GENERATE_IV, /* -                       [0] handle [1] iv      */
    RP_CRYPTO_FN_CIPHER_SET_IV,   /* [1] iv                     [0] handle             */
    RP_CRYPTO_FN_CIPHER_UPDATE,   /* [1] input                  [0] handle [1] output  */
    RP_CRYPTO_FN_CIPHER_FINISH,   /* -                          [0] handle [1] output  */
    RP_CRYPTO_FN_AEAD_CRYPT,      /* [1] ad [2] input (*)       [0] output             */
    RP_CRYPTO_FN_AEAD_SETUP,      /* (arg = decrypt)            [0] handle             */
    RP_CRYPTO_FN_AEAD_GENERATE_NONCE, /* -                      [0] handle [1] nonce   */
    RP_CRYPTO_FN_AEAD_SET_NONCE,  /* [1] nonce                  [0] handle             */
    RP_CRYPTO_FN_AEAD_SET_LENGTHS, /* (u.v: n1 = ad, n2 = text)  [0] handle             */
    RP_CRYPTO_FN_AEAD_UPDATE_AD,  /* [1] input                  [0] handle             */
    RP_CRYPTO_FN_AEAD_UPDATE,     /* [1] input                  [0] handle [1] output  */
    RP_CRYPTO_FN_AEAD_FINISH,     /* -                     [0] handle [1] output [2] tag */
    RP_CRYPTO_FN_AEAD_VERIFY,     /* [1] tag                    [0] handle [1] output  */
    RP_CRYPTO_FN_SIGN,            /* [1] input (arg = message)  [0] signature          */
    RP_CRYPTO_FN_VERIFY,          /* [1] input [2] signature    -                      */
    RP_CRYPTO_FN_ASYMMETRIC_CRYPT, /* [1] input [2] salt        [0] output             */
    RP_CRYPTO_FN_RAW_KEY_AGREEMENT, /* [1] peer key             [0] output             */
    RP_CRYPTO_FN_KDF_SETUP,       /* -                          [0] handle             */
    RP_CRYPTO_FN_KDF_GET_CAPACITY, /* -                         [0] capacity (size_t)  */
    RP_CRYPTO_FN_KDF_SET_CAPACITY, /* (n1 = capacity)           [0] handle             */
    RP_CRYPTO_FN_KDF_INPUT_BYTES, /* [1] data (arg = step)      [0] handle             */
    RP_CRYPTO_FN_KDF_INPUT_INTEGER, /* (arg = step, n1 = value) [0] handle             */
    RP_CRYPTO_FN_KDF_INPUT_KEY,   /* (arg = step)               [0] handle             */
    RP_CRYPTO_FN_KDF_KEY_AGREEMENT, /* [1] peer (arg = step)    [0] handle             */
    RP_CRYPTO_FN_KDF_OUTPUT_BYTES, /* -                         [0] handle [1] output  */
    RP_CRYPTO_FN_KDF_OUTPUT_KEY,  /* [1] attributes             [0] handle [1] key id  */
    RP_CRYPTO_FN_KDF_VERIFY_BYTES, /* [1] expected              [0] handle             */
    RP_CRYPTO_FN_KDF_VERIFY_KEY,  /* -                          [0] handle             */
    RP_CRYPTO_FN_HASH_SUSPEND,    /* -                          [0] handle [1] state   */
    RP_CRYPTO_FN_HASH_RESUME,     /* [1] state                  [0] handle             */
    RP_CRYPTO_FN_COUNT
};
/* (*) psa_call carries at most four vectors in all, so the one-shot AEAD call sends its
 * nonce (at most RP_CRYPTO_NONCE_MAX bytes) in the request's u.nonce, and
 * arg = decrypt | nonce_length << 8. */
#define RP_CRYPTO_NONCE_MAX 16u

#endif
