#ifndef EMBER_CORE_SUPPORT_H
#define EMBER_CORE_SUPPORT_H
#include <stdint.h>

/// The calling thread's set of excluded dispatch layers (a bit mask).
uint32_t ember_tls_excluded_layers(void);
/// Replaces the calling thread's set of excluded dispatch layers.
void ember_tls_set_excluded_layers(uint32_t mask);

/// Whether the CPU has fused multiply-add instructions (x86-64 FMA3; always true elsewhere).
int ember_cpu_has_fma(void);
/// Transforms `blocks` consecutive blocks of 16 float32 uniforms at `data` into normal
/// samples exactly as Ember's Swift `RandomEngine.boxMuller16` does (random_fma.c), with FMA
/// instructions. Call only when `ember_cpu_has_fma()`.
void ember_box_muller16_f32(float *data, long blocks, float mean, float std);

/// A spin-wait hint to the CPU (x86 `pause`), for the thread pool's busy-wait loops.
static inline void ember_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

#endif
