// libFuzzer entry point for Sources/CImageCodecs: one binary per decoder.
//
//   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -DFUZZ_DECODER=FUZZ_JPEG \
//     -I../../Sources/CImageCodecs/include fuzz_decode.c ../../Sources/CImageCodecs/*.c -ljpeg -lpng -lz [-ldl]
//   ./a.out -dict=jpeg.dict CORPUS_DIR     (FUZZ_DECODER=FUZZ_PNG / FUZZ_WEBP with png.dict / webp.dict for the others)
//
// Each input is decoded with the default options and with one more option set picked from its length, then checked
// with the same invariants as mutate_and_decode.c (decode_checks.h); a broken invariant aborts, so libFuzzer keeps
// the input. Only the shim is coverage-instrumented unless libjpeg/libpng were built with -fsanitize=fuzzer-no-link.
#include "decode_checks.h"

#ifndef FUZZ_DECODER
#define FUZZ_DECODER FUZZ_JPEG
#endif

static fuzz_counters counters;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    if (fuzz_decoder_function(FUZZ_DECODER) == NULL) {
        fprintf(stderr, "this build of CImageCodecs has no %s decoder\n", fuzz_decoder_names[FUZZ_DECODER]);
        exit(2);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const unsigned option_sets[2] = {0, 1 + (unsigned)(size % (FUZZ_OPTION_SET_COUNT - 1))};
    for (int i = 0; i < 2; i++) {
        char detail[512];
        CImageCodecs_Status status;
        const CImageCodecs_DecodeOptions *options = &fuzz_option_sets[option_sets[i]];
        if (fuzz_decode_and_check(FUZZ_DECODER, data, size, options, 1, &counters, &status, detail, sizeof detail)) {
            fprintf(stderr,
                    "*** INVARIANT VIOLATION: %s decoder, options {max_pixels %llu, min_short_side %u, prefer_grey %u, "
                    "output_luma %u}, status %d: %s\n",
                    fuzz_decoder_names[FUZZ_DECODER], (unsigned long long)options->max_pixels,
                    options->min_short_side, options->prefer_grey, options->output_luma, (int)status, detail);
            abort();
        }
    }
    return 0;
}
