/* ns_timer1.h - the NS side's timer (CMSDK TIMER1, given to NS; AN521 IRQ 4) and the NVIC
 * words that route it, for the images that make NS interrupts arrive during secure calls
 * (test_reentry.c, kpi/irq_latency.c). */
#ifndef NS_TIMER1_H
#define NS_TIMER1_H

#include <stdint.h>

#define TIMER1      0x40001000u
#define T_CTRL      (*(volatile uint32_t *)(TIMER1 + 0x0u))
#define T_VALUE     (*(volatile uint32_t *)(TIMER1 + 0x4u))
#define T_RELOAD    (*(volatile uint32_t *)(TIMER1 + 0x8u))
#define T_INTCLR    (*(volatile uint32_t *)(TIMER1 + 0xCu))
#define NVIC_ISER0  (*(volatile uint32_t *)0xE000E100u)
#define NVIC_ICER0  (*(volatile uint32_t *)0xE000E180u)
#define IRQ_TIMER1  4u

#endif
