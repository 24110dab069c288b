// CHamming: Hamming distances between 256-bit values (PDQ hashes, binary feature descriptors), counted with the
// processor's population-count instruction where it has one.
//
// x86-64's baseline has no POPCNT (it came with Nehalem and Barcelona in 2008), and a package cannot ask for it
// with compiler flags without becoming unusable as a dependency (SwiftPM refuses `unsafeFlags` in dependencies).
// So the kernels here are compiled twice, once for POPCNT and once for the baseline, and the first call picks one
// with the CPU's own answer (`__builtin_cpu_supports`). Other architectures have one kernel, whose population
// count is an instruction there (AArch64's CNT).
#ifndef CHAMMING_H
#define CHAMMING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// For each `i` below `count`: `distances[i]` = the number of bits in which `query` (4 words) differs from the
/// 4-word entry `table + 4 * entries[i]`. `entries` must index within `table`.
void CHamming_gatheredDistances256(const uint64_t *query, const uint64_t *table, const int32_t *entries,
                                   size_t count, int32_t *distances);

/// For each `i` below `count`: `distances[i]` = the number of bits in which `query` differs from `table + 4 * i`.
void CHamming_distances256(const uint64_t *query, const uint64_t *table, size_t count, int32_t *distances);

/// Whether the kernels count with a population-count instruction on this processor.
int CHamming_usesHardwarePopcount(void);

#ifdef __cplusplus
}
#endif

#endif
