// Sanitizer harness for Sources/CImageCodecs: decodes seed images and deterministic mutations of them with every
// decoder (JPEG, PNG, and WebP when webp_decode.c is present), whatever the bytes look like, since every entry point
// must be total, and checks every result.
//
// One file (with decode_checks.h) on purpose: it is built by one compiler command together with the shim's sources,
// under the sanitizers, with no build system; the mutators, the driver and the timeout guard read best side by side.
//
// Build (from Tests/Fuzz; run-asan.sh does this):
//   clang -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
//     -I../../Sources/CImageCodecs/include mutate_and_decode.c ../../Sources/CImageCodecs/*.c -ljpeg -lpng -lz \
//     [-ldl, when the sources have webp_decode.c: it loads libwebp.so.7 at run time]
//
// Usage: mutate_and_decode [-n MUTATIONS] [-s SEED] [-t SECONDS] [-o DIR] [-m MAXBYTES] [-q] [-v] [-w DIR] [-j K/N] PATH...
//   PATH     seed files, or folders searched recursively (sorted, so the run is reproducible)
//   -n       mutated variants per seed (default 100); 0 only decodes the seeds (use it to replay a finding)
//   -s       PRNG seed (default 1): the same arguments always produce the same mutations
//   -t       per-call timeout in seconds (default 10; one decode plus its PNG round trip); a hang prints the
//            input's label and the call, saves the input and aborts
//   -o       folder where offending inputs are written (default: the current folder)
//   -m       skip seed files larger than this many bytes (default 4 MiB)
//   -q       no per-seed progress lines
//   -v       one line per decode call with its status (for tuning the mutators)
//   -j K/N   only seeds whose index is K modulo N (run N processes in parallel; mutations stay the same)
//   -w DIR   also write every mutant to DIR/<label>.bin (to replay one, or to seed another fuzzer)
//
// Every original is decoded with all twelve option sets in fuzz_option_sets (max_pixels 1e8 / 4096, min_short_side
// 0 / 256, prefer_grey, output_luma); each mutant with the default set and one more chosen by the PRNG. Every OK
// picture is round-tripped through encodePNG/decodePNG; every OK luminance result is compared bit for bit with the
// luminance of the same decode's 8-bit samples.
// Exit status: 0 clean, 1 invariant violations (inputs saved to -o), 2 usage or I/O error; sanitizer reports,
// crashes and timeouts end the process abnormally after saving the input.
#include "decode_checks.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#ifdef FUZZ_HAVE_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

#define MAX_MUTANT_BYTES ((size_t)8 << 20)

// ---------------------------------------------------------------------------------------------------------
// Small utilities

static void die(const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vfprintf(stderr, format, arguments);
    va_end(arguments);
    fputc('\n', stderr);
    exit(2);
}

static void *xrealloc(void *pointer, size_t size) {
    void *grown = realloc(pointer, size ? size : 1);
    if (grown == NULL) {
        die("out of memory (%zu bytes)", size);
    }
    return grown;
}

static uint32_t be16(const uint8_t *p) { return ((uint32_t)p[0] << 8) | p[1]; }
static uint32_t be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static void put_be16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}
static void put_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/// splitmix64: tiny, fast and plenty for choosing mutations.
static uint64_t rng_next(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static uint64_t rng_below(uint64_t *state, uint64_t bound) { return bound ? rng_next(state) % bound : 0; }
static int rng_chance(uint64_t *state, unsigned percent) { return rng_below(state, 100) < percent; }

typedef struct buffer {
    uint8_t *p;
    size_t n;
    size_t cap;
} buffer;

static void buf_reserve(buffer *b, size_t need) {
    if (need <= b->cap) {
        return;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        cap *= 2;
    }
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}
static void buf_set(buffer *b, const uint8_t *source, size_t n) {
    buf_reserve(b, n);
    if (n) {
        memmove(b->p, source, n);
    }
    b->n = n;
}
/// Inserts n bytes at `at`; `source` may point into the buffer itself, or be NULL to insert `fill` bytes.
static void buf_insert(buffer *b, size_t at, const uint8_t *source, size_t n, uint8_t fill) {
    if (at > b->n || n == 0) {
        return;
    }
    uint8_t *copy = NULL;
    if (source != NULL) {
        copy = xrealloc(NULL, n);
        memcpy(copy, source, n);
    }
    buf_reserve(b, b->n + n);
    memmove(b->p + at + n, b->p + at, b->n - at);
    if (copy != NULL) {
        memcpy(b->p + at, copy, n);
    } else {
        memset(b->p + at, fill, n);
    }
    free(copy);
    b->n += n;
}
static void buf_erase(buffer *b, size_t at, size_t n) {
    if (at >= b->n) {
        return;
    }
    if (n > b->n - at) {
        n = b->n - at;
    }
    memmove(b->p + at, b->p + at + n, b->n - at - n);
    b->n -= n;
}

// ---------------------------------------------------------------------------------------------------------
// Format structure: JPEG marker segments and PNG chunks

typedef struct unit {
    size_t start;  // JPEG: the 0xFF of the marker; PNG: the chunk's length field
    size_t length; // JPEG: marker + length field + payload; PNG: 12 + data length
    size_t extent; // up to the next unit (JPEG: includes entropy-coded data after SOS)
    uint32_t kind; // JPEG: marker byte; PNG: chunk type as a big-endian word
} unit;

#define MAX_UNITS 512

static int is_jpeg(const buffer *b) { return b->n >= 3 && b->p[0] == 0xFF && b->p[1] == 0xD8; }
static const uint8_t png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
static int is_png(const buffer *b) { return b->n >= 8 && memcmp(b->p, png_signature, 8) == 0; }

static size_t jpeg_units(const buffer *b, unit *out) {
    if (!is_jpeg(b)) {
        return 0;
    }
    const uint8_t *d = b->p;
    const size_t n = b->n;
    size_t count = 0;
    out[count++] = (unit){0, 2, 2, 0xD8};
    size_t pos = 2;
    while (pos + 1 < n && count < MAX_UNITS) {
        if (d[pos] != 0xFF) {
            pos++; // entropy-coded data or junk
            continue;
        }
        const uint8_t m = d[pos + 1];
        if (m == 0xFF) {
            pos++;
            continue;
        }
        if (m == 0x00 || (m >= 0xD0 && m <= 0xD7)) {
            pos += 2; // stuffed zero or restart marker inside a scan
            continue;
        }
        if (m == 0xD8 || m == 0xD9 || m == 0x01) {
            out[count++] = (unit){pos, 2, 2, m};
            pos += 2;
            continue;
        }
        if (pos + 4 > n) {
            break;
        }
        const size_t length = be16(d + pos + 2);
        if (length < 2 || length > n - pos - 2) {
            out[count++] = (unit){pos, n - pos, n - pos, m};
            break;
        }
        out[count++] = (unit){pos, 2 + length, 2 + length, m};
        pos += 2 + length;
    }
    for (size_t i = 0; i < count; i++) {
        const size_t next = i + 1 < count ? out[i + 1].start : n;
        out[i].extent = next > out[i].start ? next - out[i].start : out[i].length;
    }
    return count;
}

static size_t png_units(const buffer *b, unit *out) {
    if (!is_png(b)) {
        return 0;
    }
    size_t count = 0, pos = 8;
    while (pos + 12 <= b->n && count < MAX_UNITS) {
        const uint32_t length = be32(b->p + pos);
        if (length > b->n - pos - 12) {
            break;
        }
        out[count++] = (unit){pos, 12 + (size_t)length, 12 + (size_t)length, be32(b->p + pos + 4)};
        pos += 12 + (size_t)length;
    }
    return count;
}

#define PNG_TYPE(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (uint32_t)(d))

static void png_fix_crc(buffer *b, const unit *u) {
    const uint32_t length = (uint32_t)(u->length - 12);
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), b->p + u->start + 4, 4 + length);
    put_be32(b->p + u->start + 8 + length, (uint32_t)crc);
}

static void png_fix_all_crcs(buffer *b) {
    unit units[MAX_UNITS];
    const size_t count = png_units(b, units);
    for (size_t i = 0; i < count; i++) {
        png_fix_crc(b, &units[i]);
    }
}

/// A whole chunk (length, type, data, CRC) in `out`.
static void png_make_chunk(buffer *out, uint32_t type, const uint8_t *data, size_t length) {
    out->n = 0;
    buf_reserve(out, length + 12);
    put_be32(out->p, (uint32_t)length);
    put_be32(out->p + 4, type);
    if (length) {
        memcpy(out->p + 8, data, length);
    }
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), out->p + 4, 4 + (uInt)length);
    put_be32(out->p + 8 + length, (uint32_t)crc);
    out->n = length + 12;
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

typedef struct seed_file {
    char *path;
    uint8_t *data;
    size_t size;
} seed_file;

static seed_file *seeds;
static size_t seed_count;

static const uint8_t interesting_bytes[] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x07, 0x08, 0x0F, 0x10, 0x11,
                                            0x3F, 0x40, 0x7F, 0x80, 0x81, 0xC0, 0xD9, 0xDA, 0xFE, 0xFF};

static uint8_t interesting_byte(uint64_t *rng, uint8_t old) {
    switch (rng_below(rng, 4)) {
    case 0:
        return (uint8_t)rng_next(rng);
    case 1:
        return (uint8_t)(old + 1 + rng_below(rng, 3) - (rng_chance(rng, 50) ? 4 : 0));
    default:
        return interesting_bytes[rng_below(rng, sizeof interesting_bytes)];
    }
}

static uint32_t interesting_dimension16(uint64_t *rng, uint32_t old) {
    static const uint32_t values[] = {0, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 255, 256, 257, 4095, 4096, 4097,
                                      10000, 16383, 16384, 32767, 32768, 65500, 65534, 65535};
    switch (rng_below(rng, 5)) {
    case 0:
        return (old + 1) & 0xFFFF;
    case 1:
        return (old - 1) & 0xFFFF;
    case 2:
        return (old * 2) & 0xFFFF;
    default:
        return values[rng_below(rng, sizeof values / sizeof values[0])];
    }
}

static uint32_t interesting_dimension32(uint64_t *rng, uint32_t old) {
    static const uint32_t values[] = {0,          1,          2,          3,          7,          8,
                                      9,          255,        256,        4096,       10000,      65535,
                                      65536,      1000000,    1000001,    100000000,  100000001,  0x3FFFFFFF,
                                      0x7FFFFFFE, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF};
    switch (rng_below(rng, 5)) {
    case 0:
        return old + 1;
    case 1:
        return old - 1;
    case 2:
        return old * 2;
    default:
        return values[rng_below(rng, sizeof values / sizeof values[0])];
    }
}

static void op_flip_bits(buffer *b, uint64_t *rng) {
    const unsigned flips = 1 + (unsigned)rng_below(rng, 8);
    for (unsigned i = 0; i < flips && b->n; i++) {
        b->p[rng_below(rng, b->n)] ^= (uint8_t)(1u << rng_below(rng, 8));
    }
}

static void op_overwrite_bytes(buffer *b, uint64_t *rng) {
    const unsigned count = 1 + (unsigned)rng_below(rng, 16);
    const int contiguous = rng_chance(rng, 40);
    size_t at = rng_below(rng, b->n);
    for (unsigned i = 0; i < count && b->n; i++) {
        const size_t index = contiguous ? (at + i) % b->n : rng_below(rng, b->n);
        b->p[index] = interesting_byte(rng, b->p[index]);
    }
}

static void op_truncate(buffer *b, uint64_t *rng) {
    if (b->n == 0) {
        return;
    }
    // Half the time cut near the end, where trailers (EOI, IEND, the last scan) live.
    if (rng_chance(rng, 50)) {
        const size_t back = 1 + rng_below(rng, b->n < 64 ? b->n : 64);
        b->n -= back;
    } else {
        b->n = rng_below(rng, b->n);
    }
}

static void op_insert_run(buffer *b, uint64_t *rng) {
    static const size_t lengths[] = {1, 2, 3, 4, 7, 8, 16, 64, 255, 256, 1024, 4096};
    const size_t length = rng_chance(rng, 70) ? lengths[rng_below(rng, sizeof lengths / sizeof lengths[0])]
                                              : 1 + rng_below(rng, 512);
    const uint8_t fill = rng_chance(rng, 50) ? 0xFF : 0x00;
    buf_insert(b, rng_below(rng, b->n + 1), NULL, length, fill);
}

static void op_delete_range(buffer *b, uint64_t *rng) {
    if (b->n < 2) {
        return;
    }
    const size_t at = rng_below(rng, b->n);
    buf_erase(b, at, 1 + rng_below(rng, rng_chance(rng, 70) ? 16 : b->n - at));
}

static void op_copy_range(buffer *b, uint64_t *rng) {
    if (b->n < 2) {
        return;
    }
    const size_t from = rng_below(rng, b->n);
    const size_t length = 1 + rng_below(rng, (b->n - from) < 4096 ? (b->n - from) : 4096);
    const size_t to = rng_below(rng, b->n + 1);
    if (rng_chance(rng, 50)) {
        buf_insert(b, to, b->p + from, length, 0);
    } else if (to < b->n) {
        const size_t room = b->n - to < length ? b->n - to : length;
        memmove(b->p + to, b->p + from, room);
    }
}

static void op_splice(buffer *b, uint64_t *rng) {
    const seed_file *other = &seeds[rng_below(rng, seed_count)];
    const size_t keep = rng_below(rng, b->n + 1);
    const size_t from = rng_below(rng, other->size + 1);
    b->n = keep;
    buf_insert(b, b->n, other->data + from, other->size - from, 0);
}

/// Duplicates (or drops) a whole marker segment / chunk; for a JPEG SOS that includes its entropy-coded data, which
/// makes extra scans.
static void op_structure(buffer *b, uint64_t *rng) {
    unit units[MAX_UNITS];
    const int jpeg = is_jpeg(b);
    const size_t count = jpeg ? jpeg_units(b, units) : png_units(b, units);
    if (count < 2) {
        return;
    }
    const unit u = units[1 + rng_below(rng, count - 1)];
    const size_t size = jpeg ? u.extent : u.length;
    switch (rng_below(rng, 4)) {
    case 0: // drop
        buf_erase(b, u.start, size);
        break;
    case 1: { // repeat it a few times in place
        const unsigned times = 1 + (unsigned)rng_below(rng, rng_chance(rng, 20) ? 200 : 3);
        for (unsigned i = 0; i < times && b->n + size < MAX_MUTANT_BYTES; i++) {
            buf_insert(b, u.start + size, b->p + u.start, size, 0);
        }
        break;
    }
    default: { // copy to another unit boundary
        const unit at = units[1 + rng_below(rng, count - 1)];
        buf_insert(b, rng_chance(rng, 50) ? at.start : at.start + (jpeg ? at.extent : at.length), b->p + u.start, size,
                   0);
        break;
    }
    }
}

/// Changes one byte inside a JPEG marker segment (tables, frame and scan headers) or a PNG chunk (then usually
/// recomputes that chunk's CRC so the change reaches the parser).
static void op_field(buffer *b, uint64_t *rng) {
    unit units[MAX_UNITS];
    const int jpeg = is_jpeg(b);
    const size_t count = jpeg ? jpeg_units(b, units) : png_units(b, units);
    if (count < 2) {
        return;
    }
    const unit u = units[1 + rng_below(rng, count - 1)];
    if (jpeg) {
        if (u.length <= 2) {
            return;
        }
        const size_t index = u.start + 2 + rng_below(rng, u.length - 2);
        b->p[index] = interesting_byte(rng, b->p[index]);
    } else {
        if (u.length <= 12 || rng_chance(rng, 10)) {
            const size_t index = u.start + rng_below(rng, 8); // length or type
            b->p[index] = interesting_byte(rng, b->p[index]);
            return;
        }
        const size_t index = u.start + 8 + rng_below(rng, u.length - 12);
        b->p[index] = interesting_byte(rng, b->p[index]);
        if (rng_chance(rng, 90)) {
            png_fix_crc(b, &u);
        }
    }
}

/// Overwrites the frame's width/height (JPEG SOFn) or IHDR's (PNG, CRC fixed) with huge, zero or odd values.
static void op_dimensions(buffer *b, uint64_t *rng) {
    unit units[MAX_UNITS];
    if (is_jpeg(b)) {
        const size_t count = jpeg_units(b, units);
        for (size_t i = 0; i < count; i++) {
            const uint32_t m = units[i].kind;
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && units[i].length >= 9) {
                uint8_t *frame = b->p + units[i].start;
                const int which = (int)rng_below(rng, 3); // height, width, both
                if (which != 1) {
                    put_be16(frame + 5, interesting_dimension16(rng, be16(frame + 5)));
                }
                if (which != 0) {
                    put_be16(frame + 7, interesting_dimension16(rng, be16(frame + 7)));
                }
                if (rng_chance(rng, 70)) {
                    return; // usually only the first frame header
                }
            }
        }
    } else if (is_png(b)) {
        const size_t count = png_units(b, units);
        for (size_t i = 0; i < count; i++) {
            if (units[i].kind == PNG_TYPE('I', 'H', 'D', 'R') && units[i].length >= 12 + 8) {
                uint8_t *data = b->p + units[i].start + 8;
                const int which = (int)rng_below(rng, 3);
                if (which != 1) {
                    put_be32(data, interesting_dimension32(rng, be32(data)));
                }
                if (which != 0) {
                    put_be32(data + 4, interesting_dimension32(rng, be32(data + 4)));
                }
                if (rng_chance(rng, 95)) {
                    png_fix_crc(b, &units[i]);
                }
                return;
            }
        }
    } else if (b->n >= 8) {
        put_be32(b->p + rng_below(rng, b->n - 3), interesting_dimension32(rng, 0));
    }
}

/// Inserts an APP1 Exif segment with a random, often inconsistent, TIFF header and IFD0 (orientation parsing).
static void op_exif(buffer *b, uint64_t *rng) {
    uint8_t segment[4 + 6 + 8 + 2 + 24 * 12 + 64];
    const int little = rng_chance(rng, 50);
    uint8_t *tiff = segment + 4 + 6;
    memcpy(segment + 4, "Exif\0\0", 6);
    if (rng_chance(rng, 5)) {
        segment[4 + (size_t)rng_below(rng, 6)] ^= 0x20;
    }
    tiff[0] = tiff[1] = little ? 'I' : 'M';
    if (rng_chance(rng, 5)) {
        tiff[1] = (uint8_t)rng_next(rng);
    }
    const uint32_t magic = rng_chance(rng, 95) ? 42 : (uint32_t)rng_below(rng, 0x10000);
    const uint32_t entries = rng_chance(rng, 85) ? (uint32_t)rng_below(rng, 25) : 0xFFFF;
    // IFD offset: usually 8, sometimes anywhere, past the end, or wrapping.
    const uint32_t tiff_room = 8 + 2 + 24 * 12 + 64;
    uint32_t ifd = 8;
    switch (rng_below(rng, 8)) {
    case 0:
        ifd = (uint32_t)rng_below(rng, tiff_room + 16);
        break;
    case 1:
        ifd = 0xFFFFFFFFu - (uint32_t)rng_below(rng, 16);
        break;
    case 2:
        ifd = tiff_room - (uint32_t)rng_below(rng, 4);
        break;
    default:
        break;
    }
    if (little) {
        tiff[2] = (uint8_t)magic, tiff[3] = (uint8_t)(magic >> 8);
        for (int i = 0; i < 4; i++) {
            tiff[4 + i] = (uint8_t)(ifd >> (8 * i));
        }
    } else {
        put_be16(tiff + 2, magic);
        put_be32(tiff + 4, ifd);
    }
    uint8_t *body = tiff + 8;
    const size_t body_room = tiff_room - 8;
    for (size_t i = 0; i < body_room; i++) {
        body[i] = (uint8_t)rng_next(rng);
    }
    if (ifd < tiff_room - 2) {
        uint8_t *ifd_start = tiff + ifd;
        if (little) {
            ifd_start[0] = (uint8_t)entries, ifd_start[1] = (uint8_t)(entries >> 8);
        } else {
            put_be16(ifd_start, entries);
        }
        const uint32_t orientation_index = (uint32_t)rng_below(rng, entries < 24 ? entries + 1 : 24);
        for (uint32_t e = 0; e < entries && ifd + 2 + (size_t)(e + 1) * 12 <= tiff_room; e++) {
            uint8_t *entry = ifd_start + 2 + (size_t)e * 12;
            const uint32_t tag = e == orientation_index ? 0x0112 : (uint32_t)rng_below(rng, 0x200);
            const uint32_t type = rng_chance(rng, 80) ? 3 : (uint32_t)rng_below(rng, 13);
            const uint32_t count = rng_chance(rng, 80) ? 1 : (uint32_t)rng_next(rng);
            const uint32_t value = (uint32_t)rng_below(rng, rng_chance(rng, 80) ? 10 : 0x10000);
            if (little) {
                const uint8_t raw[12] = {(uint8_t)tag, (uint8_t)(tag >> 8), (uint8_t)type, (uint8_t)(type >> 8),
                                         (uint8_t)count, (uint8_t)(count >> 8), (uint8_t)(count >> 16),
                                         (uint8_t)(count >> 24), (uint8_t)value, (uint8_t)(value >> 8), 0, 0};
                memcpy(entry, raw, 12);
            } else {
                put_be16(entry, tag);
                put_be16(entry + 2, type);
                put_be32(entry + 4, count);
                put_be16(entry + 8, value);
                put_be16(entry + 10, 0);
            }
        }
    }
    // Cut the segment anywhere from just the signature to the whole thing.
    size_t payload = 6 + tiff_room;
    if (rng_chance(rng, 50)) {
        payload = rng_below(rng, payload + 1);
    }
    segment[0] = 0xFF;
    segment[1] = 0xE1;
    put_be16(segment + 2, (uint32_t)(payload + 2));
    size_t at = 2;
    if (rng_chance(rng, 30)) {
        unit units[MAX_UNITS];
        const size_t count = jpeg_units(b, units);
        if (count > 1) {
            const unit u = units[1 + rng_below(rng, count - 1)];
            at = u.start;
        }
    }
    buf_insert(b, at, segment, 4 + payload, 0);
}

/// Rewrites IHDR's bit depth, colour type, interlace (or another byte) with valid and invalid values, CRC fixed.
static void op_png_header(buffer *b, uint64_t *rng) {
    unit units[MAX_UNITS];
    const size_t count = png_units(b, units);
    if (count == 0 || units[0].kind != PNG_TYPE('I', 'H', 'D', 'R') || units[0].length < 12 + 13) {
        return;
    }
    uint8_t *data = b->p + units[0].start + 8;
    static const uint8_t depths[] = {1, 2, 4, 8, 16};
    static const uint8_t types[] = {0, 2, 3, 4, 6};
    switch (rng_below(rng, 4)) {
    case 0:
        data[8] = rng_chance(rng, 85) ? depths[rng_below(rng, 5)] : (uint8_t)rng_next(rng);
        break;
    case 1:
        data[9] = rng_chance(rng, 85) ? types[rng_below(rng, 5)] : (uint8_t)rng_next(rng);
        break;
    case 2:
        data[12] = rng_chance(rng, 85) ? (uint8_t)rng_below(rng, 2) : (uint8_t)rng_next(rng);
        break;
    default:
        data[8 + rng_below(rng, 5)] = (uint8_t)rng_next(rng);
        break;
    }
    png_fix_crc(b, &units[0]);
}

/// Inserts an ancillary or critical chunk of random length and content (valid CRC) at a chunk boundary.
static void op_png_insert_chunk(buffer *b, uint64_t *rng) {
    static const char *const types[] = {"tRNS", "PLTE", "bKGD", "sBIT", "gAMA", "iCCP", "sRGB", "cHRM",
                                        "IDAT", "IEND", "IHDR", "pHYs", "tEXt", "zTXt", "iTXt", "sPLT",
                                        "hIST", "tIME", "eXIf", "acTL", "fcTL", "fdAT", "cICP", "oFFs"};
    unit units[MAX_UNITS];
    const size_t count = png_units(b, units);
    if (count == 0) {
        return;
    }
    const char *type = types[rng_below(rng, sizeof types / sizeof types[0])];
    size_t length = rng_chance(rng, 60) ? rng_below(rng, 16) : rng_below(rng, 800);
    uint8_t data[800];
    for (size_t i = 0; i < length; i++) {
        data[i] = rng_chance(rng, 30) ? interesting_bytes[rng_below(rng, sizeof interesting_bytes)]
                                      : (uint8_t)rng_next(rng);
    }
    if (!strcmp(type, "iCCP") || !strcmp(type, "zTXt")) {
        // keyword, NUL, method 0, then a real zlib stream of random bytes
        uint8_t raw[256];
        for (size_t i = 0; i < sizeof raw; i++) {
            raw[i] = (uint8_t)rng_next(rng);
        }
        uLongf packed = 600;
        memcpy(data, "k\0\0", 3);
        if (compress2(data + 3, &packed, raw, rng_below(rng, sizeof raw), 6) == Z_OK) {
            length = 3 + packed;
        }
    }
    buffer chunk = {0};
    png_make_chunk(&chunk, PNG_TYPE(type[0], type[1], type[2], type[3]), data, length);
    const unit at = units[rng_below(rng, count)];
    buf_insert(b, rng_chance(rng, 50) ? at.start : at.start + at.length, chunk.p, chunk.n, 0);
    free(chunk.p);
}

/// Inflates the concatenated IDAT data into `raw` (empty when there is none or it does not inflate at all).
static void png_inflate_idat(const buffer *b, buffer *raw) {
    unit units[MAX_UNITS];
    const size_t count = png_units(b, units);
    buffer packed = {0};
    raw->n = 0;
    for (size_t i = 0; i < count; i++) {
        if (units[i].kind == PNG_TYPE('I', 'D', 'A', 'T')) {
            buf_insert(&packed, packed.n, b->p + units[i].start + 8, units[i].length - 12, 0);
        }
    }
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (packed.n == 0 || inflateInit(&stream) != Z_OK) {
        free(packed.p);
        return;
    }
    stream.next_in = packed.p;
    stream.avail_in = (uInt)packed.n;
    int result = Z_OK;
    while (result == Z_OK && raw->n < MAX_MUTANT_BYTES) {
        buf_reserve(raw, raw->n + 65536);
        stream.next_out = raw->p + raw->n;
        stream.avail_out = 65536;
        result = inflate(&stream, Z_NO_FLUSH);
        raw->n = (size_t)(stream.next_out - raw->p);
    }
    inflateEnd(&stream);
    free(packed.p);
}

/// Replaces every IDAT with a deflated `raw`, as one or several chunks with valid CRCs, where the first IDAT was
/// (or before IEND when there was none).
static void png_replace_idat(buffer *b, const buffer *raw, uint64_t *rng) {
    unit units[MAX_UNITS];
    const size_t count = png_units(b, units);
    if (count == 0) {
        return;
    }
    uLongf packed_size = compressBound((uLong)raw->n);
    uint8_t *deflated = xrealloc(NULL, packed_size);
    if (compress2(deflated, &packed_size, raw->p, (uLong)raw->n, (int)rng_below(rng, 10)) != Z_OK) {
        free(deflated);
        return;
    }
    buffer out = {0};
    buf_set(&out, b->p, 8);
    int placed = 0;
    buffer chunk = {0};
    for (size_t i = 0; i <= count; i++) {
        const int is_idat = i < count && units[i].kind == PNG_TYPE('I', 'D', 'A', 'T');
        const int at_end = i == count || units[i].kind == PNG_TYPE('I', 'E', 'N', 'D');
        if (!placed && (is_idat || at_end)) {
            placed = 1;
            const size_t pieces = rng_chance(rng, 70) ? 1 : 1 + rng_below(rng, 8);
            size_t offset = 0;
            for (size_t piece = 0; piece < pieces; piece++) {
                const size_t length =
                    piece + 1 == pieces ? packed_size - offset : rng_below(rng, packed_size - offset + 1);
                png_make_chunk(&chunk, PNG_TYPE('I', 'D', 'A', 'T'), deflated + offset, length);
                buf_insert(&out, out.n, chunk.p, chunk.n, 0);
                offset += length;
            }
        }
        if (i < count && !is_idat) {
            buf_insert(&out, out.n, b->p + units[i].start, units[i].length, 0);
        }
    }
    const size_t tail = units[count - 1].start + units[count - 1].length;
    buf_insert(&out, out.n, b->p + tail, b->n - tail, 0);
    free(chunk.p);
    free(deflated);
    free(b->p);
    *b = out;
}

/// Inflates the IDAT stream, damages the filtered rows (filter bytes, pixels, length), deflates it again and puts it
/// back with valid CRCs and a valid zlib checksum, so that libpng's row machinery sees the damage.
static void op_png_idat(buffer *b, uint64_t *rng) {
    buffer raw = {0};
    png_inflate_idat(b, &raw);
    if (raw.n == 0) {
        free(raw.p);
        return;
    }
    const unsigned edits = 1 + (unsigned)rng_below(rng, 4);
    for (unsigned e = 0; e < edits; e++) {
        switch (rng_below(rng, 6)) {
        case 0: { // rewrite a filter-type byte (row starts are unknown here; hit the first row or any byte)
            const size_t index = rng_chance(rng, 30) ? 0 : rng_below(rng, raw.n);
            raw.p[index] = rng_chance(rng, 80) ? (uint8_t)rng_below(rng, 5) : (uint8_t)rng_next(rng);
            break;
        }
        case 1:
            for (unsigned i = 0; i < 16; i++) {
                raw.p[rng_below(rng, raw.n)] = (uint8_t)rng_next(rng);
            }
            break;
        case 2: // too little data
            raw.n = 1 + rng_below(rng, raw.n);
            break;
        case 3: // too much data
            buf_insert(&raw, raw.n, NULL, 1 + rng_below(rng, 4096), (uint8_t)rng_below(rng, 5));
            break;
        case 4: { // a range repeated
            const size_t from = rng_below(rng, raw.n);
            buf_insert(&raw, rng_below(rng, raw.n + 1), raw.p + from, 1 + rng_below(rng, raw.n - from), 0);
            break;
        }
        default: // every byte one value (e.g. all filter 4)
            memset(raw.p, (int)rng_below(rng, 5), raw.n);
            break;
        }
    }
    png_replace_idat(b, &raw, rng);
    free(raw.p);
}

/// Rewrites IHDR with a random valid (sometimes invalid) geometry, colour type, depth and interlace, then writes
/// matching image data: correctly sized filtered rows for every Adam7 pass, mostly valid filter types, plus a PLTE
/// and tRNS where the colour type calls for them. This reaches every libpng transform the shim asks for.
static void op_png_regenerate(buffer *b, uint64_t *rng) {
    unit units[MAX_UNITS];
    size_t count = png_units(b, units);
    if (count == 0 || units[0].kind != PNG_TYPE('I', 'H', 'D', 'R') || units[0].length != 12 + 13) {
        return;
    }
    static const uint8_t types[] = {0, 2, 3, 4, 6};
    static const uint8_t depths_for[7][5] = {{1, 2, 4, 8, 16}, {0}, {8, 16}, {1, 2, 4, 8}, {8, 16}, {0}, {8, 16}};
    static const unsigned depth_counts[7] = {5, 0, 2, 4, 2, 0, 2};
    static const unsigned channels_for[7] = {1, 0, 3, 1, 2, 0, 4};
    const uint8_t type = types[rng_below(rng, 5)];
    const uint8_t depth = depths_for[type][rng_below(rng, depth_counts[type])];
    const uint32_t width = 1 + (uint32_t)rng_below(rng, rng_chance(rng, 70) ? 40 : 700);
    const uint32_t height = 1 + (uint32_t)rng_below(rng, rng_chance(rng, 70) ? 40 : 700);
    const uint8_t interlace = (uint8_t)rng_chance(rng, 50);
    uint8_t *ihdr = b->p + units[0].start + 8;
    put_be32(ihdr, width);
    put_be32(ihdr + 4, height);
    ihdr[8] = depth;
    ihdr[9] = type;
    ihdr[10] = 0;
    ihdr[11] = 0;
    ihdr[12] = interlace;
    if (rng_chance(rng, 5)) {
        ihdr[8 + rng_below(rng, 5)] = (uint8_t)rng_next(rng);
    }
    png_fix_crc(b, &units[0]);

    // Drop the old PLTE/tRNS; add fresh ones where wanted.
    for (size_t i = count; i-- > 1;) {
        if (units[i].kind == PNG_TYPE('P', 'L', 'T', 'E') || units[i].kind == PNG_TYPE('t', 'R', 'N', 'S')) {
            buf_erase(b, units[i].start, units[i].length);
        }
    }
    const size_t after_ihdr = units[0].start + units[0].length;
    buffer chunk = {0};
    uint8_t table[768];
    const unsigned palette_entries = 1 + (unsigned)rng_below(rng, depth < 8 ? (1u << depth) : 256);
    if (rng_chance(rng, 50) || (type == 3 && rng_chance(rng, 80))) {
        for (size_t i = 0; i < sizeof table; i++) {
            table[i] = (uint8_t)rng_next(rng);
        }
        const size_t length = rng_chance(rng, 90) ? 3 * (size_t)palette_entries : rng_below(rng, 769);
        if (rng_chance(rng, 60) || type != 3) {
            size_t trns = 0;
            if (type == 3) {
                trns = rng_chance(rng, 90) ? 1 + rng_below(rng, palette_entries) : rng_below(rng, 300);
            } else if (type == 0) {
                trns = rng_chance(rng, 90) ? 2 : rng_below(rng, 8);
            } else if (type == 2) {
                trns = rng_chance(rng, 90) ? 6 : rng_below(rng, 8);
            } else {
                trns = rng_below(rng, 8); // not allowed with an alpha channel
            }
            png_make_chunk(&chunk, PNG_TYPE('t', 'R', 'N', 'S'), table + 300, trns);
            buf_insert(b, after_ihdr, chunk.p, chunk.n, 0);
        }
        if (type != 0 && type != 4) {
            png_make_chunk(&chunk, PNG_TYPE('P', 'L', 'T', 'E'), table, length);
            buf_insert(b, after_ihdr, chunk.p, chunk.n, 0);
        }
    }
    free(chunk.p);

    // Filtered rows, pass by pass.
    static const unsigned x0[7] = {0, 4, 0, 2, 0, 1, 0}, dx[7] = {8, 8, 4, 4, 2, 2, 1};
    static const unsigned y0[7] = {0, 0, 4, 0, 2, 0, 1}, dy[7] = {8, 8, 8, 4, 4, 2, 2};
    const uint64_t bits = (uint64_t)depth * channels_for[type];
    buffer raw = {0};
    const int style = (int)rng_below(rng, 3);
    const int bad_filter = rng_chance(rng, 10);
    for (unsigned pass = 0; pass < (interlace ? 7u : 1u); pass++) {
        const uint32_t pw = interlace ? (width > x0[pass] ? (width - x0[pass] + dx[pass] - 1) / dx[pass] : 0) : width;
        const uint32_t ph = interlace ? (height > y0[pass] ? (height - y0[pass] + dy[pass] - 1) / dy[pass] : 0) : height;
        if (pw == 0 || ph == 0) {
            continue;
        }
        const size_t row_bytes = (size_t)((pw * bits + 7) / 8);
        for (uint32_t y = 0; y < ph; y++) {
            const size_t at = raw.n;
            buf_reserve(&raw, raw.n + 1 + row_bytes);
            raw.p[at] = bad_filter && rng_chance(rng, 5) ? (uint8_t)rng_next(rng) : (uint8_t)rng_below(rng, 5);
            for (size_t x = 0; x < row_bytes; x++) {
                raw.p[at + 1 + x] = style == 0 ? (uint8_t)rng_next(rng) : style == 1 ? 0 : (uint8_t)(x * 7 + y);
            }
            raw.n = at + 1 + row_bytes;
        }
    }
    if (raw.n == 0 || rng_chance(rng, 5)) {
        buf_insert(&raw, raw.n, NULL, 1 + rng_below(rng, 64), 0);
    }
    png_replace_idat(b, &raw, rng);
    free(raw.p);
}

// WebP: RIFF "WEBP" container, chunks of fourcc + little-endian size + payload padded to even length.

static int is_webp(const buffer *b) {
    return b->n >= 16 && memcmp(b->p, "RIFF", 4) == 0 && memcmp(b->p + 8, "WEBP", 4) == 0;
}

static uint32_t le32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static void put_le32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static size_t webp_units(const buffer *b, unit *out) {
    size_t count = 0, pos = 12;
    while (is_webp(b) && pos + 8 <= b->n && count < MAX_UNITS) {
        const size_t length = le32(b->p + pos + 4);
        const size_t total = 8 + length + (length & 1);
        if (total > b->n - pos) {
            out[count++] = (unit){pos, b->n - pos, b->n - pos, be32(b->p + pos)};
            break;
        }
        out[count++] = (unit){pos, total, total, be32(b->p + pos)};
        pos += total;
    }
    return count;
}

/// Chunk-aware WebP damage: canvas / frame sizes (VP8X, VP8, VP8L headers), VP8X flags, dropped or repeated chunks,
/// a byte inside a chunk, usually with the RIFF size made consistent again.
static void op_webp(buffer *b, uint64_t *rng) {
    unit units[MAX_UNITS];
    const size_t count = webp_units(b, units);
    if (count == 0) {
        return;
    }
    const unit u = units[rng_below(rng, count)];
    uint8_t *payload = b->p + u.start + 8;
    const size_t room = u.length > 8 ? u.length - 8 : 0;
    switch (rng_below(rng, 5)) {
    case 0: // sizes
        if (u.kind == PNG_TYPE('V', 'P', '8', 'X') && room >= 10) {
            const uint32_t w = interesting_dimension32(rng, 0) & 0xFFFFFF, h = interesting_dimension32(rng, 0) & 0xFFFFFF;
            payload[4] = (uint8_t)w, payload[5] = (uint8_t)(w >> 8), payload[6] = (uint8_t)(w >> 16);
            payload[7] = (uint8_t)h, payload[8] = (uint8_t)(h >> 8), payload[9] = (uint8_t)(h >> 16);
        } else if (u.kind == PNG_TYPE('V', 'P', '8', ' ') && room >= 10) {
            const uint32_t w = interesting_dimension16(rng, payload[6] | (payload[7] << 8));
            payload[6] = (uint8_t)w, payload[7] = (uint8_t)(w >> 8);
            const uint32_t h = interesting_dimension16(rng, payload[8] | (payload[9] << 8));
            payload[8] = (uint8_t)h, payload[9] = (uint8_t)(h >> 8);
        } else if (u.kind == PNG_TYPE('V', 'P', '8', 'L') && room >= 5) {
            const uint32_t w = (uint32_t)rng_below(rng, 0x4000), h = (uint32_t)rng_below(rng, 0x4000);
            const uint32_t bits = (le32(payload + 1) & 0xF0000000u) | w | (h << 14);
            put_le32(payload + 1, bits);
        } else if (room) {
            payload[rng_below(rng, room)] = interesting_byte(rng, 0);
        }
        break;
    case 1: // VP8X feature flags (animation, alpha, ...)
        if (u.kind == PNG_TYPE('V', 'P', '8', 'X') && room >= 1) {
            payload[0] ^= (uint8_t)(1u << rng_below(rng, 8));
        }
        break;
    case 2:
        buf_erase(b, u.start, u.length);
        break;
    case 3:
        buf_insert(b, rng_chance(rng, 50) ? u.start : u.start + u.length, b->p + u.start, u.length, 0);
        break;
    default:
        if (room) {
            const size_t index = u.start + 8 + rng_below(rng, room);
            b->p[index] = interesting_byte(rng, b->p[index]);
        }
        break;
    }
    if (b->n >= 8 && rng_chance(rng, 80)) {
        put_le32(b->p + 4, (uint32_t)(b->n - 8));
    }
}

typedef struct mutation {
    const char *name;
    void (*apply)(buffer *, uint64_t *);
} mutation;

#define MUTATION(f) {&(#f)[3], f}
static const mutation generic_mutations[] = {MUTATION(op_flip_bits),    MUTATION(op_overwrite_bytes),
                                             MUTATION(op_truncate),     MUTATION(op_insert_run),
                                             MUTATION(op_delete_range), MUTATION(op_copy_range),
                                             MUTATION(op_splice),       MUTATION(op_dimensions)};
static const mutation jpeg_mutations[] = {MUTATION(op_structure), MUTATION(op_field), MUTATION(op_dimensions),
                                          MUTATION(op_exif)};
static const mutation webp_mutations[] = {MUTATION(op_webp)};
static const mutation png_mutations[] = {MUTATION(op_structure),        MUTATION(op_field),
                                         MUTATION(op_dimensions),       MUTATION(op_png_header),
                                         MUTATION(op_png_insert_chunk), MUTATION(op_png_idat),
                                         MUTATION(op_png_regenerate)};
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/// Applies one to four mutations; their names go into `trace`.
static void mutate(buffer *b, uint64_t *rng, char *trace, size_t trace_capacity) {
    const unsigned steps = 1 + (unsigned)rng_below(rng, rng_chance(rng, 70) ? 1 : 4);
    size_t used = 0;
    trace[0] = '\0';
    for (unsigned s = 0; s < steps; s++) {
        const uint64_t pick = rng_below(rng, 100);
        const mutation *m;
        if (is_jpeg(b) && pick < 50) {
            m = &jpeg_mutations[rng_below(rng, COUNT(jpeg_mutations))];
        } else if (is_png(b) && pick < 55) {
            m = &png_mutations[rng_below(rng, COUNT(png_mutations))];
        } else if (is_webp(b) && pick < 50) {
            m = &webp_mutations[rng_below(rng, COUNT(webp_mutations))];
        } else {
            m = &generic_mutations[rng_below(rng, COUNT(generic_mutations))];
        }
        m->apply(b, rng);
        if (b->n > MAX_MUTANT_BYTES) {
            b->n = MAX_MUTANT_BYTES;
        }
        if (used < trace_capacity) {
            used += (size_t)snprintf(trace + used, trace_capacity - used, "%s%s", s ? "+" : "", m->name);
        }
    }
    // Most byte-level damage to a PNG only trips a CRC check; usually make the CRCs right so it goes deeper.
    if (is_png(b) && rng_chance(rng, 60)) {
        png_fix_all_crcs(b);
        if (used < trace_capacity) {
            snprintf(trace + used, trace_capacity - used, "+crc");
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// The input being decoded, so that a sanitizer death, a timeout or a violation can save it

static const uint8_t *current_data;
static size_t current_size;
static char current_label[128];
static char current_call[160]; // which decoder and options, for the timeout message
static char current_seed[512];  // the seed file the input comes from
static char current_path[4096];
static char timeout_path[4096];
static const char *output_folder = ".";
static unsigned timeout_seconds = 10;
static int verbose;
static const char *write_folder; // -w: every mutant is also written here

static void set_current(const uint8_t *data, size_t size, const char *label) {
    current_data = data;
    current_size = size;
    snprintf(current_label, sizeof current_label, "%s", label);
    snprintf(current_path, sizeof current_path, "%s/crash-%s.bin", output_folder, label);
    snprintf(timeout_path, sizeof timeout_path, "%s/timeout-%s.bin", output_folder, label);
}

static void write_all(int fd, const void *bytes, size_t length) {
    const uint8_t *p = bytes;
    while (length > 0) {
        const ssize_t written = write(fd, p, length);
        if (written <= 0) {
            return;
        }
        p += written;
        length -= (size_t)written;
    }
}

static void say(const char *text) { write_all(2, text, strlen(text)); }

/// Async-signal-safe: only open/write/close on preformatted strings.
static void save_current(const char *path) {
    if (current_data == NULL && current_size != 0) {
        return;
    }
    const int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        say("could not save the input to ");
        say(path);
        say("\n");
        return;
    }
    write_all(fd, current_data, current_size);
    close(fd);
    say("offending input (");
    say(current_label);
    say(") saved to ");
    say(path);
    say("\n");
}

static void on_sanitizer_death(void) {
    say("\n*** sanitizer error while decoding input ");
    say(current_label);
    say(" (seed ");
    say(current_seed);
    say(")\n");
    save_current(current_path);
}

static void on_alarm(int signal_number) {
    (void)signal_number;
    say("\n*** TIMEOUT: input ");
    say(current_label);
    say(": ");
    say(current_call);
    say(" did not return within the per-call limit (seed ");
    say(current_seed);
    say(")\n");
    save_current(timeout_path);
    abort();
}

// ---------------------------------------------------------------------------------------------------------
// Driving

static fuzz_counters counters;
static uint64_t violations;
static uint64_t inputs_decoded;

/// Decodes one input with both decoders and the given option sets; the bytes are copied into an exact-size heap
/// block so that ASan sees any read past the end.
static void decode_input(const uint8_t *bytes, size_t size, const char *label, const unsigned *option_indices,
                         size_t option_count) {
    uint8_t *exact = malloc(size ? size : 1);
    if (exact == NULL) {
        die("out of memory");
    }
    if (size) {
        memcpy(exact, bytes, size);
    }
    set_current(exact, size, label);
    for (size_t o = 0; o < option_count; o++) {
        const CImageCodecs_DecodeOptions *options = &fuzz_option_sets[option_indices[o]];
        for (int decoder = 0; decoder < FUZZ_DECODER_COUNT; decoder++) {
            if (fuzz_decoder_function((fuzz_decoder)decoder) == NULL) {
                continue;
            }
            char detail[512];
            CImageCodecs_Status status;
            snprintf(current_call, sizeof current_call,
                     "decode%s {max_pixels %llu, min_short_side %u, prefer_grey %u, output_luma %u} (+ checks)",
                     fuzz_decoder_names[decoder], (unsigned long long)options->max_pixels, options->min_short_side,
                     options->prefer_grey, options->output_luma);
            alarm(timeout_seconds);
            const int violated = fuzz_decode_and_check((fuzz_decoder)decoder, exact, size, options, 1, &counters, &status,
                                                       detail, sizeof detail);
            alarm(0);
            if (violated) {
                violations++;
                char path[4200];
                snprintf(path, sizeof path, "%s/violation-%s-%s.bin", output_folder, label,
                         fuzz_decoder_names[decoder]);
                fprintf(stderr,
                        "\n*** INVARIANT VIOLATION: %s decoder, input %s (seed %s), options {max_pixels %llu, "
                        "min_short_side %u, prefer_grey %u, output_luma %u}, status %d: %s\n",
                        fuzz_decoder_names[decoder], label, current_seed, (unsigned long long)options->max_pixels,
                        options->min_short_side, options->prefer_grey, options->output_luma, (int)status, detail);
                save_current(path);
            } else if (verbose) {
                fprintf(stderr, "%s %s opt%u %s %s\n", label, fuzz_decoder_names[decoder], option_indices[o],
                        (unsigned)status < 8 ? fuzz_status_names[status] : "?",
                        status == CImageCodecs_OK ? "" : fuzz_last_message);
            }
        }
    }
    inputs_decoded++;
    current_data = NULL;
    current_size = 0;
    free(exact);
}

static void add_seed(const char *path, size_t max_bytes) {
    struct stat info;
    if (stat(path, &info) != 0) {
        die("cannot stat %s: %s", path, strerror(errno));
    }
    if (S_ISDIR(info.st_mode)) {
        DIR *folder = opendir(path);
        if (folder == NULL) {
            die("cannot open %s: %s", path, strerror(errno));
        }
        char **names = NULL;
        size_t count = 0;
        struct dirent *entry;
        while ((entry = readdir(folder)) != NULL) {
            if (entry->d_name[0] == '.') {
                continue;
            }
            names = xrealloc(names, (count + 1) * sizeof *names);
            const size_t length = strlen(path) + strlen(entry->d_name) + 2;
            names[count] = xrealloc(NULL, length);
            snprintf(names[count], length, "%s/%s", path, entry->d_name);
            count++;
        }
        closedir(folder);
        // sorted, so that the order (and therefore every mutation) is the same on every machine
        for (size_t i = 1; i < count; i++) {
            for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
                char *swap = names[j - 1];
                names[j - 1] = names[j];
                names[j] = swap;
            }
        }
        for (size_t i = 0; i < count; i++) {
            add_seed(names[i], max_bytes);
            free(names[i]);
        }
        free(names);
        return;
    }
    if (!S_ISREG(info.st_mode) || (size_t)info.st_size > max_bytes) {
        return;
    }
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        die("cannot open %s: %s", path, strerror(errno));
    }
    uint8_t *data = xrealloc(NULL, (size_t)info.st_size);
    const size_t got = fread(data, 1, (size_t)info.st_size, file);
    fclose(file);
    if (got != (size_t)info.st_size) {
        die("short read on %s", path);
    }
    seeds = xrealloc(seeds, (seed_count + 1) * sizeof *seeds);
    seeds[seed_count].path = strdup(path);
    seeds[seed_count].data = data;
    seeds[seed_count].size = got;
    seed_count++;
}

/// The entry points' argument checks, once.
static void check_argument_handling(void) {
    const CImageCodecs_DecodeOptions options = fuzz_option_sets[0];
    CImageCodecs_DecodedImage image;
    const uint8_t byte = 0xFF;
    int failed = 0;
    failed |= CImageCodecs_decodeJPEG(&byte, 1, &options, NULL) != CImageCodecs_INVALID_ARGUMENT;
    failed |= CImageCodecs_decodePNG(&byte, 1, &options, NULL) != CImageCodecs_INVALID_ARGUMENT;
    failed |= CImageCodecs_decodeJPEG(NULL, 1, &options, &image) != CImageCodecs_INVALID_ARGUMENT || image.pixels;
    failed |= CImageCodecs_decodePNG(NULL, 1, &options, &image) != CImageCodecs_INVALID_ARGUMENT || image.pixels;
    failed |= CImageCodecs_decodeJPEG(&byte, 1, NULL, &image) != CImageCodecs_INVALID_ARGUMENT || image.pixels;
    failed |= CImageCodecs_decodePNG(&byte, 1, NULL, &image) != CImageCodecs_INVALID_ARGUMENT || image.pixels;
    failed |= CImageCodecs_decodeJPEG(&byte, 0, &options, &image) == CImageCodecs_OK || image.pixels;
    failed |= CImageCodecs_decodePNG(&byte, 0, &options, &image) == CImageCodecs_OK || image.pixels;
    CImageCodecs_EncodedData encoded;
    const uint8_t pixels[12] = {0};
    failed |= CImageCodecs_encodePNG(pixels, 2, 2, 3, NULL) != CImageCodecs_INVALID_ARGUMENT;
    failed |= CImageCodecs_encodePNG(NULL, 2, 2, 3, &encoded) != CImageCodecs_INVALID_ARGUMENT || encoded.bytes;
    failed |= CImageCodecs_encodePNG(pixels, 0, 2, 3, &encoded) != CImageCodecs_INVALID_ARGUMENT || encoded.bytes;
    failed |= CImageCodecs_encodePNG(pixels, 2, 0, 3, &encoded) != CImageCodecs_INVALID_ARGUMENT || encoded.bytes;
    failed |= CImageCodecs_encodePNG(pixels, 2, 2, 2, &encoded) != CImageCodecs_INVALID_ARGUMENT || encoded.bytes;
    failed |= CImageCodecs_encodePNG(pixels, 2, 2, 4, &encoded) != CImageCodecs_INVALID_ARGUMENT || encoded.bytes;
    failed |= CImageCodecs_encodePNG(pixels, 0x80000000u, 1, 1, &encoded) != CImageCodecs_INVALID_ARGUMENT;
    failed |= CImageCodecs_encodePNG(pixels, 0xFFFFFFFFu, 0xFFFFFFFFu, 3, &encoded) != CImageCodecs_INVALID_ARGUMENT;
    if (failed) {
        fprintf(stderr, "*** INVARIANT VIOLATION: argument checks of the entry points\n");
        violations++;
    }
    if (strstr(CImageCodecs_libraryVersions(), "libpng") == NULL) {
        fprintf(stderr, "*** INVARIANT VIOLATION: libraryVersions() = %s\n", CImageCodecs_libraryVersions());
        violations++;
    }
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    unsigned long long mutations = 100, prng_seed = 1;
    size_t max_bytes = (size_t)4 << 20;
    int quiet = 0, option;
    unsigned shard = 0, shards = 1;
    while ((option = getopt(argc, argv, "n:s:t:o:m:qvw:j:")) != -1) {
        switch (option) {
        case 'n':
            mutations = strtoull(optarg, NULL, 10);
            break;
        case 's':
            prng_seed = strtoull(optarg, NULL, 0);
            break;
        case 't':
            timeout_seconds = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case 'o':
            output_folder = optarg;
            break;
        case 'm':
            max_bytes = (size_t)strtoull(optarg, NULL, 10);
            break;
        case 'q':
            quiet = 1;
            break;
        case 'v':
            verbose = 1;
            break;
        case 'w':
            write_folder = optarg;
            break;
        case 'j':
            if (sscanf(optarg, "%u/%u", &shard, &shards) != 2 || shards == 0 || shard >= shards) {
                die("-j wants K/N with K < N");
            }
            break;
        default:
            die("usage: %s [-n MUTATIONS] [-s SEED] [-t SECONDS] [-o DIR] [-m MAXBYTES] [-q] [-v] [-w DIR] [-j K/N] PATH...", argv[0]);
        }
    }
    if (optind >= argc) {
        die("usage: %s [-n MUTATIONS] [-s SEED] [-t SECONDS] [-o DIR] [-m MAXBYTES] [-q] [-v] [-w DIR] [-j K/N] PATH...", argv[0]);
    }
    for (int i = optind; i < argc; i++) {
        add_seed(argv[i], max_bytes);
    }
    if (seed_count == 0) {
        die("no seed files");
    }
#ifdef FUZZ_HAVE_ASAN
    __sanitizer_set_death_callback(on_sanitizer_death);
#endif
    signal(SIGALRM, on_alarm);
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("%s; %zu seeds, %llu mutations each, PRNG seed %llu\n", CImageCodecs_libraryVersions(), seed_count,
           mutations, prng_seed);

    const double start = now_seconds();
    check_argument_handling();
    unsigned all_options[FUZZ_OPTION_SET_COUNT];
    for (unsigned i = 0; i < FUZZ_OPTION_SET_COUNT; i++) {
        all_options[i] = i;
    }
    buffer mutant = {0};
    size_t seeds_done = 0;
    for (size_t s = 0; s < seed_count; s++) {
        if (s % shards != shard) {
            continue;
        }
        seeds_done++;
        snprintf(current_seed, sizeof current_seed, "%s", seeds[s].path);
        const double seed_start = now_seconds();
        const fuzz_counters before = counters;
        char label[128];
        snprintf(label, sizeof label, "s%03zu-orig", s);
        decode_input(seeds[s].data, seeds[s].size, label, all_options, FUZZ_OPTION_SET_COUNT);
        for (unsigned long long m = 0; m < mutations; m++) {
            uint64_t rng = prng_seed * 0x100000001B3ull ^ ((uint64_t)s << 32) ^ m;
            rng_next(&rng);
            buf_set(&mutant, seeds[s].data, seeds[s].size);
            char trace[160];
            mutate(&mutant, &rng, trace, sizeof trace);
            if (verbose) {
                fprintf(stderr, "s%03zu-m%05llu mutations %s (%zu bytes)\n", s, m, trace, mutant.n);
            }
            const unsigned options[2] = {0, 1 + (unsigned)rng_below(&rng, FUZZ_OPTION_SET_COUNT - 1)};
            snprintf(label, sizeof label, "s%03zu-m%05llu", s, m);
            if (write_folder != NULL) {
                char path[4200];
                snprintf(path, sizeof path, "%s/%s.bin", write_folder, label);
                FILE *file = fopen(path, "wb");
                if (file == NULL || fwrite(mutant.p, 1, mutant.n, file) != mutant.n) {
                    die("cannot write %s", path);
                }
                fclose(file);
            }
            decode_input(mutant.p, mutant.n, label, options, 2);
        }
        if (!quiet) {
            printf("[%3zu/%zu] %-60s %8zu B  %6.2fs  OK:", s + 1, seed_count, seeds[s].path, seeds[s].size,
                   now_seconds() - seed_start);
            for (int d = 0; d < FUZZ_DECODER_COUNT; d++) {
                if (counters.calls[d] != before.calls[d]) {
                    printf("  %s %llu/%llu", fuzz_decoder_names[d],
                           (unsigned long long)(counters.status[d][0] - before.status[d][0]),
                           (unsigned long long)(counters.calls[d] - before.calls[d]));
                }
            }
            printf("\n");
        }
    }
    free(mutant.p);

    printf("\n== summary ==\n");
    printf("inputs decoded per decoder: %llu (%zu seeds + %llu mutants), PRNG seed %llu, shard %u/%u\n",
           (unsigned long long)inputs_decoded, seeds_done, (unsigned long long)(inputs_decoded - seeds_done), prng_seed,
           shard, shards);
    for (int d = 0; d < FUZZ_DECODER_COUNT; d++) {
        if (fuzz_decoder_function((fuzz_decoder)d) == NULL) {
            continue;
        }
        printf("%-4s %7llu calls:", fuzz_decoder_names[d], (unsigned long long)counters.calls[d]);
        for (int k = 0; k < FUZZ_STATUS_SLOTS; k++) {
            if (counters.status[d][k]) {
                printf(" %s %llu", fuzz_status_names[k], (unsigned long long)counters.status[d][k]);
            }
        }
        printf("\n");
    }
    printf("PNG round trips of decoded pictures: %llu\n", (unsigned long long)counters.round_trips);
    printf("invariant violations: %llu\n", (unsigned long long)violations);
    printf("elapsed: %.1f s\n", now_seconds() - start);
    for (size_t s = 0; s < seed_count; s++) {
        free(seeds[s].path);
        free(seeds[s].data);
    }
    free(seeds);
    return violations ? 1 : 0;
}
