// What Swift needs from libpng but cannot import or call safely by itself:
// - format constants of the simplified API built from other macros (PNG_FORMAT_RGBA...);
// - a decoder on the classic API whose error longjmp stays inside C: libpng's error
//   handler jumps back to the setjmp in ember_png_decode, never across a Swift frame.
#ifndef EMBER_CLIBPNG_SHIM_H
#define EMBER_CLIBPNG_SHIM_H

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const png_uint_32 ember_png_format_gray = PNG_FORMAT_GRAY;
static const png_uint_32 ember_png_format_ga = PNG_FORMAT_GA;
static const png_uint_32 ember_png_format_rgb = PNG_FORMAT_RGB;
static const png_uint_32 ember_png_format_rgba = PNG_FORMAT_RGBA;
static const png_uint_32 ember_png_image_version = PNG_IMAGE_VERSION;

/// True when a simplified-API call reported a failure (PNG_IMAGE_FAILED).
static inline int ember_png_image_failed(const png_image *image) {
    return (image->warning_or_error & 3) > 1;
}

/// The largest decoded image ember_png_decode accepts, in bytes (1 GiB).
#define EMBER_PNG_MAX_BYTES ((size_t)1 << 30)

/// The state libpng's callbacks share with ember_png_decode.
typedef struct {
    const unsigned char *data;
    size_t size;
    size_t position;
    char message[256];
} ember_png_source;

static inline void ember_png_read_bytes(png_structp png, png_bytep out, size_t count) {
    ember_png_source *source = (ember_png_source *)png_get_io_ptr(png);
    if (count > source->size - source->position) {
        png_error(png, "unexpected end of file (truncated PNG data)");
    }
    memcpy(out, source->data + source->position, count);
    source->position += count;
}

static inline void ember_png_on_error(png_structp png, png_const_charp message) {
    ember_png_source *source = (ember_png_source *)png_get_error_ptr(png);
    strncpy(source->message, message ? message : "unknown libpng error", sizeof source->message - 1);
    source->message[sizeof source->message - 1] = 0;
    longjmp(png_jmpbuf(png), 1);
}

static inline void ember_png_on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

/// Decodes the PNG file held in `data` to 8-bit channels in the file's own layout:
/// palettes expand to RGB (RGBA when they carry transparency), tRNS becomes an alpha channel,
/// gray below 8 bits expands to 8, and 16-bit samples keep their high byte (as Pillow does).
/// On success returns 1 with a malloc'd buffer of height * width * channels bytes in `pixels`
/// (free it with free()); on failure returns 0 with libpng's message in `message`.
static inline int ember_png_decode(const unsigned char *data, size_t size,
                                   unsigned char **pixels, uint32_t *width, uint32_t *height,
                                   int *channels, char message[256]) {
    ember_png_source source = {data, size, 0, {0}};
    *pixels = NULL;
    message[0] = 0;
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        strcpy(message, "not a PNG file (bad signature)");
        return 0;
    }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &source,
                                             ember_png_on_error, ember_png_on_warning);
    if (!png) {
        strcpy(message, "out of memory creating the libpng reader");
        return 0;
    }
    png_infop info = png_create_info_struct(png);
    unsigned char *volatile buffer = NULL;
    png_bytep *volatile rows = NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        strcpy(message, info ? source.message : "out of memory creating the libpng reader");
        free(buffer);
        free(rows);
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        return 0;
    }
    png_set_read_fn(png, &source, ember_png_read_bytes);
    png_read_info(png, info);
    png_byte color = png_get_color_type(png, info);
    if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (png_get_bit_depth(png, info) == 16) png_set_strip_16(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    uint32_t w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int c = png_get_channels(png, info);
    size_t stride = png_get_rowbytes(png, info);
    if (stride != (size_t)w * (size_t)c || png_get_bit_depth(png, info) != 8)
        png_error(png, "unsupported PNG layout after conversion to 8 bits");
    if (h != 0 && stride > EMBER_PNG_MAX_BYTES / h)
        png_error(png, "image too large (more than 1 GiB of pixels)");
    buffer = (unsigned char *)malloc(stride * h + 1);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (h + 1));
    if (!buffer || !rows) png_error(png, "out of memory for the decoded pixels");
    for (uint32_t y = 0; y < h; y++) rows[y] = buffer + (size_t)y * stride;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    *pixels = buffer;
    *width = w;
    *height = h;
    *channels = c;
    return 1;
}

#endif
