/* an521_regs.h - registers of the AN521 (SSE-200 subsystem, Cortex-M33) that Rampart uses.
 * Addresses from Arm's SSE-200 and AN521 documentation and QEMU's mps2-an521 model. */
#ifndef AN521_REGS_H
#define AN521_REGS_H

#include <stdint.h>

#define RP_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* CMSDK UART0. Secure alias 0x50200000, non-secure alias 0x40200000. */
#define UART0_S_BASE            0x50200000u
#define UART0_NS_BASE           0x40200000u
#define UART_DATA               0x00u
#define UART_STATE              0x04u   /* bit 0: TX buffer full */
#define UART_CTRL               0x08u   /* bit 0: TX enable */
#define UART_BAUDDIV            0x10u

/* Secure privilege control block (SPCTRL) of the SSE-200. */
#define SPCTRL_BASE             0x50080000u
#define SPCTRL_SECRESPCFG       (SPCTRL_BASE + 0x010u) /* bit 0: bus error on violation */
#define SPCTRL_NSCCFG           (SPCTRL_BASE + 0x014u) /* bit 0: CODENSC, bit 1: RAMNSC */
#define SPCTRL_APBNSPPC0        (SPCTRL_BASE + 0x070u) /* timer0 bit 0, timer1 bit 1 ... */
#define SPCTRL_APBNSPPCEXP1     (SPCTRL_BASE + 0x084u) /* UART0 is port 5 */
#define SPCTRL_APBSPPPC0        (SPCTRL_BASE + 0x0B0u) /* secure unprivileged access */
#define PPC_APB0_TIMER1         (1u << 1)
#define PPC_EXP1_UART0          (1u << 5)

/* Memory protection controllers (SIE-200 TZ MPC) of the three SSRAMs. */
#define MPC_SSRAM1_BASE         0x58007000u
#define MPC_SSRAM2_BASE         0x58008000u
#define MPC_SSRAM3_BASE         0x58009000u
#define MPC_CTRL                0x000u
#define MPC_BLK_MAX             0x010u
#define MPC_BLK_CFG             0x014u  /* block size = 1 << (BLK_CFG + 5) */
#define MPC_BLK_IDX             0x018u
#define MPC_BLK_LUT             0x01Cu  /* one bit per block: 1 = non-secure */
#define MPC_CTRL_AUTOINC        (1u << 8) /* BLK_IDX steps after each LUT access */
#define MPC_CTRL_SEC_RESP       (1u << 4) /* bus error (not RAZ/WI) on a blocked access */

/* CMSDK timers: timer1 is given to the non-secure side. */
#define TIMER0_S_BASE           0x50000000u
#define TIMER1_NS_BASE          0x40001000u
#define IRQ_TIMER0              3u
#define IRQ_TIMER1              4u
#define IRQ_UART0_RX            32u
#define IRQ_UART0_TX            33u
#define IRQ_UART0_COMBINED      42u

/* Armv8-M system control space. */
#define SCB_VTOR                0xE000ED08u
#define SCB_AIRCR               0xE000ED0Cu
#define SCB_SHCSR               0xE000ED24u
#define SCB_CFSR                0xE000ED28u
#define SCB_HFSR                0xE000ED2Cu
#define SCB_MMFAR               0xE000ED34u
#define SCB_BFAR                0xE000ED38u
#define SCB_SFSR                0xE000EDE4u
#define SCB_SFAR                0xE000EDE8u
#define SCB_NS_VTOR             0xE002ED08u
#define NVIC_ISER(n)            (0xE000E100u + 4u * (n))
#define NVIC_ICER(n)            (0xE000E180u + 4u * (n))
#define NVIC_ICPR(n)            (0xE000E280u + 4u * (n))
#define NVIC_ITNS(n)            (0xE000E380u + 4u * (n))
#define SAU_CTRL                0xE000EDD0u
#define SAU_RNR                 0xE000EDD8u
#define SAU_RBAR                0xE000EDDCu
#define SAU_RLAR                0xE000EDE0u
#define SAU_RLAR_ENABLE         1u
#define SAU_RLAR_NSC            2u
#define SYST_CSR                0xE000E010u
#define SYST_RVR                0xE000E014u
#define SYST_CVR                0xE000E018u

#define AIRCR_VECTKEY           (0x05FAu << 16)
#define AIRCR_SYSRESETREQS      (1u << 3)
#define AIRCR_BFHFNMINS         (1u << 13)
#define AIRCR_PRIS              (1u << 14)
#define SHCSR_MEMFAULTENA       (1u << 16)
#define SHCSR_BUSFAULTENA       (1u << 17)
#define SHCSR_USGFAULTENA       (1u << 18)
#define SHCSR_SECUREFAULTENA    (1u << 19)

#endif
