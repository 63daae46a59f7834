/* rp_partition_svc.h - compiled first (-include, cmake/partitions.cmake) into the sources
 * of each partition that always runs unprivileged (Application-RoT at isolation level 2,
 * every partition at level 3). Each PSA API function below is renamed to its SVC entry
 * (spm/psa_api.c: rp_svc_<name>), which goes straight to the SVC without first testing
 * the caller's privilege. The PSA headers' prototypes are renamed with them, so the
 * entries have exactly the API's types; the behaviour is the same. */
#ifndef RP_PARTITION_SVC_H
#define RP_PARTITION_SVC_H

#define psa_version             rp_svc_psa_version
#define psa_connect             rp_svc_psa_connect
#define psa_close               rp_svc_psa_close
#define psa_wait                rp_svc_psa_wait
#define psa_get                 rp_svc_psa_get
#define psa_set_rhandle         rp_svc_psa_set_rhandle
#define psa_read                rp_svc_psa_read
#define psa_skip                rp_svc_psa_skip
#define psa_write               rp_svc_psa_write
#define psa_reply               rp_svc_psa_reply
#define psa_notify              rp_svc_psa_notify
#define psa_clear               rp_svc_psa_clear
#define psa_eoi                 rp_svc_psa_eoi
#define psa_irq_enable          rp_svc_psa_irq_enable
#define psa_irq_disable         rp_svc_psa_irq_disable
#define psa_reset_signal        rp_svc_psa_reset_signal
#define psa_map_invec           rp_svc_psa_map_invec
#define psa_unmap_invec         rp_svc_psa_unmap_invec
#define psa_map_outvec          rp_svc_psa_map_outvec
#define psa_unmap_outvec        rp_svc_psa_unmap_outvec
#define psa_rot_lifecycle_state rp_svc_psa_rot_lifecycle_state
#define rp_spm_system_reset     rp_svc_rp_spm_system_reset

#endif
