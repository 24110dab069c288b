// JPEG decoding through libjpeg(-turbo).
//
// The whole libjpeg sequence (create, read header, start, read scanlines, finish, destroy) runs inside one
// setjmp scope in run_jpeg_decode; error_exit always longjmps back there with the library's message, and a
// warning that means the picture is damaged (data ran out, a scan stopped early, a bad Huffman code) longjmps
// too, so a cut-short scan is never returned as a grey-filled picture.
#include "CImageCodecs.h"
#include "codecs_internal.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

// jpeglib.h first: jerror.h numbers its messages differently depending on JPEG_LIB_VERSION, which jpeglib.h
// defines; the other order silently shifts every message code.
#include <jpeglib.h>

#include <jerror.h>

/// Progressive files can hold any number of scans, and each scan visits every block of its component, so a
/// hostile file makes decoding take minutes from a few hundred KB. Real encoders write about ten scans.
#define CIMAGECODECS_MAX_PROGRESSIVE_SCANS 1000

/// Scans × blocks allowed (2^27): a 100-megapixel 4:2:0 photo has 2.3 M blocks, so up to ~57 scans at that size
/// and far more at ordinary sizes; about two seconds of decoding at worst.
#define CIMAGECODECS_MAX_SCAN_BLOCKS ((uint64_t)1 << 27)

/// Rows decoded before they are converted to luminance.
#define CIMAGECODECS_LUMA_BATCH_ROWS 16

/// More stray bytes than this between the end of entropy-coded data and the next marker means the data is corrupt.
#define CIMAGECODECS_MAX_EXTRANEOUS_BYTES 16

typedef struct jpeg_error_state {
    struct jpeg_error_mgr manager; // first, so a j_common_ptr's err can be cast to this
    jmp_buf jump;
    CImageCodecs_Status status;
    char *message;
    size_t message_capacity;
} jpeg_error_state;

typedef struct jpeg_job {
    struct jpeg_decompress_struct info;
    jpeg_error_state error;
    struct jpeg_progress_mgr progress;
    uint8_t *pixels;   // the packed output, unless luma was asked for
    float *luma;       // the luminance output, when asked for
    uint8_t *cmyk_row; // one CMYK scanline, for sources that need converting
    uint8_t *row;      // one grey or RGB scanline, when the output is luminance
} jpeg_job;

static void fail_with_library_message(j_common_ptr info, CImageCodecs_Status status) {
    jpeg_error_state *state = (jpeg_error_state *)info->err;
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    cimagecodecs_set_message(state->message, state->message_capacity, "%s", text);
    state->status = status;
    longjmp(state->jump, 1);
}

static void on_error_exit(j_common_ptr info) {
    CImageCodecs_Status status = CImageCodecs_CORRUPT;
    switch (info->err->msg_code) {
    case JERR_EMPTY_IMAGE:
        status = CImageCodecs_EMPTY;
        break;
    case JERR_OUT_OF_MEMORY:
        status = CImageCodecs_OUT_OF_MEMORY;
        break;
    case JERR_IMAGE_TOO_BIG:
        status = CImageCodecs_TOO_LARGE;
        break;
    case JERR_NOT_COMPILED:
    case JERR_CONVERSION_NOTIMPL:
    case JERR_BAD_PRECISION:      // 12- and 16-bit JPEGs: this libjpeg is built for 8 bits
    case JERR_SOF_UNSUPPORTED:    // lossless and hierarchical JPEGs
    case JERR_ARITH_NOTIMPL:
        status = CImageCodecs_UNSUPPORTED;
        break;
    default:
        break;
    }
    fail_with_library_message(info, status);
}

static void on_emit_message(j_common_ptr info, int level) {
    if (level >= 0) {
        return; // trace messages
    }
    switch (info->err->msg_code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
        fail_with_library_message(info, CImageCodecs_TRUNCATED);
        break;
    case JWRN_HUFF_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
        fail_with_library_message(info, CImageCodecs_CORRUPT);
        break;
    case JWRN_EXTRANEOUS_DATA:
        // libjpeg-turbo's fast Huffman path turns an invalid code into a zero without a warning, so corrupt
        // entropy-coded data often shows only here: the decoder stops far from where the segment ends. A few
        // stray bytes before a marker are common in files that are otherwise whole (some cameras pad), so only
        // a larger gap counts as damage.
        if (info->err->msg_parm.i[0] > CIMAGECODECS_MAX_EXTRANEOUS_BYTES) {
            fail_with_library_message(info, CImageCodecs_CORRUPT);
        }
        info->err->num_warnings++;
        break;
    default:
        // An unknown JFIF revision, a bad ICC marker, an unknown Adobe transform: the picture is whole.
        info->err->num_warnings++;
        break;
    }
}

static void on_output_message(j_common_ptr info) { (void)info; }

static void on_progress(j_common_ptr info) {
    if (!info->is_decompressor) {
        return;
    }
    j_decompress_ptr decompress = (j_decompress_ptr)info;
    if (!decompress->progressive_mode) {
        return;
    }
    // A scan's cost grows with the blocks it covers, so bound scans × blocks as well as the scan count: a few
    // hundred KB of tiny refinement scans over a 100-megapixel frame otherwise costs 15 s or more.
    uint64_t blocks = 0;
    for (int index = 0; index < decompress->num_components; index++) {
        blocks += (uint64_t)decompress->comp_info[index].width_in_blocks *
                  (uint64_t)decompress->comp_info[index].height_in_blocks;
    }
    const uint64_t scans = (uint64_t)decompress->input_scan_number;
    if (scans > CIMAGECODECS_MAX_PROGRESSIVE_SCANS || scans * blocks > CIMAGECODECS_MAX_SCAN_BLOCKS) {
        jpeg_error_state *state = (jpeg_error_state *)info->err;
        cimagecodecs_set_message(state->message, state->message_capacity,
                                 "progressive JPEG asks for too much work: %llu scans over %llu blocks",
                                 (unsigned long long)scans, (unsigned long long)blocks);
        state->status = CImageCodecs_CORRUPT;
        longjmp(state->jump, 1);
    }
}

// ---------------------------------------------------------------------------------------------------------
// EXIF orientation (TIFF tag 0x0112 in IFD0 of an "Exif\0\0" APP1 segment), every read bounds-checked.

static uint32_t read_u16(const uint8_t *p, int little) {
    return little ? (uint32_t)p[0] | ((uint32_t)p[1] << 8) : ((uint32_t)p[0] << 8) | (uint32_t)p[1];
}

static uint32_t read_u32(const uint8_t *p, int little) {
    return little ? (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24)
                  : ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static uint32_t exif_orientation(const uint8_t *segment, size_t length) {
    static const uint8_t exif_header[6] = {'E', 'x', 'i', 'f', 0, 0};
    if (length < 6 + 8 || memcmp(segment, exif_header, 6) != 0) {
        return 0;
    }
    const uint8_t *tiff = segment + 6;
    const size_t tiff_length = length - 6;
    int little;
    if (tiff[0] == 'I' && tiff[1] == 'I') {
        little = 1;
    } else if (tiff[0] == 'M' && tiff[1] == 'M') {
        little = 0;
    } else {
        return 0;
    }
    if (read_u16(tiff + 2, little) != 42) {
        return 0;
    }
    const uint32_t ifd = read_u32(tiff + 4, little);
    if (ifd > tiff_length || tiff_length - ifd < 2) {
        return 0;
    }
    const uint32_t entries = read_u16(tiff + ifd, little);
    for (uint32_t index = 0; index < entries; index++) {
        const uint64_t offset = (uint64_t)ifd + 2 + (uint64_t)index * 12;
        if (offset + 12 > tiff_length) {
            return 0;
        }
        const uint8_t *entry = tiff + offset;
        if (read_u16(entry, little) == 0x0112 && read_u16(entry + 2, little) == 3 && read_u32(entry + 4, little) >= 1) {
            const uint32_t value = read_u16(entry + 8, little);
            return (value >= 1 && value <= 8) ? value : 0;
        }
    }
    return 0;
}

static uint32_t orientation_from_markers(j_decompress_ptr info) {
    for (jpeg_saved_marker_ptr marker = info->marker_list; marker != NULL; marker = marker->next) {
        if (marker->marker == JPEG_APP0 + 1) {
            const uint32_t value = exif_orientation(marker->data, marker->data_length);
            if (value != 0) {
                return value;
            }
        }
    }
    return 1;
}

// ---------------------------------------------------------------------------------------------------------

/// The largest denominator d in {8, 4, 2, 1} whose scaled shorter side, ceil(side / d), stays >= minimum.
static unsigned choose_scale_denominator(uint32_t width, uint32_t height, uint32_t minimum) {
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

/// MULDIV255 as Pillow computes it: a·b/255 rounded.
static inline uint32_t multiply_divide_255(uint32_t a, uint32_t b) {
    const uint32_t t = a * b + 128;
    return ((t >> 8) + t) >> 8;
}

/// CMYK (as libjpeg returns it: inverted when an Adobe marker is present) to RGB by Pillow's rule,
/// R = (255 − K) − (C·(255 − K) / 255), so that hashes agree with Pillow-based tools.
static void convert_cmyk_row(const uint8_t *cmyk, uint8_t *rgb, uint32_t width, int inverted) {
    for (uint32_t x = 0; x < width; x++, cmyk += 4, rgb += 3) {
        const uint32_t c = inverted ? 255u - cmyk[0] : cmyk[0];
        const uint32_t m = inverted ? 255u - cmyk[1] : cmyk[1];
        const uint32_t y = inverted ? 255u - cmyk[2] : cmyk[2];
        const uint32_t k = inverted ? 255u - cmyk[3] : cmyk[3];
        const uint32_t not_k = 255u - k;
        rgb[0] = (uint8_t)(not_k - multiply_divide_255(c, not_k));
        rgb[1] = (uint8_t)(not_k - multiply_divide_255(m, not_k));
        rgb[2] = (uint8_t)(not_k - multiply_divide_255(y, not_k));
    }
}

static void run_jpeg_decode(jpeg_job *job, const uint8_t *data, size_t size, const CImageCodecs_DecodeOptions *options,
                            CImageCodecs_DecodedImage *result) {
    struct jpeg_decompress_struct *info = &job->info;
    if (setjmp(job->error.jump)) {
        return; // status and message were set by whoever jumped
    }
    jpeg_create_decompress(info);
    job->progress.progress_monitor = on_progress;
    info->progress = &job->progress;
    jpeg_mem_src(info, data, (unsigned long)size);
    jpeg_save_markers(info, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(info, TRUE);

    const CImageCodecs_Status size_status =
        cimagecodecs_check_declared_size(info->image_width, info->image_height, options, result);
    if (size_status != CImageCodecs_OK) {
        job->error.status = size_status;
        return;
    }
    if (info->progressive_mode) {
        result->source_flags |= CImageCodecs_SOURCE_PROGRESSIVE;
    }
    result->orientation = orientation_from_markers(info);

    int cmyk = 0;
    switch (info->jpeg_color_space) {
    case JCS_GRAYSCALE:
        info->out_color_space = JCS_GRAYSCALE;
        result->source_flags |= CImageCodecs_SOURCE_GREY;
        break;
    case JCS_YCbCr:
    case JCS_RGB:
        info->out_color_space = options->prefer_grey ? JCS_GRAYSCALE : JCS_RGB;
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        info->out_color_space = JCS_CMYK;
        result->source_flags |= CImageCodecs_SOURCE_CMYK;
        cmyk = 1;
        break;
    default:
        cimagecodecs_set_message(result->message, sizeof result->message,
                                 "unsupported JPEG colour space with %d components", info->num_components);
        job->error.status = CImageCodecs_UNSUPPORTED;
        return;
    }
    info->scale_num = 1;
    info->scale_denom = choose_scale_denominator(info->image_width, info->image_height, options->min_short_side);
    info->dct_method = JDCT_ISLOW; // what Pillow uses, so the exact path matches the PDQ reference
    jpeg_calc_output_dimensions(info);

    const uint32_t channels = cmyk ? 3 : (uint32_t)info->output_components;
    const uint32_t width = info->output_width;
    const size_t bytes = options->output_luma
                             ? cimagecodecs_buffer_size(width, info->output_height, sizeof(float))
                             : cimagecodecs_buffer_size(width, info->output_height, channels);
    if (bytes == 0) {
        cimagecodecs_set_message(result->message, sizeof result->message, "output size overflows");
        job->error.status = CImageCodecs_TOO_LARGE;
        return;
    }
    if (options->output_luma) {
        job->luma = malloc(bytes);
        job->row = malloc((size_t)width * channels * CIMAGECODECS_LUMA_BATCH_ROWS);
    } else {
        job->pixels = malloc(bytes);
    }
    if (cmyk) {
        job->cmyk_row = malloc((size_t)width * 4);
    }
    if ((options->output_luma ? (job->luma == NULL || job->row == NULL) : job->pixels == NULL) ||
        (cmyk && job->cmyk_row == NULL)) {
        cimagecodecs_set_message(result->message, sizeof result->message, "cannot allocate %zu bytes", bytes);
        job->error.status = CImageCodecs_OUT_OF_MEMORY;
        return;
    }

    jpeg_start_decompress(info);
    const size_t stride = (size_t)width * channels;
    const int inverted = info->saw_Adobe_marker;
    while (info->output_scanline < info->output_height) {
        // Samples land in the output, or (for luminance) in a batch of scratch rows that is converted once full:
        // reading a row straight after libjpeg wrote it stalls on store forwarding.
        const size_t first = info->output_scanline;
        const size_t remaining = info->output_height - first;
        const size_t batch =
            options->output_luma && remaining > CIMAGECODECS_LUMA_BATCH_ROWS ? CIMAGECODECS_LUMA_BATCH_ROWS
            : options->output_luma                                             ? remaining
                                                                               : 1;
        for (size_t index = 0; index < batch; index++) {
            uint8_t *samples = options->output_luma ? job->row + index * stride : job->pixels + (first + index) * stride;
            JSAMPROW target = cmyk ? job->cmyk_row : samples;
            if (jpeg_read_scanlines(info, &target, 1) != 1) {
                cimagecodecs_set_message(result->message, sizeof result->message, "decoder returned no scanline");
                job->error.status = CImageCodecs_TRUNCATED;
                return;
            }
            if (cmyk) {
                convert_cmyk_row(job->cmyk_row, samples, width, inverted);
            }
        }
        if (options->output_luma) {
            cimagecodecs_luma(job->row, channels, job->luma + first * width, batch * width);
        }
    }
    jpeg_finish_decompress(info);

    result->width = info->output_width;
    result->height = info->output_height;
    result->channels = options->output_luma ? 1 : channels;
    result->scale_denominator = info->scale_denom;
    job->error.status = CImageCodecs_OK;
}

CImageCodecs_Status CImageCodecs_decodeJPEG(const uint8_t *data, size_t size, const CImageCodecs_DecodeOptions *options,
                                            CImageCodecs_DecodedImage *result) {
    const CImageCodecs_Status begun = cimagecodecs_begin_decode(data, options, result);
    if (begun != CImageCodecs_OK) {
        return begun;
    }
    if (size == 0) {
        cimagecodecs_set_message(result->message, sizeof result->message, "empty input");
        return CImageCodecs_TRUNCATED;
    }
    jpeg_job *job = calloc(1, sizeof *job);
    if (job == NULL) {
        cimagecodecs_set_message(result->message, sizeof result->message, "cannot allocate decoder state");
        return CImageCodecs_OUT_OF_MEMORY;
    }
    job->info.err = jpeg_std_error(&job->error.manager);
    job->error.manager.error_exit = on_error_exit;
    job->error.manager.emit_message = on_emit_message;
    job->error.manager.output_message = on_output_message;
    job->error.message = result->message;
    job->error.message_capacity = sizeof result->message;
    job->error.status = CImageCodecs_CORRUPT;

    run_jpeg_decode(job, data, size, options, result);

    // Safe whatever state the decoder was left in: destroy checks for a half-built object.
    jpeg_destroy_decompress(&job->info);
    free(job->cmyk_row);
    free(job->row);
    const CImageCodecs_Status status = job->error.status;
    if (status == CImageCodecs_OK) {
        result->pixels = job->pixels;
        result->luma = job->luma;
    } else {
        free(job->pixels);
        free(job->luma);
        result->width = 0;
        result->height = 0;
        result->channels = 0;
    }
    free(job);
    return status;
}
