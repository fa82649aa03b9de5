package dev.trellis.model.branding;

/** The image formats branding accepts (seed 002: PNG, JPG). */
public enum ImageFormat {
  PNG,
  JPEG
}
