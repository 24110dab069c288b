// See CHamming.h.
#include "CHamming.h"

#define CHAMMING_DISTANCE(q, e)                                                                                        \
    (__builtin_popcountll((q)[0] ^ (e)[0]) + __builtin_popcountll((q)[1] ^ (e)[1]) +                                   \
     __builtin_popcountll((q)[2] ^ (e)[2]) + __builtin_popcountll((q)[3] ^ (e)[3]))

#define CHAMMING_KERNELS(suffix, attributes)                                                                           \
    attributes static void gathered_##suffix(const uint64_t *query, const uint64_t *table, const int32_t *entries,   \
                                              size_t count, int32_t *distances) {                                      \
        for (size_t i = 0; i < count; i++) {                                                                           \
            const uint64_t *entry = table + 4 * (size_t)entries[i];                                                    \
            distances[i] = CHAMMING_DISTANCE(query, entry);                                                            \
        }                                                                                                              \
    }                                                                                                                  \
    attributes static void scan_##suffix(const uint64_t *query, const uint64_t *table, size_t count,                  \
                                          int32_t *distances) {                                                        \
        for (size_t i = 0; i < count; i++) {                                                                           \
            const uint64_t *entry = table + 4 * i;                                                                     \
            distances[i] = CHAMMING_DISTANCE(query, entry);                                                            \
        }                                                                                                              \
    }

CHAMMING_KERNELS(baseline, )

#if defined(__x86_64__) || defined(__i386__)
CHAMMING_KERNELS(popcnt, __attribute__((target("popcnt"))))

typedef void (*gathered_kernel)(const uint64_t *, const uint64_t *, const int32_t *, size_t, int32_t *);
typedef void (*scan_kernel)(const uint64_t *, const uint64_t *, size_t, int32_t *);

/// 1 with POPCNT, 0 without; the first caller finds out, and a race between two first callers stores the same.
static int has_popcnt = -1;

static int popcnt_supported(void) {
    int known = __atomic_load_n(&has_popcnt, __ATOMIC_RELAXED);
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("popcnt") ? 1 : 0;
        __atomic_store_n(&has_popcnt, known, __ATOMIC_RELAXED);
    }
    return known;
}

void CHamming_gatheredDistances256(const uint64_t *query, const uint64_t *table, const int32_t *entries,
                                   size_t count, int32_t *distances) {
    const gathered_kernel kernel = popcnt_supported() ? gathered_popcnt : gathered_baseline;
    kernel(query, table, entries, count, distances);
}

void CHamming_distances256(const uint64_t *query, const uint64_t *table, size_t count, int32_t *distances) {
    const scan_kernel kernel = popcnt_supported() ? scan_popcnt : scan_baseline;
    kernel(query, table, count, distances);
}

int CHamming_usesHardwarePopcount(void) { return popcnt_supported(); }
#else
void CHamming_gatheredDistances256(const uint64_t *query, const uint64_t *table, const int32_t *entries,
                                   size_t count, int32_t *distances) {
    gathered_baseline(query, table, entries, count, distances);
}

void CHamming_distances256(const uint64_t *query, const uint64_t *table, size_t count, int32_t *distances) {
    scan_baseline(query, table, count, distances);
}

int CHamming_usesHardwarePopcount(void) { return 1; }
#endif
