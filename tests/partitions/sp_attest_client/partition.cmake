# Included by cmake/partitions.cmake: the attestation client library (shared code,
# services/attestation/partition.cmake).
target_link_libraries(part_${name} PRIVATE rp_attest_client_s)
