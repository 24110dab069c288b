// PDQ's luminance, computed as rows come out of the decoders.
#include "codecs_internal.h"

// Every operation is a separate IEEE double operation, as in NumPy: no fused multiply-add, which would round
// differently, whatever instructions the compiler picks.
#pragma STDC FP_CONTRACT OFF

// Built twice, for plain x86-64 (SSE2: two doubles per instruction) and for AVX2 (four), chosen at load time by
// the CPU; AVX2 without FMA, so the arithmetic and its rounding are the same in both.
#if defined(__x86_64__) && defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void cimagecodecs_luma(const uint8_t *samples, uint32_t channels, float *luma, size_t count) {
    if (channels == 1) {
        for (size_t index = 0; index < count; index++) {
            luma[index] = (float)samples[index];
        }
        return;
    }
    for (size_t index = 0; index < count; index++) {
        const double red = (double)samples[3 * index] * 0.299;
        const double green = (double)samples[3 * index + 1] * 0.587;
        const double blue = (double)samples[3 * index + 2] * 0.114;
        const double sum = red + green;
        luma[index] = (float)(sum + blue);
    }
}
