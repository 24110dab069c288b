// The decode floor: what libjpeg(-turbo) alone costs for the DCT-scaled decode proofmark's fast path makes.
//
//   cc -O2 -o decode_floor decode_floor.c -ljpeg
//   decode_floor [--grey|--rgb] [--min-short-side N] [--passes P] FILE...
//
// Reads every file into memory first, then decodes them all in this one process, P times (default 3), and prints
// the fastest pass as "images=<n> seconds=<s>". Each decode is the shim's call sequence (jpeg_mem_src, read
// header, scale_denom = the largest d in {8, 4, 2, 1} with ceil(shorter side / d) >= N (default 256), accurate
// integer IDCT, then every scanline into one malloc'd buffer) with nothing else: no EXIF parsing, no progress
// monitor, no conversion after libjpeg, no hashing. --grey asks libjpeg for JCS_GRAYSCALE (a colour JPEG's Y
// channel, skipping the chroma IDCT, upsampling and colour conversion), --rgb for JCS_RGB.
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jpeglib.h>

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
} error_state;

static void on_error_exit(j_common_ptr info) {
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    fprintf(stderr, "decode_floor: %s\n", text);
    longjmp(((error_state *)info->err)->jump, 1);
}

static void on_output_message(j_common_ptr info) { (void)info; }

/// The same rule as choose_scale_denominator in Sources/CImageCodecs/jpeg_decode.c.
static unsigned scale_denominator(uint32_t width, uint32_t height, uint32_t minimum) {
    if (minimum == 0) {
        return 1;
    }
    const uint32_t shorter = width < height ? width : height;
    for (unsigned denominator = 8; denominator > 1; denominator /= 2) {
        if ((shorter + denominator - 1) / denominator >= minimum) {
            return denominator;
        }
    }
    return 1;
}

typedef struct {
    unsigned char *bytes;
    size_t size;
    const char *path;
} input_file;

/// Decodes one image; returns a checksum byte so the work cannot be optimised away, or -1 on error.
static int decode(const input_file *file, J_COLOR_SPACE colour, uint32_t minimum_short_side) {
    struct jpeg_decompress_struct info;
    error_state error;
    unsigned char *volatile pixels = NULL;
    JSAMPROW *volatile rows = NULL;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = on_error_exit;
    error.manager.output_message = on_output_message;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&info);
        free(pixels);
        free(rows);
        fprintf(stderr, "decode_floor: in %s\n", file->path);
        return -1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, file->bytes, (unsigned long)file->size);
    jpeg_read_header(&info, TRUE);
    // Like the shim: grey sources stay grey, CMYK is left to libjpeg's own CMYK output.
    if (info.jpeg_color_space == JCS_YCbCr || info.jpeg_color_space == JCS_RGB) {
        info.out_color_space = colour;
    }
    info.scale_num = 1;
    info.scale_denom = scale_denominator(info.image_width, info.image_height, minimum_short_side);
    info.dct_method = JDCT_ISLOW;
    jpeg_calc_output_dimensions(&info);
    const size_t stride = (size_t)info.output_width * (size_t)info.output_components;
    pixels = malloc(stride * info.output_height);
    rows = malloc(sizeof(JSAMPROW) * info.output_height);
    if (pixels == NULL || rows == NULL) {
        fprintf(stderr, "decode_floor: out of memory\n");
        exit(2);
    }
    for (JDIMENSION y = 0; y < info.output_height; y++) {
        rows[y] = pixels + (size_t)y * stride;
    }
    jpeg_start_decompress(&info);
    while (info.output_scanline < info.output_height) {
        jpeg_read_scanlines(&info, rows + info.output_scanline, info.output_height - info.output_scanline);
    }
    jpeg_finish_decompress(&info);
    const int checksum = pixels[(stride * info.output_height) / 2];
    jpeg_destroy_decompress(&info);
    free(pixels);
    free(rows);
    return checksum;
}

static double now_seconds(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    J_COLOR_SPACE colour = JCS_GRAYSCALE;
    uint32_t minimum_short_side = 256;
    int passes = 3;
    int first = 1;
    for (; first < argc && strncmp(argv[first], "--", 2) == 0; first++) {
        if (strcmp(argv[first], "--grey") == 0) {
            colour = JCS_GRAYSCALE;
        } else if (strcmp(argv[first], "--rgb") == 0) {
            colour = JCS_RGB;
        } else if (strcmp(argv[first], "--min-short-side") == 0 && first + 1 < argc) {
            minimum_short_side = (uint32_t)strtoul(argv[++first], NULL, 10);
        } else if (strcmp(argv[first], "--passes") == 0 && first + 1 < argc) {
            passes = atoi(argv[++first]);
        } else {
            fprintf(stderr, "usage: decode_floor [--grey|--rgb] [--min-short-side N] [--passes P] FILE...\n");
            return 2;
        }
    }
    const int count = argc - first;
    if (count <= 0 || passes <= 0) {
        fprintf(stderr, "decode_floor: no files\n");
        return 2;
    }
    input_file *files = calloc((size_t)count, sizeof *files);
    for (int index = 0; index < count; index++) {
        const char *path = argv[first + index];
        FILE *stream = fopen(path, "rb");
        if (stream == NULL || fseek(stream, 0, SEEK_END) != 0) {
            fprintf(stderr, "decode_floor: cannot read %s\n", path);
            return 1;
        }
        const long size = ftell(stream);
        rewind(stream);
        files[index].bytes = malloc((size_t)size);
        files[index].size = (size_t)size;
        files[index].path = path;
        if (size <= 0 || fread(files[index].bytes, 1, (size_t)size, stream) != (size_t)size) {
            fprintf(stderr, "decode_floor: cannot read %s\n", path);
            return 1;
        }
        fclose(stream);
    }
    double best = -1;
    unsigned long checksum = 0;
    for (int pass = 0; pass < passes; pass++) {
        const double start = now_seconds();
        for (int index = 0; index < count; index++) {
            const int result = decode(&files[index], colour, minimum_short_side);
            if (result < 0) {
                return 1;
            }
            checksum += (unsigned long)result;
        }
        const double elapsed = now_seconds() - start;
        if (best < 0 || elapsed < best) {
            best = elapsed;
        }
    }
    printf("images=%d seconds=%.6f checksum=%lu\n", count, best, checksum);
    return 0;
}
