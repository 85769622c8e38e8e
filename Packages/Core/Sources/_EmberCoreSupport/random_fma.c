// The float32 Box–Muller block transform of RandomEngine+NormalFill.swift, compiled with the
// FMA instruction set enabled for these functions only (Swift cannot emit FMA instructions
// without a CPU target flag, and calls `fmaf` instead). Every operation mirrors the Swift
// code in CephesFloat.swift: fused where it fuses, and nowhere else.
#include "EmberCoreSupport.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)

#if defined(__x86_64__) || defined(__i386__)
#define EMBER_FMA __attribute__((target("fma")))
int ember_cpu_has_fma(void) { return __builtin_cpu_supports("fma"); }
#else
#define EMBER_FMA
int ember_cpu_has_fma(void) { return 1; }
#endif

static inline EMBER_FMA float fused(float a, float b, float c) { return __builtin_fmaf(a, b, c); }

static inline uint32_t bits_of(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static inline float float_of(uint32_t u) { float x; memcpy(&x, &u, 4); return x; }

static inline EMBER_FMA float cephes_log(float x) {
    uint32_t bits = bits_of(x);
    float e = (float)((int32_t)(bits >> 23) - 127) + 1.0f;
    float m = float_of((bits & 0x807FFFFFu) | 0x3F000000u);
    float f;
    if (m < 0.707106781186547524f) { e -= 1.0f; f = (m - 1.0f) + m; } else { f = m - 1.0f; }
    float z = f * f;
    float y = 7.0376836292e-2f;
    y = fused(y, f, -1.1514610310e-1f);
    y = fused(y, f, 1.1676998740e-1f);
    y = fused(y, f, -1.2420140846e-1f);
    y = fused(y, f, 1.4249322787e-1f);
    y = fused(y, f, -1.6668057665e-1f);
    y = fused(y, f, 2.0000714765e-1f);
    y = fused(y, f, -2.4999993993e-1f);
    y = fused(y, f, 3.3333331174e-1f);
    y = y * f;
    y = fused(y, z, e * -2.12194440e-4f);
    y = y - z * 0.5f;
    f = f + y;
    return f + e * 0.693359375f;
}

static inline EMBER_FMA void cephes_sincos(float x, float *sin_out, float *cos_out) {
    int32_t j = (int32_t)(x * 1.27323954473516f);
    j = (j + 1) & ~1;
    float y = (float)j;
    uint32_t sin_sign = ((uint32_t)j & 4u) << 29;
    uint32_t cos_sign = (~(uint32_t)(j - 2) & 4u) << 29;
    float r = fused(y, -0.78515625f, x);
    r = fused(y, -2.4187564849853515625e-4f, r);
    r = fused(y, -3.77489497744594108e-8f, r);
    float z = r * r;
    float c = 2.443315711809948e-5f;
    c = fused(c, z, -1.388731625493765e-3f);
    c = fused(c, z, 4.166664568298827e-2f);
    c = c * z;
    c = fused(c, z, -(z * 0.5f));
    c = c + 1.0f;
    float s = -1.9515295891e-4f;
    s = fused(s, z, 8.3321608736e-3f);
    s = fused(s, z, -1.6666654611e-1f);
    s = s * z;
    s = fused(s, r, r);
    int swap = (j & 2) != 0;
    *sin_out = float_of(bits_of(swap ? c : s) ^ sin_sign);
    *cos_out = float_of(bits_of(swap ? s : c) ^ cos_sign);
}

EMBER_FMA void ember_box_muller16_f32(float *data, long blocks, float mean, float std) {
    const float two_pi = (float)(2.0 * 3.14159265358979323846);
    for (long b = 0; b < blocks; b++) {
        float *p = data + 16 * b;
        for (int j = 0; j < 8; j++) {
            float u1 = 1.0f - p[j], u2 = p[j + 8];
            float radius = sqrtf(-2.0f * cephes_log(u1));
            float s, c;
            cephes_sincos(two_pi * u2, &s, &c);
            p[j] = fused(radius * c, std, mean);
            p[j + 8] = fused(radius * s, std, mean);
        }
    }
}
