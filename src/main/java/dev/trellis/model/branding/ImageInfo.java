package dev.trellis.model.branding;

/** What the header of an image says: its format and size in pixels, and its length in bytes. */
public record ImageInfo(ImageFormat format, int width, int height, int bytes) {}
